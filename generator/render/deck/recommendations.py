"""The recommendation slides: priority matrix, roadmap, measures, and where the earlier
waves' recommendations stand (each team's list is in ``teams``).

Each builder returns its slides with the content already split so that every page fits the
slide's body box (the boxes are those of templates/deck/slides/*.html and deck.css).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck.fit import balanced, chunk, paginate, whole
from generator.render.deck.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_WIDTH,
    CELL,
    CELL_BOLD,
    SMALL,
    TABLE_HEADER,
    Slide,
    chip_width,
    row_height,
    slide_run,
)
from generator.render.deck.words import Words

LEVELS = ("low", "medium", "high")
QUADRANTS = {  # (impact, effort) → the corner's name in the template
    ("high", "low"): "quick_wins",
    ("high", "high"): "major_projects",
    ("low", "low"): "fill_ins",
    ("low", "high"): "reconsider",
}

# The priority matrix (deck.css .matrix): a row-label column and three effort columns, with
# 3 pt between cells; a header row of effort levels. Chips are 26 pt high with 6 pt gaps.
MATRIX_HEADER = 2 * 16.0 + 10.0
MATRIX_MIN_ROW = 78.0
CHIP_HEIGHT = 32.0
CELL_PAD = 16.0 + 3.0
CORNER_LABEL = 20.0
SIDE_MATRIX = (480.0, 70.0)  # width, row-label column
FULL_MATRIX = (BODY_WIDTH, 90.0)
SIDE_LEGEND = 328.0
LEGEND_ID = 44.0
LEGEND_GAP = 8.0

ROADMAP_COLUMN = 264.0
ROADMAP_HEADER = 20.0 + 6.0 + 3.0 + 10.0  # the horizon, its rule and the gap under it
ROADMAP_CARD = 16.0 + 8.0  # padding, then the gap to the next card

SECTION_TITLE = BODY.leading + 6

# Table columns (pt) of deck/slides/success.html and previous.html.
KPI_COLUMNS = (64.0, 624.0, 160.0)
TARGET_COLUMNS = (300.0, 130.0, 130.0, 288.0)
PREVIOUS_COLUMNS = (64.0, 400.0, 130.0, 134.0, 120.0)


# ----- priority matrix -----


def priorities(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The priority matrix; the headline names the low-effort, higher-impact ones first."""
    recommendations = context["recommendations"]
    if not recommendations:
        return []
    # The quick wins are the matrix's own corner: high impact for low effort.
    quick = [r for r in recommendations if (r["impact"], r["effort"]) == ("high", "low")]
    total = words.fmt.integer(len(recommendations))
    if quick:
        headline = words.n_(
            "%(num)s of %(total)s recommendations is a quick win: high impact for low effort",
            "%(num)s of %(total)s recommendations are quick wins: high impact for low effort",
            len(quick),
            total=total,
        )
    else:
        headline = words.n_(
            "None of the %(num)s recommendations is both high in impact and low in effort",
            "None of the %(num)s recommendations is both high in impact and low in effort",
            len(recommendations),
        )
    return slide_run("matrix", words._("Priorities"), headline, matrix_pages(recommendations))


