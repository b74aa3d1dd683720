"""The consultant's Markdown: formatted, but unable to fetch or inject anything."""

from __future__ import annotations

from markupsafe import Markup

from generator.render.markdown import render_markdown


def test_formatting_lists_tables_and_safe_links_are_kept():
    html = render_markdown(
        "**Bold** and *italic*\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[site](https://example.com) [mail](mailto:a@example.com)"
    )
    assert isinstance(html, Markup)
    expected = [
        "<strong>Bold</strong>",
        "<em>italic</em>",
        "<li>one</li>",
        "<td>1</td>",
        '<a href="https://example.com">site</a>',
        'href="mailto:a@example.com"',
    ]
    for fragment in expected:
        assert fragment in html


def test_raw_html_is_shown_as_text():
    html = render_markdown('<img src="file:///etc/passwd"> <script>alert(1)</script>')
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html


def test_images_become_their_alt_text_and_fetch_nothing():
    html = render_markdown("![Store front](https://example.com/x.png) ![map](assets/map.png)")
    assert "<img" not in html
    assert "Store front" in html and "map" in html
    assert "example.com/x.png" not in html


def test_links_to_other_schemes_keep_only_their_text():
    html = render_markdown("[open](javascript:alert(1)) [local](notes.md) [f](ftp://x.org/a)")
    assert "<a " not in html
    assert "local" in html


def test_headings_can_be_moved_down_to_fit_the_document():
    assert "<h3>Delivery</h3>" in render_markdown("# Delivery", heading_offset=2)
    assert "<h6>Deep</h6>" in render_markdown("#### Deep", heading_offset=5)


def test_control_characters_and_lone_surrogates_are_removed():
    assert render_markdown("a\x00b\ud800c") == Markup("<p>abc</p>\n")
