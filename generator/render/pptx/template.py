"""The presentation the deck is written into: the consultant's template, or a built-in one.

``brand.pptx_template`` names a .pptx or .potx in the workspace: its slide master, layouts,
theme colours and fonts are used as they are, and the slides it may hold are removed. Without
one, python-pptx's blank presentation is made 16:9 (960 × 540 pt, the PDF deck's page), its
theme takes the brand's colours and fonts, and its layouts the PDF deck's boxes.

Where a slide puts its title, its body and its footer comes from the layouts (``Geometry``),
so that a consultant's template with other margins is followed.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from generator.errors import RapportError
from generator.render.brand import hex_color, mix, readable
from generator.schema.workspace import Brand

SLIDE_WIDTH, SLIDE_HEIGHT = Pt(960), Pt(540)
TEMPLATE_SUFFIXES = (".pptx", ".potx")
PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template"
MAIN_PART = ".main+xml"


class TemplateError(RapportError):
    """The consultant's PowerPoint template cannot be used."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def part(self, start: float, share: float) -> Box:
        """The vertical strip from ``start`` to ``start + share`` of the width (0–1)."""
        return Box(
            self.left + round(self.width * start),
            self.top,
            round(self.width * share),
            self.height,
        )

    def rows(self, top: float, height: float) -> Box:
        """The strip ``top`` pt below this box's top, ``height`` pt tall (scaled to it)."""
        return Box(self.left, self.top + int(Pt(top)), self.width, int(Pt(height)))


@dataclass(frozen=True)
class Geometry:
    """Where the parts of a slide go: the title, the kicker above it, the body, the source
    line, the footer; ``scale`` is the body's width over the PDF deck's (848 pt)."""

    kicker: Box
    title: Box
    body: Box
    source: Box
    footer: Box

    @property
    def scale(self) -> float:
        return self.body.width / Pt(848)


class Palette:
    """The colours a slide uses, by role. With the built-in template they are the brand's
    (text in shades that stay readable); with the consultant's template the theme's own,
    except good and bad, which keep their meaning."""

    THEMED = {
        "primary": MSO_THEME_COLOR.ACCENT_1,
        "accent": MSO_THEME_COLOR.ACCENT_2,
        "text": MSO_THEME_COLOR.TEXT_1,
        "muted": MSO_THEME_COLOR.TEXT_1,
        "heading": MSO_THEME_COLOR.TEXT_2,
        "tint": MSO_THEME_COLOR.BACKGROUND_2,
        "accent_tint": MSO_THEME_COLOR.ACCENT_2,
        "background": MSO_THEME_COLOR.BACKGROUND_1,
    }

    def __init__(self, brand: Brand, themed: bool):
        colors = {
            role: hex_color(getattr(brand.colors, role))
            for role in ("primary", "accent", "text", "muted", "positive", "negative")
        }
        background = hex_color(brand.colors.background)
        tint = mix(colors["primary"], background, 0.88)
        self.themed = themed
        self.rgb = {
            "primary": colors["primary"],
            "accent": colors["accent"],
            "accent_text": readable(colors["accent"], tint, colors["text"]),
            "text": colors["text"],
            "heading": colors["primary"],
            "muted": readable(colors["muted"], tint, colors["text"]),
            "good": readable(colors["positive"], tint, colors["text"]),
            "bad": readable(colors["negative"], tint, colors["text"]),
            "tint": tint,
            "accent_tint": mix(colors["accent"], background, 0.85),
            "rule": mix(colors["muted"], background, 0.6),
            "background": background,
            "on_primary": background,
            "accent_on_primary": readable(colors["accent"], colors["primary"], background),
        }

    def _apply(self, color_format, role: str) -> None:
        if self.themed and role in self.THEMED:
            color_format.theme_color = self.THEMED[role]
            if role == "muted":
                color_format.brightness = 0.35
            elif role == "accent_tint":
                color_format.brightness = 0.8
        else:
            color_format.rgb = RGBColor.from_string(self.rgb[role][1:])

    def paint_font(self, font, role: str) -> None:
        self._apply(font.color, role)

    def fill(self, fill, role: str) -> None:
        fill.solid()
        self._apply(fill.fore_color, role)

    def line(self, line, role: str, width_pt: float) -> None:
        line.width = Pt(width_pt)
        self._apply(line.color, role)


