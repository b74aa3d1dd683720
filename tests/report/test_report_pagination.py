"""Pages are filled like a typesetter fills them: no page is left more than a third empty
because a block was pushed whole to the next page, unless a major section starts next (or
the report ends). Measured on the rendered pixels of the demo and stress reports."""

from __future__ import annotations

import pytest
from report_helpers import empty_share, outline, page_texts
from workspace_helpers import DEMO_CLIENTS

MOST_EMPTY = 1 / 3


def underfilled_pages(pdf) -> list[str]:
    section_starts = {page for level, _, page in outline(pdf) if level == 1}  # 0-based
    shares = empty_share(pdf)
    return [
        f"page {number}: {share:.0%} empty"
        for number, share in enumerate(shares, start=1)
        if share > MOST_EMPTY and number < len(shares) and number not in section_starts
    ]


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_demo_page_is_left_a_third_empty_before_the_section_goes_on(demo_reports, client):
    _, pdfs, _ = demo_reports
    assert underfilled_pages(pdfs[client]) == []


def test_no_stress_page_is_left_a_third_empty_before_the_section_goes_on(stress_report):
    _, pdf = stress_report
    assert underfilled_pages(pdf) == []


def test_the_measure_sees_an_empty_page(tmp_path):
    """The measure itself: a blank page is all empty."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    path = tmp_path / "blank.pdf"
    writer.write(path)
    assert empty_share(path) == [pytest.approx(1.0, abs=0.01)]


def test_groups_hidden_whole_are_left_out_of_their_table_with_one_line(demo_reports):
    """Northwind's Executive and Operations departments are below the anonymity threshold:
    no column of dashes, but one line under the table naming them."""
    _, pdfs, _ = demo_reports
    pdf = pdfs["northwind-logistics"]
    (start,) = [page for level, title, page in outline(pdf) if title.endswith("Results by segment")]
    text = " ".join(page_texts(pdf)[start].split())
    table = text[text.index("Department") : text.index("How to read these tables")]
    assert "Executive" not in table.split("left out")[0]
    assert "2 groups left out, to protect anonymity: Executive, Operations." in table
