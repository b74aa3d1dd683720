"""Charts: labels inside the viewBox, legible sizes, escaped text, a title for screen readers."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from fontTools.ttLib import TTFont

from generator.render import builtin_templates
from generator.render.charts import (
    Bar,
    ChartKit,
    ChartStyle,
    MoodPoint,
    QuadrantPoint,
    SeriesPoint,
    StackedRow,
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


def all_charts(language: str, width: float = 480):
    kit = ChartKit(ChartStyle(width=width), Formatter({"en": "en_GB"}.get(language, "lv_LV")))
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
    )


CASES = [(language, width) for language in LONG for width in (480, 233)]


@pytest.mark.parametrize("language, width", CASES)
def test_every_label_stays_inside_the_viewbox(language, width):
    for chart in all_charts(language, width):
        assert chart.boxes, "no labels recorded"
        for box in chart.boxes:
            assert box.x >= 0 and box.x + box.width <= chart.width, (chart.css_class, box)
            assert box.y >= 0 and box.y + box.height <= chart.height, (chart.css_class, box)


@pytest.mark.parametrize("language, width", CASES)
def test_text_is_escaped_legible_and_titled(language, width):
    for chart in all_charts(language, width):
        root = ET.fromstring(str(chart.markup()))  # well-formed despite the hostile labels
        assert root.tag == f"{SVG}svg"
        title = root[0]
        assert title.tag == f"{SVG}title" and title.text
        assert not root.findall(f".//{SVG}script")
        assert root.get("viewBox") == f"0 0 {chart.width:g} {chart.height:g}"
        texts = root.findall(f".//{SVG}text")
        assert texts
        for text in texts:
            assert float(text.get("font-size")) >= 9.0


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
