"""SVG charts in the brand's colours and font, with labels kept inside their viewBox.

Templates reach them through ``charts`` (a ``ChartKit`` bound to the document's style and
locale): ``{{ charts.bars(items, scale=(1, 5), title=…) }}``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from generator.render.charts.bars import Bar, bar_chart
from generator.render.charts.dumbbell import Dumbbell, dumbbell_chart
from generator.render.charts.quadrant import QuadrantPoint, quadrant_chart
from generator.render.charts.series import SeriesPoint, series_chart
from generator.render.charts.stacked import StackedRow, diverging_colors, stacked_chart
from generator.render.charts.svg import ChartStyle, Svg, TextBox, text_width
from generator.render.charts.timeline import MoodPoint, channel_colors, mood_timeline
from generator.render.formatting import Formatter


class ChartKit:
    """The chart functions with the document's style and formatter filled in."""

    def __init__(self, style: ChartStyle, fmt: Formatter):
        self.style = style
        self.fmt = fmt
        self.bars = partial(bar_chart, style=style, fmt=fmt)
        self.dumbbell = partial(dumbbell_chart, style=style, fmt=fmt)
        self.series = partial(series_chart, style=style, fmt=fmt)
        self.stacked = partial(stacked_chart, style=style, fmt=fmt)
        self.quadrant = partial(quadrant_chart, style=style, fmt=fmt)
        self.mood_timeline = partial(mood_timeline, style=style, fmt=fmt)

    def sized(self, width: float, font_size: float | None = None) -> ChartKit:
        """Return the same charts drawn ``width`` points wide (e.g. 233 for half a column).

        ``font_size`` sets the labels' size in points (the report's are 9.5); marks, gaps and
        strokes grow with it, so that a slide can draw a chart at the width it is shown with
        labels legible across a room.
        """
        size = self.style.font_size if font_size is None else float(font_size)
        return ChartKit(replace(self.style, width=float(width), font_size=size), self.fmt)


__all__ = [
    "Bar",
    "ChartKit",
    "ChartStyle",
    "Dumbbell",
    "MoodPoint",
    "QuadrantPoint",
    "SeriesPoint",
    "StackedRow",
    "Svg",
    "TextBox",
    "bar_chart",
    "channel_colors",
    "diverging_colors",
    "dumbbell_chart",
    "mood_timeline",
    "quadrant_chart",
    "series_chart",
    "stacked_chart",
    "text_width",
]
