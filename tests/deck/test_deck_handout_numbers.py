"""The presenter's numbers agree with the slides, and a deck speaks only of what was measured."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from deck_helpers import page_texts

from generator.pipeline import statistics


def whole_percent(share: float) -> int:
    return int(Decimal(repr(share * 100)).quantize(Decimal(1), ROUND_HALF_UP))


def test_the_handout_gives_the_csat_change_the_slides_show(built):
    analysis, _ = statistics(built.root, "northwind-logistics")
    change = analysis["waves"][-1]["change"]["metrics"]["csat"]
    shown = whole_percent(change["current"]) - whole_percent(change["previous"])  # 62 − 41
    text = " ".join(" ".join(page_texts(built.handouts["northwind-logistics"])).split())
    found = re.findall(
        r"Customer satisfaction \(CSAT\): \d+%[^·]*(?: · [^·]*?)*? · ([+−-]\d+) pts since", text
    )
    assert found and {int(f.replace("−", "-")) for f in found} == {shown}


def test_a_client_that_asks_no_nps_question_never_reads_of_nps(built):
    # Kyiv Pharma's surveys measure satisfaction and effort, not the likelihood to recommend.
    for pdf in (built.decks["kyiv-pharma"], built.handouts["kyiv-pharma"]):
        assert "NPS" not in " ".join(page_texts(pdf))