def open_presentation(brand: Brand, template: Path | None):
    """Return an empty presentation from ``template`` (a .pptx/.potx), else the built-in."""
    if template is None:
        presentation = Presentation()
        _make_builtin(presentation, brand)
        return presentation
    presentation = Presentation(io.BytesIO(template_bytes(template)))
    _remove_slides(presentation)
    return presentation


def template_bytes(path: Path) -> bytes:
    """The template's package, a .potx's main part typed as a presentation's.

    Raise TemplateError when the file is not a PowerPoint package."""
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = package.read("[Content_Types].xml")
            entries = [(info, package.read(info)) for info in package.infolist()]
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        raise TemplateError(f"{path.name} is not a PowerPoint file ({error})") from error
    if (PRESENTATION_TYPE + MAIN_PART).encode() in types:
        return data
    if (TEMPLATE_TYPE + MAIN_PART).encode() not in types:
        raise TemplateError(f"{path.name} is not a PowerPoint presentation or template")
    fixed = types.replace(
        (TEMPLATE_TYPE + MAIN_PART).encode(), (PRESENTATION_TYPE + MAIN_PART).encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, content in entries:
            package.writestr(info, fixed if info.filename == "[Content_Types].xml" else content)
    return out.getvalue()


def check_template(path: Path) -> None:
    """Raise TemplateError unless ``path`` opens as a PowerPoint template with layouts."""
    try:
        presentation = Presentation(io.BytesIO(template_bytes(path)))
    except TemplateError:
        raise
    except Exception as error:  # python-pptx raises many kinds for a broken package
        raise TemplateError(f"{path.name} cannot be read as a PowerPoint file ({error})") from error
    if not any(_title_of(layout) is not None for layout in presentation.slide_layouts):
        raise TemplateError(f"{path.name} has no slide layout with a title placeholder")


def _remove_slides(presentation) -> None:
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.get(qn("r:id")))
        slide_ids.remove(slide_id)


# ---------- Layouts and geometry ----------


def layout(presentation, role: str):
    """The layout for a slide of ``role``: "title", "section", "content" (a title and a text
    body) or "title_only"; the nearest one the template has."""
    wanted = {
        "title": ("title",),
        "section": ("secHead", "title"),
        "content": ("obj", "tx", "titleOnly"),
        "title_only": ("titleOnly", "obj", "tx"),
    }[role]
    layouts = list(presentation.slide_layouts)
    for kind in wanted:
        for candidate in layouts:
            if candidate.element.get("type") == kind and _title_of(candidate) is not None:
                return candidate
    for candidate in layouts:
        if _title_of(candidate) is not None:
            return candidate
    raise TemplateError("the template has no slide layout with a title placeholder")


def _title_of(slide_layout):
    for placeholder in slide_layout.placeholders:
        if placeholder.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        ):
            return placeholder
    return None


def body_of(slide_layout):
    for placeholder in slide_layout.placeholders:
        if placeholder.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
            return placeholder
    return None


def geometry(presentation) -> Geometry:
    """The boxes of a content slide, from the template's title-and-body layout."""
    content = layout(presentation, "content")
    title = _box(_title_of(content))
    body_placeholder = body_of(content)
    width, height = presentation.slide_width, presentation.slide_height
    if body_placeholder is not None:
        body = _box(body_placeholder)
    else:
        top = title.top + title.height + int(Pt(12))
        body = Box(title.left, top, title.width, int(height * 0.78) - top)
    kicker_height = int(Pt(16))
    kicker = Box(title.left, max(0, title.top - kicker_height), title.width, kicker_height)
    line = int(Pt(14))
    source_top = min(body.top + body.height + int(Pt(5)), height - 3 * line)
    footer_top = min(height - int(Pt(32)), source_top + line + int(Pt(7)))
    source = Box(body.left, source_top, body.width, line)
    footer = Box(body.left, footer_top, min(body.width, width - body.left), line)
    return Geometry(kicker, title, body, source, footer)


def _box(shape) -> Box:
    return Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


# ---------- The built-in template ----------

# The PDF deck's boxes (templates/css/deck.css), in points: left, top, width, height.
_BOXES = {
    "title_title": (56, 98, 848, 180),
    "title_subtitle": (56, 290, 848, 90),
    "section_title": (56, 212, 848, 130),
    "section_body": (56, 190, 848, 18),
    "head": (56, 50, 848, 80),
    "body": (56, 136, 848, 346),
}


