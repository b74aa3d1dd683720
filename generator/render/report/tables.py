"""The report's survey tables: segments, comments, qualitative research and the appendix.

Part of the report's view (``generator.render.report``): plain values in, rows and cells out. A
group the analysis suppressed stays in the table as a hidden cell, never with a number or a
size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.render.charts import Bar

GROUPS_PER_TABLE = 6
# The heat table's room for group columns (A4 text width less the label and total columns)
# and the header's type: a header wraps between words, never inside one, so a column is at
# least as wide as the longest word of its group's name.
GROUP_COLUMNS_WIDTH_PT = (172 - 44 - 15) * 72 / 25.4
HEADER_SIZE_PT = 9.0
HEADER_PADDING_PT = 8.0
NPS_GROUPS = ("promoter", "passive", "detractor")
QUOTES_PER_THEME = 2
MAX_QUOTES = 8
MAX_QUOTE_LENGTH = 320
# Sauro & Lewis: the average task completion rate across published usability tests.
TASK_SUCCESS_BENCHMARK = 78.0


def _shown(result: Any) -> bool:
    return isinstance(result, Mapping) and not result.get("suppressed") and "value" in result


# ---------- Segments ----------


def segment_tables(wave: Mapping[str, Any], labels: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return a heat table per single segment: metrics as rows, groups as columns.

    A cell is marked ``above``/``below`` only when the group's interval lies wholly above or
    below the score of all respondents, so the shading shows differences that are not noise.
    """
    total = wave["metrics"]
    rows = _metric_rows(total, labels["items"])
    tables = []
    for entry in wave.get("segments") or ():
        if len(entry["segments"]) != 1 or not entry["groups"]:
            continue
        segment = entry["segments"][0]
        columns = [
            {
                "name": group["values"][0],
                "hidden": bool(group["result"].get("suppressed")),
                "result": group["result"],
                "versus": group.get("versus_rest") or {},
            }
            for group in entry["groups"]
        ]
        if all(column["hidden"] for column in columns):
            continue
        # A group hidden by the anonymity rule would be a column of dashes: it is left out,
        # and the table says which groups and why.
        left_out = [str(column["name"]) for column in columns if column["hidden"]]
        columns = [column for column in columns if not column["hidden"]]
        chunks = balanced_chunks(columns, groups_per_table(column["name"] for column in columns))
        tables.append(
            {
                "segment": segment,
                "label": labels["segments"].get(segment, segment),
                "parts": [_heat_table(rows, total, chunk) for chunk in chunks],
                "hidden": len(left_out),
                "left_out": left_out,
            }
        )
    return tables


