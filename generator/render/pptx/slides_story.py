"""The slides that tell the story in words and charts: title, divider, agenda, executive
summary, headline numbers, themes, findings, relationship and next steps.

Each function writes one planned slide (``generator.render.deck.layout.Slide``) of its kind,
with the boxes of the PDF deck (templates/css/deck.css) scaled to the template's body.
"""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from generator.render.deck.layout import Slide
from generator.render.pptx import charts
from generator.render.pptx.frame import (
    Deck,
    body_placeholder,
    drop_empty_placeholders,
    filled_rectangle,
    footer,
    logo_path,
    new_slide,
    notes,
)
from generator.render.pptx.tables import add_table
from generator.render.pptx.template import Box
from generator.render.pptx.text import (
    Para,
    Span,
    add_text_box,
    markdown_paragraphs,
    para,
    write_paragraphs,
)

CHART_COLUMN, GAP = 470.0, 40.0
SMALL = dict(size=12.5, leading=16)


def title(deck: Deck, plan: Slide) -> None:
    slide = deck.presentation.slides.add_slide(_layout(deck, "title"))
    data, context = plan.data, deck.context
    on_band = None if deck.palette.themed else "on_primary"
    size, leading = (32.0, 36.0) if data.get("long") else (40.0, 44.0)
    write_paragraphs(
        slide.shapes.title.text_frame,
        [Para([Span(data["title"])], size=size, leading=leading, bold=True, color=on_band)],
        deck.palette,
    )
    consultant = context["consultant"]
    date = deck.words.fmt.date_long(context["engagement"]["report_date"])
    kicker = Para(
        [Span(f"{deck.words._('Recommendations')} · {data['wave']}")],
        size=14,
        leading=18,
        bold=True,
        caps=True,
        after=14,
        color=None if deck.palette.themed else "accent_on_primary",
    )
    lines = [
        Para([Span(data["client"])], size=20, leading=26, bold=True, after=6, color=on_band),
        Para(
            [Span(f"{consultant['prepared_by']}: {data['by']} · {date}")],
            size=15,
            leading=20,
            color=on_band,
        ),
    ]
    if deck.palette.themed:
        lines.insert(0, kicker)  # the template decides where its title and subtitle go
    else:
        add_text_box(
            slide, Box(Pt(56), Pt(64), Pt(848), Pt(18)), [kicker], deck.palette, name="Kicker"
        )
    subtitle = next((s for s in slide.placeholders if s.placeholder_format.idx == 1), None)
    if subtitle is not None:
        write_paragraphs(subtitle.text_frame, lines, deck.palette, bullets=True)
    else:
        add_text_box(slide, deck.body(0, 150, None, 110), lines, deck.palette)
    width, height = deck.presentation.slide_width, deck.presentation.slide_height
    logos = [
        logo_path(deck, context["client"].get("logo")),
        logo_path(deck, consultant.get("logo")),
    ]
    if not deck.palette.themed:
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Pt(400), width, height - Pt(400))
        deck.palette.fill(band.fill, "background")
        band.line.fill.background()
    for index, path in enumerate(p for p in logos if p):
        picture = slide.shapes.add_picture(str(path), 0, Pt(438), height=Pt(56))
        picture.left = Pt(56) if index == 0 else width - Pt(56) - picture.width
    box = Box(Pt(56), height - Pt(30), width - Pt(112), Pt(14))
    add_text_box(
        slide,
        box,
        [para(context["footer_text"], size=11, leading=14, color="muted")],
        deck.palette,
        name="Footer",
    )
    notes(deck, slide, plan)
    drop_empty_placeholders(slide)


def divider(deck: Deck, plan: Slide) -> None:
    slide = deck.presentation.slides.add_slide(_layout(deck, "section"))
    on_band = None if deck.palette.themed else "on_primary"
    write_paragraphs(
        slide.shapes.title.text_frame,
        [Para([Span(plan.headline)], size=36, leading=42, bold=True, color=on_band)],
        deck.palette,
    )
    kicker = Para(
        [Span(plan.kicker)],
        size=14,
        leading=18,
        bold=True,
        caps=True,
        color=None if deck.palette.themed else "accent_on_primary",
    )
    placeholder = next((s for s in slide.placeholders if s.placeholder_format.idx == 1), None)
    if placeholder is not None:
        write_paragraphs(placeholder.text_frame, [kicker], deck.palette, bullets=True)
    footer(deck, slide, plan, role="muted" if deck.palette.themed else "tint")
    notes(deck, slide, plan)
    drop_empty_placeholders(slide)


