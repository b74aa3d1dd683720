"""The report as a file: A4 pages, metadata, bookmarks, embedded fonts, the reader's letters."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from report_helpers import LANGUAGES, outline, page_texts
from workspace_helpers import DEMO_CLIENTS

from generator.pipeline import statistics

pytestmark = pytest.mark.slow

A4_POINTS = (595.28, 841.89)  # 210 × 297 mm at 72 pt per inch

# Section headings a reader looks for in the bookmarks panel, in each report's language.
HEADINGS = {
    "en": [
        "Contents",
        "Executive summary",
        "Scores over time",
        "What drives satisfaction",
        "Results by segment",
        "The voice of the customer",
        "Relationship health",
        "Findings",
        "Recommendations",
        "Methodology and sources",
    ],
    "lv": [
        "Saturs",
        "Kopsavilkums vadībai",
        "Rādītāju dinamika",
        "Rezultāti pa segmentiem",
        "Klientu balss",
        "Kvalitatīvie pētījumi",
        "Attiecību stāvoklis",
        "Atradumi",
        "Ieteikumi",
        "Metodoloģija un avoti",
    ],
    "uk": [
        "Зміст",
        "Резюме для керівництва",
        "Динаміка показників",
        "Результати за сегментами",
        "Голос клієнта",
        "Стан відносин з клієнтом",
        "Висновки",
        "Рекомендації",
        "Методологія та джерела",
    ],
}


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_page_is_a4(demo_reports, client):
    _, pdfs, _ = demo_reports
    reader = PdfReader(pdfs[client])
    assert len(reader.pages) >= 8
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=0.5), f"page {number} is {size}"


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_metadata_names_the_report_its_author_client_and_language(demo_reports, client):
    root, pdfs, _ = demo_reports
    analysis, _ = statistics(root, client)
    reader = PdfReader(pdfs[client])
    info = reader.metadata
    wave_name = analysis["waves"][-1]["name"]
    assert analysis["title"] in info.title and wave_name in info.title
    # The consultant's name as the document's language spells it (rapport.yaml).
    spelled = {"en": "Iryna Melnyk", "uk": "Ірина Мельник", "lv": "Irina Meļnika"}
    assert info.author.startswith(spelled[LANGUAGES[client]])
    assert analysis["client"] in info.subject
    assert analysis["client"] in info["/Keywords"] and "NPS" in info["/Keywords"]
    assert str(reader.trailer["/Root"]["/Lang"]) == LANGUAGES[client]


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_bookmarks_hold_the_section_headings_and_lead_to_their_pages(demo_reports, client):
    _, pdfs, _ = demo_reports
    entries = outline(pdfs[client])
    top = [title for level, title, _ in entries if level == 1]
    expected = HEADINGS[LANGUAGES[client]]
    assert [title for title in top if title in expected] == expected
    assert any(level == 2 for level, _, _ in entries), "no second-level bookmarks"
    texts = page_texts(pdfs[client])
    for level, title, page in entries:
        if level == 1:
            assert title in texts[page], f"bookmark {title!r} leads to page {page + 1}"


def test_a_section_without_data_is_left_out(demo_reports):
    _, pdfs, _ = demo_reports
    northwind = [title for level, title, _ in outline(pdfs["northwind-logistics"]) if level == 1]
    assert "Qualitative research" not in northwind  # no focus group or usability test
    baltic = [title for _, title, _ in outline(pdfs["baltic-home"])]
    kyiv = [title for _, title, _ in outline(pdfs["kyiv-pharma"])]
    assert "Kuri kritēriji ietekmē apmierinātību" in baltic
    # Kyiv asked neither overall satisfaction nor NPS, so no driver can be ranked.
    assert "Які параметри впливають на задоволеність" not in kyiv
    assert "Як оцінено кожен параметр" in kyiv


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_fonts_are_the_bundled_family_embedded_and_subset(demo_reports, client):
    _, pdfs, _ = demo_reports
    fonts = {}
    for page in PdfReader(pdfs[client]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = descriptor
    assert fonts
    for name, descriptor in fonts.items():
        tag, _, family = name.lstrip("/").partition("+")
        assert len(tag) == 6 and tag.isupper(), f"{name} is not a subset font"
        assert family.startswith("Source-Sans-3"), f"{name} is not the bundled family"
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} not embedded"


@pytest.mark.parametrize(
    "client, letters",
    [("baltic-home", "āčēģķļņšūž"), ("kyiv-pharma", "іїєґ")],
)
def test_the_language_s_own_letters_are_text_in_the_pdf(demo_reports, client, letters):
    _, pdfs, _ = demo_reports
    text = " ".join(page_texts(pdfs[client]))
    assert [letter for letter in letters if letter not in text] == []


def test_the_build_logged_no_warning(demo_reports):
    _, _, warnings = demo_reports
    assert warnings == []


def test_every_data_file_is_listed_with_its_full_sha256(demo_reports):
    import hashlib

    root, pdfs, _ = demo_reports
    text = "".join(" ".join(page_texts(pdfs["baltic-home"])).split())
    data = sorted((root / "engagements" / "baltic-home" / "data").iterdir())
    assert data
    for path in data:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest in text, f"{path.name} is not listed with its SHA-256"


COUNTED_WORDS = (
    r"(?:days?|dienas?|dienām|dienu|днів|дні|день|pts?|participants?|dalībniek\w*|учасник\w*)"
)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_number_never_ends_a_line_without_what_it_counts(demo_reports, client):
    import re

    _, reports, _ = demo_reports
    for number, text in enumerate(page_texts(reports[client]), start=1):
        broken = re.findall(rf"\d\n{COUNTED_WORDS}\b", text)
        assert broken == [], f"page {number}: {broken}"


@pytest.mark.parametrize(
    ("client", "role"),
    [
        ("northwind-logistics", "Customer satisfaction consultant"),
        ("baltic-home", "Klientu apmierinātības konsultante"),
        ("kyiv-pharma", "Консультантка із задоволеності клієнтів"),
    ],
)
def test_the_cover_gives_the_consultants_role_in_the_reports_language(demo_reports, client, role):
    _, reports, _ = demo_reports
    cover = " ".join(page_texts(reports[client])[0].split())
    assert role in cover


def _ukrainian_form(n: int) -> int:
    """1, 21, 101 take the first form; 2–4, 22–24 the second; 0, 5–20, 25–30 the third."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


def _latvian_form(n: int) -> int:
    """1, 21, 101 (not 11) take the first form; 0 the third; every other count the second."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 2 if n == 0 else 1


@pytest.mark.parametrize(
    "client, phrase, rule, forms",
    [
        (
            "kyiv-pharma",
            r"(\d+) (зафіксован(?:ий|і|их) контакт\w*)",
            _ukrainian_form,
            ("зафіксований контакт", "зафіксовані контакти", "зафіксованих контактів"),
        ),
        (
            "baltic-home",
            r"(\d+) (reģistrēt[siu] kontakt\w*)",
            _latvian_form,
            ("reģistrēts kontakts", "reģistrēti kontakti", "reģistrētu kontaktu"),
        ),
    ],
)
def test_a_counted_noun_agrees_with_its_number_in_the_pdf(
    demo_reports, client, phrase, rule, forms
):
    _, pdfs, _ = demo_reports
    found = re.findall(phrase, " ".join(page_texts(pdfs[client])))
    assert found, f"no counted phrase {phrase!r} in the {client} report"
    assert [(n, words) for n, words in found] == [(n, forms[rule(int(n))]) for n, _ in found]
