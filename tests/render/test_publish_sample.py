"""The sample document as a reader receives it: pages, fonts, text, metadata, outline."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from render_helpers import publish, render_sample_html

pytestmark = pytest.mark.slow

A4_POINTS = (595.28, 841.89)  # 210 × 297 mm at 72 pt per inch


def test_every_page_is_a4(sample_pdf):
    path, result, _ = sample_pdf
    reader = PdfReader(path)
    assert len(reader.pages) == result.pages >= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (
            round(A4_POINTS[0], 1),
            round(A4_POINTS[1], 1),
        )


def test_fonts_are_the_bundled_family_embedded_and_subset(sample_pdf):
    path, _, _ = sample_pdf
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = descriptor
    assert fonts, "no fonts in the PDF"
    for name, descriptor in fonts.items():
        tag, _, family = name.lstrip("/").partition("+")
        assert len(tag) == 6 and tag.isupper(), f"{name} is not a subset font"
        assert family.startswith("Source-Sans-3"), f"{name} is not the bundled family"
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{name} not embedded"
    styles = " ".join(fonts)
    assert "Bold" in styles and "Italic" in styles


def test_latvian_and_ukrainian_letters_are_real_text(sample_pdf):
    path, _, _ = sample_pdf
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    for letter in "āčēģīķļņšūž" + "іїєґ’":
        assert letter in text, f"{letter!r} missing from the extracted text"
    assert "Ґудзики" in text and "Ļoti laipni" in text and "п’ять" in text


def test_metadata_comes_from_the_caller(sample_pdf):
    path, _, _ = sample_pdf
    reader = PdfReader(path)
    info = reader.metadata
    assert info.title == "Satisfaction assessment Q3 2026"
    assert info.author == "Inga Bērziņa"
    assert info.subject == "Baltic Home Goods"
    assert info["/Keywords"] == "satisfaction, NPS"
    assert info["/CreationDate"] == "D:20261012000000Z"
    assert info["/ModDate"] == "D:20261012000000Z"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_headings_become_bookmarks(sample_pdf):
    path, _, _ = sample_pdf
    titles = [item.title for item in PdfReader(path).outline if not isinstance(item, list)]
    assert "Satisfaction assessment" in titles
    assert "Executive summary" in titles
    assert "What customers said" in titles


def test_footer_says_page_x_of_y_and_header_runs(sample_pdf):
    path, _, _ = sample_pdf
    reader = PdfReader(path)
    total = len(reader.pages)
    second = reader.pages[1].extract_text()
    assert f"Page 2 of {total}" in second
    assert "Baltic Home Goods" in second
    assert "CONFIDENTIAL" in second


def test_nothing_is_logged_and_nothing_is_missing(sample_pdf):
    _, result, records = sample_pdf
    assert result.warnings == ()
    assert [r.getMessage() for r in records] == []


def test_ukrainian_sample_translates_the_page_counter(tmp_path):
    target = tmp_path / "uk.pdf"
    publish(render_sample_html("uk"), target)
    reader = PdfReader(target)
    assert f"Сторінка 1 з {len(reader.pages)}" in reader.pages[0].extract_text()
    assert "Оцінка задоволеності клієнтів" in reader.pages[0].extract_text()
