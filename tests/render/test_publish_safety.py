"""Hostile text stays text; files outside the allowed folders are never read."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from render_helpers import publish, render_sample_html

from generator.publish.pdf import AssetRefused

pytestmark = pytest.mark.slow

HOSTILE = (
    '<img src="file:///etc/passwd"> <link rel=attachment href=file:///etc/passwd> '
    "<style>p { background: url(http://127.0.0.1:1/x) }</style> </style> {{ 7*7 }} "
    "lone\ud800surrogate \u202eevil"
)


def test_a_hostile_comment_is_printed_as_text_and_fetches_nothing(tmp_path):
    comments = [{"segment": "Web shop", "language": "en", "text": HOSTILE}]
    html = render_sample_html("en", comments=comments)
    assert "<img src=" not in html and "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    target = tmp_path / "hostile.pdf"
    result = publish(html, target)  # raises AssetRefused if anything was even attempted
    reader = PdfReader(target)
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert '<img src="file:///etc/passwd">' in flat
    assert "url(http://127.0.0.1:1/x)" in flat
    assert "{{ 7*7 }}" in flat and "49" not in flat.split("{{ 7*7 }}")[1][:5]
    assert "lonesurrogate" in flat  # the surrogate and the bidi override are dropped
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert b"root:x:0:0" not in target.read_bytes()
    assert result.warnings == ()


def test_a_template_that_points_at_a_system_file_fails_the_build(page, tmp_path):
    with pytest.raises(AssetRefused) as refused:
        page('<p>Logo</p><img src="file:///etc/passwd">')
    assert "file:///etc/passwd" in str(refused.value)
    assert not (tmp_path / "page.pdf").exists()


def test_an_image_inside_an_svg_is_refused_too(page):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="100" height="100"><image href="http://127.0.0.1:1/x.png" width="10" '
        'height="10"/></svg>'
    )
    with pytest.raises(AssetRefused) as refused:
        page(svg)
    assert "http://127.0.0.1:1/x.png" in str(refused.value)


@pytest.mark.parametrize(
    "html",
    [
        '<link rel="attachment" href="builtin/css/base.css">',
        '<p><a rel="attachment" href="builtin/css/base.css">notes</a></p>',
    ],
)
def test_html_cannot_attach_files_even_from_the_allowed_folders(page, html):
    reader, _ = page(html + "<p>Body</p>")
    root = reader.trailer["/Root"]
    assert "/EmbeddedFiles" not in str(root.get("/Names", {}))
    annotations = reader.pages[0].get("/Annots") or []
    assert all(a.get_object()["/Subtype"] != "/FileAttachment" for a in annotations)


def test_html_meta_cannot_change_the_pdf_metadata(page):
    reader, _ = page('<title>Injected</title><meta name="author" content="Mallory"><p>x</p>')
    assert reader.metadata.title == "Satisfaction assessment Q3 2026"
    assert reader.metadata.author == "Inga Bērziņa"


def test_a_slide_page_is_sixteen_by_nine(page):
    reader, _ = page('<section class="slide"><h1>One</h1></section>'
                     '<section class="slide"><h1>Two</h1></section>')  # fmt: skip
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes == {(960, 540)}
    assert len(reader.pages) == 2
