"""Horizontal bars with interval whiskers and a target line (item means, segment scores)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.charts import axes
from generator.render.charts.svg import ChartStyle, Svg, fit_at, nice_ticks, wrap
from generator.render.formatting import Formatter


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    low: float | None = None  # interval bounds, drawn as a whisker
    high: float | None = None
    highlight: bool = False  # drawn in the accent colour


def bar_chart(
    bars: Sequence[Bar],
    *,
    style: ChartStyle,
    fmt: Formatter,
    scale: tuple[float, float],
    title: str,
    target: float | None = None,
    target_label: str = "Target",
    decimals: int = 1,
) -> Svg:
    """Draw one bar per item from the scale minimum to its value, labels on the left."""
    low_end, high_end = scale
    if high_end <= low_end:
        raise ValueError(f"the scale {scale} is empty")
    width = style.width
    size, unit = style.font_size, style.unit
    label_width = width * 0.36
    value_width = 44.0 * unit
    plot_left = label_width + 10 * unit
    plot_right = width - value_width
    top = (20.0 if target is not None else 6.0) * unit
    line_height = size * 1.2

    rows = [wrap(bar.label, label_width, size, max_lines=2) for bar in bars]
    row_heights = [max(24.0 * unit, len(lines) * line_height + 10 * unit) for lines in rows]
    plot_bottom = top + sum(row_heights)
    height = plot_bottom + size * 2.4

    x_of = axes.linear(scale, (plot_left, plot_right))
    # Bars grow from zero when the scale has negative values (an NPS), else from its start.
    base = 0.0 if low_end < 0 < high_end else low_end
    svg = Svg(width, height, title, style, css_class="chart chart-bars")
    for tick in nice_ticks(low_end, high_end, 4):
        x = x_of(tick)
        zero = tick == 0 and low_end < 0
        opacity, stroke_width = (0.7, 0.8 * unit) if zero else (0.3, 0.5 * unit)
        svg.line(x, top, x, plot_bottom, stroke=style.muted, width=stroke_width, opacity=opacity)
        label = fmt.number(tick, _tick_decimals(tick))
        axes.tick_label(svg, x, plot_bottom + size * 1.5, label, anchor="middle")

    y = top
    for bar, lines, row_height in zip(bars, rows, row_heights, strict=True):
        middle = y + row_height / 2
        first_baseline = middle - (len(lines) - 1) * line_height / 2 + size * 0.35
        for index, line in enumerate(lines):
            svg.text(label_width, first_baseline + index * line_height, line, anchor="end")
        color = style.accent if bar.highlight else style.primary
        svg.add(
            "rect",
            x=min(x_of(base), x_of(bar.value)),
            y=middle - 5 * unit,
            width=max(0.5, abs(x_of(bar.value) - x_of(base))),
            height=10 * unit,
            fill=color,
        )
        if bar.low is not None and bar.high is not None:
            axes.whisker(svg, x_of(bar.low), x_of(bar.high), middle)
        svg.text(
            plot_right + 6 * unit,
            middle + size * 0.35,
            fmt.number(bar.value, decimals),
            bold=True,
        )
        y += row_height

    if target is not None:
        x = x_of(target)
        axes.target_line(svg, x, top - 4 * unit, x, plot_bottom)
        label, x, anchor = fit_at(
            f"{target_label} {fmt.number(target, decimals)}",
            x,
            width,
            style.small,
            bold=True,
            margin=unit,
        )
        axes.target_label(svg, x, top - 7 * unit, label, anchor)
    svg.line(plot_left, top, plot_left, plot_bottom, stroke=style.muted, width=0.8 * unit)
    return svg


def _tick_decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1
