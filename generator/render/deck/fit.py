"""How much room text takes on a slide, estimated before rendering.

The deck never shrinks text to make it fit: the planner (``generator.render.deck``) measures
what a slide would hold and moves the rest to a continuation slide, or shortens a title with an
ellipsis. The widths come from ``charts.svg.text_width``, which errs on the wide side, so a text
that fits here fits on the page. Sizes are in points on the 960 × 540 pt slide.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.render.charts.svg import ELLIPSIS, text_width, truncate

T = TypeVar("T")


@dataclass(frozen=True)
class Type:
    """A text style of the deck: size, line height (both pt) and weight, as in deck.css."""

    size: float
    leading: float
    bold: bool = False
    tracking: float = 0.0  # letter-spacing in em (the kickers are spaced capitals)

    def width(self, text: str) -> float:
        spacing = len(text) * self.tracking * self.size
        return text_width(text, self.size, self.bold) + spacing

    def lines(self, text: str, width: float) -> int:
        """Return how many lines ``text`` takes in a box ``width`` points wide."""
        paragraphs = [p for p in text.split("\n") if _words(p)]
        return sum(self._paragraph_lines(p, width) for p in paragraphs) or 1

    def height(self, text: str, width: float, max_lines: int | None = None) -> float:
        count = self.lines(text, width)
        return (min(count, max_lines) if max_lines else count) * self.leading

    def clamp(self, text: str, width: float, max_lines: int, suffix: str = "") -> str:
        """Return ``text`` shortened at a word with an ellipsis so that it (and ``suffix``)
        takes at most ``max_lines`` lines; whole text when it already does."""
        text = " ".join(_words(text))
        if self.lines(text + suffix, width) <= max_lines:
            return text + suffix
        words = text.split(" ")
        for count in range(len(words) - 1, 0, -1):
            candidate = " ".join(words[:count]).rstrip(",;:.–—-") + ELLIPSIS
            if self.lines(candidate + suffix, width) <= max_lines:
                return candidate + suffix
        # A single word longer than the box: cut inside it.
        return truncate(words[0], width - self.width(suffix), self.size, self.bold) + suffix

    def _paragraph_lines(self, paragraph: str, width: float) -> int:
        lines, current = 0, ""
        for word in _words(paragraph):
            candidate = f"{current} {word}" if current else word
            if self.width(candidate) <= width:
                current = candidate
                continue
            if current:
                lines += 1
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


_MARKDOWN = re.compile(r"(\*\*|__|[*_`#>]|\[|\]\([^)]*\))")


def plain(markdown: str) -> str:
    """Return Markdown as the text a reader sees, near enough to measure it."""
    lines = [re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line) for line in markdown.splitlines()]
    return _MARKDOWN.sub("", "\n".join(lines)).strip()


def paginate(
    entries: Sequence[T], height: Callable[[T], float], capacity: float, gap: float = 0.0
) -> list[list[T]]:
    """Split ``entries`` into runs whose heights (plus gaps) fit ``capacity``, in order.

    An entry taller than the capacity gets a run of its own; the caller makes sure it cannot
    be (by clamping what it shows), so this only guards against looping.
    """
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
