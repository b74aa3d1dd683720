"""Before → after for each item: a dumbbell per row, the earlier wave hollow, the later one
filled with its interval, so that a chart about a change shows both waves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.charts import axes
from generator.render.charts.svg import ChartStyle, Svg, nice_ticks, text_width, wrap
from generator.render.formatting import NBSP, Formatter


@dataclass(frozen=True)
class Dumbbell:
    label: str
    before: float
    after: float
    low: float | None = None  # the later wave's interval, drawn as a whisker
    high: float | None = None
    highlight: bool = False  # drawn in the accent colour


LABEL_LINES = 12


def dumbbell_chart(
    rows: Sequence[Dumbbell],
    *,
    style: ChartStyle,
    fmt: Formatter,
    scale: tuple[float, float],
    title: str,
    before_label: str,
    after_label: str,
    decimals: int = 1,
) -> Svg:
    """Draw one row per item: a hollow dot at ``before``, a filled one at ``after``."""
    low_end, high_end = scale
    if high_end <= low_end:
        raise ValueError(f"the scale {scale} is empty")
    width, size, unit = style.width, style.font_size, style.unit
    label_width = width * 0.40
    value_width = 64.0 * unit
    plot_left = label_width + 10 * unit
    plot_right = width - value_width
    radius = 4.5 * unit
    # The legend: which dot is which wave, over the plot; long wave names start at the left
    # edge, and take a line each when even that is too narrow, rather than run off the chart.
    entries = [(False, before_label), (True, after_label)]
    widths = [3 * radius + text_width(text, style.small) + 14 * unit for _, text in entries]
    legend_left = plot_left if plot_left + sum(widths) <= width else 0.0
    stacked = legend_left + sum(widths) > width
    legend = size * 1.6
    top = legend * (2 if stacked else 1) + 6 * unit
    line_height = size * 1.2

    # Every word of a label is shown, as many lines as it takes, measured as it is drawn.
    labels = [
        wrap(row.label, label_width, size, max_lines=LABEL_LINES, bold=row.highlight)
        for row in rows
    ]
    heights = [max(22.0 * unit, len(lines) * line_height + 8 * unit) for lines in labels]
    plot_bottom = top + sum(heights)
    svg = Svg(width, plot_bottom + size * 2.4, title, style, css_class="chart chart-dumbbell")

    x, middle = legend_left, legend * 0.55
    for filled, text in entries:
        _dot(svg, x + radius, middle, radius, style.primary, filled)
        box = axes.tick_label_box(svg, x + 3 * radius, middle + style.small * 0.35, text)
        if stacked:
            middle += legend
        else:
            x = box.x + box.width + 14 * unit

    x_of = axes.linear(scale, (plot_left, plot_right))
    for tick in nice_ticks(low_end, high_end, 4):
        svg.line(
            x_of(tick),
            top,
            x_of(tick),
            plot_bottom,
            stroke=style.muted,
            width=0.5 * unit,
            opacity=0.3,
        )
        text = fmt.number(tick, 0 if float(tick).is_integer() else 1)
        axes.tick_label(svg, x_of(tick), plot_bottom + size * 1.5, text, anchor="middle")

    y = top
    for row, lines, height in zip(rows, labels, heights, strict=True):
        middle = y + height / 2
        first = middle - (len(lines) - 1) * line_height / 2 + size * 0.35
        for index, line in enumerate(lines):
            svg.text(
                label_width, first + index * line_height, line, anchor="end", bold=row.highlight
            )
        color = style.accent if row.highlight else style.primary
        svg.line(
            x_of(row.before),
            middle,
            x_of(row.after),
            middle,
            stroke=color,
            width=3 * unit,
            opacity=0.45,
        )
        if row.low is not None and row.high is not None:
            axes.whisker(svg, x_of(row.low), x_of(row.high), middle)
        _dot(svg, x_of(row.before), middle, radius, color, False)
        _dot(svg, x_of(row.after), middle, radius, color, True)
        figures = (
            f"{fmt.number(row.before, decimals)}{NBSP}→{NBSP}{fmt.number(row.after, decimals)}"
        )
        svg.text(plot_right + 8 * unit, middle + size * 0.35, figures, bold=row.highlight)
        y += height
    return svg


def _dot(svg: Svg, x: float, y: float, radius: float, color: str, filled: bool) -> None:
    fill = color if filled else svg.style.background
    svg.add(
        "circle", cx=x, cy=y, r=radius, fill=fill, stroke=color, stroke_width=1.6 * svg.style.unit
    )