def _make_builtin(presentation, brand: Brand) -> None:
    scale = SLIDE_WIDTH / presentation.slide_width
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    master = presentation.slide_master
    for shape_owner in (master, *presentation.slide_layouts):
        for placeholder in shape_owner.placeholders:
            if placeholder.left is not None:
                placeholder.left = Emu(round(placeholder.left * scale))
                placeholder.width = Emu(round(placeholder.width * scale))
    layouts = {
        slide_layout.element.get("type"): slide_layout
        for slide_layout in presentation.slide_layouts
    }
    _place(_title_of(master), "head")
    _place(body_of(master), "body")
    for kind in ("obj", "titleOnly"):
        _place(_title_of(layouts[kind]), "head")
    _place(body_of(layouts["obj"]), "body")
    _place(_title_of(layouts["title"]), "title_title")
    _place(body_of(layouts["title"]) or _subtitle(layouts["title"]), "title_subtitle")
    _place(_title_of(layouts["secHead"]), "section_title")
    _place(body_of(layouts["secHead"]), "section_body")
    _theme(master, brand)
    _text_styles(master)
    palette = Palette(brand, themed=False)
    for kind in ("title", "secHead"):
        palette.fill(layouts[kind].background.fill, "primary")


def _subtitle(slide_layout):
    for placeholder in slide_layout.placeholders:
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE:
            return placeholder
    return None


def _place(shape, box: str) -> None:
    if shape is None:
        return
    left, top, width, height = _BOXES[box]
    shape.left, shape.top, shape.width, shape.height = Pt(left), Pt(top), Pt(width), Pt(height)


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _theme(master, brand: Brand) -> None:
    """Give the theme the brand's colours and fonts, so that PowerPoint's pickers offer them."""
    from generator.render.brand import brand_face

    part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    background = hex_color(brand.colors.background)
    primary = hex_color(brand.colors.primary)
    slots = {
        "dk1": hex_color(brand.colors.text),
        "lt1": background,
        "dk2": primary,
        "lt2": mix(primary, background, 0.88),
        "accent1": primary,
        "accent2": hex_color(brand.colors.accent),
        "accent3": hex_color(brand.colors.muted),
        "accent4": hex_color(brand.colors.positive),
        "accent5": hex_color(brand.colors.negative),
        "accent6": mix(primary, background, 0.5),
        "hlink": primary,
        "folHlink": hex_color(brand.colors.muted),
    }
    scheme = root.find(f".//{{{_A}}}clrScheme")
    scheme.set("name", "Brand")
    for slot, value in slots.items():
        element = scheme.find(f"{{{_A}}}{slot}")
        for child in list(element):
            element.remove(child)
        etree.SubElement(element, f"{{{_A}}}srgbClr", val=value[1:].upper())
    fonts = root.find(f".//{{{_A}}}fontScheme")
    fonts.set("name", "Brand")
    # A font file's family is not known by name here; its slot keeps the template's.
    for slot, role in (("majorFont", "heading"), ("minorFont", "body")):
        value = getattr(brand.fonts, role)
        family = (
            brand_face(value, role).family if not value.lower().endswith((".ttf", ".otf")) else None
        )
        if family:
            fonts.find(f"{{{_A}}}{slot}/{{{_A}}}latin").set("typeface", family)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text_styles(master) -> None:
    """The master's title and body text as the PDF deck sets them (28 pt bold headlines in
    the primary colour, 15 pt body text), with no shrinking to fit."""
    styles = master.element.find(qn("p:txStyles"))
    title = styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr"))
    title.set("algn", "l")
    _default_run(title, size=28, bold=True, color="tx2")
    body = styles.find(qn("p:bodyStyle"))
    for level, element in enumerate(body):
        if element.tag.startswith(f"{{{_A}}}lvl"):
            _default_run(element, size=15 if level == 0 else 14, bold=False, color="tx1")
    for placeholder in master.placeholders:
        body_pr = placeholder.text_frame._txBody.find(qn("a:bodyPr"))
        for child in list(body_pr):
            body_pr.remove(child)
        body_pr.set("anchor", "t")
        etree.SubElement(body_pr, qn("a:noAutofit"))


def _default_run(level, *, size: float, bold: bool, color: str) -> None:
    run = level.find(qn("a:defRPr"))
    run.set("sz", str(int(size * 100)))
    run.set("b", "1" if bold else "0")
    for fill in run.findall(qn("a:solidFill")):
        run.remove(fill)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=color)
    run.insert(0, fill)