def agenda(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    entries = plan.data["entries"]
    halves = (
        [entries]
        if len(entries) <= 7
        else [entries[: (len(entries) + 1) // 2], entries[(len(entries) + 1) // 2 :]]
    )
    width = 620.0 if len(halves) == 1 else 400.0
    start = 0
    for column, entries_here in enumerate(halves):
        rows = []
        for offset, entry in enumerate(entries_here, start=start + 1):
            rows.append(
                [
                    para(
                        deck.words.fmt.integer(offset),
                        size=17,
                        leading=22,
                        bold=True,
                        color="accent_text" if not deck.palette.themed else "heading",
                    ),
                    para(entry["title"], size=17, leading=22),
                    para(
                        deck.words.fmt.integer(entry["number"]),
                        size=17,
                        leading=22,
                        color="muted",
                        align="right",
                    ),
                ]
            )
        start += len(entries_here)
        box = deck.body(column * (width + 48), 0, width, 32.0 * len(rows))
        add_table(
            slide,
            box,
            (36, width - 76, 40),
            None,
            rows,
            deck.palette,
            heights=[32.0] * len(rows),
            banded=False,
            scale=deck.geometry.scale,
        )


def summary(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan, "content")
    messages = [
        Para([Span(m["text"])], size=20, leading=26, bullet="1.", after=26)
        for m in plan.data["messages"]
    ]
    # The numbers are the list's own (1., 2., …), starting where this slide's part starts.
    first = int(plan.data["messages"][0]["number"]) if plan.data["messages"] else 1
    shape = body_placeholder(slide, deck.body(0, 12, 500, 334), messages, deck)
    if first != 1:
        for paragraph in shape.text_frame.paragraphs:
            numbering = paragraph._p.pPr.find(
                "{http://schemas.openxmlformats.org/drawingml/2006/main}buAutoNum"
            )
            if numbering is not None:
                numbering.set("startAt", str(first))
    decision = plan.data.get("decision")
    if decision:
        box = deck.body(560, 0, 288, 200)
        filled_rectangle(deck, slide, box, "tint")
        text = deck.body(580, 20, 248, 170)
        add_text_box(
            slide,
            text,
            [
                Para(
                    [Span(deck.words._("Decision asked"))],
                    size=12.5,
                    leading=16,
                    bold=True,
                    caps=True,
                    after=8,
                    color="muted",
                ),
                Para([Span(decision)], size=20, leading=26, bold=True, color="heading"),
            ],
            deck.palette,
            name="Decision",
        )
    drop_empty_placeholders(slide)


def kpis(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    tiles = plan.data["tiles"]
    width = {1: 410.0, 2: 410.0, 3: 268.0, 4: 200.0}.get(len(tiles), 160.0)
    gap = (848.0 - width * len(tiles)) / max(1, len(tiles) - 1) if len(tiles) > 1 else 0.0
    for index, tile in enumerate(tiles):
        left = index * (width + gap)
        box = deck.body(left, 0, width, 260)
        filled_rectangle(deck, slide, box, "tint")
        rule = deck.body(left, 0, width, 4)
        filled_rectangle(deck, slide, rule, "primary")
        lines = [
            Para(
                [Span(tile["label"])],
                size=13,
                leading=17,
                bold=True,
                caps=True,
                color="muted",
                after=4,
            ),
            Para([Span(tile["value"])], size=44, leading=48, bold=True, color="heading", after=8),
        ]
        if tile.get("change"):
            lines.append(
                Para(
                    [Span(f"{tile['arrow']}\u00a0{tile['change']}")],
                    size=15,
                    leading=20,
                    bold=True,
                    color=_direction(tile["direction"]),
                )
            )
            lines.append(Para([Span(tile["verdict"])], size=13, leading=17, after=6))
        if tile.get("target"):
            lines.append(
                Para(
                    [Span(tile["target"])],
                    size=13,
                    leading=17,
                    bold=True,
                    after=6,
                    color="good" if tile.get("target_met") else "bad",
                )
            )
        lines += [Para([Span(line)], size=13, leading=17, color="muted") for line in tile["lines"]]
        add_text_box(
            slide,
            deck.body(left + 14, 16, width - 28, 236),
            lines,
            deck.palette,
            name=f"Tile {index + 1}",
        )
    level = deck.words.fmt.integer(deck.context["settings"]["confidence_level"] * 100)
    note = deck.words._(
        "“Significant” means unlikely to be chance: a two-sided test at the %(level)s%% "
        "confidence level. A change that is not significant may still be noise.",
        level=level,
    )
    add_text_box(
        slide,
        deck.body(0, 272, 848, 40),
        [para(note, color="muted", **SMALL)],
        deck.palette,
        name="Footnote",
    )


def themes(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    rows = plan.data["rows"]
    height = min(346.0 - 40, 36.0 * len(rows) + 20)
    charts.theme_chart(
        slide, deck.body(0, 0, CHART_COLUMN, height), rows, plan.headline, deck.palette, 14
    )
    if plan.data.get("comments"):
        add_text_box(
            slide,
            deck.body(0, height + 6, CHART_COLUMN, 34),
            [para(plan.data["comments"], color="muted", **SMALL)],
            deck.palette,
            name="Footnote",
        )
    _quotes(deck, slide, plan.data.get("quotes") or [], CHART_COLUMN + GAP, 338)


def finding(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan, "content")
    page = plan.data
    chart = page.get("chart")
    text: list[Para] = []
    if page.get("summary"):
        text += markdown_paragraphs(page["summary"], 17, 23, 14)
        if text:
            text[-1].after = 14
    elif page.get("summary_plain"):
        text.append(para(page["summary_plain"], size=17, leading=23, after=14))
    for fact in page.get("facts") or []:
        text.append(
            Para(
                [Span(f"{fact['label']}: ", bold=True), Span(fact["text"])],
                size=15,
                leading=20,
                bullet="▪",
                after=10,
            )
        )
    if chart:
        text += [_quote(q) for q in page.get("quotes") or []]
        _figure(deck, slide, chart)
        body_placeholder(slide, deck.body(CHART_COLUMN + GAP, 0, 338), text, deck)
    else:
        width = 500.0 if page.get("quotes") else 848.0
        body_placeholder(slide, deck.body(0, 0, width), text, deck)
        _quotes(deck, slide, page.get("quotes") or [], 540, 308)
    drop_empty_placeholders(slide)


def relationship(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    page = plan.data
    chart = page.get("chart")
    left, width = (CHART_COLUMN + GAP, 338.0) if chart else (0.0, 500.0)
    if chart:
        words = deck.words
        name = words._("Relationship mood")
        add_text_box(
            slide,
            deck.body(0, 0, CHART_COLUMN, 20),
            [para(name, size=15, leading=20, bold=True, color="heading")],
            deck.palette,
        )
        charts.mood_chart(
            slide,
            deck.body(0, 26, CHART_COLUMN, 270),
            chart["points"],
            name,
            deck.palette,
            words,
            13,
        )
        caption = words._("Mood at each contact, from 1 (angry) to 5 (delighted)")
        add_text_box(
            slide,
            deck.body(0, 302, CHART_COLUMN, 40),
            [para(caption, color="muted", **SMALL)],
            deck.palette,
            name="Caption",
        )
    lines: list[Para] = []
    for entry in page["entries"]:
        if entry["kind"] == "status":
            lines.append(
                Para(
                    [Span("● "), Span(entry["text"])],
                    size=20,
                    leading=26,
                    bold=True,
                    after=18,
                    color={"red": "bad", "green": "good"}.get(page["status"], "accent_text"),
                )
            )
        elif entry["kind"] == "concern":
            raised = deck.words._(
                "Raised %(date)s", date=deck.words.fmt.date_short(entry["raised"])
            )
            lines.append(Para([Span(entry["text"])], size=15, leading=20, bullet="▌"))
            lines.append(
                Para(
                    [Span(f"{raised} · {entry['age']}")],
                    size=12.5,
                    leading=16,
                    after=14,
                    color="muted",
                    bullet="▌",
                )
            )
        elif entry["kind"] == "follow_up":
            lines.append(para(entry["text"], size=15, leading=20))
            lines.append(para(entry["meta"], color="muted", after=10, **SMALL))
        elif entry["kind"] == "executives":
            lines.append(para(entry["text"], bold=True, color="muted", after=4, **SMALL))
        elif entry["kind"] == "overdue":
            lines.append(
                Para([Span(entry["text"])], size=15, leading=20, bold=True, after=10, color="bad")
            )
        else:
            lines.append(Para([Span(entry["text"])], color="muted", after=4, **SMALL))
    add_text_box(slide, deck.body(left, 0, width), lines, deck.palette, name="Relationship")


def next_steps(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan, "content")
    page = plan.data
    text: list[Para] = []
    if page.get("markdown"):
        text = markdown_paragraphs(page["markdown"], 15, 20, 10)
        for paragraph in text:
            if paragraph.bullet == "•":
                paragraph.bullet = "→"
    elif page.get("actions"):
        text.append(
            Para(
                [Span(deck.words._("In the next 30 days"))],
                size=15,
                leading=20,
                bold=True,
                after=6,
                color="heading",
            )
        )
        for action in page["actions"]:
            spans = [Span(f"{action['id']}  ", bold=True), Span(action["title"])]
            text.append(Para(spans, size=15, leading=20, after=0 if action.get("owner") else 10))
            if action.get("owner"):
                text.append(para(action["owner"], color="muted", after=10, **SMALL))
    body_placeholder(slide, deck.body(0, 0, 480), text, deck)
    if page.get("contact"):
        _contact(deck, slide)
    drop_empty_placeholders(slide)


# ---------- parts ----------


def _layout(deck: Deck, role: str):
    from generator.render.pptx.template import layout

    return layout(deck.presentation, role)


def _direction(direction: str) -> str:
    return {"good": "good", "bad": "bad"}.get(direction, "muted")


def _quote(text: str) -> Para:
    return Para([Span(text, italic=True)], size=15, leading=20, bullet="▌", after=14)


def _quotes(deck: Deck, slide, quotes, left: float, width: float) -> None:
    if quotes:
        add_text_box(
            slide,
            deck.body(left, 0, width),
            [_quote(q) for q in quotes],
            deck.palette,
            name="Quotes",
        )


def _figure(deck: Deck, slide, chart) -> None:
    """The chart's title, the native chart and its caption, in the chart column."""
    add_text_box(
        slide,
        deck.body(0, 0, CHART_COLUMN, 20),
        [para(chart["title"], size=15, leading=20, bold=True, color="heading")],
        deck.palette,
        name="Chart title",
    )
    caption_lines = 2 if chart.get("caption") else 0
    height = 346.0 - 26 - caption_lines * 16 - 8
    charts.add_chart(
        slide,
        deck.body(0, 26, CHART_COLUMN, height),
        chart,
        deck.palette,
        deck.words,
        min(13.0, float(chart.get("font_size", 13))),
    )
    if chart.get("caption"):
        add_text_box(
            slide,
            deck.body(0, 346.0 - caption_lines * 16, CHART_COLUMN, caption_lines * 16),
            [para(chart["caption"], color="muted", **SMALL)],
            deck.palette,
            name="Caption",
        )


def _contact(deck: Deck, slide) -> None:
    consultant = deck.context["consultant"]
    box = deck.body(540, 0, 308, 240)
    filled_rectangle(deck, slide, box, "tint")
    lines = [Para([Span(consultant["name"])], size=20, leading=26, bold=True, color="heading")]
    for role in ("title", "company"):
        if consultant.get(role):
            lines.append(para(consultant[role], size=15, leading=20, color="muted"))
    if lines:
        lines[-1].after = 12
    for key in ("email", "phone", "website"):
        if consultant.get(key):
            lines.append(para(consultant[key], size=15, leading=22))
    add_text_box(slide, deck.body(562, 20, 264, 200), lines, deck.palette, name="Contact")
