"""Colours for categories without an order (contact channels), derived from the brand.

The brand gives two colours of its own (primary and accent) and a muted grey; a chart with six
categories needs three more. They are made from the brand's hues (lighter, turned, or halfway
between the two), and each is kept only when it is clearly apart from every colour already
chosen, from the page (in lightness) and from the positive/negative pair that means "good" and "bad"
elsewhere; otherwise the next candidate is tried. Distances are CIE76 ΔE in CIELAB, where
about 2 is the smallest difference an eye sees and 25 reads as a different colour at a glance.
"""

from __future__ import annotations

import colorsys
import itertools
import math
from collections.abc import Iterable, Iterator

from generator.render.brand import mix
from generator.render.charts.svg import ChartStyle

APART = 25.0  # ΔE between any two categories
FROM_PAGE = 25.0  # lightness (L*) apart from the background, so that a small dot stands out
FROM_VERDICT = 30.0  # ΔE from the positive and negative colours


def category_colors(style: ChartStyle, count: int) -> list[str]:
    """Return ``count`` colours: primary, accent, muted, then derived ones (at most 12)."""
    chosen = [style.primary, style.accent, style.muted][:count]
    avoid = [style.background, style.positive, style.negative]
    for candidate in _candidates(style):
        if len(chosen) >= count:
            break
        apart = all(distance(candidate, c) >= APART for c in chosen)
        visible = abs(_lab(candidate)[0] - _lab(style.background)[0]) >= FROM_PAGE
        neutral = all(distance(candidate, c) >= FROM_VERDICT for c in avoid[1:])
        if apart and visible and neutral:
            chosen.append(candidate)
    # A brand too narrow to derive enough from: fill up with its colours' tints.
    tints = (mix(c, style.background, share) for share in (0.45, 0.7) for c in chosen[:3])
    return [*chosen, *itertools.islice(tints, max(0, count - len(chosen)))]


def _candidates(style: ChartStyle) -> Iterator[str]:
    primary, accent = hls(style.primary), hls(style.accent)
    positive = hls(style.positive)[0]
    # The preferred three: the primary's hue lighter and brighter, the accent's turned
    # towards yellow, and the hue halfway between the two on the side away from "positive".
    yield color(primary[0], 0.6, max(primary[2], 0.5))
    yield color(accent[0] + 1 / 12, 0.5, max(accent[2], 0.6))
    yield color(_halfway(primary[0], accent[0], away_from=positive), 0.42, 0.4)
    # Then hues around the wheel from the accent's, at two lightnesses.
    for step, lightness in itertools.product((4, 8, 2, 6, 10, 3, 9, 5, 7, 11), (0.45, 0.65)):
        yield color(accent[0] + step / 12, lightness, 0.55)


def hls(value: str) -> tuple[float, float, float]:
    """Return hue (0–1), lightness and saturation of a ``#rrggbb`` colour."""
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)


def color(hue: float, lightness: float, saturation: float) -> str:
    """Return the ``#rrggbb`` colour of a hue (turns), lightness and saturation (0–1)."""
    channels = colorsys.hls_to_rgb(hue % 1.0, lightness, min(saturation, 1.0))
    return "#" + "".join(f"{round(c * 255):02x}" for c in channels)


def distance(first: str, second: str) -> float:
    """Return the CIE76 colour difference ΔE of two ``#rrggbb`` colours."""
    return math.dist(_lab(first), _lab(second))


def _halfway(first: float, second: float, away_from: float) -> float:
    """Return the hue halfway between two hues (turns), on the arc farther from ``away_from``."""
    middle = (first + (((second - first + 0.5) % 1.0) - 0.5) / 2) % 1.0
    opposite = (middle + 0.5) % 1.0

    def gap(hue: float) -> float:
        return min(abs(hue - away_from), 1 - abs(hue - away_from))

    return middle if gap(middle) >= gap(opposite) else opposite


def _lab(value: str) -> tuple[float, float, float]:
    # sRGB (D65) to CIELAB, by the standard formulas.
    linear = [_linear(int(value[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    x = _dot((0.4124, 0.3576, 0.1805), linear) / 0.95047
    y = _dot((0.2126, 0.7152, 0.0722), linear)
    z = _dot((0.0193, 0.1192, 0.9505), linear) / 1.08883
    fx, fy, fz = (_f(t) for t in (x, y, z))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _f(t: float) -> float:
    return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116


def _dot(weights: Iterable[float], values: Iterable[float]) -> float:
    return sum(w * v for w, v in zip(weights, values, strict=True))
