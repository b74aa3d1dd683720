"""The slide's boxes and type, as templates/css/deck.css sets them, for the planner to measure.

Every slide is 960 × 540 pt. The headline block sits at the top (a kicker line, then up to two
headline lines); the body box below it is 848 × 346 pt; the footer line sits under the body.
Change a size here and in deck.css together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.render.deck.evidence import measure_chart
from generator.render.deck.fit import Type

T = TypeVar("T")

BODY_WIDTH = 848.0
BODY_HEIGHT = 346.0

KICKER = Type(12.5, 16, bold=True, tracking=0.08)  # spaced capitals above the headline
HEADLINE = Type(28, 32, bold=True)
TITLE = Type(40, 44, bold=True)  # the title slide
LEAD = Type(17, 23)  # a finding's summary
BODY = Type(15, 20)
QUOTE = Type(15, 20)
CELL = Type(14, 18)  # table cells
CELL_BOLD = Type(14, 18, bold=True)
HEAD = Type(12.5, 16, bold=True)  # table headers
SMALL = Type(12.5, 16)
FOOT = Type(11, 14)

CELL_PADDING_X = 16.0  # 8 pt each side
CELL_PADDING_Y = 11.0  # 5 pt above and below, plus the rule
TABLE_HEADER = HEAD.leading + CELL_PADDING_Y + 1
FOOTNOTE = 2 * SMALL.leading + 12  # up to two lines under a table
QUOTE_INDENT = 20.0  # the quote's rule and padding
QUOTE_GAP = 14.0

# Chart labels are drawn 9.5 units high (ChartStyle.font_size; 9 for the small ones); the
# deck draws a chart narrower than it shows it, so that they print at about 14 pt.
CHART_SCALE = 1.45
CHART_MIN_SCALE = 1.35
FIGURE_TITLE = 26.0  # the figure's title line above the chart
FIGURE_CAPTION = 2 * SMALL.leading + 8  # up to two caption lines below it


@dataclass
class Slide:
    """One slide: its partial (``kind``), words, what it shows, and notes for the handout."""

    kind: str
    section: str  # the agenda entry the slide belongs to
    kicker: str
    headline: str
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[dict[str, str | None]] = field(default_factory=list)
    number: int = 0
    part: int = 1
    parts: int = 1


def slide_run(
    kind: str,
    section: str,
    headline: str,
    pages: Sequence[Mapping[str, Any]],
    kicker: str | None = None,
) -> list[Slide]:
    """Return one slide per page; continuations are titled "<headline> (2/3)".

    The headline is shortened at a word, with an ellipsis, so that it and its suffix keep
    to two lines; the kicker keeps to one.
    """
    count = len(pages)
    slides = []
    for index, page in enumerate(pages, start=1):
        suffix = f" ({index}/{count})" if count > 1 else ""
        slides.append(
            Slide(
                kind,
                section,
                KICKER.clamp(kicker or section, BODY_WIDTH - 8, 1),
                HEADLINE.clamp(headline, BODY_WIDTH - 8, 2, suffix=suffix),
                data=dict(page),
                part=index,
                parts=count,
            )
        )
    return slides


def row_height(*cells: tuple[str, float], style: Type = CELL) -> float:
    """Return the height of a table row whose cells hold ``(text, column width)``."""
    lines = max(style.lines(text, width - CELL_PADDING_X) for text, width in cells)
    return lines * style.leading + CELL_PADDING_Y


def take(
    entries: Sequence[T], height: Callable[[T], float], capacity: float
) -> tuple[list[T], list[T]]:
    """Split ``entries`` into what fits ``capacity`` from the start, and the rest."""
    used = 0.0
    for index, entry in enumerate(entries):
        used += height(entry)
        if used > capacity:
            return list(entries[:index]), list(entries[index:])
    return list(entries), []


def fit_quotes(
    quotes: Iterable[str], width: float, capacity: float, limit: int, used: set[str]
) -> list[str]:
    """Return up to ``limit`` quotes not shown yet, each at most four lines, that fit."""
    fitted: list[str] = []
    room = capacity
    for quote in quotes:
        if quote in used or not quote.strip():
            continue
        text = QUOTE.clamp(quote, width - QUOTE_INDENT, 4)
        height = QUOTE.height(text, width - QUOTE_INDENT) + QUOTE_GAP
        if len(fitted) == limit:
            break
        if height > room:
            continue  # a shorter one further on may fit
        fitted.append(text)
        used.add(quote)
        room -= height
    return fitted


def fit_chart(chart: Mapping[str, Any], width: float, height: float) -> dict[str, Any]:
    """Choose how wide to draw ``chart`` and how wide to show it, within ``width`` × ``height``.

    The chart is drawn ``width / CHART_SCALE`` units wide, so its labels print at about
    14 pt; when that is too tall, bars that are not highlighted are dropped until it fits at
    ``CHART_MIN_SCALE`` at least.
    """
    fitted = dict(chart)
    room = height - FIGURE_TITLE - FIGURE_CAPTION
    natural = round(width / CHART_SCALE)
    if fitted["kind"] == "series":
        fitted["height"] = min(200.0, room / CHART_SCALE)
    while True:
        drawn = measure_chart(fitted, natural)
        scale = min(width / natural, room / drawn)
        bars = fitted.get("bars") or []
        if fitted["kind"] != "bars" or scale >= CHART_MIN_SCALE or len(bars) <= 3:
            break
        plain = [index for index, bar in enumerate(bars) if not bar.highlight]
        drop = plain[-1] if plain else len(bars) - 1
        fitted["bars"] = [bar for index, bar in enumerate(bars) if index != drop]
    fitted["natural"] = float(natural)
    fitted["width"] = f"{natural * scale:.1f}"
    return fitted
