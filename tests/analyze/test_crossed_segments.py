"""Crossed segments: the pairs the consultant names, or a few by default, never all pairs."""

from __future__ import annotations

from workspace_helpers import copy_demo

from generator.analyze.segments import crossed_pairs
from generator.pipeline import statistics

IDS = [f"field{n}" for n in range(22)]


def test_without_pairs_named_only_the_first_three_segments_are_crossed():
    assert crossed_pairs(IDS, True) == [
        ("field0", "field1"),
        ("field0", "field2"),
        ("field1", "field2"),
    ]
    assert crossed_pairs(["department", "tenure"], True) == [("department", "tenure")]


def test_named_pairs_are_crossed_once_in_the_segments_order():
    named = [["field9", "field3"], ["field3", "field9"], ["field1", "missing"]]
    assert crossed_pairs(IDS, named) == [("field3", "field9")]
    assert crossed_pairs(IDS, []) == [] == crossed_pairs(IDS, False)


def _with_crossed(root, line: str) -> None:
    spec = root / "engagements/northwind-logistics/engagement.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("  segment_order:", f"  {line}\n  segment_order:", 1))


def test_an_empty_list_leaves_the_crossed_tables_out(tmp_path):
    root = copy_demo(tmp_path / "ws")
    analysis, _ = statistics(root, "northwind-logistics")
    assert [b["segments"] for b in analysis["waves"][-1]["segments"]] == [
        ["department"],
        ["tenure"],
        ["department", "tenure"],
    ]
    _with_crossed(root, "crossed: []")
    analysis, _ = statistics(root, "northwind-logistics")
    assert [b["segments"] for b in analysis["waves"][-1]["segments"]] == [
        ["department"],
        ["tenure"],
    ]


def test_a_pair_naming_an_undeclared_segment_is_located(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws")
    _with_crossed(root, "crossed: [[department, tenur]]")
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert "measures.crossed[0][1]: no segment 'tenur' (did you mean 'tenure'?)" in result.stderr
    assert "engagements/northwind-logistics/engagement.yaml:94:" in result.stderr
