"""The recommendation slides: priority matrix, roadmap, measures, and where the earlier
waves' recommendations stand (each team's list is in ``teams``).

Each builder returns its slides with the content already split so that every page fits the
slide's body box (the boxes are those of templates/deck/slides/*.html and deck.css).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck.fit import balanced, paginate, whole
from generator.render.deck.layout import (
    BODY,
    BODY_HEIGHT,
    BODY_WIDTH,
    CELL,
    CELL_PADDING_Y,
    SMALL,
    TABLE_HEADER,
    Slide,
    chip_width,
    row_height,
    slide_run,
    spread,
)
from generator.render.deck.words import Words

LEVELS = ("low", "medium", "high")

# The priority matrix (deck.css .matrix): impact (rows, high first) × effort (columns, low
# first) on the same three levels the recommendations are rated on, a cell per pair. Each
# cell is shaded by how its impact compares with its effort (``zone``), and the cell of high
# impact for low effort is the one labelled "Quick wins". An entry is the id chip (keyed to
# the teams' slides, where each action has its owner, horizon and measure) and the
# recommendation's short name, else its whole title. The key under the grid names the zones.
MATRIX_WIDTH = BODY_WIDTH
MATRIX_ROW_LABEL = 84.0
MATRIX_SPACING = 3.0
MATRIX_HEADER = 16.0 + 4.0 + MATRIX_SPACING
MATRIX_KEY = 2 * SMALL.leading + 10.0  # the zones' key and the pointer to the teams' slides
MATRIX_MIN_ROW = 56.0
MATRIX_CELL_PAD = 16.0
CELL_LABEL = SMALL.leading + 4.0  # "Quick wins" over its cell's entries
ENTRY_GAP = 6.0
MATRIX_CELL = (MATRIX_WIDTH - MATRIX_ROW_LABEL - 4 * MATRIX_SPACING) / 3
ROADMAP_COLUMN = 264.0
ROADMAP_HEADER = 20.0 + 6.0 + 3.0 + 10.0  # the horizon, its rule and the gap under it
ROADMAP_CARD = 16.0 + 8.0  # padding, then the gap to the next card

SECTION_TITLE = BODY.leading + 6

# Table columns (pt) of deck/slides/success.html and previous.html.
KPI_COLUMNS = (300.0, 388.0, 160.0)  # the recommendation (id and name), measure, horizon
TARGET_COLUMNS = (300.0, 130.0, 130.0, 288.0)
PREVIOUS_COLUMNS = (64.0, 400.0, 130.0, 134.0, 120.0)


# ----- priority matrix -----


def zone(impact: str, effort: str) -> str:
    """``first`` when the impact is rated above the effort, ``even`` when alike, else ``last``."""
    gain = LEVELS.index(impact) - LEVELS.index(effort)
    return "first" if gain > 0 else "even" if gain == 0 else "last"


def priorities(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The priority matrix; the headline counts the quick wins, else what repays its effort."""
    recommendations = context["recommendations"]
    if not recommendations:
        return []
    quick = [r for r in recommendations if (r["impact"], r["effort"]) == ("high", "low")]
    ahead = [r for r in recommendations if zone(r["impact"], r["effort"]) == "first"]
    total = words.fmt.integer(len(recommendations))
    if quick:
        headline = words.n_(
            "%(num)s of %(total)s recommendations is a quick win: high impact for low effort",
            "%(num)s of %(total)s recommendations are quick wins: high impact for low effort",
            len(quick),
            total=total,
        )
    elif ahead:
        headline = words.n_(
            "%(num)s of %(total)s recommendations promises more impact than it costs in effort",
            "%(num)s of %(total)s recommendations promise more impact than they cost in effort",
            len(ahead),
            total=total,
        )
    else:
        headline = words.n_(
            "None of the %(num)s recommendations is rated higher in impact than in effort",
            "None of the %(num)s recommendations is rated higher in impact than in effort",
            len(recommendations),
        )
    return slide_run("matrix", words._("Priorities"), headline, matrix_pages(recommendations))


