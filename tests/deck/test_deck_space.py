"""No slide is more than 40 % empty, measured on the rendered pixels: the share of the body
box outside the bounding box of what is drawn in it. The title and dividers are exempt."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from deck_helpers import empty_shares
from stress_helpers import STRESS
from workspace_helpers import DEMO_CLIENTS

MOST_EMPTY = 0.40
EXEMPT = ("title", "divider")


def too_empty(built, client) -> list[tuple[int, str, float]]:
    shares = empty_shares(built.decks[client])
    return [
        (slide.number, slide.kind, round(shares[slide.number - 1], 2))
        for slide in built.contexts[client]["slides"]
        if slide.kind not in EXEMPT and shares[slide.number - 1] > MOST_EMPTY
    ]


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_demo_slide_is_more_than_40_percent_empty(built, client):
    assert too_empty(built, client) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_stress_slide_is_more_than_40_percent_empty(stress, language):
    assert too_empty(stress[language], STRESS) == []


def test_the_measure_sees_an_empty_body_and_a_full_one(built, tmp_path):
    import pypdfium2 as pdfium

    blank = pdfium.PdfDocument.new()
    blank.new_page(960, 540)
    blank.save(tmp_path / "blank.pdf")
    blank.close()
    assert empty_shares(tmp_path / "blank.pdf") == [1.0]
    context = built.contexts["northwind-logistics"]
    shares = empty_shares(built.decks["northwind-logistics"])
    (kpis,) = [s.number for s in context["slides"] if s.kind == "changes"]
    assert shares[kpis - 1] < 0.2  # the changes table spans the slide
