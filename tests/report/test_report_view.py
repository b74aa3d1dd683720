"""What the report's view hands the templates: hidden groups stay hidden, like is compared
with like, and quotes are chosen and cut with care."""

from __future__ import annotations

import pytest
from workspace_helpers import DEMO_CLIENTS, REPO

from generator.render.report import report_context, tone
from generator.render.report.tables import balanced_chunks, choose_quotes, shorten


@pytest.fixture(scope="module")
def views():
    """The report view of each demo client, from the repository's own workspace."""
    from generator.pipeline import engagement_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(REPO, list(DEMO_CLIENTS))
    return {
        engagement.slug: report_context(engagement_context(workspace, engagement))
        for engagement in workspace.engagements
    }


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_suppressed_group_carries_no_number_at_all(views, client):
    report = views[client]["report"]
    hidden_cells = 0
    for table in report["segments"]:
        for part in table["parts"]:
            for column in part["columns"]:
                if column["hidden"]:
                    assert set(column["result"]) == {"suppressed"}
            for row in part["rows"]:
                for cell, column in zip(row["cells"], part["columns"], strict=True):
                    if column["hidden"]:
                        hidden_cells += 1
                        assert cell["hidden"] and cell["value"] is None
    for table in report["crossed"]:
        assert len(table["groups"]) + table["hidden"] == table["total"]
        assert table["left_out"] == (len(table["groups"]) * 2 <= table["total"])
    left_out = [name for table in report["segments"] for name in table["left_out"]]
    for table in report["segments"]:
        shown = {column["name"] for part in table["parts"] for column in part["columns"]}
        assert shown.isdisjoint(table["left_out"])
    if client == "northwind-logistics":
        # Two departments are too small to show: left out, named, with no column of dashes.
        assert sorted(left_out) == ["Executive", "Operations"] and hidden_cells == 0


def test_a_score_asked_on_another_scale_is_not_compared(views):
    report = views["kyiv-pharma"]["report"]
    assert [t["metric"] for t in report["trends"]] == ["csat"]
    (note,) = report["not_comparable"]
    assert note["metric"] == "ces"
    assert [(w["name"], w["scale"][0], w["scale"][-1], w["lower"]) for w in note["waves"]] == [
        ("II квартал 2026", 1, 5, True)
    ]
    ces = next(row for row in report["by_wave"]["rows"] if row["metric"] == "ces")
    assert ces["values"][0] is None and ces["change"] is None


def test_sections_without_data_are_not_listed(views):
    assert "qualitative" not in views["northwind-logistics"]["report"]["sections"]
    assert "qualitative" in views["baltic-home"]["report"]["sections"]
    assert views["kyiv-pharma"]["report"]["drivers"] is None
    numbers = views["baltic-home"]["report"]["numbers"]
    assert list(numbers.values()) == [f"{i:02d}" for i in range(1, len(numbers) + 1)]


def test_a_tile_s_target_is_in_the_unit_of_its_value(views):
    tiles = {t["metric"]: t for t in views["northwind-logistics"]["report"]["tiles"]}
    assert tiles["csat"]["target"]["target"] == pytest.approx(0.75)  # engagement.yaml: 75 (%)
    assert tiles["nps"]["target"]["target"] == pytest.approx(30)


@pytest.mark.parametrize(
    "verdict, lower_is_better, expected",
    [
        ("up", False, "positive"),
        ("down", False, "negative"),
        ("up", True, "negative"),
        ("down", True, "positive"),
        ("no significant change", False, "neutral"),
    ],
)
def test_the_tone_of_a_change_follows_the_metric_s_direction(verdict, lower_is_better, expected):
    assert tone(verdict, lower_is_better) == expected


@pytest.mark.parametrize("count, sizes", [(5, [5]), (6, [6]), (7, [4, 3]), (12, [6, 6])])
def test_many_groups_are_split_into_even_tables(count, sizes):
    assert [len(part) for part in balanced_chunks(list(range(count)), 6)] == sizes


def test_quotes_are_not_repeated_and_at_most_two_per_theme():
    themes = [
        {"theme": "a", "label": "A", "count": 9, "quotes": ["one", "two", "three"]},
        {"theme": "b", "label": "B", "count": 5, "quotes": ["two", "four"]},
    ]
    groups = [("promoter", {"themes": [{"quotes": ["four"]}]}), ("passive", {"suppressed": True})]
    quotes = choose_quotes(themes, groups)
    assert [(q["text"], q["theme"], q["group"]) for q in quotes] == [
        ("one", "A", None),
        ("two", "A", None),
        ("four", "B", "promoter"),
    ]


def test_a_long_comment_is_cut_at_a_word():
    text = "word " * 100
    cut = shorten(text, 30)
    assert cut == "word word word word word word …"
    assert shorten("short  and\nspaced") == "short and spaced"
