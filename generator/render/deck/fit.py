"""How much room text takes on a slide, estimated before rendering.

The deck never cuts text to make it fit: the planner (``generator.render.deck``) measures
what a slide would hold and moves the rest to a continuation slide. Widths are the advance
widths of the bundled brand font (Source Sans 3; bold text is measured in its Bold, the widest
weight the deck uses) plus a small margin, and kerning, which only brings letters closer, is
left out: a text that fits here fits on the page. Characters the font lacks fall back to
``charts.svg.text_width``, which errs on the wide side. Sizes are in points on the 960 × 540 pt
slide.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.render.charts.svg import text_width
from generator.render.environment import builtin_templates

T = TypeVar("T")

SAFETY = 1.005  # kerning only narrows; this covers rounding


@functools.cache
def _advances(bold: bool) -> dict[str, float]:
    """Return the advance width (em) of every character of the bundled brand font."""
    from fontTools.ttLib import TTFont

    name = "SourceSans3-Bold.ttf" if bold else "SourceSans3-Regular.ttf"
    font = TTFont(builtin_templates() / "fonts" / name, lazy=True)
    metrics, units = font["hmtx"], font["head"].unitsPerEm
    return {chr(code): metrics[glyph][0] / units for code, glyph in font.getBestCmap().items()}


def measure(text: str, size: float, bold: bool = False) -> float:
    """Return the width of ``text`` set at ``size`` points, a little on the wide side."""
    advances = _advances(bold)
    known = [advances.get(char) for char in text]
    total = sum(a for a in known if a is not None) * size * SAFETY
    missing = "".join(char for char, a in zip(text, known, strict=True) if a is None)
    return total + (text_width(missing, size, bold) if missing else 0.0)


@dataclass(frozen=True)
class Type:
    """A text style of the deck: size, line height (both pt) and weight, as in deck.css."""

    size: float
    leading: float
    bold: bool = False
    tracking: float = 0.0  # letter-spacing in em (the kickers are spaced capitals)
    upper: bool = False  # set in capitals (text-transform: uppercase)

    def width(self, text: str) -> float:
        spacing = len(text) * self.tracking * self.size
        return measure(text.upper() if self.upper else text, self.size, self.bold) + spacing

    def lines(self, text: str, width: float, indent: float = 0.0) -> int:
        """Return how many lines ``text`` takes in a box ``width`` points wide.

        ``indent`` is taken by something inline before the text on its first line (an id
        chip); a first word that does not fit beside it starts the second line.
        """
        paragraphs = [p for p in text.split("\n") if _words(p)]
        count = sum(
            self._paragraph_lines(p, width, indent if index == 0 else 0.0)
            for index, p in enumerate(paragraphs)
        )
        return count or 1

    def height(
        self, text: str, width: float, max_lines: int | None = None, indent: float = 0.0
    ) -> float:
        count = self.lines(text, width, indent)
        return (min(count, max_lines) if max_lines else count) * self.leading

    def _paragraph_lines(self, paragraph: str, width: float, indent: float = 0.0) -> int:
        lines, current, room = 0, "", width - indent
        for word in _words(paragraph):
            candidate = f"{current} {word}" if current else word
            if self.width(candidate) <= room:
                current = candidate
                continue
            if current or room < width:  # the line ends: its words, or the indent alone
                lines += 1
                room = width
            # A word wider than the box is broken over several lines (overflow-wrap).
            spill = math.ceil(self.width(word) / width)
            lines += spill - 1
            current = word if spill == 1 else ""
            if spill > 1:
                lines += 1
        return lines + (1 if current else 0)


_BREAKS = re.compile(r"[ \t\r\n]+")  # not the no-break spaces, which keep words together


def _words(text: str) -> list[str]:
    return [word for word in _BREAKS.split(text) if word]


def whole(text: str) -> str:
    """Return ``text`` on one line as a slide sets it: breaking white space collapsed, the
    no-break spaces kept, nothing left out."""
    return " ".join(_words(text))


_MARKDOWN = re.compile(r"(\*\*|__|[*_`#>]|\[|\]\([^)]*\))")


def plain(markdown: str) -> str:
    """Return Markdown as the text a reader sees, near enough to measure it."""
    lines = [re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line) for line in markdown.splitlines()]
    return _MARKDOWN.sub("", "\n".join(lines)).strip()


def paginate(
    entries: Sequence[T], height: Callable[[T], float], capacity: float, gap: float = 0.0
) -> list[list[T]]:
    """Split ``entries`` into as few runs as fit ``capacity`` (heights plus gaps), in order,
    the runs as evenly filled as that number of runs allows (8 / 7, not 14 / 1).

    An entry taller than the capacity gets a run of its own; the caller makes sure it cannot
    be, so this only guards against looping.
    """
    return balanced(lambda room: _fill_in_order(entries, height, room, gap), capacity)


def balanced(fill: Callable[[float], list[T]], capacity: float) -> list[T]:
    """Return the pages ``fill`` makes for the smallest room that needs no more pages than
    ``capacity`` does: the same number of pages, as evenly filled as they can be."""
    pages = fill(capacity)
    if len(pages) < 2:
        return pages
    low, high = 0.0, capacity
    while high - low > 0.5:
        middle = (low + high) / 2
        if len(fill(middle)) <= len(pages):
            high = middle
        else:
            low = middle
    return fill(high)


def _fill_in_order(
    entries: Sequence[T], height: Callable[[T], float], capacity: float, gap: float
) -> list[list[T]]:
    pages: list[list[T]] = [[]]
    used = 0.0
    for entry in entries:
        needed = height(entry) + (gap if pages[-1] else 0.0)
        if pages[-1] and used + needed > capacity:
            pages.append([])
            used, needed = 0.0, height(entry)
        pages[-1].append(entry)
        used += needed
    return [page for page in pages if page] or [[]]


def chunk(entries: Sequence[T], size: int) -> list[list[T]]:
    """Split ``entries`` into runs of at most ``size``."""
    size = max(1, size)
    return [list(entries[i : i + size]) for i in range(0, len(entries), size)] or [[]]
