"""What every slide of the PowerPoint deck has: the headline in the title placeholder (so
PowerPoint's outline shows the storyline), the kicker above it, the source line, the footer
with the slide's number, and the speaker notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from generator.render.deck.layout import Slide
from generator.render.deck.words import Words
from generator.render.pptx import template
from generator.render.pptx.template import Box, Geometry, Palette
from generator.render.pptx.text import (
    Para,
    Span,
    add_text_box,
    markdown_paragraphs,
    para,
    write_paragraphs,
)

# The PDF deck's headline sizes (generator/render/deck/layout.py HEADLINES): class → pt.
HEADLINE_SIZES = {"": (28.0, 32.0), "headline-3": (24.0, 26.0), "headline-4": (20.0, 20.0)}
KICKER_SIZE = 12.5
FOOT_SIZE = 11.0


@dataclass
class Deck:
    """The presentation being written and what each slide writer needs."""

    presentation: Any
    geometry: Geometry
    palette: Palette
    words: Words
    context: Mapping[str, Any]
    folders: Mapping[str, Path]  # virtual root → folder, for the logos

    @property
    def count(self) -> int:
        return int(self.context["slide_count"])

    def pt(self, value: float) -> int:
        """``value`` pt of the PDF deck's body, in EMU at this template's body width."""
        return round(value * 12700 * self.geometry.scale)

    def body(
        self,
        left: float = 0.0,
        top: float = 0.0,
        width: float | None = None,
        height: float | None = None,
    ) -> Box:
        """A box inside the body, in the PDF deck's points (848 × 346) scaled to the template."""
        body = self.geometry.body
        full_width = body.width / (12700 * self.geometry.scale)
        full_height = body.height / (12700 * self.geometry.scale)
        width = full_width - left if width is None else width
        height = full_height - top if height is None else height
        return Box(
            body.left + self.pt(left), body.top + self.pt(top), self.pt(width), self.pt(height)
        )


def new_slide(deck: Deck, plan: Slide, role: str = "title_only"):
    """Add a slide for ``plan`` on the layout of ``role``: headline, kicker, source, footer,
    notes. Return the slide; its body is the caller's."""
    slide = deck.presentation.slides.add_slide(template.layout(deck.presentation, role))
    title = slide.shapes.title
    size, leading = HEADLINE_SIZES.get(plan.headline_class, HEADLINE_SIZES[""])
    box = deck.geometry.title
    title.left, title.top, title.width, title.height = box.left, box.top, box.width, box.height
    write_paragraphs(
        title.text_frame, [para(plan.headline, size=size, leading=leading, bold=True)], deck.palette
    )
    if plan.kicker:
        kicker = Para(
            [Span(plan.kicker)],
            size=KICKER_SIZE,
            leading=16,
            bold=True,
            caps=True,
            color="heading" if deck.palette.themed else "accent_text",
        )
        add_text_box(slide, deck.geometry.kicker, [kicker], deck.palette, name="Kicker")
    source = plan.data.get("source")
    if source:
        add_text_box(
            slide,
            deck.geometry.source,
            [para(source, size=FOOT_SIZE, leading=14, color="muted")],
            deck.palette,
            name="Source",
        )
    footer(deck, slide, plan)
    notes(deck, slide, plan)
    return slide


def filled_rectangle(deck: Deck, slide, box: Box, role: str):
    """A rectangle over ``box`` in the palette's ``role`` colour, with no outline or shadow."""
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height)
    deck.palette.fill(shape.fill, role)
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def footer(deck: Deck, slide, plan: Slide, role: str = "muted") -> None:
    """The client and confidentiality line, and "3 / 17" at the right (the number a field,
    so that it follows when the consultant moves the slide)."""
    box = deck.geometry.footer
    number_width = deck.pt(90)
    text = Box(box.left, box.top, box.width - number_width, box.height)
    add_text_box(
        slide,
        text,
        [para(deck.context["footer_text"], size=FOOT_SIZE, leading=14, color=role)],
        deck.palette,
        name="Footer",
    )
    number = Box(box.left + box.width - number_width, box.top, number_width, box.height)
    shape = add_text_box(
        slide,
        number,
        [
            Para(
                [Span(f" / {deck.count}")],
                size=FOOT_SIZE,
                leading=14,
                bold=True,
                color=role,
                align="right",
            )
        ],
        deck.palette,
        name="Slide number",
    )
    paragraph = shape.text_frame.paragraphs[0]._p
    first_run = paragraph.find(qn("a:r"))
    field = etree.Element(qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", type="slidenum")
    field.append(etree.fromstring(etree.tostring(first_run.find(qn("a:rPr")))))
    etree.SubElement(field, qn("a:t")).text = str(plan.number)
    first_run.addprevious(field)


def notes(deck: Deck, slide, plan: Slide) -> None:
    """The speaker notes: each note's label, then its Markdown as paragraphs."""
    if not plan.notes:
        return
    paragraphs: list[Para] = []
    for note in plan.notes:
        if note.get("label"):
            paragraphs.append(Para([Span(str(note["label"]))], size=12, bold=True, after=2))
        paragraphs += markdown_paragraphs(str(note.get("text") or ""), 12, 15, 6)
        if paragraphs:
            paragraphs[-1].after = 8
    frame = slide.notes_slide.notes_text_frame
    write_paragraphs(frame, paragraphs, deck.palette, bullets=True)


def body_placeholder(slide, box: Box, paragraphs, deck: Deck):
    """Put ``paragraphs`` in the slide's body placeholder, moved to ``box``: text there shows
    in the outline beside the headline. Without one (a title-only layout), a text box."""
    for shape in slide.placeholders:
        kind = shape.placeholder_format.type
        if kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE):
            shape.left, shape.top, shape.width, shape.height = (
                box.left,
                box.top,
                box.width,
                box.height,
            )
            write_paragraphs(shape.text_frame, paragraphs, deck.palette, bullets=True)
            return shape
    return add_text_box(slide, box, paragraphs, deck.palette)


def drop_empty_placeholders(slide) -> None:
    """Remove the placeholders a slide did not fill, which would show "Click to add text"."""
    for shape in list(slide.placeholders):
        if shape.has_text_frame and not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def logo_path(deck: Deck, url: str | None) -> Path | None:
    """The logo's file when it is a picture PowerPoint shows (PNG, JPEG, GIF); an SVG logo
    is left out of the PowerPoint deck."""
    from generator.publish.urls import split_virtual_url

    if not url:
        return None
    parts = split_virtual_url(url)
    if parts is None or parts[0] not in deck.folders:
        return None
    path = deck.folders[parts[0]] / parts[1]
    if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif") and path.is_file():
        return path
    return None
