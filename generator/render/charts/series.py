"""A score over waves: points joined by a line, an interval band and a target line (NPS)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.charts import axes
from generator.render.charts.svg import (
    ChartStyle,
    Svg,
    nice_ticks,
    polyline,
    text_width,
    truncate,
    wrap,
)
from generator.render.formatting import Formatter


@dataclass(frozen=True)
class SeriesPoint:
    label: str  # the wave, e.g. "Q3 2026"
    value: float | None  # None: no score for this wave (suppressed or not asked)
    low: float | None = None
    high: float | None = None


def series_chart(
    points: Sequence[SeriesPoint],
    *,
    style: ChartStyle,
    fmt: Formatter,
    scale: tuple[float, float],
    title: str,
    target: float | None = None,
    target_label: str = "Target",
    decimals: int = 0,
    signed: bool = False,
    height: float = 200.0,
) -> Svg:
    """Draw the series left to right; ``signed`` prints values as "+32"/"−5" (NPS)."""
    low_end, high_end = scale
    if high_end <= low_end or not points:
        raise ValueError("a series chart needs points and a non-empty scale")
    width = style.width
    size, unit = style.font_size, style.unit
    ticks = nice_ticks(low_end, high_end, 5)

    def show(value: float) -> str:
        return fmt.change(value, decimals) if signed else fmt.number(value, decimals)

    axis_width = max(text_width(show(t), style.small) for t in ticks) + 8 * unit
    plot_left, plot_right = axis_width + 4 * unit, width - 12 * unit
    top = 18.0 * unit
    column = (plot_right - plot_left) / len(points)
    labels = [wrap(p.label, column - 6 * unit, style.small, max_lines=2) for p in points]
    label_lines = max(len(lines) for lines in labels)
    plot_bottom = height - 8 * unit - label_lines * style.small * 1.2
    svg = Svg(width, height, title, style, css_class="chart chart-series")

    y_of = axes.linear(scale, (plot_bottom, top))

    def x_of(index: int) -> float:
        return plot_left + column * (index + 0.5)

    for tick in ticks:
        y = y_of(tick)
        zero = tick == 0 and low_end < 0
        opacity, stroke_width = (0.6, 0.8 * unit) if zero else (0.25, 0.5 * unit)
        svg.line(
            plot_left, y, plot_right, y, stroke=style.muted, width=stroke_width, opacity=opacity
        )
        axes.tick_label(svg, axis_width, y + style.small * 0.35, show(tick), anchor="end")

    spans = [(x_of(i), p.low, p.high) for i, p in enumerate(points) if _has_interval(p)]
    band = [(x, y_of(high)) for x, _, high in spans if high is not None]
    band += [(x, y_of(low)) for x, low, _ in reversed(spans) if low is not None]
    if len(band) >= 4:
        svg.add("polygon", points=polyline(band), fill=style.primary, fill_opacity=0.14)

    if target is not None:
        y = y_of(target)
        axes.target_line(svg, plot_left, y, plot_right, y)
        # Put the label at the end of the line where the series is farthest from the target.
        values = [p.value for p in points if p.value is not None]
        at_start = bool(values) and abs(values[0] - target) > abs(values[-1] - target)
        label = truncate(
            f"{target_label} {show(target)}",
            plot_right - plot_left - 4 * unit,
            style.small,
            bold=True,
        )
        axes.target_label(
            svg,
            plot_left + 4 * unit if at_start else plot_right,
            max(y - 4 * unit, style.small),
            label,
            anchor="start" if at_start else "end",
        )

    known = [(x_of(i), y_of(p.value)) for i, p in enumerate(points) if p.value is not None]
    if len(known) > 1:
        svg.add(
            "polyline",
            points=polyline(known),
            fill="none",
            stroke=style.primary,
            stroke_width=2 * unit,
        )
    for index, point in enumerate(points):
        x = x_of(index)
        for line_index, line in enumerate(labels[index]):
            baseline = plot_bottom + style.small * (1.5 + 1.2 * line_index)
            axes.tick_label(svg, x, baseline, line, anchor="middle")
        if point.value is None:
            continue
        y = y_of(point.value)
        svg.add(
            "circle",
            cx=x,
            cy=y,
            r=3.5 * unit,
            fill=style.background,
            stroke=style.primary,
            stroke_width=2 * unit,
        )
        above = y - 7 * unit if y - 7 * unit - size > top - 14 * unit else y + size + 6 * unit
        svg.text(x, above, show(point.value), anchor="middle", bold=True)
    return svg


def _has_interval(point: SeriesPoint) -> bool:
    return point.value is not None and point.low is not None and point.high is not None
