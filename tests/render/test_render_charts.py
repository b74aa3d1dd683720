"""Charts: labels inside the viewBox, legible sizes, escaped text, a title for screen readers."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import xml.etree.ElementTree as ET

import pytest
from fontTools.ttLib import TTFont

from generator.render import builtin_templates
from generator.render.charts import (
    Bar,
    ChartKit,
    ChartStyle,
    Dumbbell,
    MoodPoint,
    QuadrantPoint,
    SeriesPoint,
    StackedRow,
    channel_colors,
    text_width,
)
from generator.render.formatting import Formatter

SVG = "{http://www.w3.org/2000/svg}"
LONG = {
    "en": "Returns and refunds handled without any hassle at the regional stores and online",
    "uk": "Повернення коштів без зайвого клопоту в регіональних магазинах та інтернет-магазині",
    "lv": "Preču atgriešana un naudas atmaksa bez raizēm reģionu veikalos un internetā",
}
HOSTILE = '<script>alert("x")</script> & </svg>'


def all_charts(language: str, width: float = 480, font_size: float | None = None):
    """Every kind of chart with long, hostile and extreme labels; ``font_size`` sets the type
    size (the report's 9.5 by default), and the fixed heights grow with it."""
    kit = ChartKit(ChartStyle(), Formatter({"en": "en_GB"}.get(language, "lv_LV")))
    kit = kit.sized(width, font_size)
    grow = kit.style.font_size / 9.5
    long, short = LONG[language], "Staff"
    yield kit.bars(
        [Bar(long, 3.1, 2.9, 3.3), Bar(short, 4.9, 4.7, 5.0), Bar(HOSTILE, 1.0)],
        scale=(1, 5),
        target=4.95,
        target_label=long,
        title=long,
    )
    yield kit.series(
        [
            SeriesPoint(long, -95, -100, -80),
            SeriesPoint("Q2", 99, 90, 100),
            SeriesPoint("Q3", None),
        ],
        scale=(-100, 100),
        target=-99,
        target_label=long,
        signed=True,
        title=HOSTILE,
        height=200 * grow,
    )
    yield kit.stacked(
        [StackedRow(long, (1, 1, 98)), StackedRow(HOSTILE, (50, 0, 50))],
        categories=[long, short, HOSTILE],
        title=long,
    )
    yield kit.quadrant(
        [
            QuadrantPoint(long, 0.99, 4.99),
            QuadrantPoint(HOSTILE, 0.0, 1.0),
            QuadrantPoint(short, 0.5, 3.0),
            QuadrantPoint(long, 1.5, 9),
        ],
        x_range=(0, 1),
        y_range=(1, 5),
        x_split=0.5,
        y_split=3,
        x_label=long,
        y_label=long,
        quadrant_labels=(long, long, long, long),
        title=long,
        height=300 * grow,
    )
    yield kit.dumbbell(
        [Dumbbell(long, 3.9, 3.2, 3.0, 3.4, highlight=True), Dumbbell(HOSTILE, 2.6, 3.6)],
        scale=(1, 5),
        title=long,
        before_label=f"{long[:40]} (before)",
        after_label=f"{long[:40]} (after)",
    )
    yield kit.mood_timeline(
        [
            MoodPoint(dt.date(2026, 1, 1), 1, "call"),
            MoodPoint(dt.date(2026, 12, 31), 5, "visit"),
            MoodPoint(dt.date(2026, 6, 1), 3, "email"),
            MoodPoint(dt.date(2026, 6, 2), 4, "video"),
            MoodPoint(dt.date(2026, 6, 3), 2, "meeting"),
            MoodPoint(dt.date(2026, 6, 4), 4, "messenger"),
        ],
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
        title=long,
        channel_labels={
            c: f"{long[:30]} {c}"
            for c in ("call", "meeting", "video", "messenger", "email", "visit")
        },
        height=180 * grow,
    )


CASES = [(language, width, None) for language in LONG for width in (480, 233)]
CASES += [(language, 470, 14) for language in LONG]  # a slide's chart, drawn at its width


@pytest.mark.parametrize("language, width, font_size", CASES)
def test_every_label_stays_inside_the_viewbox(language, width, font_size):
    for chart in all_charts(language, width, font_size):
        assert chart.boxes, "no labels recorded"
        for box in chart.boxes:
            assert box.x >= 0 and box.x + box.width <= chart.width, (chart.css_class, box)
            assert box.y >= 0 and box.y + box.height <= chart.height, (chart.css_class, box)


@pytest.mark.parametrize("language, width, font_size", CASES)
def test_text_is_escaped_legible_and_titled(language, width, font_size):
    smallest = 9.0 if font_size is None else font_size * 9 / 9.5
    for chart in all_charts(language, width, font_size):
        root = ET.fromstring(str(chart.markup()))  # well-formed despite the hostile labels
        assert root.tag == f"{SVG}svg"
        title = root[0]
        assert title.tag == f"{SVG}title" and title.text
        assert not root.findall(f".//{SVG}script")
        view = [float(v) for v in root.get("viewBox").split()]
        assert view == pytest.approx([0, 0, chart.width, chart.height], abs=0.005)
        texts = root.findall(f".//{SVG}text")
        assert texts
        for text in texts:
            assert float(text.get("font-size")) >= smallest - 0.01


def test_hostile_labels_come_out_as_the_same_text():
    chart = next(all_charts("en"))
    root = ET.fromstring(str(chart.markup()))
    assert HOSTILE in [t.text for t in root.iter(f"{SVG}text")]


def test_the_same_data_draws_the_same_svg():
    first = [str(c.markup()) for c in all_charts("lv")]
    assert first == [str(c.markup()) for c in all_charts("lv")]


@pytest.mark.parametrize("weight, bold", [("Regular", False), ("Semibold", True)])
def test_width_estimates_are_close_above_the_real_advance(weight, bold):
    font = TTFont(builtin_templates() / "fonts" / f"SourceSans3-{weight}.ttf")
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    units = font["head"].unitsPerEm
    samples = list(LONG.values()) + ["−12,5 %", "Q3 2026", "ĀČĒĢĪĶĻŅŠŪŽ ҐЄЇІ WWW mmm", "iiii"]
    for sample in samples:
        real = sum(metrics[cmap[ord(c)]][0] for c in sample) / units * 10
        estimate = text_width(sample, 10, bold=bold)
        assert real <= estimate <= real * 1.3, (sample, real, estimate)


@pytest.mark.parametrize("factor", [1.5, 14 / 9.5])
def test_larger_type_draws_the_same_chart_larger(factor):
    # Drawn ``factor`` times wider with ``factor`` times larger type, a chart is the report's
    # drawing enlarged: every label in the same place, relative to the chart's size.
    for normal, large in zip(
        all_charts("uk", 320), all_charts("uk", 320 * factor, 9.5 * factor), strict=True
    ):
        assert large.height == pytest.approx(normal.height * factor)
        assert [b.text for b in large.boxes] == [b.text for b in normal.boxes]
        for a, b in zip(normal.boxes, large.boxes, strict=True):
            assert (b.x, b.y, b.width, b.height) == pytest.approx(
                (a.x * factor, a.y * factor, a.width * factor, a.height * factor)
            )


def test_the_report_size_is_the_default():
    kit = ChartKit(ChartStyle(), Formatter("en_GB"))
    assert kit.sized(233).style.font_size == 9.5
    assert kit.sized(470, font_size=14).style.font_size == 14
    assert kit.sized(470, font_size=14).style.width == 470


def month_labels(chart, fmt, start, end):
    """Return the timeline's month labels (their boxes), left to right."""
    names = set()
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        names |= {fmt.month(day), fmt.month_year(day)}
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return sorted((b for b in chart.boxes if b.text in names), key=lambda b: b.x)


@pytest.mark.parametrize("locale", ["uk_UA", "lv_LV", "en_GB"])
@pytest.mark.parametrize("width", [233, 300, 480])
def test_month_labels_are_whole_and_apart(locale, width):
    fmt = Formatter(locale)
    start, end = dt.date(2026, 5, 1), dt.date(2026, 10, 14)
    points = [MoodPoint(start, 3, "call"), MoodPoint(end, 4, "visit")]
    chart = ChartKit(ChartStyle(width=width), fmt).mood_timeline(
        points, start=start, end=end, channel_labels={}, title="Mood"
    )
    labels = month_labels(chart, fmt, start, end)
    assert labels[0].text == fmt.month_year(start)  # the first, with its year, never cut
    assert labels[-1].text == fmt.month(dt.date(2026, 10, 1))  # the last month is named
    assert all("…" not in b.text for b in chart.boxes)
    for left, right in itertools.pairwise(labels):
        assert left.x + left.width < right.x, (left.text, right.text)
    assert labels[0].x >= 0 and labels[-1].x + labels[-1].width <= chart.width


def lab(color: str) -> tuple[float, float, float]:
    """CIELAB of an sRGB colour (D65), by the textbook formulas."""
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))


