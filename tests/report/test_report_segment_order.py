"""Segment groups read in the order the consultant declared (measures.segment_order)."""

from __future__ import annotations

from report_helpers import outline, page_texts

from generator.render.context import ordered_groups

TENURES = ["Less than 6 months", "6-12 months", "1-2 years", "More than 2 years"]


def test_groups_follow_the_declared_order_then_the_alphabet():
    analysis = {
        "waves": [
            {
                "segments": [
                    {
                        "segments": ["tenure", "department"],
                        "groups": [
                            {"values": [v, d], "result": {"n": 1}}
                            for v in ("1-2 years", "Less than 6 months", "Zeta", "Alpha")
                            for d in ("Product", "Engineering")
                        ],
                    }
                ]
            }
        ]
    }
    order = {"tenure": ["Less than 6 months", "1-2 years"]}

    groups = ordered_groups(analysis, order)["waves"][0]["segments"][0]["groups"]

    assert [g["values"] for g in groups] == [
        ["Less than 6 months", "Engineering"],
        ["Less than 6 months", "Product"],
        ["1-2 years", "Engineering"],
        ["1-2 years", "Product"],
        ["Alpha", "Engineering"],
        ["Alpha", "Product"],
        ["Zeta", "Engineering"],
        ["Zeta", "Product"],
    ]
    assert analysis["waves"][0]["segments"][0]["groups"][0]["values"][0] == "1-2 years"


def test_the_northwind_report_lists_tenure_as_declared(demo_reports):
    _, reports, _ = demo_reports
    path = reports["northwind-logistics"]
    (page,) = [p for level, title, p in outline(path) if title.endswith("Results by segment")]
    pages = page_texts(path)
    text = " ".join((pages[page] + "\n" + pages[page + 1]).split())  # headers wrap in cells
    section = text[text.index("Time working with the team") :]
    # A range is typeset with an en dash: "6–12 months".
    positions = [section.index(tenure.replace("-", "\u2013")) for tenure in TENURES]
    assert positions == sorted(positions)
