"""The source line under every exhibit: "Source: Q3 2026 pulse, n = 65, fielded 7–18 Sep 2026".

Each slide that shows numbers names where they come from, in one line between its body and
its footer (deck.css .slide-source): the survey wave (or waves, for a change) with its n and
fieldwork dates, the usability test, the contact log, or the consultant's own assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck.layout import Slide
from generator.render.deck.words import Words

SURVEY_KINDS = ("summary", "kpis", "themes", "success")


def add_sources(slides: Sequence[Slide], context: Mapping[str, Any], words: Words) -> None:
    """Set ``data["source"]`` on every slide that shows an exhibit."""
    current = wave_source(context["wave"], words)
    both = current
    if context["previous_wave"] is not None:
        both = "; ".join((wave_source(context["previous_wave"], words), current))
    for slide in slides:
        source = None
        if slide.kind in SURVEY_KINDS:
            source = current
        elif slide.kind == "changes":
            source = both
        elif slide.kind == "finding":
            source = _finding_source(slide.data.get("chart"), context, words, current, both)
        elif slide.kind == "matrix":
            consultant = context["consultant"]
            who = consultant.get("company") or consultant.get("name") or ""
            source = words._("impact and effort as assessed by %(consultant)s", consultant=who)
        elif slide.kind == "relationship":
            source = _log_source(context["relationship"], words)
        if source:
            slide.data["source"] = words._("Source: %(what)s", what=source)


def wave_source(wave: Mapping[str, Any], words: Words) -> str:
    """A wave's name, its number of responses and its fieldwork dates."""
    responses = (wave.get("response_rate") or {}).get("responses")
    return words._(
        "%(wave)s, n = %(n)s, fielded %(dates)s",
        wave=wave["name"],
        n=words.fmt.integer(responses or 0),
        dates=date_range(wave["fielded_start"], wave["fielded_end"], words),
    )


def date_range(start: Any, end: Any, words: Words) -> str:
    """Two dates as one range in the document's language ("7–18 Sept 2026")."""
    from babel.dates import format_interval

    first, last = (dt.date.fromisoformat(str(d)) for d in (start, end))
    return str(format_interval(first, last, "yMMMd", locale=words.fmt.locale))


def _finding_source(chart, context, words: Words, current: str, both: str) -> str:
    if chart is None:
        return current
    if chart["kind"] == "series":  # every wave drawn
        return "; ".join(wave_source(w, words) for w in context["waves"])
    if chart["kind"] == "dumbbell":  # this wave and the last
        return both
    test = chart.get("usability")
    if test is not None:
        return words.n_(
            "%(test)s, %(num)s participant, %(date)s",
            "%(test)s, %(num)s participants, %(date)s",
            test["participants"],
            test=test["title"],
            date=words.fmt.date_long(test["date"]),
        )
    return current


def _log_source(health: Mapping[str, Any], words: Words) -> str:
    timeline = health.get("timeline") or []
    dates = [str(p["date"]) for p in timeline]
    return words.n_(
        "contact log, %(num)s contact, %(dates)s",
        "contact log, %(num)s contacts, %(dates)s",
        len(timeline),
        dates=date_range(min(dates), max(dates), words),
    )
