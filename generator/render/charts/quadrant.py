"""A 2×2 quadrant scatter with labelled points: key drivers, or an impact × effort matrix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.charts import axes
from generator.render.charts.svg import (
    ChartStyle,
    Svg,
    TextBox,
    dashes,
    text_width,
    truncate,
    wrap,
)
from generator.render.formatting import Formatter


@dataclass(frozen=True)
class QuadrantPoint:
    label: str
    x: float
    y: float
    highlight: bool = False


def quadrant_chart(
    points: Sequence[QuadrantPoint],
    *,
    style: ChartStyle,
    fmt: Formatter,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_split: float,
    y_split: float,
    x_label: str,
    y_label: str,
    quadrant_labels: tuple[str, str, str, str] = ("", "", "", ""),
    title: str,
    height: float = 300.0,
) -> Svg:
    """Draw the points; ``quadrant_labels`` are top-left, top-right, bottom-left, bottom-right."""
    (x_min, x_max), (y_min, y_max) = x_range, y_range
    if x_max <= x_min or y_max <= y_min:
        raise ValueError("the quadrant ranges are empty")
    width, size, small, unit = style.width, style.font_size, style.small, style.unit
    left, right, top = 6.0 * unit, width - 6 * unit, small * 2.2
    bottom = height - small * 2.4

    x_of = axes.linear(x_range, (left, right))
    y_of = axes.linear(y_range, (bottom, top))
    svg = Svg(width, height, title, style, css_class="chart chart-quadrant")
    split_x, split_y = x_of(x_split), y_of(y_split)
    svg.add(
        "rect",
        x=split_x,
        y=top,
        width=right - split_x,
        height=split_y - top,
        fill=style.primary,
        fill_opacity=0.07,
    )
    svg.add(
        "rect",
        x=left,
        y=top,
        width=right - left,
        height=bottom - top,
        fill="none",
        stroke=style.muted,
        stroke_opacity=0.5,
        stroke_width=0.6 * unit,
    )
    for x1, y1, x2, y2 in ((split_x, top, split_x, bottom), (left, split_y, right, split_y)):
        svg.line(x1, y1, x2, y2, stroke=style.muted, width=0.8 * unit, dash=dashes(unit, 3, 3))

    corner_width = (right - left) / 2 - 12 * unit
    corners = [(left + 6 * unit, top, "start"), (right - 6 * unit, top, "end")]
    corners += [(left + 6 * unit, bottom, "start"), (right - 6 * unit, bottom, "end")]
    placed: list[TextBox] = []
    for index, (text, (x, edge, anchor)) in enumerate(zip(quadrant_labels, corners, strict=True)):
        if not text:
            continue
        lines = wrap(text.upper(), corner_width, small, max_lines=2, bold=True)
        for line_index, line in enumerate(lines):
            if index < 2:  # top corners write downwards, bottom corners upwards
                baseline = edge + small * (1.3 + 1.15 * line_index)
            else:
                baseline = edge - 6 * unit - small * 1.15 * (len(lines) - 1 - line_index)
            placed.append(
                svg.text(
                    x,
                    baseline,
                    line,
                    size=small,
                    anchor=anchor,
                    bold=True,
                    fill=style.muted_text,
                )
            )

    axis_room = right - left
    svg.text(
        left,
        small * 1.3,
        truncate("↑ " + y_label, axis_room, small, bold=True),
        size=small,
        bold=True,
        fill=style.text,
    )
    svg.text(
        right,
        bottom + small * 1.8,
        truncate(x_label + " →", axis_room, small, bold=True),
        size=small,
        anchor="end",
        bold=True,
    )

    label_width = (right - left) * 0.5
    ordered = sorted(points, key=lambda p: (-p.y, p.x, p.label))
    # Every dot is placed before any label, so no label is written over a dot.
    for point in ordered:
        x, y = x_of(point.x), y_of(point.y)
        color = style.accent if point.highlight else style.primary
        svg.add(
            "circle",
            cx=x,
            cy=y,
            r=4.5 * unit,
            fill=color,
            stroke=style.background,
            stroke_width=unit,
        )
        placed.append(TextBox("", x - 5 * unit, y - 5 * unit, 10 * unit, 10 * unit))
    for point in ordered:
        x, y = x_of(point.x), y_of(point.y)
        label = truncate(point.label, label_width, size)
        box = _place(label, x, y, size, unit, placed, (left, top, right, bottom))
        placed.append(svg.text(box.x, box.y + size * 0.8, label, size=size))
    return svg


def _place(label, x, y, size, unit, placed, frame) -> TextBox:
    """Choose a spot beside the point that stays in the frame and overlaps the fewest labels."""
    left, top, right, bottom = frame
    width = text_width(label, size)
    gap, edge = 8 * unit, 2 * unit
    candidates = []
    for dx, dy in (
        (gap, -size * 0.45),
        (-gap - width, -size * 0.45),
        (gap, -size * 1.5),
        (gap, size * 0.6),
        (-gap - width, -size * 1.5),
        (-gap - width, size * 0.6),
        (-width / 2, -size * 1.8),
        (-width / 2, size * 0.75),
    ):
        bx = min(max(x + dx, left + edge), right - edge - width)
        by = min(max(y + dy, top + edge), bottom - edge - size)
        candidates.append(TextBox(label, bx, by, width, size))
    return min(candidates, key=lambda box: sum(_overlap(box, other) for other in placed))


def _overlap(a: TextBox, b: TextBox) -> float:
    dx = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    dy = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    return max(0.0, dx) * max(0.0, dy)