@pytest.mark.parametrize(
    "primary, accent",
    [
        ("#1f3a5f", "#e07a5f"),
        ("#0b6e4f", "#f4a261"),
        ("#5b2a86", "#00a6a6"),
        ("#333333", "#d62828"),
    ],
)
def test_channels_have_clearly_different_colours_from_the_brand(primary, accent):
    style = ChartStyle(primary=primary, accent=accent)
    colors = channel_colors(style)
    assert (colors["call"], colors["meeting"], colors["email"]) == (primary, accent, style.muted)
    for first, second in itertools.combinations(colors, 2):
        difference = math.dist(lab(colors[first]), lab(colors[second]))
        assert difference >= 20, (first, second, colors[first], colors[second])


def test_bars_of_a_score_that_can_be_negative_grow_from_zero():
    kit = ChartKit(ChartStyle(), Formatter("en_GB"))
    chart = kit.bars([Bar("Store", 20), Bar("Phone", -20)], scale=(-40, 40), title="NPS")
    root = ET.fromstring(str(chart.markup()))
    rises, falls = [(float(r.get("x")), float(r.get("width"))) for r in root.iter(f"{SVG}rect")]
    assert rises[1] == pytest.approx(falls[1])  # as long as each other
    assert falls[0] + falls[1] == pytest.approx(rises[0])  # meeting at zero
