"""The slide's boxes and type, as templates/css/deck.css sets them, for the planner to measure.

Every slide is 960 × 540 pt. The headline block sits at the top (a kicker line, then up to two
headline lines); the body box below it is 848 × 346 pt; the footer line sits under the body.
Change a size here and in deck.css together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.render.deck.evidence import SERIES_HEIGHT, measure_chart
from generator.render.deck.fit import Type, whole

T = TypeVar("T")

BODY_WIDTH = 848.0
BODY_HEIGHT = 346.0

KICKER = Type(12.5, 16, bold=True, tracking=0.08, upper=True)  # spaced capitals
HEADLINE = Type(28, 32, bold=True)
# A headline longer than two lines at 28 pt is set smaller, so that it still ends above the
# body box (deck.css .headline-3, .headline-4): (style, lines it may take, its class).
HEADLINES = ((HEADLINE, 2, ""), (Type(24, 26, bold=True), 3, "headline-3"))
HEADLINES += ((Type(20, 20, bold=True), 4, "headline-4"),)
TITLE = Type(40, 44, bold=True)  # the title slide, on up to four lines
TITLE_LONG = Type(32, 36, bold=True)  # a longer title (deck.css .title-long)
LEAD = Type(17, 23)  # a finding's summary
BODY = Type(15, 20)
QUOTE = Type(15, 20)
CELL = Type(14, 18)  # table cells
CELL_BOLD = Type(14, 18, bold=True)
HEAD = Type(12.5, 16, bold=True)  # table headers
SMALL = Type(12.5, 16)
FOOT = Type(11, 14)
INLINE_CHIP = Type(13, 16, bold=True)  # an id chip inside a line of body text

CELL_PADDING_X = 16.0  # 8 pt each side
CELL_PADDING_Y = 11.0  # 5 pt above and below, plus the rule
TABLE_HEADER = HEAD.leading + CELL_PADDING_Y + 1
FOOTNOTE = 2 * SMALL.leading + 12  # up to two lines under a table
QUOTE_INDENT = 20.0  # the quote's rule and padding
QUOTE_GAP = 14.0

# Charts are drawn at the width they are shown, their labels at 14 pt (ticks and legends a
# little smaller): ChartKit.sized(width, CHART_FONT). A chart a little too tall for its box
# takes 13.5 or 13 pt labels first, then loses bars.
CHART_FONT = 14.0
CHART_FONTS = (CHART_FONT, 13.5, 13.0)
MIN_CHART_BARS = 3  # a bar chart too tall for its box loses bars down to this many
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
    # The talk track for the handout: {"kind", "label", "text"} (see ``talk``).
    notes: list[dict[str, str | None]] = field(default_factory=list)
    number: int = 0
    part: int = 1
    parts: int = 1
    headline_class: str = ""  # a smaller size for a headline of more than two lines


def slide_run(
    kind: str,
    section: str,
    headline: str,
    pages: Sequence[Mapping[str, Any]],
    kicker: str | None = None,
) -> list[Slide]:
    """Return one slide per page; continuations are titled "<headline> (2/3)".

    The headline is whole: one that needs more than two lines is set smaller (``HEADLINES``).
    A kicker longer than its one line gives way to the section's name.
    """
    count = len(pages)
    headline = whole(headline)
    if kicker and KICKER.lines(kicker, BODY_WIDTH - 8) > 1:
        kicker = None
    slides = []
    for index, page in enumerate(pages, start=1):
        suffix = f" ({index}/{count})" if count > 1 else ""
        slides.append(
            Slide(
                kind,
                section,
                kicker or section,
                headline + suffix,
                data=dict(page),
                part=index,
                parts=count,
                headline_class=headline_class(headline + suffix),
            )
        )
    return slides


def headline_class(headline: str) -> str:
    """The class of the largest headline size at which ``headline`` keeps to its lines."""
    for style, lines, name in HEADLINES:
        if style.lines(headline, BODY_WIDTH - 8) <= lines:
            return name
    return HEADLINES[-1][2]


MAX_SPREAD = 40.0  # pt a row of a short list may gain so that the list fills its slide


def spread(used: float, rows: int, capacity: float = BODY_HEIGHT) -> float:
    """The padding (pt) each of ``rows`` gains, above and below alike, so that a short list
    fills more of its slide: the room left shared out, at most ``MAX_SPREAD`` a row."""
    if rows <= 0:
        return 0.0
    return round(min(MAX_SPREAD, max(0.0, capacity - used) / rows) / 2, 1)


def row_height(*cells: tuple[str, float], style: Type = CELL) -> float:
    """Return the height of a table row whose cells hold ``(text, column width)``."""
    lines = max(style.lines(text, width - CELL_PADDING_X) for text, width in cells)
    return lines * style.leading + CELL_PADDING_Y


def chip_width(ident: str) -> float:
    """The room an id chip in a line of body text (a roadmap card, an action) takes, with
    its padding, its margin and the space after it (deck.css: .card .chip, .actions .chip)."""
    return INLINE_CHIP.width(ident) + 2 * 6.0 + 4.0 + BODY.width(" ")


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
    """Return up to ``limit`` quotes not shown yet, each at most four lines, that fit.

    A quote is shown whole or not at all: a longer one is left to the report, which has
    every comment."""
    fitted: list[str] = []
    room = capacity
    for quote in quotes:
        if quote in used or not quote.strip():
            continue
        text = whole(quote)
        if QUOTE.lines(text, width - QUOTE_INDENT) > 4:
            continue
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
    """Fit ``chart`` into ``width`` × ``height`` (its title and caption included).

    The chart is drawn ``width`` wide with the largest of ``CHART_FONTS`` that lets it fit.
    A bar chart too tall even so leaves out bars that are not highlighted, from the middle
    (the best and the worst stay), down to three, and counts them in ``more``; if it is still
    too tall, it is shown narrower (its labels smaller) to fit.
    """
    fitted = dict(chart)
    room = height - FIGURE_TITLE - FIGURE_CAPTION
    if fitted["kind"] == "series":
        fitted["height"] = min(SERIES_HEIGHT, room)
    while True:
        for font_size in CHART_FONTS:
            drawn = measure_chart(fitted, width, font_size)
            if drawn <= room:
                break
        key = "rows" if fitted["kind"] == "dumbbell" else "bars"
        bars = fitted.get(key) or []
        if (
            fitted["kind"] not in ("bars", "dumbbell")
            or drawn <= room
            or len(bars) <= MIN_CHART_BARS
        ):
            break
        inner = [i for i, bar in enumerate(bars[1:-1], start=1) if not bar.highlight]
        if not inner:
            break
        drop = inner[len(inner) // 2]
        fitted[key] = [bar for index, bar in enumerate(bars) if index != drop]
        fitted["more"] = fitted.get("more", 0) + 1
    fitted["draw_width"] = width
    fitted["font_size"] = font_size
    fitted["width"] = f"{width * min(1.0, room / drawn):.1f}"
    return fitted
