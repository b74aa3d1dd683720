"""Pieces of a chart's frame that several charts draw alike: scales, tick labels, target lines
and interval whiskers."""

from __future__ import annotations

from collections.abc import Callable

from generator.render.charts.svg import Svg, TextBox, dashes


def linear(domain: tuple[float, float], extent: tuple[float, float]) -> Callable[[float], float]:
    """Return the map of ``domain`` onto ``extent`` (points; may run backwards, as a y axis does).

    Values outside the domain are drawn at its nearer end, so that an outlier stays in the frame.
    """
    low, high = domain
    start, end = extent

    def position(value: float) -> float:
        clamped = min(max(value, low), high)
        return start + (clamped - low) / (high - low) * (end - start)

    return position


def tick_label(svg: Svg, x: float, baseline: float, text: str, anchor: str = "start") -> None:
    """Write an axis label in the small muted type of ticks and legends."""
    style = svg.style
    svg.text(x, baseline, text, size=style.small, anchor=anchor, fill=style.muted_text)


def tick_label_box(svg: Svg, x: float, baseline: float, text: str) -> TextBox:
    """Write a legend's label as ``tick_label`` does, and return its box to place the next."""
    style = svg.style
    return svg.text(x, baseline, text, size=style.small, fill=style.muted)


def target_line(svg: Svg, x1: float, y1: float, x2: float, y2: float) -> None:
    """Draw the dashed accent line that marks the client's target."""
    unit = svg.style.unit
    svg.line(x1, y1, x2, y2, stroke=svg.style.accent, width=1.2 * unit, dash=dashes(unit, 4, 3))


def target_label(svg: Svg, x: float, baseline: float, text: str, anchor: str) -> None:
    """Write the target line's label in the accent colour."""
    style = svg.style
    svg.text(x, baseline, text, size=style.small, anchor=anchor, fill=style.accent_text, bold=True)


def whisker(svg: Svg, x_low: float, x_high: float, y: float) -> None:
    """Draw an interval from ``x_low`` to ``x_high`` at ``y``, with a cap at each end."""
    style, unit = svg.style, svg.style.unit
    svg.line(x_low, y, x_high, y, stroke=style.text, width=0.9 * unit)
    for x in (x_low, x_high):
        svg.line(x, y - 4 * unit, x, y + 4 * unit, stroke=style.text, width=0.9 * unit)
