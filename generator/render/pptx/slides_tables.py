"""The slides whose evidence is a table or a grid: what changed, the priority matrix, the
teams' recommendations, the roadmap, the measures of success and earlier recommendations.

Row heights are the plan's (each planned row carries the height it was measured at), so a
slide holds exactly the rows the PDF slide holds.
"""

from __future__ import annotations

from generator.render.deck.layout import Slide
from generator.render.pptx.frame import Deck, filled_rectangle, new_slide
from generator.render.pptx.tables import HEADER_SIZE, add_table
from generator.render.pptx.text import Para, Span, add_text_box, para
from generator.render.vocabulary import status_word

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
    colors = {"done": "good", "dropped": "muted", "proposed": "accent_text"}
    header = ["", _("Recommendation"), _("Wave"), _("Owner"), _("Status")]
    rows = [
        [
            _chip(r["id"]),
            para(r["title"], **CELL),
            para(r["wave"], **CELL),
            para(r["owner"] or "", **CELL),
            para(
                status_word(r["status"], _),
                bold=True,
                color=colors.get(r["status"], "heading"),
                **CELL,
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
    efforts = {"low": _("Low effort"), "medium": _("Medium effort"), "high": _("High effort")}
    impacts = {"low": _("Low impact"), "medium": _("Medium impact"), "high": _("High impact")}
    # On white, as the PDF's grid: the header in the muted colour, not the table style's.
    header = [""] + [
        para(efforts[level], size=HEADER_SIZE, leading=16, bold=True, align="center", color="muted")
        for level in ("low", "medium", "high")
    ]
    rows, zones = [], []
    for row in page["rows"]:
        cells = [para(impacts[row["impact"]], align="right", bold=True, color="muted", **SMALL)]
        for cell in row["cells"]:
            content = []
            if cell.get("quick"):
                content.append(
                    para(_("Quick wins"), bold=True, color="accent_text", after=4, **SMALL)
                )
            for entry in cell["entries"]:
                content.append(
                    Para(
                        [
                            Span(f"{entry['id']}  ", bold=True, color="heading"),
                            Span(entry["label"]),
                        ],
                        after=6,
                        **CELL,
                    )
                )
            cells.append(content or [para("", **CELL)])
        rows.append(cells)
        zones.append([cell["zone"] for cell in row["cells"]])
    heights = [HEADER] + [row["height"] for row in page["rows"]]
    side = (848.0 - 84.0) / 3
    shape = add_table(
        slide,
        deck.body(0, 0, 848, sum(heights)),
        (84, side, side, side),
        header,
        rows,
        deck.palette,
        heights=heights,
        banded=False,
        scale=deck.geometry.scale,
    )
    # One colour per zone, as in the key: impact above effort, alike, below.
    fills = {"first": "accent_tint", "even": "tint", "last": "background"}
    table = shape.table
    for column in range(4):
        deck.palette.fill(table.cell(0, column).fill, "background")
    for index, row_zones in enumerate(zones, start=1):
        deck.palette.fill(table.cell(index, 0).fill, "background")
        for column, zone in enumerate(row_zones, start=1):
            deck.palette.fill(table.cell(index, column).fill, fills.get(zone, "background"))
    key = [
        Span("■ ", color="accent_tint"),
        Span(_("More impact than effort") + "    "),
        Span("■ ", color="tint"),
        Span(_("Impact and effort alike") + "    "),
        Span("□ ", color="muted"),
        Span(_("More effort than impact")),
    ]
    lines = [Para(key, color="muted", **SMALL)]
    teams = page.get("teams")
    if teams:
        if teams[0] != teams[1]:
            text = _(
                "Each action's owner, horizon and measure of success: slides %(first)s–%(last)s",
                first=teams[0],
                last=teams[1],
            )
        else:
            text = _(
                "Each action's owner, horizon and measure of success: slide %(num)s", num=teams[0]
            )
        lines.append(para(text, color="muted", **SMALL))
    top = min(sum(heights) + 10, 346.0 - 34)
    add_text_box(slide, deck.body(0, top, 848, 34), lines, deck.palette, name="Key")


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
        filled_rectangle(deck, slide, rule, "accent" if soon else "primary")
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
            filled_rectangle(deck, slide, box, "tint")
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
