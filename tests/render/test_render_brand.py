"""The brand as CSS: one :root block, from validated values only."""

from __future__ import annotations

import pytest

from generator.render.brand import BrandError, brand_css, hex_color, mix
from generator.schema.workspace import Brand, BrandColors, BrandFonts


def test_the_default_brand_sets_every_custom_property_once():
    css = brand_css(Brand())
    assert css.count(":root {") == 1
    assert "--brand-primary: #1f3a5f;" in css
    assert '--font-body: "Source Sans 3", sans-serif;' in css
    assert "@font-face" not in css


def test_short_colours_are_expanded():
    css = brand_css(Brand(colors=BrandColors(primary="#0aF")))
    assert "--brand-primary: #00aaff;" in css


def test_tints_are_mixed_towards_the_background():
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#1f3a5f", "#ffffff", 0.0) == "#1f3a5f"


@pytest.mark.parametrize("value", ["red", "#12345", "#1f3a5f; } body { display: none", ""])
def test_anything_but_a_hex_colour_is_refused(value):
    # model_construct skips validation, as a value from an unchecked source would.
    brand = Brand.model_construct(colors=BrandColors.model_construct(primary=value))
    with pytest.raises(BrandError):
        brand_css(brand)
    with pytest.raises(BrandError):
        hex_color(value)


@pytest.mark.parametrize(
    "value, message",
    [
        ("Comic Sans MS", "not a bundled font"),
        ('Source Sans 3"; } * {', "not a bundled font"),
        ("../fonts/x.ttf", "without '..'"),
        ("/usr/share/fonts/x.ttf", "relative"),
    ],
)
def test_fonts_must_be_bundled_or_workspace_files(value, message):
    brand = Brand.model_construct(fonts=BrandFonts.model_construct(body=value, heading=value))
    with pytest.raises(BrandError, match=message):
        brand_css(brand)


def test_a_workspace_font_file_gets_its_own_font_face(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Brand Serif.otf").write_bytes(b"OTTO")
    brand = Brand(fonts=BrandFonts(heading="fonts/Brand Serif.otf"))
    css = brand_css(brand, tmp_path)
    assert (
        '@font-face { font-family: "Brand Heading"; '
        'src: url("https://rapport.invalid/workspace/fonts/Brand%20Serif.otf"); }' in css
    )
    assert '--font-heading: "Brand Heading", sans-serif;' in css


def test_a_missing_workspace_font_file_is_an_error(tmp_path):
    brand = Brand(fonts=BrandFonts(body="fonts/missing.ttf"))
    with pytest.raises(BrandError, match="not a file in the workspace"):
        brand_css(brand, tmp_path)