def matrix_pages(recommendations: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Place every recommendation by impact and effort; the id legend may take more pages.

    The matrix and its legend share a slide while the matrix fits 480 pt wide; otherwise the
    matrix takes the whole body and the legend follows in two columns.
    """
    side = _matrix_rows(recommendations, *SIDE_MATRIX)
    legend = _legend(recommendations, SIDE_LEGEND)
    fits_beside = sum(e["height"] for e in legend) <= BODY_HEIGHT
    if fits_beside and sum(r["height"] for r in side) + MATRIX_HEADER <= BODY_HEIGHT:
        _fill(side)
        return [{"layout": "side", "rows": side, "legend": [legend], "highlight": []}]
    full = _matrix_rows(recommendations, *FULL_MATRIX)
    _fill(full)
    width = (BODY_WIDTH - 40) / 2
    columns = paginate(_legend(recommendations, width), lambda e: e["height"], BODY_HEIGHT)
    pages: list[dict[str, Any]] = [{"layout": "full", "rows": full, "legend": [], "highlight": []}]
    for pair in chunk(columns, 2):
        pages.append({"layout": "legend", "rows": [], "legend": pair, "highlight": []})
    return pages


def _matrix_rows(recommendations, width: float, label_column: float) -> list[dict[str, Any]]:
    inner = (width - label_column) / 3 - CELL_PAD
    rows = []
    for impact in reversed(LEVELS):
        cells = []
        needed = MATRIX_MIN_ROW
        for effort in LEVELS:
            ids = [
                r["id"] for r in recommendations if (r["impact"], r["effort"]) == (impact, effort)
            ]
            quadrant = QUADRANTS.get((impact, effort))
            height = (
                CELL_PAD + (CORNER_LABEL if quadrant else 0) + _chip_rows(ids, inner) * CHIP_HEIGHT
            )
            needed = max(needed, height)
            cells.append({"effort": effort, "ids": ids, "quadrant": quadrant})
        rows.append({"impact": impact, "cells": cells, "height": needed})
    return rows


def _chip_rows(ids: Sequence[str], width: float) -> int:
    rows, used = 0, width
    for ident in ids:
        chip = CELL_BOLD.width(ident) + 16 + 8
        if used + chip > width:
            rows, used = rows + 1, 0.0
        used += chip
    return rows


def _fill(rows: list[dict[str, Any]]) -> None:
    """Share out what is left of the body height so that the three rows fill it."""
    spare = BODY_HEIGHT - MATRIX_HEADER - sum(r["height"] for r in rows) - 12
    for row in rows:
        row["height"] += max(0.0, spare) / len(rows)


def _legend(recommendations, width: float) -> list[dict[str, Any]]:
    room = width - LEGEND_ID
    entries = []
    for r in recommendations:
        title = whole(r["title"])
        entries.append(
            {"id": r["id"], "title": title, "height": CELL.height(title, room) + LEGEND_GAP}
        )
    return entries


# ----- roadmap -----


def roadmap(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The 30/60/90-day roadmap; the headline counts what is due first."""
    recommendations = context["recommendations"]
    if not recommendations:
        return []
    soon = sum(1 for r in recommendations if r["horizon"] == 30)
    if soon:
        headline = words.n_(
            "%(num)s action due within 30 days", "%(num)s actions due within 30 days", soon
        )
    else:
        headline = words.n_(
            "%(num)s action over the next 90 days",
            "%(num)s actions over the next 90 days",
            len(recommendations),
        )
    pages = roadmap_pages(recommendations, words)
    return slide_run("roadmap", words._("30/60/90-day roadmap"), headline, pages)


def roadmap_pages(
    recommendations: Sequence[Mapping[str, Any]], words: Words
) -> list[dict[str, Any]]:
    """Three columns (30, 60, 90 days) of cards; longer columns continue on further pages.

    Titles are whole; the columns' continuations are balanced.
    """
    columns = [_roadmap_column(recommendations, horizon) for horizon in (30, 60, 90)]
    count = max(len(c) for c in columns)
    return [
        {
            "columns": [
                {
                    "horizon": horizon,
                    "label": words.n_("Within %(num)s day", "Within %(num)s days", horizon),
                    "cards": column[index] if index < len(column) else [],
                    "empty": not any(column),
                }
                for horizon, column in zip((30, 60, 90), columns, strict=True)
            ]
        }
        for index in range(count)
    ]


def _roadmap_column(recommendations, horizon: int) -> list[list[dict[str, Any]]]:
    width = ROADMAP_COLUMN - 24
    cards = []
    for r in recommendations:
        if r["horizon"] != horizon:
            continue
        # The id chip opens the first line.
        chip = chip_width(r["id"])
        title = whole(r["title"])
        owner = r.get("owner") or ""
        height = BODY.height(title, width, indent=chip) + ROADMAP_CARD
        height += SMALL.height(owner, width) + 2 if owner else 0
        cards.append({"id": r["id"], "title": title, "owner": owner, "height": height})
    return paginate(cards, lambda c: c["height"], BODY_HEIGHT - ROADMAP_HEADER)


# ----- how success will be measured -----


def success(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The targets and where they stand, then each recommendation's own KPI."""
    targets = [
        {
            "metric": words.metric_name(t["metric"]),
            "target": words.target(t["metric"], t["target"]["target"]),
            "current": words.target(t["metric"], t["target"]["value"]),
            "met": bool(t["target"]["met"]),
            "status": _target_status(t["target"], words),
        }
        for t in context["kpis"]
        if t.get("target")
    ]
    measured = [r for r in context["recommendations"] if r.get("kpi")]
    if not targets and not measured:
        return []
    if targets:
        met = sum(1 for t in targets if t["met"])
        headline = words.n_(
            "%(num)s of %(total)s target met so far",
            "%(num)s of %(total)s targets met so far",
            len(targets),
            num=words.fmt.integer(met),
            total=words.fmt.integer(len(targets)),
        )
    else:
        headline = words.n_(
            "%(num)s recommendation has its own measure of success",
            "%(num)s recommendations have their own measure of success",
            len(measured),
        )
    pages = success_pages(targets, measured, words)
    return slide_run("success", words._("How we will measure success"), headline, pages)


def _target_status(target: Mapping[str, Any], words: Words) -> str:
    if target["met"]:
        return words._("Met")
    if target.get("interval") == "includes":
        return words._("Not met, but within the margin of error")
    return words._("Not met")


def success_pages(
    targets: Sequence[Mapping[str, Any]],
    measured: Sequence[Mapping[str, Any]],
    words: Words,
) -> list[dict[str, Any]]:
    """The targets table, then each recommendation's KPI, split over pages as needed."""
    entries: list[tuple[str, dict[str, Any]]] = []
    for t in targets:
        height = row_height((t["metric"], TARGET_COLUMNS[0]), (t["status"], TARGET_COLUMNS[3] - 20))
        entries.append(("targets", {**t, "height": height}))
    for r in measured:
        kpi = whole(r["kpi"])
        horizon = words.n_("Within %(num)s day", "Within %(num)s days", r["horizon"])
        height = row_height((kpi, KPI_COLUMNS[1]), (horizon, KPI_COLUMNS[2]))
        entries.append(("kpis", {"id": r["id"], "kpi": kpi, "horizon": horizon, "height": height}))
    return balanced(lambda room: _fill_success(entries, room), BODY_HEIGHT)


def _fill_success(entries: Sequence[tuple[str, dict[str, Any]]], room: float) -> list[Any]:
    pages: list[dict[str, Any]] = []
    used = 0.0
    for section, row in entries:
        opening = not pages or not pages[-1][section]
        needed = row["height"] + (SECTION_TITLE + TABLE_HEADER + 14 if opening else 0)
        if not pages or used + needed > room:
            pages.append({"targets": [], "kpis": []})
            used = 0.0
            needed = row["height"] + SECTION_TITLE + TABLE_HEADER + 14
        pages[-1][section].append(row)
        used += needed
    return pages


# ----- earlier recommendations -----


def earlier(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """Where the earlier waves' recommendations stand."""
    previous = context["previous_recommendations"]
    if not previous:
        return []
    waves = context["labels"]["waves"]
    widths = PREVIOUS_COLUMNS
    rows = []
    for entry in previous:
        title = entry["title"]
        owner = entry.get("owner") or "–"
        wave = waves.get(entry["wave"], entry["wave"])
        height = row_height((title, widths[1]), (owner, widths[3]), (wave, widths[2]))
        rows.append(
            {
                "id": entry["id"],
                "title": title,
                "owner": owner,
                "wave": wave,
                "status": entry["status"],
                "height": height,
            }
        )
    pages = [
        {"rows": page} for page in paginate(rows, lambda r: r["height"], BODY_HEIGHT - TABLE_HEADER)
    ]
    done = sum(1 for r in previous if r["status"] == "done")
    headline = words._(
        "Earlier recommendations: %(num)s of %(total)s done",
        num=words.fmt.integer(done),
        total=words.fmt.integer(len(previous)),
    )
    return slide_run("previous", words._("Earlier recommendations"), headline, pages)
