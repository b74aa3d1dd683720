"""Seeded answer simulation and the few summary numbers the prose quotes."""

from __future__ import annotations

import math
import random
import string
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
ALPHANUMERIC = string.ascii_letters + string.digits


def point(rng: random.Random, centre: float, spread: float, low: int, high: int) -> int:
    """Draw one answer on a low..high scale around ``centre``."""
    return max(low, min(high, round(rng.gauss(centre, spread))))


def pick(rng: random.Random, weighted: Sequence[tuple[T, float]]) -> T:
    """Pick one option with probability proportional to its weight."""
    total = sum(weight for _, weight in weighted)
    threshold = rng.random() * total
    for option, weight in weighted:
        threshold -= weight
        if threshold < 0:
            return option
    return weighted[-1][0]


def token(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHANUMERIC) for _ in range(length))


def answered(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def nps(values: Sequence[float | None]) -> float:
    """Net Promoter Score in points from 0–10 answers."""
    scores = answered(values)
    promoters = sum(1 for v in scores if v >= 9)
    detractors = sum(1 for v in scores if v <= 6)
    return 100 * (promoters - detractors) / len(scores)


def mean(values: Sequence[float | None]) -> float:
    scores = answered(values)
    return sum(scores) / len(scores)


def top_box(values: Sequence[float | None], high: int, boxes: int = 2) -> float:
    """Share (0–100) of answers in the top ``boxes`` points of a scale ending at ``high``."""
    scores = answered(values)
    return 100 * sum(1 for v in scores if v > high - boxes) / len(scores)


def pearson(xs: Sequence[float | None], ys: Sequence[float | None]) -> float:
    pairs = [(x, y) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None]
    mx = sum(x for x, _ in pairs) / len(pairs)
    my = sum(y for _, y in pairs) / len(pairs)
    sxy = sum((x - mx) * (y - my) for x, y in pairs)
    sxx = sum((x - mx) ** 2 for x, _ in pairs)
    syy = sum((y - my) ** 2 for _, y in pairs)
    return sxy / math.sqrt(sxx * syy)


def number(value: float, decimals: int, language: str) -> str:
    """Format a number as the deliverable's language writes it (decimal comma in lv and uk)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language in ("lv", "uk") else text


def signed(value: float, language: str = "en") -> str:
    """Format an NPS with its sign: +24, −8, 0."""
    rounded = round(value)
    if rounded > 0:
        return f"+{rounded}"
    if rounded < 0:
        return f"\u2212{-rounded}"
    return "0"


def percent(value: float, language: str) -> str:
    """Format a 0–100 share as a whole percentage ("82 %" in lv/uk, "82%" in en)."""
    return f"{round(value)}%" if language == "en" else f"{round(value)}\u00a0%"
