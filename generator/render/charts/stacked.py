"""100 % stacked bars: detractors/passives/promoters, or the spread of a 1–5 scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.brand import READABLE, contrast, mix, readable
from generator.render.charts.svg import ChartStyle, Svg, text_width, truncate, wrap
from generator.render.formatting import Formatter


@dataclass(frozen=True)
class StackedRow:
    label: str
    counts: Sequence[float]  # one count (or share) per category, lowest category first


def diverging_colors(style: ChartStyle, count: int) -> list[str]:
    """Return ``count`` colours from the negative colour through grey to the positive one."""
    if count == 1:
        return [style.primary]
    middle = mix(style.muted, style.background, 0.45)
    colors = []
    for index in range(count):
        position = index / (count - 1)
        if position < 0.5:
            colors.append(mix(style.negative, middle, position * 2))
        else:
            colors.append(mix(middle, style.positive, (position - 0.5) * 2))
    return [_carries_a_label(color, style) for color in colors]


def _carries_a_label(color: str, style: ChartStyle) -> str:
    """Return ``color`` darkened, if need be, until a white share printed on it is readable."""
    if max(contrast(style.background, color), contrast(style.text, color)) >= READABLE:
        return color
    return readable(color, style.background, style.text)


def stacked_chart(
    rows: Sequence[StackedRow],
    *,
    style: ChartStyle,
    fmt: Formatter,
    categories: Sequence[str],
    title: str,
    colors: Sequence[str] | None = None,
) -> Svg:
    """Draw each row as one bar split into its categories' shares, with a legend on top."""
    if any(len(row.counts) != len(categories) for row in rows):
        raise ValueError("every row needs one count per category")
    colors = list(colors or diverging_colors(style, len(categories)))
    if len(colors) < len(categories):
        raise ValueError(f"{len(categories)} categories but only {len(colors)} colours")
    width, size, unit = style.width, style.font_size, style.unit
    label_width = width * 0.26 if any(row.label for row in rows) else 0.0
    plot_left = label_width + (10 * unit if label_width else 0)
    plot_right = width - 2 * unit
    line_height = size * 1.2

    svg = Svg(width, 0, title, style, css_class="chart chart-stacked")
    legend_y = _legend(svg, categories, colors, style, plot_left, plot_right)
    y = legend_y + 10 * unit
    for row in rows:
        lines = wrap(row.label, label_width, size, max_lines=2) if label_width else []
        row_height = max(26.0 * unit, len(lines) * line_height + 10 * unit)
        middle = y + row_height / 2
        for index, line in enumerate(lines):
            baseline = middle - (len(lines) - 1) * line_height / 2 + size * 0.35
            svg.text(label_width, baseline + index * line_height, line, anchor="end")
        total = sum(max(0.0, c) for c in row.counts)
        x = plot_left
        for count, color in zip(row.counts, colors, strict=False):
            share = max(0.0, count) / total if total else 0.0
            segment = share * (plot_right - plot_left)
            if segment <= 0:
                continue
            svg.add("rect", x=x, y=middle - 9 * unit, width=segment, height=18 * unit, fill=color)
            label = fmt.percent(share)
            if text_width(label, style.small, bold=True) + 6 * unit <= segment:
                # Whichever of white and the text colour reads better on the segment.
                ink = max((style.background, style.text), key=lambda c: contrast(c, color))
                svg.text(
                    x + segment / 2,
                    middle + style.small * 0.35,
                    label,
                    size=style.small,
                    anchor="middle",
                    bold=True,
                    fill=ink,
                )
            x += segment
        y += row_height
    svg.height = y + 4 * unit
    return svg


def _legend(svg: Svg, categories, colors, style: ChartStyle, left: float, right: float) -> float:
    """Write the legend in one or more lines from ``left``; return the y below it."""
    unit = style.unit
    x, baseline = left, style.small + 2 * unit
    for category, color in zip(categories, colors, strict=False):
        label = truncate(category, right - left - 16 * unit, style.small)
        needed = 14 * unit + text_width(label, style.small) + 14 * unit
        if x > left and x + needed > right:
            x, baseline = left, baseline + style.small * 1.6
        svg.add(
            "rect",
            x=x,
            y=baseline - style.small * 0.75,
            width=9 * unit,
            height=9 * unit,
            fill=color,
        )
        svg.text(x + 13 * unit, baseline, label, size=style.small, fill=style.muted_text)
        x += needed
    return baseline + 2 * unit
