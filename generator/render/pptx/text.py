"""Text on a PowerPoint slide: paragraphs of plain runs, never fields or links.

Every string goes through ``safe``: what the XML of a slide cannot hold (control characters,
lone surrogates) and what should not be laid out (bidi overrides) is dropped, as for the PDF.
A run holds text only; nothing here makes a hyperlink, a field or an action, so a survey
comment that looks like a URL or a field code stays the words it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.render.untrusted import clean_text

# XML 1.0 allows tab, newline and carriage return among the controls; clean_text keeps
# those, and a line break inside a paragraph is written as <a:br>.
LINE_BREAK = "\n"


def safe(text: object) -> str:
    """Return ``text`` as a string a slide can hold."""
    return clean_text("" if text is None else str(text)).replace("\r", "")


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None  # a role of ``Palette``
    size: float | None = None


@dataclass
class Para:
    """One paragraph: its spans, size and leading (pt), spacing after, bullet and colour."""

    spans: list[Span]
    size: float = 15.0
    leading: float | None = None
    after: float = 0.0
    bullet: str | None = None  # None, "•" or "1." (numbered)
    color: str | None = None
    bold: bool = False
    align: str | None = None  # "right", "center"
    level: int = 0
    caps: bool = False
    extra: dict = field(default_factory=dict)


def para(text: str, **style) -> Para:
    return Para([Span(text)], **style)


def write_paragraphs(frame, paragraphs: Sequence[Para], palette, *, bullets: bool = False) -> None:
    """Replace the text of ``frame`` (a text frame) with ``paragraphs``.

    The frame neither shrinks its text nor grows: the deck's plan has decided that it fits.
    ``bullets`` says the frame is a body placeholder whose master gives bullets, which a
    paragraph without its own bullet must switch off.
    """
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    body_pr = frame._txBody.find(qn("a:bodyPr"))
    for child in list(body_pr):
        if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:noAutofit"))
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    frame.clear()
    for index, paragraph in enumerate(paragraphs or [para("")]):
        target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _fill(target, paragraph, palette, bullets)


def _fill(target, paragraph: Para, palette, bullets: bool) -> None:
    target.level = paragraph.level
    if paragraph.leading:
        target.line_spacing = Pt(paragraph.leading)
    target.space_after = Pt(paragraph.after)
    target.space_before = Pt(0)
    if paragraph.align == "right":
        target.alignment = PP_ALIGN.RIGHT
    elif paragraph.align == "center":
        target.alignment = PP_ALIGN.CENTER
    else:
        target.alignment = PP_ALIGN.LEFT
    _bullet(target, paragraph.bullet, paragraph.size, bullets)
    for span in paragraph.spans:
        pieces = safe(span.text).split(LINE_BREAK)
        for number, piece in enumerate(pieces):
            if number:
                target.add_line_break()
            if not piece:
                continue
            run = target.add_run()
            run.text = piece
            font = run.font
            font.size = Pt(span.size or paragraph.size)
            font.bold = span.bold or paragraph.bold
            font.italic = span.italic or None
            role = span.color or paragraph.color
            if role:
                palette.paint_font(font, role)
            # Explicit either way: a template's title style may set capitals of its own.
            run._r.get_or_add_rPr().set("cap", "all" if paragraph.caps else "none")
    # An empty paragraph keeps its size, so that spacing lines stay as tall as planned.
    end = target._p.get_or_add_endParaRPr()
    end.set("sz", str(int(paragraph.size * 100)))


def _bullet(target, bullet: str | None, size: float, placeholder: bool) -> None:
    p_pr = target._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if bullet is None:
        if placeholder:
            p_pr.set("marL", "0")
            p_pr.set("indent", "0")
        _insert_bullet(p_pr, etree.Element(qn("a:buNone")))
        return
    indent = int(Pt(size * 1.3))
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    if bullet == "1.":
        element = etree.Element(qn("a:buAutoNum"))
        element.set("type", "arabicPeriod")
    else:
        element = etree.Element(qn("a:buChar"))
        element.set("char", bullet)
    _insert_bullet(p_pr, element)


# The children of <a:pPr> in schema order: a bullet goes after spacing, before tab stops.
_BEFORE_BULLET = ("a:lnSpc", "a:spcBef", "a:spcAft", "a:buClrTx", "a:buClr", "a:buSzTx")
_BEFORE_BULLET += ("a:buSzPct", "a:buSzPts", "a:buFontTx", "a:buFont")


def _insert_bullet(p_pr, element) -> None:
    position = 0
    for index, child in enumerate(p_pr):
        if child.tag in {qn(t) for t in _BEFORE_BULLET}:
            position = index + 1
    p_pr.insert(position, element)


def add_text_box(slide, box, paragraphs: Sequence[Para], palette, *, name: str | None = None):
    """Add a text box at ``box`` (a ``Box`` in EMU) holding ``paragraphs``; return the shape."""
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    if name:
        shape.name = name
    write_paragraphs(shape.text_frame, paragraphs, palette)
    return shape


# ---------- Markdown ----------


def markdown_paragraphs(text: str | None, size: float, leading: float, after: float) -> list[Para]:
    """The consultant's Markdown as paragraphs: emphasis kept, lists as bullets, links and
    images as their text, raw HTML as the text it is."""
    from markdown_it import MarkdownIt

    if not text or not text.strip():
        return []
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    tokens = md.parse(safe(text))
    paragraphs: list[Para] = []
    lists: list[str] = []  # the bullets of the open lists, innermost last
    counters: list[int] = []
    for token in tokens:
        if token.type == "bullet_list_open":
            lists.append("•")
            counters.append(0)
        elif token.type == "ordered_list_open":
            lists.append("1.")
            counters.append(0)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            counters.pop()
        elif token.type == "inline":
            spans = list(_inline_spans(token.children or []))
            bullet = lists[-1] if lists else None
            paragraphs.append(
                Para(
                    spans,
                    size=size,
                    leading=leading,
                    after=after / 2 if lists else after,
                    bullet=bullet,
                    level=max(0, len(lists) - 1),
                )
            )
    if paragraphs:
        paragraphs[-1].after = 0.0
    return paragraphs


def _inline_spans(children: Iterable) -> Iterable[Span]:
    bold = italic = False
    for token in children:
        if token.type == "strong_open":
            bold = True
        elif token.type == "strong_close":
            bold = False
        elif token.type == "em_open":
            italic = True
        elif token.type == "em_close":
            italic = False
        elif token.type in ("text", "code_inline", "html_inline"):
            yield Span(token.content, bold=bold, italic=italic)
        elif token.type in ("softbreak",):
            yield Span(" ", bold=bold, italic=italic)
        elif token.type == "hardbreak":
            yield Span(LINE_BREAK)
        elif token.type == "image":
            yield Span("".join(child.content for child in token.children or []))
        # link_open / link_close carry no text: the link's words are its text children.
