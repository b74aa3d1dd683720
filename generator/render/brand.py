"""The brand as CSS custom properties, written in one place from validated values only.

Every colour is checked again against ``#RGB``/``#RRGGBB`` and every font against the bundled
family names or a font file inside the workspace, so nothing from YAML reaches the CSS that
could end a declaration, a rule or the ``<style>`` element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from markupsafe import Markup

from generator.errors import RapportError
from generator.publish.fonts import BUNDLED_FAMILIES, FONT_SUFFIXES
from generator.publish.urls import AssetPathError, asset_url
from generator.schema.workspace import Brand

COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,63}$")
FALLBACK = "sans-serif"
COLOR_ROLES = ("primary", "accent", "text", "muted", "positive", "negative", "background")


class BrandError(RapportError):
    """A brand value cannot be used in the stylesheet."""


@dataclass(frozen=True)
class BrandFace:
    """A font family as CSS names it, with the @font-face rules it needs (if any)."""

    family: str
    font_face: str = ""


def hex_color(value: str) -> str:
    """Return a validated colour as lowercase ``#rrggbb``."""
    if not isinstance(value, str) or not COLOR.match(value):
        raise BrandError(f"{value!r} is not a colour; write #RGB or #RRGGBB")
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def mix(color: str, other: str, share: float) -> str:
    """Return ``color`` mixed with ``other``, ``share`` (0–1) being the part of ``other``."""
    a, b = hex_color(color), hex_color(other)
    channels = (
        round(int(a[i : i + 2], 16) * (1 - share) + int(b[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def luminance(color: str) -> float:
    """Return the relative luminance of ``color`` (WCAG 2)."""
    value = hex_color(color)

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(value[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# WCAG AA for body text, with a little room for the renderer's anti-aliasing.
READABLE = 4.6


def readable(color: str, background: str, toward: str) -> str:
    """Return ``color``, moved toward ``toward`` just enough to be read on ``background``.

    A brand's accent or green is often too light for text on white: its text takes a darker
    shade of the same colour, while fills and rules keep the brand's own.
    """
    for step in range(21):
        shade = mix(color, toward, step / 20)
        if contrast(shade, background) >= READABLE:
            return shade
    return hex_color(toward)


def brand_face(value: str, role: str, workspace: Path | None = None) -> BrandFace:
    """Resolve a brand font: a bundled family name, or a .ttf/.otf file in the workspace."""
    if PurePosixPath(value.replace("\\", "/")).suffix.lower() in FONT_SUFFIXES:
        try:
            url = asset_url("workspace", value)
        except AssetPathError as error:
            raise BrandError(f"brand.fonts.{role}: {error}") from error
        if workspace is not None and not (workspace / value).is_file():
            raise BrandError(f"brand.fonts.{role}: {value} is not a file in the workspace")
        family = f"Brand {role.capitalize()}"
        face = f'@font-face {{ font-family: "{family}"; src: url("{url}"); }}\n'
        return BrandFace(family, face)
    if not FONT_NAME.match(value) or value not in BUNDLED_FAMILIES:
        bundled = ", ".join(sorted(BUNDLED_FAMILIES))
        raise BrandError(
            f"brand.fonts.{role}: {value!r} is not a bundled font ({bundled}); "
            "give a .ttf or .otf file in the workspace instead"
        )
    return BrandFace(value)


def brand_css(brand: Brand, workspace: Path | None = None) -> Markup:
    """Return the ``:root`` block (and @font-face rules) that set the brand for all CSS."""
    colors = {role: hex_color(getattr(brand.colors, role)) for role in COLOR_ROLES}
    body = brand_face(brand.fonts.body, "body", workspace)
    heading = brand_face(brand.fonts.heading, "heading", workspace)
    lines = [f"  --brand-{role}: {value};" for role, value in colors.items()]
    tints = {
        "primary": mix(colors["primary"], colors["background"], 0.88),
        "accent": mix(colors["accent"], colors["background"], 0.85),
        "muted": mix(colors["muted"], colors["background"], 0.88),
    }
    # Coloured text is read on the page and on the darkest of the tints (tiles, table rows).
    darkest = min(tints.values(), key=luminance)
    for role in ("accent", "muted", "positive", "negative"):
        shade = readable(colors[role], darkest, colors["text"])
        lines.append(f"  --brand-{role}-text: {shade};")
    on_primary = readable(colors["accent"], colors["primary"], colors["background"])
    lines.append(f"  --brand-accent-on-primary: {on_primary};")
    lines += [
        f"  --brand-primary-tint: {mix(colors['primary'], colors['background'], 0.88)};",
        f"  --brand-accent-tint: {mix(colors['accent'], colors['background'], 0.85)};",
        f"  --brand-muted-tint: {mix(colors['muted'], colors['background'], 0.88)};",
        f"  --brand-rule: {mix(colors['muted'], colors['background'], 0.6)};",
        f'  --font-body: "{body.family}", {FALLBACK};',
        f'  --font-heading: "{heading.family}", {FALLBACK};',
    ]
    faces = body.font_face + (heading.font_face if heading.family != body.family else "")
    return Markup(faces + ":root {\n" + "\n".join(lines) + "\n}\n")
