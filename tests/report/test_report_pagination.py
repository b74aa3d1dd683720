"""Pages are filled like a typesetter fills them: no page is left more than a third empty
because a block was pushed whole to the next page, unless a major section starts at the top
of the next page and this one is at most half empty (a section starts on a page with half
of it free); tables that continue say so. Measured on the rendered pixels and text of the
demo and stress reports."""

from __future__ import annotations

import pytest
from report_helpers import (
    CONTINUED,
    LANGUAGES,
    body_lines,
    empty_share,
    outline,
    page_texts,
    section_starts_at_top,
)
from workspace_helpers import DEMO_CLIENTS

MOST_EMPTY = 1 / 3
MOST_EMPTY_BEFORE_A_SECTION = 1 / 2


def underfilled_pages(pdf) -> list[str]:
    section_starts = section_starts_at_top(pdf)  # 0-based: the page after page `number`
    shares = empty_share(pdf)
    return [
        f"page {number}: {share:.0%} empty"
        for number, share in enumerate(shares, start=1)
        if number < len(shares)
        and share > MOST_EMPTY
        and not (number in section_starts and share <= MOST_EMPTY_BEFORE_A_SECTION)
    ]


def continuations(pdf, language: str) -> list[tuple[int, str]]:
    """Return (page index, title) of each table title marked as continued, checking that the
    mark opens its page's body and that the title stood unmarked on an earlier page."""
    mark = CONTINUED[language]
    texts = page_texts(pdf)
    found = []
    for index, text in enumerate(texts):
        lines = body_lines(text)
        for position, line in enumerate(lines):
            if line.endswith(mark):
                title = line[: -len(mark)].strip()
                assert position == 0, f"page {index + 1}: {line!r} is not at the top"
                earlier = [i for i in range(index) if title in body_lines(texts[i])]
                assert earlier, f"page {index + 1}: {title!r} never started on an earlier page"
                assert f"{title} {mark}" not in texts[earlier[0]]
                found.append((index, title))
    return found


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_demo_page_is_left_a_third_empty_before_the_section_goes_on(demo_reports, client):
    _, pdfs, _ = demo_reports
    assert underfilled_pages(pdfs[client]) == []


def test_no_stress_page_is_left_a_third_empty_before_the_section_goes_on(stress_report):
    _, pdf = stress_report
    assert underfilled_pages(pdf) == []


RISKS = {
    "en": "Risks and how to reduce them",
    "uk": "Ризики та як їх зменшити",
    "lv": "Riski un to mazināšana",
}


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_demo_table_says_continued_only_where_it_continues(demo_reports, client):
    _, pdfs, _ = demo_reports
    continuations(pdfs[client], LANGUAGES[client])


def test_a_long_table_repeats_its_title_and_says_continued_in_the_report_language(stress_report):
    """The stress client's twelve risks run over a page: the next page opens with the
    table's title and "(continued)" in the client's language, then its header."""
    root, pdf = stress_report
    language = next(code for code in ("uk", "lv", "en") if f"stress-{code}" in str(root))
    titles = [title for _, title in continuations(pdf, language)]
    assert RISKS[language] in titles


def test_no_table_row_is_left_alone_on_a_page(demo_reports):
    """Northwind's last open follow-up once stood alone at the top of a page."""
    _, pdfs, _ = demo_reports
    texts = [" ".join(t.split()) for t in page_texts(pdfs["northwind-logistics"])]
    (page,) = [t for t in texts if "Propose a leaner ceremony schedule for Q4" in t]
    assert "Send the Q3 deck to Linda Nguyen" in page


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


def test_an_appendix_of_mostly_hidden_combinations_is_left_out_with_one_line(demo_reports):
    """Northwind's only crossed table would show 11 of 14 rows as dashes: no appendix, but
    one line in the segment results saying how many and why."""
    _, pdfs, _ = demo_reports
    pdf = pdfs["northwind-logistics"]
    assert "Appendix: combined segments" not in [title for _, title, _ in outline(pdf)]
    (start,) = [page for level, title, page in outline(pdf) if title.endswith("Results by segment")]
    text = " ".join(" ".join(page_texts(pdf)[start : start + 3]).split())
    assert (
        "Department × Time working with the team: not shown, as 11 of its 14 combinations "
        "would be hidden to protect anonymity" in text
    )


def test_hidden_combinations_are_left_out_of_the_appendix_and_counted(demo_reports):
    _, pdfs, _ = demo_reports
    pdf = pdfs["baltic-home"]
    (start,) = [page for _, title, page in outline(pdf) if title.endswith("segmentu kombinācijas")]
    text = " ".join(" ".join(page_texts(pdf)[start:]).split())
    assert "—" not in text  # no row of dashes
    assert "6 kombinācijas nav parādītas anonimitātes aizsardzībai" in text
