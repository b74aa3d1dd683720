"""Horizontal bars with interval whiskers and a target line (item means, segment scores)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.charts.svg import ChartStyle, Svg, dashes, fit_at, nice_ticks, wrap
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

    def x_of(value: float) -> float:
        clamped = min(max(value, low_end), high_end)
        return plot_left + (clamped - low_end) / (high_end - low_end) * (plot_right - plot_left)

    # Bars grow from zero when the scale has negative values (an NPS), else from its start.
    base = 0.0 if low_end < 0 < high_end else low_end
    svg = Svg(width, height, title, style, css_class="chart chart-bars")
    for tick in nice_ticks(low_end, high_end, 4):
        x = x_of(tick)
        zero = tick == 0 and low_end < 0
        svg.add(
            "line",
            x1=x,
            y1=top,
            x2=x,
            y2=plot_bottom,
            stroke=style.muted,
            stroke_opacity=0.7 if zero else 0.3,
            stroke_width=(0.8 if zero else 0.5) * unit,
        )
        svg.text(
            x,
            plot_bottom + size * 1.5,
            fmt.number(tick, _tick_decimals(tick)),
            size=style.small,
            anchor="middle",
            fill=style.muted,
        )

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
            x_low, x_high = x_of(bar.low), x_of(bar.high)
            svg.add(
                "line",
                x1=x_low,
                y1=middle,
                x2=x_high,
                y2=middle,
                stroke=style.text,
                stroke_width=0.9 * unit,
            )
            for x in (x_low, x_high):
                svg.add(
                    "line",
                    x1=x,
                    y1=middle - 4 * unit,
                    x2=x,
                    y2=middle + 4 * unit,
                    stroke=style.text,
                    stroke_width=0.9 * unit,
                )
        svg.text(
            plot_right + 6 * unit,
            middle + size * 0.35,
            fmt.number(bar.value, decimals),
            bold=True,
        )
        y += row_height

    if target is not None:
        x = x_of(target)
        svg.add(
            "line",
            x1=x,
            y1=top - 4 * unit,
            x2=x,
            y2=plot_bottom,
            stroke=style.accent,
            stroke_width=1.2 * unit,
            stroke_dasharray=dashes(unit, 4, 3),
        )
        label, x, anchor = fit_at(
            f"{target_label} {fmt.number(target, decimals)}",
            x,
            width,
            style.small,
            bold=True,
            margin=unit,
        )
        svg.text(
            x, top - 7 * unit, label, size=style.small, anchor=anchor, fill=style.accent, bold=True
        )
    svg.add(
        "line",
        x1=plot_left,
        y1=top,
        x2=plot_left,
        y2=plot_bottom,
        stroke=style.muted,
        stroke_width=0.8 * unit,
    )
    return svg


def _tick_decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1
