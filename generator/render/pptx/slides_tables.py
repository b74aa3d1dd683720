"""The slides whose evidence is a table or a grid: what changed, the priority matrix, the
teams' recommendations, the roadmap, the measures of success and earlier recommendations.

Row heights are the plan's (each planned row carries the height it was measured at), so a
slide holds exactly the rows the PDF slide holds.
"""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE

from generator.render.deck.layout import Slide
from generator.render.pptx.frame import Deck, new_slide
from generator.render.pptx.tables import HEADER_SIZE, add_table
from generator.render.pptx.text import Para, Span, add_text_box, para

CELL = dict(size=14, leading=18)
SMALL = dict(size=12.5, leading=16)
HEADER = 16.0 + 11 + 1  # deck layout TABLE_HEADER


def changes(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    data, _ = plan.data, deck.words._
    header = [
        _("Measure"),
        _head(data["previous"], right=True),
        _head(data["current"], right=True),
        _head(_("Change"), right=True),
        _("Verdict"),
    ]
    rows = []
    for row in data["rows"]:
        color = {"good": "good", "bad": "bad"}.get(row["direction"])
        rows.append(
            [
                para(row["label"], **CELL),
                para(row["previous"], align="right", **CELL),
                para(row["current"], align="right", bold=True, **CELL),
                para(row["difference"], align="right", color=color, **CELL),
                Para(
                    [Span(f"{row['arrow']}\u00a0{row['verdict']}")],
                    bold=color is not None,
                    color=color or "muted",
                    **CELL,
                ),
            ]
        )
    widths = [float(w) for w in data["columns"]]
    heights = [HEADER] + [row["height"] for row in data["rows"]]
    add_table(
        slide,
        deck.body(0, 0, 848, sum(heights)),
        widths,
        header,
        rows,
        deck.palette,
        heights=heights,
        scale=deck.geometry.scale,
    )
    level = deck.words.fmt.integer(deck.context["settings"]["confidence_level"] * 100)
    if deck.context["wave"]["metrics"].get("nps"):
        note = _(
            "“Significant” means unlikely to be chance, at the %(level)s%% confidence level. "
            "NPS and customer satisfaction (CSAT) change in points; other measures are "
            "mean scores.",
            level=level,
        )
    else:
        note = _(
            "“Significant” means unlikely to be chance, at the %(level)s%% confidence level. "
            "Customer satisfaction (CSAT) changes in points; other measures are mean scores.",
            level=level,
        )
    top = min(sum(heights) + 12, 346.0 - 32)
    add_text_box(
        slide,
        deck.body(0, top, 848, 32),
        [para(note, color="muted", **SMALL)],
        deck.palette,
        name="Footnote",
    )


def success(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    data, _ = plan.data, deck.words._
    top = 0.0
    if data.get("targets"):
        add_text_box(
            slide,
            deck.body(0, top, 848, 20),
            [para(_("Targets"), size=15, leading=20, bold=True, color="heading")],
            deck.palette,
        )
        top += 26
        header = [
            _("Measure"),
            _head(_("Target"), right=True),
            _head(_("Now"), right=True),
            _("Status"),
        ]
        rows = [
            [
                para(r["metric"], **CELL),
                para(r["target"], align="right", **CELL),
                para(r["current"], align="right", bold=True, **CELL),
                Para([Span("● "), Span(r["status"])], color="good" if r["met"] else "bad", **CELL),
            ]
            for r in data["targets"]
        ]
        heights = [HEADER] + [r["height"] for r in data["targets"]]
        add_table(
            slide,
            deck.body(0, top, 848, sum(heights)),
            (300, 130, 130, 288),
            header,
            rows,
            deck.palette,
            heights=heights,
            scale=deck.geometry.scale,
        )
        top += sum(heights) + 14
    if data.get("kpis"):
        add_text_box(
            slide,
            deck.body(0, top, 848, 20),
            [
                para(
                    _("Each recommendation's measure"),
                    size=15,
                    leading=20,
                    bold=True,
                    color="heading",
                )
            ],
            deck.palette,
        )
        top += 26
        header = ["", _("Measure of success"), _("Horizon")]
        rows = [
            [_chip(r["id"]), para(r["kpi"], **CELL), para(r["horizon"], **CELL)]
            for r in data["kpis"]
        ]
        heights = [HEADER] + [r["height"] for r in data["kpis"]]
        add_table(
            slide,
            deck.body(0, top, 848, sum(heights)),
            (64, 624, 160),
            header,
            rows,
            deck.palette,
            heights=heights,
            scale=deck.geometry.scale,
        )


def previous(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    _ = deck.words._
    statuses = {
        "proposed": _("Proposed"),
        "accepted": _("Accepted"),
        "in_progress": _("In progress"),
        "done": _("Done"),
        "dropped": _("Dropped"),
    }
    colors = {"done": "good", "dropped": "muted", "proposed": "accent_text"}
    header = ["", _("Recommendation"), _("Wave"), _("Owner"), _("Status")]
    rows = [
        [
            _chip(r["id"]),
            para(r["title"], **CELL),
            para(r["wave"], **CELL),
            para(r["owner"] or "", **CELL),
            para(
                statuses[r["status"]], bold=True, color=colors.get(r["status"], "heading"), **CELL
            ),
        ]
        for r in plan.data["rows"]
    ]
    heights = [HEADER] + [r["height"] for r in plan.data["rows"]]
    add_table(
        slide,
        deck.body(0, 0, 848, sum(heights)),
        (64, 400, 130, 134, 120),
        header,
        rows,
        deck.palette,
        heights=heights,
        scale=deck.geometry.scale,
    )


def matrix(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    page, _ = plan.data, deck.words._
    corners = {
        "quick_wins": _("Quick wins"),
        "major_projects": _("Major projects"),
        "fill_ins": _("Fill-ins"),
        "reconsider": _("Reconsider"),
    }
    efforts = {"low": _("Low effort"), "medium": _("Medium effort"), "high": _("High effort")}
    impacts = {"low": _("Low impact"), "medium": _("Medium impact"), "high": _("High impact")}
    full = page["layout"] == "full"
    if page["rows"]:
        width = 848.0 if full else 480.0
        corner = 84.0 if full else 64.0
        header = [""] + [_head(efforts[level], center=True) for level in ("low", "medium", "high")]
        rows = []
        for row in page["rows"]:
            cells = [para(impacts[row["impact"]], align="right", bold=True, color="muted", **SMALL)]
            for cell in row["cells"]:
                content = []
                if cell["quadrant"]:
                    content.append(
                        Para(
                            [Span(corners[cell["quadrant"]])],
                            size=12,
                            leading=16,
                            bold=True,
                            caps=True,
                            after=4,
                            color="accent_text" if cell["quadrant"] == "quick_wins" else "muted",
                        )
                    )
                spans = []
                for ident in cell["ids"]:
                    on = ident in page["highlight"]
                    spans.append(Span(ident, bold=True, color="accent_text" if on else "heading"))
                    spans.append(Span("   "))
                content.append(Para(spans[:-1] or [Span("")], **CELL))
                cells.append(content)
            rows.append(cells)
        heights = [HEADER] + [row["height"] for row in page["rows"]]
        side = (width - corner) / 3
        add_table(
            slide,
            deck.body(0, 0, width, sum(heights)),
            (corner, side, side, side),
            header,
            rows,
            deck.palette,
            heights=heights,
            banded=False,
            scale=deck.geometry.scale,
        )
    columns = page["legend"]
    if columns:
        left, column_width = (0.0, 404.0) if page["layout"] == "legend" else (520.0, 328.0)
        for index, column in enumerate(columns):
            lines = [
                Para(
                    [Span(f"{entry['id']}\t", bold=True, color="heading"), Span(entry["title"])],
                    after=8,
                    **CELL,
                )
                for entry in column
            ]
            shape = add_text_box(
                slide,
                deck.body(left + index * (column_width + 40), 0, column_width),
                lines,
                deck.palette,
                name="Legend",
            )
            _hanging(shape, deck.pt(44))


def roadmap(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    columns = plan.data["columns"]
    width = 264.0
    gap = (848.0 - width * len(columns)) / max(1, len(columns) - 1)
    for index, column in enumerate(columns):
        left = index * (width + gap)
        soon = column["horizon"] == 30
        role = "accent_text" if soon else "heading"
        add_text_box(
            slide,
            deck.body(left, 0, width, 26),
            [para(column["label"], size=15, leading=20, bold=True, color=role)],
            deck.palette,
            name="Horizon",
        )
        rule = deck.body(left, 27, width, 3)
        bar = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, rule.left, rule.top, rule.width, rule.height
        )
        deck.palette.fill(bar.fill, "accent" if soon else "primary")
        bar.line.fill.background()
        bar.shadow.inherit = False
        top = 40.0
        if column["empty"]:
            add_text_box(
                slide,
                deck.body(left, top, width, 20),
                [
                    Para(
                        [Span(deck.words._("No actions due"), italic=True)],
                        color="muted",
                        size=15,
                        leading=20,
                    )
                ],
                deck.palette,
            )
        for card in column["cards"]:
            height = card["height"] - 8
            box = deck.body(left, top, width, height)
            panel = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height
            )
            deck.palette.fill(panel.fill, "tint")
            panel.line.fill.background()
            panel.shadow.inherit = False
            lines = [
                Para(
                    [Span(f"{card['id']}  ", bold=True, color="heading"), Span(card["title"])],
                    size=15,
                    leading=20,
                )
            ]
            if card.get("owner"):
                lines.append(para(card["owner"], color="muted", **SMALL))
            add_text_box(
                slide,
                deck.body(left + 12, top + 8, width - 24, height - 16),
                lines,
                deck.palette,
                name=f"Card {card['id']}",
            )
            top += card["height"]


def audience(deck: Deck, plan: Slide) -> None:
    slide = new_slide(deck, plan)
    _ = deck.words._
    top = 0.0
    for block in plan.data["blocks"]:
        if plan.data.get("titled"):
            add_text_box(
                slide,
                deck.body(0, top, 848, 20),
                [
                    para(
                        block["name"],
                        size=15,
                        leading=20,
                        bold=True,
                        caps=True,
                        color="accent_text" if not deck.palette.themed else "heading",
                    )
                ],
                deck.palette,
                name="Team",
            )
            top += 26
        rows = []
        for row in block["rows"]:
            main = [para(row["title"], size=16, leading=21, bold=True, color="heading")]
            if row.get("why"):
                main.append(para(row["why"], color="muted", **CELL))
            meta_spans = [Span(row["when"])]
            if row.get("owner"):
                meta_spans += [
                    Span(" · "),
                    Span(f"{_('Owner')}: ", bold=True, color="muted"),
                    Span(row["owner"]),
                ]
            meta = [Para(meta_spans, after=2, **CELL)]
            if row.get("kpi"):
                meta.append(
                    Para(
                        [
                            Span(f"{_('Measure of success')}: ", bold=True, color="muted"),
                            Span(row["kpi"]),
                        ],
                        **CELL,
                    )
                )
            rows.append([_chip(row["id"]), main, meta])
        heights = [row["height"] for row in block["rows"]]
        add_table(
            slide,
            deck.body(0, top, 848, sum(heights)),
            (60, 508, 280),
            None,
            rows,
            deck.palette,
            heights=heights,
            scale=deck.geometry.scale,
        )
        top += sum(heights) + 16


# ---------- parts ----------


def _head(text: str, right: bool = False, center: bool = False) -> Para:
    return para(
        text,
        size=HEADER_SIZE,
        leading=16,
        bold=True,
        align="right" if right else "center" if center else None,
    )


def _chip(ident: str) -> Para:
    return para(ident, size=14, leading=18, bold=True, color="heading")


def _hanging(shape, indent: int) -> None:
    """Indent each legend entry's title past its id, the id hanging in front."""
    for paragraph in shape.text_frame.paragraphs:
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.set("marL", str(indent))
        p_pr.set("indent", str(-indent))
