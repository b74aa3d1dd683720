"""One slide per key finding: its title is the headline, the evidence sits under it.

With a chart the body has two columns (the chart, 470 pt; the summary, facts and a quote,
338 pt); without one, the summary and facts take 500 pt and quotes the rest. Facts that do
not fit continue on a second slide with the quotes left over.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.render.deck.evidence import finding_evidence
from generator.render.deck.fit import paginate, plain, whole
from generator.render.deck.layout import (
    BODY,
    BODY_HEIGHT,
    LEAD,
    Slide,
    fit_chart,
    fit_quotes,
    slide_run,
    take,
)
from generator.render.deck.talk import note
from generator.render.deck.words import Words

CHART_COLUMN = 470.0
TEXT_BESIDE_CHART = 338.0
TEXT_WIDE = 500.0
QUOTES_WIDE = 308.0
LEAD_GAP = 14.0
FACT_GAP = 10.0
FACT_INDENT = 16.0


def findings(context: Mapping[str, Any], words: Words, used_quotes: set[str]) -> list[Slide]:
    """One slide per finding of the wave (two when its facts do not fit), notes attached."""
    all_findings = context["findings"]
    slides: list[Slide] = []
    shown_charts: set[tuple] = set()  # no chart is drawn twice
    section = words._("Key findings")
    for index, finding in enumerate(all_findings, start=1):
        kicker = words._(
            "Key finding %(num)s of %(total)s",
            num=words.fmt.integer(index),
            total=words.fmt.integer(len(all_findings)),
        )
        pages, figure = _pages(finding, context, words, used_quotes, shown_charts)
        run = slide_run("finding", section, _headline(finding["title"], figure), pages, kicker)
        if finding.get("notes"):
            run[0].notes.append(note("say", words._("What to say"), finding["notes"]))
        if finding.get("narrative"):  # the report's longer text, to rehearse from
            run[0].notes.append(note("background", words._("Background"), finding["narrative"]))
        slides.extend(run)
    return slides


def _headline(title: str, figure: str | None) -> str:
    """The finding's title, with the figure that proves it when the title has none
    ("… bedded in (3.9 → 3.6).")."""
    if figure is None or any(char.isdigit() for char in title):
        return title
    stop = "." if title.rstrip().endswith(".") else ""
    return f"{title.rstrip(' .')} ({figure}){stop}"


def _pages(
    finding, context, words: Words, used_quotes: set[str], shown_charts: set[tuple]
) -> tuple[list[dict[str, Any]], str | None]:
    """The finding's slides, and the figure that proves its title: its chart's (the lagging
    groups against the whole, two items against each other, a change), else its first
    measured fact's."""
    evidence = finding_evidence(finding, context, words, shown_charts)
    figure = (evidence.chart or {}).get("figure")
    figure = figure or next((f["figure"] for f in evidence.facts if f.get("figure")), None)
    chart = fit_chart(evidence.chart, CHART_COLUMN, BODY_HEIGHT) if evidence.chart else None
    if chart and chart.get("more"):  # bars left out are said, never silently dropped
        more = words.n_(*chart["more_messages"], chart["more"])
        chart["caption"] = f"{chart['caption']} · {more}"
    column = TEXT_BESIDE_CHART if chart else TEXT_WIDE
    summary = finding.get("summary") or ""
    most = int(BODY_HEIGHT * 0.6 // LEAD.leading)  # the summary leaves room for evidence
    lead, lead_rest = summary, ""
    if summary and LEAD.lines(plain(summary), column) > most:
        # A long summary continues, at a sentence, on the next slide: never cut.
        lead, lead_rest = _split_sentences(plain(summary), column, BODY_HEIGHT)
    used = LEAD.height(plain(lead), column) + LEAD_GAP if lead else 0.0

    def fact_height(fact: Mapping[str, Any]) -> float:
        return BODY.height(f"{fact['label']}: {fact['text']}", column - FACT_INDENT) + FACT_GAP

    shown, rest = take(evidence.facts, fact_height, BODY_HEIGHT - used)
    if lead_rest:
        shown, rest = [], list(evidence.facts)
    # Comment counts and response numbers have slides of their own: they are left out
    # rather than carried to a continuation slide.
    rest = [fact for fact in rest if not fact.get("secondary")]
    used += sum(fact_height(f) for f in shown)
    if chart:
        quotes = fit_quotes(evidence.quotes, column, BODY_HEIGHT - used, 1, used_quotes)
    else:
        quotes = fit_quotes(evidence.quotes, QUOTES_WIDE, BODY_HEIGHT, 2, used_quotes)
    pages = [
        {
            "chart": chart,
            "summary": lead if not lead_rest else None,
            "summary_plain": lead if lead_rest else None,
            "facts": shown,
            "quotes": quotes,
            "wide": chart is None,
        }
    ]
    if lead_rest or rest:
        first_room = BODY_HEIGHT - (
            LEAD.height(lead_rest, TEXT_WIDE) + LEAD_GAP if lead_rest else 0
        )

        def wide_fact_height(fact: Mapping[str, Any]) -> float:
            return BODY.height(f"{fact['label']}: {fact['text']}", TEXT_WIDE - FACT_INDENT) + 10

        first, later = take(rest, wide_fact_height, first_room)
        runs = [first, *(paginate(later, wide_fact_height, BODY_HEIGHT) if later else [])]
        for index, page in enumerate(runs):
            pages.append(
                {
                    "chart": None,
                    "summary": None,
                    "summary_plain": lead_rest if index == 0 and lead_rest else None,
                    "facts": page,
                    "quotes": fit_quotes(evidence.quotes, QUOTES_WIDE, BODY_HEIGHT, 2, used_quotes),
                    "wide": True,
                }
            )
    return pages, figure


def _split_sentences(text: str, width: float, capacity: float) -> tuple[str, str]:
    """Split ``text`` after the last whole sentence that fits ``capacity`` at ``width``."""
    sentences = re.split(r"(?<=[.!?])[ \t\r\n]+", whole(text))
    for count in range(len(sentences) - 1, 0, -1):
        head = " ".join(sentences[:count])
        if LEAD.height(head, width) <= capacity:
            return head, " ".join(sentences[count:])
    return sentences[0], " ".join(sentences[1:])
