"""The deck's slides, laid out before rendering: what goes on which slide.

``deck_context`` turns the document context into a list of slides, in presentation order. A
slide without data is left out; content that would not fit a slide continues on the next one,
titled "<headline> (2/3)". Fitting is decided before rendering by estimating heights (lines ×
line height, the line count from the brand font's advance widths, see ``fit``), always on the
safe side, with the boxes and sizes of templates/css/deck.css (see ``layout``). The templates
only print what is planned here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck import (
    account,
    findings,
    presenter,
    recommendations,
    results,
    sources,
    summary,
    talk,
    teams,
)
from generator.render.deck.fit import whole
from generator.render.deck.layout import BODY_WIDTH, FOOT, TITLE, Slide, slide_run, spread
from generator.render.deck.words import Words

FOOTER_TEXT_WIDTH = 700.0
LONG_DECK = 20  # slides: a deck this long has an agenda
AGENDA_COLUMN = 7  # sections in one column; more take two
AGENDA_ROW = 22.0 + 2 * 5.0 + 0.75
AGENDA_PADDING = 5.0


def deck_context(context: dict[str, Any]) -> dict[str, Any]:
    """Return the document context with the deck's slides planned (``slides``)."""
    words = Words(context["language"])
    if context["wave"] is None:  # a usability study without a survey
        from generator.render.report import usability_wave

        context = {**context, "wave": usability_wave(context)}
    slides = plan_slides(context, words)
    return {
        **context,
        "slides": slides,
        "slide_count": len(slides),
        "footer_text": _footer(context),
    }


def plan_slides(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """Return every slide, numbered, the agenda pointing at each section's first slide."""
    used_quotes: set[str] = set()  # a quote is shown once in the deck
    body = [
        *results.headline_numbers(context, words),
        *results.changes(context, words),
        *results.themes(context, words, used_quotes),
        *findings.findings(context, words, used_quotes),
        *recommendations.priorities(context, words),
        *teams.audiences(context, words),
        *account.relationship(context, words),
        *account.next_steps(context, words),
    ]
    # The roadmap, the measures and the earlier waves' recommendations back the story up:
    # they follow a divider, after the next steps.
    backup = [
        *recommendations.roadmap(context, words),
        *recommendations.success(context, words),
        *recommendations.earlier(context, words),
    ]
    if backup:
        body += [_divider(words), *backup]
    opening = [_title(context), *summary.executive_summary(context, words)]
    agenda = _agenda(context, words, body, len(opening) + len(body))
    slides = [*opening, *([agenda] if agenda else []), *body]
    sources.add_sources(slides, context, words)
    presenter.add_presenter_numbers(slides, context, words)
    for number, slide in enumerate(slides, start=1):
        slide.number = number
    talk.add_talk_tracks(slides, context, words)
    # The matrix's ids are keyed to the teams' slides, where each action is spelled out.
    team_numbers = [slide.number for slide in slides if slide.kind == "audience"]
    for slide in slides:
        if slide.kind == "matrix" and team_numbers:
            slide.data["teams"] = [team_numbers[0], team_numbers[-1]]
    if agenda:
        first: dict[str, Slide] = {}
        for slide in body:
            first.setdefault(slide.section, slide)
        agenda.data["entries"] = [
            {"title": section, "number": slide.number} for section, slide in first.items()
        ]
        # deck.css .agenda: one column up to seven sections, else two; a row is 22 pt of
        # text, 5 pt above and below and its rule. The rows share out the room left.
        count = len(agenda.data["entries"])
        rows = count if count <= AGENDA_COLUMN else math.ceil(count / 2)
        agenda.data["row_padding"] = AGENDA_PADDING + spread(rows * AGENDA_ROW, rows)
    return slides


def _footer(context: Mapping[str, Any]) -> str:
    """The client and the confidentiality line; the line alone when both do not fit."""
    both = f"{context['running_client']} · {context['confidentiality']}"
    if FOOT.lines(both, FOOTER_TEXT_WIDTH) == 1 or not context["confidentiality"]:
        return both
    return str(context["confidentiality"])


def _title(context: Mapping[str, Any]) -> Slide:
    consultant = context["consultant"]
    by = ", ".join(p for p in (consultant.get("name"), consultant.get("company")) if p)
    title = whole(context["engagement"]["title"])
    data = {
        "title": title,
        "long": TITLE.lines(title, BODY_WIDTH) > 4,
        "client": context["client"]["name"],
        "wave": context["wave"]["name"],
        "by": by,
    }
    return Slide("title", "", "", title, data=data)


def _divider(words: Words) -> Slide:
    section = words._("Backup")
    headline = words._("The roadmap, the measures of success and the earlier waves")
    return slide_run("divider", section, headline, [{}])[0]


def _agenda(
    context: Mapping[str, Any], words: Words, body: Sequence[Slide], count: int
) -> Slide | None:
    """An agenda for a long deck only (20 slides or more, three sections or more): a shorter
    deck is followed well enough from its executive summary."""
    if count + 1 < LONG_DECK or len({s.section for s in body}) < 3:
        return None
    headline = words.n_(
        "%(num)s finding, %(recommendations)s and the next steps",
        "%(num)s findings, %(recommendations)s and the next steps",
        len(context["findings"]),
        recommendations=words.n_(
            "%(num)s recommendation", "%(num)s recommendations", len(context["recommendations"])
        ),
    )
    return slide_run("agenda", words._("Agenda"), headline, [{"entries": []}])[0]
