"""The client's mood over time: one point per contact, coloured by channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.render.charts import axes
from generator.render.charts.palette import category_colors
from generator.render.charts.svg import ChartStyle, Svg, polyline, text_width, truncate
from generator.render.formatting import Formatter

CHANNELS = ("call", "meeting", "video", "messenger", "email", "visit")


@dataclass(frozen=True)
class MoodPoint:
    date: dt.date
    mood: int  # 1 (angry) to 5 (delighted)
    channel: str


def channel_colors(style: ChartStyle) -> dict[str, str]:
    """Return a colour per channel, derived from the brand and told apart at a glance.

    Call and meeting take the brand's primary and accent, e-mail its muted grey; video,
    messenger and visit get colours made from the brand's hues (see ``palette``).
    """
    order = ("call", "meeting", "email", "video", "messenger", "visit")
    return dict(zip(order, category_colors(style, len(order)), strict=True))


def mood_timeline(
    points: Sequence[MoodPoint],
    *,
    style: ChartStyle,
    fmt: Formatter,
    start: dt.date,
    end: dt.date,
    channel_labels: Mapping[str, str],
    title: str,
    height: float = 180.0,
) -> Svg:
    """Draw mood (1–5) against date from ``start`` to ``end`` with a legend of channels."""
    if end <= start:
        raise ValueError("the timeline ends before it starts")
    width, small, unit = style.width, style.small, style.unit
    axis_width = text_width("5", small) + 10 * unit
    left, right, top = axis_width + 4 * unit, width - 10 * unit, 8.0 * unit
    used = [c for c in CHANNELS if any(p.channel == c for p in points)]
    legend = _legend_layout([channel_labels.get(c, c) for c in used], left, right, small, unit)
    legend_lines = 1 + max((line for _, line, _ in legend), default=0)
    bottom = height - small * 2.4 - legend_lines * small * 1.5
    x_of_offset = axes.linear((0, (end - start).days), (left, right))

    def x_of(day: dt.date) -> float:
        return x_of_offset((day - start).days)

    def y_of(mood: float) -> float:
        return bottom - (mood - 1) / 4 * (bottom - top)

    svg = Svg(width, height, title, style, css_class="chart chart-timeline")
    for mood in range(1, 6):
        y = y_of(mood)
        opacity = 0.6 if mood == 3 else 0.25  # the neutral mood stands out
        svg.line(left, y, right, y, stroke=style.muted, width=0.5 * unit, opacity=opacity)
        axes.tick_label(svg, axis_width, y + small * 0.35, fmt.integer(mood), anchor="end")

    ticks = _month_ticks(start, end)
    for day in ticks:
        x = x_of(day)
        svg.line(x, bottom, x, bottom + 3 * unit, stroke=style.muted, width=0.6 * unit)
    for x, label, anchor in _month_labels(ticks, x_of, fmt, width, small, unit):
        axes.tick_label(svg, x, bottom + small * 1.5, label, anchor=anchor)

    ordered = sorted(points, key=lambda p: (p.date, p.channel))
    if len(ordered) > 1:
        svg.add(
            "polyline",
            points=polyline((x_of(p.date), y_of(p.mood)) for p in ordered),
            fill="none",
            stroke=style.muted,
            stroke_width=0.8 * unit,
            stroke_opacity=0.7,
        )
    colors = channel_colors(style)
    for point in ordered:
        svg.add(
            "circle",
            cx=x_of(point.date),
            cy=y_of(point.mood),
            r=4 * unit,
            fill=colors.get(point.channel, style.text),
            stroke=style.background,
            stroke_width=unit,
        )

    for channel, (x, line, label) in zip(used, legend, strict=True):
        baseline = bottom + small * (3.2 + 1.5 * line)
        svg.add(
            "circle", cx=x + 4 * unit, cy=baseline - small * 0.33, r=4 * unit, fill=colors[channel]
        )
        svg.text(x + 11 * unit, baseline, label, size=small, fill=style.muted)
    return svg


def _month_labels(ticks, x_of, fmt: Formatter, width: float, size: float, unit: float):
    """Return ``(x, label, anchor)`` for the month ticks that can be labelled without a clash.

    Each label is centred on its tick, except that the first starts at its tick and the last
    ends at its own when centring would take them past the chart's edge. The first and the
    last are kept; a label in between that would come closer than a gap to a kept one is
    left out (its tick stays). The year is printed on the first label and on each January.
    """
    gap = 6 * unit
    names = [
        fmt.month_year(day) if index == 0 or day.month == 1 else fmt.month(day)
        for index, day in enumerate(ticks)
    ]
    spans = []
    for index, (day, name) in enumerate(zip(ticks, names, strict=True)):
        x, label = x_of(day), truncate(name, width - 2, size)
        half = text_width(label, size) / 2
        anchor = "middle"
        if index == 0 and x - half < 1:
            anchor = "start"
        elif index == len(ticks) - 1 and x + half > width - 1:
            anchor = "end"
        low = {"start": x, "middle": x - half, "end": x - 2 * half}[anchor]
        spans.append((x, label, anchor, low, low + 2 * half))
    if len(spans) > 1 and spans[0][4] + gap > spans[-1][3]:
        spans.pop()  # not even the first and the last fit side by side
    kept = [spans[0]]
    last = spans[-1] if len(spans) > 1 else None
    for span in spans[1:-1]:
        if span[3] >= kept[-1][4] + gap and (last is None or span[4] + gap <= last[3]):
            kept.append(span)
    if last is not None:
        kept.append(last)
    return [(x, label, anchor) for x, label, anchor, _, _ in kept]


def _legend_layout(labels, left: float, right: float, size: float, unit: float = 1.0):
    """Place legend entries in lines that fit; return (x, line, label) per entry.

    When the entries take more than one line, the lines share them evenly (3 and 3 rather
    than 5 and 1), as long as that needs no more lines.
    """
    placed = _legend_lines(labels, left, right, size, unit, len(labels))
    lines = 1 + max((line for _, line, _ in placed), default=0)
    if lines > 1:
        even = _legend_lines(labels, left, right, size, unit, -(-len(labels) // lines))
        if 1 + max(line for _, line, _ in even) == lines:
            return even
    return placed


def _legend_lines(labels, left: float, right: float, size: float, unit: float, per_line: int):
    placed = []
    x, line, on_line = left, 0, 0
    for label in labels:
        label = truncate(label, right - left - 13 * unit, size)
        needed = 13 * unit + text_width(label, size) + 12 * unit
        if x > left and (x + needed - 12 * unit > right or on_line == per_line):
            x, line, on_line = left, line + 1, 0
        placed.append((x, line, label))
        x += needed
        on_line += 1
    return placed


def _month_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    """Return the first days of months inside the range, thinned to at most six."""
    ticks = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            ticks.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(ticks) // 6))
    return ticks[::step] or [start]