def groups_per_table(names: Iterable[Any]) -> int:
    """Return how many group columns fit side by side with no header word broken."""
    from generator.render.charts.svg import text_width

    widest = max(
        (text_width(word, HEADER_SIZE_PT, bold=True) for n in names for word in str(n).split()),
        default=0.0,
    )
    fit = (
        int(GROUP_COLUMNS_WIDTH_PT // (widest + HEADER_PADDING_PT)) if widest else GROUPS_PER_TABLE
    )
    return max(1, min(GROUPS_PER_TABLE, fit))


def balanced_chunks(items: Sequence[Any], most: int) -> list[list[Any]]:
    """Split ``items`` into the fewest parts of at most ``most``, as even as possible."""
    parts = max(1, -(-len(items) // most))
    size = -(-len(items) // parts)
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _metric_rows(total: Mapping[str, Any], items: Mapping[str, str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"key": ("respondents",), "kind": "count", "metric": "respondents", "label": None}
    ]
    for metric, kind in (("nps", "nps"), ("csat", "share"), ("ces", "mean"), ("overall", "mean")):
        if _shown(total.get(metric)):
            rows.append({"key": (metric,), "kind": kind, "metric": metric, "label": None})
    for item, result in (total.get("items") or {}).items():
        if _shown(result):
            label = items.get(item, item)
            rows.append({"key": ("items", item), "kind": "mean", "metric": "item", "label": label})
    return rows


def _lookup(result: Any, key: tuple[str, ...]) -> Any:
    for part in key:
        if not isinstance(result, Mapping):
            return None
        result = result.get(part)
    return result


def _heat_table(rows, total, columns) -> dict[str, Any]:
    body = []
    for row in rows:
        overall = _lookup(total, row["key"])
        cells = [_cell(row, overall, column) for column in columns]
        body.append({**row, "total": _cell(row, overall, None), "cells": cells})
    return {"columns": columns, "rows": body}


def _cell(row, overall, column) -> dict[str, Any]:
    if row["kind"] == "count":
        value = overall if column is None else column["result"].get("respondents")
        hidden = column is not None and column["hidden"]
        return {"value": None if hidden else value, "hidden": hidden, "heat": None}
    if column is None:
        return {
            "value": overall["value"],
            "hidden": False,
            "heat": None,
            "n": overall.get("n"),
            "low": overall.get("low"),
            "high": overall.get("high"),
            "mark": None,
        }
    if column["hidden"]:
        return {"value": None, "hidden": True, "heat": None}
    result = _lookup(column["result"], row["key"])
    if result is None:
        return {"value": None, "hidden": False, "heat": None}
    if not _shown(result):
        return {"value": None, "hidden": True, "heat": None}
    heat = None
    if result.get("low") is not None and result["low"] > overall["value"]:
        heat = "above"
    elif result.get("high") is not None and result["high"] < overall["value"]:
        heat = "below"
    if heat and overall.get("lower_is_better"):
        heat = "below" if heat == "above" else "above"
    compared = (column.get("versus") or {}).get(row["metric"]) if len(row["key"]) == 1 else None
    mark = compared["verdict"] if compared and compared["verdict"] in ("higher", "lower") else None
    return {
        "value": result["value"],
        "hidden": False,
        "heat": heat,
        "n": result.get("n"),
        "low": result.get("low"),
        "high": result.get("high"),
        "mark": mark,
    }


def crossed_segments(wave: Mapping[str, Any], labels: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the headline scores of each combination of two segments.

    A combination the anonymity rule hides is left out of its table, which counts it
    (``hidden``) so one line can say how many and why. A table whose combinations are
    mostly hidden is left out whole (``left_out``): a page of dashes tells a reader nothing.
    """
    total = wave["metrics"]
    metrics = [m for m in ("nps", "csat", "ces") if _shown(total.get(m))]
    tables = []
    for entry in wave.get("segments") or ():
        if len(entry["segments"]) < 2 or not entry["groups"]:
            continue
        names = [labels["segments"].get(s, s) for s in entry["segments"]]
        shown = []
        for group in entry["groups"]:
            result = group["result"]
            if result.get("suppressed"):
                continue
            scores = {m: (result[m]["value"] if _shown(result.get(m)) else None) for m in metrics}
            spreads = {
                m: {key: result[m].get(key) for key in ("low", "high", "n")}
                for m in scores
                if scores[m] is not None
            }
            shown.append(
                {
                    "values": group["values"],
                    "respondents": result.get("respondents"),
                    "scores": scores,
                    "spreads": spreads,
                }
            )
        count = len(entry["groups"])
        tables.append(
            {
                "names": names,
                "metrics": metrics,
                "groups": shown,
                "total": count,
                "hidden": count - len(shown),
                "left_out": len(shown) * 2 <= count,
            }
        )
    return tables


# ---------- Voice of the customer ----------


def voice_of_customer(wave: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the comment themes (overall and by NPS group) and a choice of quotes."""
    themes = wave.get("themes")
    if not themes or not themes["overall"]["comments"]:
        return None
    overall = themes["overall"]
    by_nps = themes.get("by_nps") or {}
    groups = [(g, by_nps.get(g) or {"suppressed": True}) for g in NPS_GROUPS]
    with_comments = [s for _, s in groups if not s.get("suppressed") and s.get("comments")]
    show_groups = bool(with_comments)
    group_shares = {
        g: {t["theme"]: t["share"] for t in summary["themes"]}
        for g, summary in groups
        if not summary.get("suppressed")
    }
    rows = []
    for theme in sorted(overall["themes"], key=lambda t: (-t["count"], t["label"])):
        cells = []
        for group, summary in groups:
            hidden = bool(summary.get("suppressed"))
            share = None if hidden else group_shares[group].get(theme["theme"])
            cells.append({"group": group, "hidden": hidden, "share": share})
        rows.append({**theme, "groups": cells})
    return {
        "comments": overall["comments"],
        "coded": overall["coded"],
        "rows": rows,
        "show_groups": show_groups,
        "groups": [
            {
                "group": group,
                "hidden": bool(summary.get("suppressed")),
                "comments": summary.get("comments"),
            }
            for group, summary in groups
        ],
        "quotes": choose_quotes(overall["themes"], groups, _quote_room(len(rows))),
        "max_share": max((t["share"] or 0 for t in overall["themes"]), default=0) or 1,
    }


def _quote_room(themes: int) -> int:
    # A long theme table leaves room for three rows of quote cards on the section's page.
    return MAX_QUOTES if themes <= 5 else MAX_QUOTES - 2


def choose_quotes(themes, groups, limit: int = MAX_QUOTES) -> list[dict[str, Any]]:
    """Pick up to two unrepeated quotes per theme, most mentioned themes first."""
    said_by: dict[str, str] = {}
    for group, summary in groups:
        if summary.get("suppressed"):
            continue
        for theme in summary.get("themes") or ():
            for quote in theme["quotes"]:
                said_by.setdefault(quote, group)
    chosen: list[dict[str, Any]] = []
    used: set[str] = set()
    for theme in sorted(themes, key=lambda t: (-t["count"], t["label"])):
        picked = 0
        for quote in theme["quotes"]:
            if quote in used or picked == QUOTES_PER_THEME or len(chosen) == limit:
                continue
            used.add(quote)
            picked += 1
            chosen.append(
                {"text": shorten(quote), "theme": theme["label"], "group": said_by.get(quote)}
            )
    return chosen


def shorten(text: str, limit: int = MAX_QUOTE_LENGTH) -> str:
    """Cut a long comment at a word boundary, so one verbatim cannot fill a page."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


# ---------- Qualitative research ----------


def qualitative(
    focus_groups: Sequence[Mapping[str, Any]], usability: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Return the focus groups as written and each usability test with its task chart."""
    tests = []
    for test in usability:
        tasks = test.get("tasks") or []
        bars = [
            Bar(
                task["title"],
                task["success"]["value"] * 100,
                task["success"]["low"] * 100 if task["success"]["low"] is not None else None,
                task["success"]["high"] * 100 if task["success"]["high"] is not None else None,
                highlight=task["success"]["value"] * 100 < TASK_SUCCESS_BENCHMARK,
            )
            for task in tasks
            if task["success"]["value"] is not None
        ]
        sus = test.get("sus")
        if not bars and not _shown(sus):
            continue
        tests.append(
            {
                **test,
                "sus": sus if _shown(sus) else None,
                "bars": bars,
                "benchmark": TASK_SUCCESS_BENCHMARK,
            }
        )
    return {"focus_groups": list(focus_groups), "tests": tests}


# ---------- Methodology and appendix ----------


def appendix(context: Mapping[str, Any]) -> dict[str, Any]:
    """Return each wave's fieldwork, response rate, margins of error and data files."""
    files = context["data_files"]
    waves = []
    for wave in context["waves"]:
        metrics = wave["metrics"]
        margins = {}
        for metric in ("nps", "csat", "ces"):
            result = metrics.get(metric)
            if _shown(result) and result.get("low") is not None:
                half = (result["high"] - result["low"]) / 2
                margins[metric] = half * 100 if metric == "csat" else half
        waves.append(
            {
                **wave,
                "margins": margins,
                "files": [f for f in files if f["wave"] == wave["id"]],
            }
        )
    tests = {u["id"]: u["title"] for u in context["usability"]}
    research_files = [{**f, "test": tests[f["wave"]]} for f in files if f["wave"] in tests]
    asked = [
        m
        for m in ("nps", "csat", "ces", "overall")
        if any(_shown(w["metrics"].get(m)) for w in waves)
    ]
    current = context["wave"]["metrics"] if context["wave"] else {}
    return {
        "waves": waves,
        "research_files": research_files,
        "files": files,
        "metrics": asked,
        "csat": _scale_of(current.get("csat")),
        "ces": _scale_of(current.get("ces")),
        "items": any(_shown(r) for r in (current.get("items") or {}).values()),
    }


def _scale_of(result: Any) -> dict[str, Any] | None:
    """Return the scale a result was measured on, for the metric definitions."""
    if not _shown(result) or not result.get("distribution"):
        return None
    points = [d["point"] for d in result["distribution"]]
    return {
        "low": points[0],
        "high": points[-1],
        "top_box_from": result.get("top_box_from"),
        "share_points": result.get("share_points"),
        "lower_is_better": bool(result.get("lower_is_better")),
    }
