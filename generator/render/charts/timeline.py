"""The client's mood over time: one point per contact, coloured by channel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.render.brand import mix
from generator.render.charts.svg import ChartStyle, Svg, polyline, text_width, truncate
from generator.render.formatting import Formatter

CHANNELS = ("call", "meeting", "video", "messenger", "email", "visit")


@dataclass(frozen=True)
class MoodPoint:
    date: dt.date
    mood: int  # 1 (angry) to 5 (delighted)
    channel: str


def channel_colors(style: ChartStyle) -> dict[str, str]:
    """Return a distinct brand-derived colour per channel (never the positive/negative pair)."""
    return {
        "call": style.primary,
        "meeting": style.accent,
        "video": mix(style.primary, style.background, 0.5),
        "messenger": mix(style.accent, style.text, 0.45),
        "email": style.muted,
        "visit": mix(style.primary, style.accent, 0.5),
    }


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
    width, small = style.width, style.small
    axis_width = text_width("5", small) + 10
    left, right, top = axis_width + 4, width - 10, 8.0
    used = [c for c in CHANNELS if any(p.channel == c for p in points)]
    legend = _legend_layout([channel_labels.get(c, c) for c in used], left, right, small)
    legend_lines = 1 + max((line for _, line, _ in legend), default=0)
    bottom = height - small * 2.4 - legend_lines * small * 1.5
    span = (end - start).days

    def x_of(day: dt.date) -> float:
        offset = min(max((day - start).days, 0), span)
        return left + offset / span * (right - left)

    def y_of(mood: float) -> float:
        return bottom - (mood - 1) / 4 * (bottom - top)

    svg = Svg(width, height, title, style, css_class="chart chart-timeline")
    for mood in range(1, 6):
        y = y_of(mood)
        svg.add(
            "line",
            x1=left,
            y1=y,
            x2=right,
            y2=y,
            stroke=style.muted,
            stroke_opacity=0.6 if mood == 3 else 0.25,
            stroke_width=0.5,
        )
        svg.text(
            axis_width,
            y + small * 0.35,
            fmt.integer(mood),
            size=small,
            anchor="end",
            fill=style.muted,
        )

    ticks = _month_ticks(start, end)
    label_room = (right - left) / max(1, len(ticks))
    for index, day in enumerate(ticks):
        x = x_of(day)
        svg.add("line", x1=x, y1=bottom, x2=x, y2=bottom + 3, stroke=style.muted, stroke_width=0.6)
        # The year is printed once, on the first tick and on each January.
        name = fmt.month_year(day) if index == 0 or day.month == 1 else fmt.month(day)
        label = truncate(name, label_room - 4, small)
        anchor = "start" if x - text_width(label, small) / 2 < 0 else "middle"
        if x + text_width(label, small) / 2 > width:
            anchor = "end"
        svg.text(x, bottom + small * 1.5, label, size=small, anchor=anchor, fill=style.muted)

    ordered = sorted(points, key=lambda p: (p.date, p.channel))
    if len(ordered) > 1:
        svg.add(
            "polyline",
            points=polyline((x_of(p.date), y_of(p.mood)) for p in ordered),
            fill="none",
            stroke=style.muted,
            stroke_width=0.8,
            stroke_opacity=0.7,
        )
    colors = channel_colors(style)
    for point in ordered:
        svg.add(
            "circle",
            cx=x_of(point.date),
            cy=y_of(point.mood),
            r=4,
            fill=colors.get(point.channel, style.text),
            stroke=style.background,
            stroke_width=1,
        )

    for channel, (x, line, label) in zip(used, legend, strict=True):
        baseline = bottom + small * (3.2 + 1.5 * line)
        svg.add("circle", cx=x + 4, cy=baseline - small * 0.33, r=4, fill=colors[channel])
        svg.text(x + 11, baseline, label, size=small, fill=style.muted)
    return svg


def _legend_layout(labels, left: float, right: float, size: float):
    """Place legend entries in lines that fit; return (x, line, label) per entry."""
    placed = []
    x, line = left, 0
    for label in labels:
        label = truncate(label, right - left - 13, size)
        needed = 13 + text_width(label, size) + 12
        if x > left and x + needed - 12 > right:
            x, line = left, line + 1
        placed.append((x, line, label))
        x += needed
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