def matrix_pages(recommendations: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Place every recommendation in its impact × effort cell, each once.

    When the grid does not fit the body, the entries are dealt over as few slides as fit,
    each showing the whole grid with every k-th entry of each cell, so the slides are
    equally full.
    """
    entries = {(impact, effort): [] for impact in LEVELS for effort in LEVELS}
    for r in recommendations:
        label = whole(r.get("short") or first_words(r["title"]))
        height = CELL.height(label, MATRIX_CELL - MATRIX_CELL_PAD, indent=chip_width(r["id"]))
        entries[(r["impact"], r["effort"])].append(
            {"id": r["id"], "label": label, "short": bool(r.get("short")), "height": height}
        )
    room = BODY_HEIGHT - MATRIX_HEADER - MATRIX_KEY
    for count in range(1, len(recommendations) + 1):
        pages = [
            _matrix_rows({cell: shown[index::count] for cell, shown in entries.items()})
            for index in range(count)
        ]
        if all(sum(row["height"] for row in rows) <= room for rows in pages) or count == len(
            recommendations
        ):
            break
    for rows in pages:
        spare = room - sum(row["height"] for row in rows)
        for row in rows:
            row["height"] += max(0.0, spare) / len(rows)
    return [{"rows": rows} for rows in pages]


LABEL_LENGTH = 32  # characters of a title a matrix entry without a short name shows
# Words a label never ends on (en, uk, lv): it names the action, not half a phrase.
DANGLING = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the")
    + ("to", "with", "в", "від", "для", "до", "з", "за", "і", "й", "на", "по", "та", "у", "що")
    + ("ar", "bez", "ka", "kā", "no", "par", "pie", "pēc", "uz", "un", "vai")
)


def first_words(title: str) -> str:
    """The opening words of ``title`` as a name for the matrix: at least three words, more
    while they keep within ``LABEL_LENGTH`` characters, never ending on a joining word."""
    words = title.rstrip(" .").split()
    label = words[:3]
    for word in words[3:]:
        if len(" ".join([*label, word])) > LABEL_LENGTH:
            break
        label.append(word)
    while len(label) > 1 and label[-1].casefold().strip(",;:") in DANGLING:
        label.pop()
    return " ".join(label).rstrip(",;:–-")


def _matrix_rows(entries: Mapping[tuple[str, str], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    rows = []
    for impact in reversed(LEVELS):
        cells = []
        needed = MATRIX_MIN_ROW
        for effort in LEVELS:
            shown = entries[(impact, effort)]
            quick = (impact, effort) == ("high", "low")
            height = MATRIX_CELL_PAD + (CELL_LABEL if quick else 0.0)
            height += sum(e["height"] + ENTRY_GAP for e in shown)
            needed = max(needed, height + MATRIX_SPACING)
            cells.append(
                {
                    "effort": effort,
                    "zone": zone(impact, effort),
                    "quick": quick,
                    "entries": [{k: e[k] for k in ("id", "label", "short")} for e in shown],
                }
            )
        rows.append({"impact": impact, "cells": cells, "height": needed})
    return rows


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
        name = whole(r.get("short") or r["title"])  # never the id alone
        horizon = words.n_("Within %(num)s day", "Within %(num)s days", r["horizon"])
        height = row_height(
            (name, KPI_COLUMNS[0] - chip_width(r["id"])),
            (kpi, KPI_COLUMNS[1]),
            (horizon, KPI_COLUMNS[2]),
        )
        row = {"id": r["id"], "name": name, "kpi": kpi, "horizon": horizon, "height": height}
        entries.append(("kpis", row))
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


def _used(rows: Sequence[Mapping[str, Any]]) -> float:
    return TABLE_HEADER + sum(row["height"] for row in rows)


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
        {"rows": page, "row_padding": CELL_PADDING_Y / 2 + spread(_used(page), len(page))}
        for page in paginate(rows, lambda r: r["height"], BODY_HEIGHT - TABLE_HEADER)
    ]
    done = sum(1 for r in previous if r["status"] == "done")
    headline = words._(
        "Earlier recommendations: %(num)s of %(total)s done",
        num=words.fmt.integer(done),
        total=words.fmt.integer(len(previous)),
    )
    return slide_run("previous", words._("Earlier recommendations"), headline, pages)
