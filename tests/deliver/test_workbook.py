"""The data workbook: the analysis' numbers, suppression kept, formulas never, same bytes."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
import zipfile

import openpyxl
import pytest
from deliver_helpers import CLIENT, context_of
from workspace_helpers import REPO

from generator.pipeline import statistics
from generator.publish.workbook import write_workbook


@pytest.fixture(scope="module")
def northwind():
    """The Northwind context, its analysis as `rapport stats` gives it, and the workbook."""
    context = context_of(REPO, CLIENT)
    analysis, item_labels = statistics(REPO, CLIENT)
    return context, analysis, item_labels


@pytest.fixture(scope="module")
def workbook(northwind, tmp_path_factory):
    context, _, _ = northwind
    target = write_workbook(context, tmp_path_factory.mktemp("workbook") / "data.xlsx")
    return openpyxl.load_workbook(target)


def same(value: float):
    """A number as a spreadsheet keeps it: 15 significant digits."""
    return pytest.approx(value, rel=1e-14, abs=1e-14)


def rows_by_first_cell(sheet) -> dict:
    return {row[0].value: row for row in sheet.iter_rows(min_row=2)}


def header(sheet) -> list:
    return [cell.value for cell in sheet[1]]


def test_headline_metrics_are_the_analysis_numbers(northwind, workbook):
    _, analysis, _ = northwind
    wave = analysis["waves"][-1]
    sheet = workbook["Headline metrics"]
    assert header(sheet)[:10] == [
        "Metric",
        "Value",
        "Interval low",
        "Interval high",
        "n",
        "Change",
        "p-value",
        "Verdict",
        "Target",
        "Target met",
    ]
    rows = rows_by_first_cell(sheet)
    nps, change = wave["metrics"]["nps"], wave["change"]["metrics"]["nps"]
    value, low, high, n, difference, p_value, verdict, target, met = (
        c.value for c in rows["Net Promoter Score"][1:10]
    )
    assert (value, low, high) == (same(nps["value"]), same(nps["low"]), same(nps["high"]))
    assert n == nps["n"]
    assert (difference, p_value) == (same(change["difference"]), same(change["p_value"]))
    assert verdict == {"up": "Up", "down": "Down"}.get(change["verdict"], "No significant change")
    assert target == next(t["target"] for t in wave["targets"] if t["metric"] == "nps")
    assert rows["Net Promoter Score"][1].number_format == "+0;-0;0"

    csat = rows["Customer satisfaction (CSAT), top-box share"]
    assert csat[1].value == same(wave["metrics"]["csat"]["value"])
    assert csat[1].number_format == "0%"
    # The CSAT target is written in percent in engagement.yaml; the sheet keeps shares.
    csat_target = next(t["target"] for t in wave["targets"] if t["metric"] == "csat")
    assert math.isclose(csat[8].value, csat_target / 100)
    assert csat[8].number_format == "0%"
    assert rows["Responses"][1].value == wave["response_rate"]["responses"]


def test_headers_are_bold_and_stay_in_view(workbook):
    for sheet in workbook.worksheets[1:]:
        assert all(cell.font.b for cell in sheet[1] if cell.value), sheet.title
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith("2"), sheet.title
        assert sheet.column_dimensions["A"].width > 8, sheet.title


def test_segment_groups_below_the_threshold_show_the_word_never_a_number(northwind, workbook):
    _, analysis, _ = northwind
    sheet = workbook["Segments"]
    columns = header(sheet)
    rows = {(row[0].value, row[1].value): row for row in sheet.iter_rows(min_row=2)}
    segment_names = {"department": "Department", "tenure": "Time working with the team"}
    suppressed_groups = 0
    for table in analysis["waves"][-1]["segments"]:
        segment = " × ".join(segment_names[s] for s in table["segments"])
        for group in table["groups"]:
            row = rows[(segment, " × ".join(group["values"]))]
            if group["result"].get("suppressed"):
                suppressed_groups += 1
                assert [cell.value for cell in row[2:]] == ["suppressed"] * (len(columns) - 2)
            else:
                assert row[2].value == group["result"]["respondents"]
                assert row[columns.index("NPS")].value == same(group["result"]["nps"]["value"])
    assert suppressed_groups > 0, "the demo has groups below the threshold"
    assert len(rows) == sum(len(t["groups"]) for t in analysis["waves"][-1]["segments"])


def test_item_statistics_are_the_analysis_numbers(northwind, workbook):
    _, analysis, item_labels = northwind
    items = analysis["waves"][-1]["metrics"]["items"]
    rows = rows_by_first_cell(workbook["Scores by item"])
    assert set(rows) == {item_labels[item] for item in items}
    for item, result in items.items():
        row = rows[item_labels[item]]
        assert (row[1].value, row[4].value, row[5].value) == (
            same(result["value"]),
            result["n"],
            same(result["sd"]),
        )
        assert row[6].value == same(result["top_box"]["value"])


def test_theme_counts_and_recommendations(northwind, workbook):
    _, analysis, _ = northwind
    themes = analysis["waves"][-1]["themes"]["overall"]["themes"]
    rows = rows_by_first_cell(workbook["Comment themes"])
    assert {label: row[1].value for label, row in rows.items()} == {
        t["label"]: t["count"] for t in themes
    }
    quotes = [row[1].value for row in workbook["Quotes"].iter_rows(min_row=2)]
    assert quotes == [quote for t in themes for quote in t["quotes"]]

    sheet = workbook["Recommendations"]
    assert header(sheet) == [
        "Rank",
        "ID",
        "Recommendation",
        "Audience",
        "Horizon (days)",
        "Owner",
        "KPI",
        "Status",
        "Priority score",
    ]
    ranked = analysis["recommendations"]["ranked"]
    listed = [(r[0].value, r[1].value, r[2].value, r[8].value) for r in sheet.iter_rows(min_row=2)]
    assert listed == [(r["rank"], r["id"], r["title"], same(r["score"])) for r in ranked]


def test_formula_like_text_is_stored_as_text(northwind, tmp_path):
    context = copy.deepcopy(northwind[0])
    formula = '=HYPERLINK("http://x","y")'
    themes = context["wave"]["themes"]["overall"]["themes"]
    themes[0]["quotes"] = [formula, "+1 for the demos", "@everyone loved it", "-- not great"]
    context["recommendations"][0]["title"] = "=1+1"
    target = write_workbook(context, tmp_path / "data.xlsx")

    book = openpyxl.load_workbook(target)
    quotes = [row[1] for row in book["Quotes"].iter_rows(min_row=2)][:4]
    assert [cell.value for cell in quotes] == themes[0]["quotes"]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in quotes)
    title = book["Recommendations"]["C2"]
    assert (title.value, title.data_type) == ("=1+1", "s")
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)


def test_the_same_inputs_give_the_same_bytes_dated_by_the_report(northwind, tmp_path):
    context = northwind[0]
    first = write_workbook(context, tmp_path / "a.xlsx").read_bytes()
    second = write_workbook(context, tmp_path / "b.xlsx").read_bytes()
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
    report_date = context["engagement"]["report_date"]
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {
            (report_date.year, report_date.month, report_date.day)
        }
    properties = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    midnight = dt.datetime.combine(report_date, dt.time())
    assert (properties.created, properties.modified) == (midnight, midnight)
    assert properties.creator == properties.lastModifiedBy == "Iryna Melnyk"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]


def test_sheet_names_and_words_follow_the_client_language(tmp_path):
    context = context_of(REPO, "kyiv-pharma")
    book = openpyxl.load_workbook(write_workbook(context, tmp_path / "data.xlsx"))
    assert "Основні показники" in book.sheetnames
    assert "Рекомендації" in book.sheetnames
    headline = book["Основні показники"]
    assert [cell.value for cell in headline[1]][:2] == ["Показник", "Значення"]
    segments = book["Сегменти"]
    words = {cell.value for row in segments.iter_rows(min_row=2) for cell in row[2:]}
    assert "suppressed" not in words
