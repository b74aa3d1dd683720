"""Typesetting as a reader of each language expects, in the PDF's text: curly quotes of the
language and apostrophes (never a straight ' or "), en dashes rather than spaced hyphens
and in ranges, and a figure kept on one line with the word after it — in the templates'
words, the consultant's YAML and Markdown, and the quoted comments alike."""

from __future__ import annotations

import re

import pytest
from report_helpers import LANGUAGES, logo_colors, low_contrast_text, page_texts
from workspace_helpers import DEMO_CLIENTS

from generator.render.typography import typeset_html

# The voice of the customer quotes comments as written, between the language's marks.
QUOTED = re.compile(r"[“«„][^”»“]*[”»“]\n")
FOREIGN_QUOTES = {"en": "«»„", "uk": "”", "lv": "«»”"}


def raw_text(pdf) -> str:
    """The PDF's text with its own spaces: no-break spaces stay what they are."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def check(text: str, language: str) -> None:
    text = QUOTED.sub("", text)
    assert re.findall(r".{0,25}['\"].{0,25}", text) == []
    assert re.findall(r".{0,25}\s-\s.{0,25}", text) == []
    assert re.findall(rf".{{0,25}}[{FOREIGN_QUOTES[language]}].{{0,25}}", text) == []


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_demo_reports_are_typeset_in_their_language(demo_reports, client):
    _, pdfs, _ = demo_reports
    check(raw_text(pdfs[client]).replace("\r\n", "\n"), LANGUAGES[client])


def test_the_stress_report_is_typeset_in_its_language(stress_report):
    root, pdf = stress_report
    language = next(lang for lang in ("en", "uk", "lv") if f"stress-{lang}" in str(root))
    check(raw_text(pdf).replace("\r\n", "\n"), language)


@pytest.mark.parametrize(
    "language, html, expected",
    [
        (
            "en",
            "<p>&#34;Keep asking &#39;why&#39; - it's 0-10&#34;</p>",
            "<p>“Keep asking ‘why’\u00a0– it’s 0–10”</p>",
        ),
        ("uk", '<p>"Здоров\'я" 30 днів</p>', "<p>«Здоров’я» 30\u00a0днів</p>"),
        ("lv", '<p>SIA "Mājas Stils", „Nams”</p>', "<p>SIA „Mājas Stils“, „Nams“</p>"),
        (
            "en",
            '<p style="font-family: \'A\'">x</p><style>a::after { content: "-" }</style>',
            '<p style="font-family: \'A\'">x</p><style>a::after { content: "-" }</style>',
        ),
    ],
)
def test_only_the_text_between_tags_is_typeset(language, html, expected):
    assert typeset_html(html, language) == expected


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_character_reads_at_wcag_aa_contrast(demo_reports, client):
    root, pdfs, _ = demo_reports
    assert low_contrast_text(pdfs[client], logo_colors(root)) == []


def test_the_stress_report_reads_at_wcag_aa_contrast(stress_report):
    root, pdf = stress_report
    assert low_contrast_text(pdf, logo_colors(root)) == []


# Column headers of the tables whose narrow columns once split a word ("RESPONSE/S",
# "VĒRTĒJU/MS"), as the catalogs translate them.
HEADER_WORDS = (
    "Responses",
    "Response rate",
    "Margin of error",
    "Importance",
    "Score",
    "Quadrant",
    "Pairs",
    "Change",
    "Top-2-box",
    "Test result",
    "Respondents",
)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_table_header_word_is_split_over_two_lines(demo_reports, client):
    """Every word of these headers is found whole in the PDF's text, where a header that
    wrapped inside a word would leave its two pieces on two lines."""
    from generator.render import builtin_templates
    from generator.render.i18n import load_translations

    language = LANGUAGES[client]
    translations = load_translations(builtin_templates() / "locale", language)
    _, pdfs, _ = demo_reports
    text = "\n".join(page_texts(pdfs[client])).upper()
    split = []
    for header in HEADER_WORDS:
        for word in translations.gettext(header).upper().split():
            for k in range(1, len(word)):
                head, tail = re.escape(word[:k]), re.escape(word[k:])
                if re.search(rf"(?<!\S){head}[ \t]*\n[ \t]*{tail}(?!\S)", text):
                    split.append(f"{word[:k]}/{word[k:]}")
    assert split == []
