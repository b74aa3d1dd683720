"""Each finding's chart shows what its title claims and no chart is drawn twice; the figure
in the title is the one that proves the claim. Read in the built PDFs."""

from __future__ import annotations

import pytest
from deck_helpers import ALL_CLIENTS, page_texts, squeeze


def finding_slides(built, client):
    return [s for s in built.contexts[client]["slides"] if s.kind == "finding" and s.data["chart"]]


def drawn(chart) -> tuple:
    """What a chart draws, whatever is highlighted."""
    marks = chart.get("bars") or chart.get("rows") or chart.get("points")
    return chart["kind"], tuple(
        (m.label, getattr(m, "value", None) or getattr(m, "after", None)) for m in marks
    )


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_no_chart_is_drawn_twice_with_another_bar_coloured(built, client):
    charts = [drawn(s.data["chart"]) for s in finding_slides(built, client)]
    assert len(charts) == len(set(charts))


def test_northwind_findings_show_the_change_the_slip_and_the_gap(built):
    context = built.contexts["northwind-logistics"]
    texts = page_texts(built.decks["northwind-logistics"])
    change, slip, gap = finding_slides(built, "northwind-logistics")
    # A rise: both waves of every item, visibility highlighted (tested in test_deck_story).
    assert change.data["chart"]["kind"] == "dumbbell"
    # A slip: the item over every wave, so the reader sees how far it fell.
    assert slip.data["chart"]["kind"] == "series"
    page = squeeze(texts[slip.number - 1])
    for wave in context["waves"]:
        assert squeeze(wave["name"]) in page
    assert squeeze("(3.9 → 3.6)") in squeeze(slip.headline)
    # A strength and an item that trails it: the two items, both waves, the two levels.
    rows = gap.data["chart"]["rows"]
    assert {row.label for row in rows} == {"Quality of the code", "Understanding of our business"}
    assert squeeze("(4.0 against 3.7)") in squeeze(texts[gap.number - 1])
    assert "(4.0)" not in gap.headline


def test_lagging_groups_are_titled_with_their_own_figures_against_the_whole(built):
    context = built.contexts["baltic-home"]
    texts = page_texts(built.decks["baltic-home"])
    (slide,) = [s for s in finding_slides(built, "baltic-home") if "Daugavpils" in s.headline]
    lagging = [b for b in slide.data["chart"]["bars"] if b.highlight]
    overall = context["wave"]["metrics"]["items"]["availability"]["value"]
    page = squeeze(texts[slide.number - 1])
    expected = f"({lagging[0].value:.1f}un{lagging[1].value:.1f}pret{overall:.1f})"
    assert expected.replace(".", ",") in page
    # The whole-sample change of the item does not prove that two stores lag.
    change = context["wave"]["change"]["metrics"]["items"]["availability"]["mean"]
    assert squeeze(
        f"({change['previous']:.1f} → {change['current']:.1f})".replace(".", ",")
    ) not in squeeze(slide.headline)


def test_a_change_finding_drawn_by_segment_keeps_its_change_in_the_title(built):
    (slide,) = [
        s for s in finding_slides(built, "baltic-home") if "interneta veikala" in s.headline
    ]
    assert squeeze("(2,6 → 3,6)") in squeeze(slide.headline)
