"""The report's view of the document context: what each section shows, prepared in Python.

Every number the report prints is chosen here, put in its display unit and paired with its
interval, test and target; the templates only format and lay it out. A section without data
is left out of ``report.sections``, so it is never printed empty. The survey sections
(segments, comments, research, appendix) are prepared in ``tables``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.charts import Bar, MoodPoint, QuadrantPoint, SeriesPoint, StackedRow
from generator.render.kpis import improvement
from generator.render.report.tables import (
    appendix,
    crossed_segments,
    qualitative,
    segment_tables,
    voice_of_customer,
)

SECTIONS = (
    "summary",
    "trends",
    "drivers",
    "segments",
    "voice",
    "qualitative",
    "relationship",
    "findings",
    "recommendations",
    "methodology",
    "appendix",
)
TREND_METRICS = ("nps", "csat", "ces", "overall")
LEVELS = {"low": 1, "medium": 2, "high": 3}


NO_SURVEY = {
    "id": None,
    "name": "",
    "metrics": {
        "respondents": 0,
        "nps": None,
        "csat": None,
        "ces": None,
        "overall": None,
        "items": {},
    },
    "segments": [],
    "change": None,
    "drivers": None,
    "themes": None,
    "choices": {},
    "targets": [],
}
"""The wave of a usability study without a survey: every survey section has nothing to show."""


def report_context(context: dict[str, Any]) -> dict[str, Any]:
    """Return the document context with what the report's sections need added."""
    wave = context["wave"] or usability_wave(context)
    labels = context["labels"]
    waves = context["waves"]
    drivers = drivers_view(wave, labels["items"])
    report: dict[str, Any] = {
        "tiles": summary_tiles(context["kpis"], context["usability"]),
        "trends": trend_charts(waves, context["targets"]),
        "not_comparable": not_comparable(waves),
        "nps_mix": nps_mix(waves),
        "by_wave": scores_by_wave(waves),
        "previous_wave": _previous_wave_name(wave, labels["waves"]),
        "items": item_rows(wave, labels["items"], drivers),
        "drivers": drivers,
        "segments": segment_tables(wave, labels),
        "crossed": crossed_segments(wave, labels),
        "voice": voice_of_customer(wave),
        "qualitative": qualitative(context["focus_groups"], context["usability"]),
        "relationship": relationship_view(context),
        "risks": sorted_risks(context["risks"]),
        "findings": finding_views(context),
        "appendix": appendix(context),
    }
    report["finding_ids"] = [f["id"] for f in report["findings"]]
    report["sections"] = visible_sections(context, report)
    report["numbers"] = {sid: f"{i:02d}" for i, sid in enumerate(report["sections"], start=1)}
    return {**context, "wave": wave, "report": report}


def usability_wave(context: dict[str, Any]) -> dict[str, Any]:
    """The cover's and contents' wave for a study without a survey: its latest usability
    test, with its participants as the responses."""
    tests = sorted(context["analysis"]["usability"], key=lambda t: str(t["date"]))
    latest = tests[-1] if tests else {}
    sus = latest.get("sus") or {}
    participants = sus.get("n", 0) if "n" in sus else 0
    return {
        **NO_SURVEY,
        "name": latest.get("title", ""),
        "fielded_start": latest.get("date"),
        "fielded_end": latest.get("date"),
        "response_rate": {"value": None, "responses": participants, "invited": None},
    }


def visible_sections(context: Mapping[str, Any], report: Mapping[str, Any]) -> list[str]:
    """Return the sections that have something to show, in reading order."""
    relationship = report["relationship"]
    has = {
        "summary": True,
        "trends": bool(report["trends"]),
        "drivers": bool(report["items"]["rows"]) or report["drivers"] is not None,
        "segments": bool(report["segments"]),
        "voice": report["voice"] is not None,
        "qualitative": bool(
            report["qualitative"]["focus_groups"] or report["qualitative"]["tests"]
        ),
        "relationship": relationship is not None or bool(report["risks"]),
        "findings": bool(report["findings"]),
        "recommendations": bool(
            context["recommendations"]
            or context["previous_recommendations"]
            or context["next_steps_text"]
        ),
        "methodology": True,
        "appendix": any(not table["left_out"] for table in report["crossed"]),
    }
    return [section for section in SECTIONS if has[section]]


# ---------- Executive summary ----------


def summary_tiles(
    kpis: Sequence[Mapping[str, Any]], usability: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Return the headline tiles with their change's tone and the target in value units."""
    percentiles = {u["title"]: (u.get("sus") or {}).get("percentile") for u in usability}
    tiles = []
    for kpi in kpis:
        tile = dict(kpi)
        if kpi["metric"] == "sus":
            tile["percentile"] = percentiles.get(kpi["test"])
        change = kpi["change"]
        if change:
            lower = bool(kpi.get("lower_is_better"))
            tile["change"] = {**change, "tone": tone(change["verdict"], lower)}
        target = kpi["target"]
        tile["target"] = (
            {**target, "target": _value_units(kpi["metric"], target["target"])} if target else None
        )
        tiles.append(tile)
    return tiles


def tone(verdict: str | None, lower_is_better: bool = False) -> str:
    """Return "positive", "negative" or "neutral" for a change's verdict."""
    better = improvement(verdict, lower_is_better)
    return "neutral" if better is None else ("positive" if better else "negative")


def _value_units(metric: str, target: float) -> float:
    # Targets of CSAT are written in percent; the tile shows CSAT as a share.
    return target / 100 if metric == "csat" else target


def _previous_wave_name(wave: Mapping[str, Any], names: Mapping[str, str]) -> str | None:
    change = wave.get("change")
    return names.get(change["previous_wave"]) if change else None


# ---------- Scores over time ----------


def shown(result: Any) -> bool:
    """Whether a metric result exists and is not suppressed."""
    return isinstance(result, Mapping) and not result.get("suppressed") and "value" in result


def scale_key(result: Mapping[str, Any]) -> tuple:
    """The scale a result was measured on: its scored points and direction."""
    points = tuple(d["point"] for d in result.get("distribution") or ())
    return points, bool(result.get("lower_is_better"))


def trend_charts(
    waves: Sequence[Mapping[str, Any]], targets: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Return one series per headline metric with at least two comparable waves."""
    if len(waves) < 2:
        return []
    charts = []
    for metric in TREND_METRICS:
        current = waves[-1]["metrics"].get(metric)
        if not shown(current):
            continue
        factor = 100.0 if metric == "csat" else 1.0
        points = []
        for wave in waves:
            result = wave["metrics"].get(metric)
            comparable = shown(result) and scale_key(result) == scale_key(current)
            points.append(_point(wave["name"], result if comparable else None, factor))
        if sum(p.value is not None for p in points) < 2:
            continue
        target = targets.get(metric) if metric != "overall" else None
        scored = [d["point"] for d in current.get("distribution") or ()]
        charts.append(
            {
                "metric": metric,
                "points": points,
                "target": target,
                "scale": _axis(metric, points, target, scored),
                "decimals": 0 if metric in ("nps", "csat") else 1,
                "signed": metric == "nps",
                "scale_points": (scored[0], scored[-1]) if scored else None,
                "lower_is_better": bool(current.get("lower_is_better")),
            }
        )
    return charts


def not_comparable(waves: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return, per metric, the earlier waves that measured it on another scale."""
    if not waves:
        return []
    notes = []
    for metric in TREND_METRICS:
        current = waves[-1]["metrics"].get(metric)
        if not shown(current):
            continue
        earlier = [
            {"name": wave["name"], "scale": scale_key(result)[0], "lower": scale_key(result)[1]}
            for wave in waves[:-1]
            if shown(result := wave["metrics"].get(metric))
            and scale_key(result) != scale_key(current)
        ]
        if earlier:
            notes.append({"metric": metric, "waves": earlier})
    return notes


def _point(label: str, result: Mapping[str, Any] | None, factor: float) -> SeriesPoint:
    if result is None:
        return SeriesPoint(label, None)
    low, high = result.get("low"), result.get("high")
    return SeriesPoint(
        label,
        result["value"] * factor,
        low * factor if low is not None else None,
        high * factor if high is not None else None,
    )


def _axis(
    metric: str, points: Sequence[SeriesPoint], target: float | None, scored: Sequence[float]
) -> tuple[float, float]:
    """Pick a round axis range that holds every interval and the target."""
    values = [v for p in points for v in (p.value, p.low, p.high) if v is not None]
    if target is not None:
        values.append(target)
    if metric in ("nps", "csat"):
        floor, ceiling = (-100.0, 100.0) if metric == "nps" else (0.0, 100.0)
        low = max(floor, math.floor((min(values) - 4) / 10) * 10)
        high = min(ceiling, math.ceil((max(values) + 4) / 10) * 10)
    else:
        floor, ceiling = (scored[0], scored[-1]) if scored else (min(values), max(values))
        low = max(floor, math.floor((min(values) - 0.2) * 2) / 2)
        high = min(ceiling, math.ceil((max(values) + 0.2) * 2) / 2)
    return (low, high) if high > low else (low, low + 1)


def nps_mix(waves: Sequence[Mapping[str, Any]]) -> list[StackedRow]:
    """Return detractors, passives and promoters per wave that asked NPS."""
    rows = []
    for wave in waves:
        nps = wave["metrics"].get("nps")
        if shown(nps):
            counts = (nps["detractors"], nps["passives"], nps["promoters"])
            rows.append(StackedRow(wave["name"], counts))
    return rows


def scores_by_wave(waves: Sequence[Mapping[str, Any]], shown_waves: int = 4) -> dict[str, Any]:
    """Return the headline scores of the latest waves and the test of the latest change.

    A wave that measured a metric on another scale than the current wave shows no value
    for it (the trends section says why), so every row compares like with like.
    """
    if not waves:
        return {"waves": [], "rows": [], "tested": False}
    recent = list(waves[-shown_waves:])
    current = waves[-1]
    change = current.get("change") or {}
    rows = []
    for metric in TREND_METRICS:
        now = current["metrics"].get(metric)
        if not shown(now):
            continue
        values = []
        for wave in recent:
            result = wave["metrics"].get(metric)
            comparable = shown(result) and scale_key(result) == scale_key(now)
            values.append({"value": result["value"], "n": result["n"]} if comparable else None)
        tested = (change.get("metrics") or {}).get(metric)
        if tested and tested.get("suppressed"):
            tested = None
        if tested:
            tested = {**tested, "tone": tone(tested["verdict"], bool(now.get("lower_is_better")))}
        rows.append({"metric": metric, "values": values, "change": tested})
    return {"waves": [w["name"] for w in recent], "rows": rows, "tested": bool(change)}


# ---------- What drives satisfaction ----------


def item_rows(
    wave: Mapping[str, Any], labels: Mapping[str, str], drivers: Mapping[str, Any] | None
) -> dict[str, Any]:
    """Return the rated items, best first, with their change and a bar chart."""
    items = wave["metrics"].get("items") or {}
    changes = ((wave.get("change") or {}).get("metrics") or {}).get("items") or {}
    fix_first = {p["item"] for p in (drivers or {}).get("rows", []) if p["quadrant"] == "fix first"}
    rows, hidden = [], []
    for item, result in items.items():
        if not shown(result):
            if isinstance(result, Mapping) and result.get("suppressed"):
                hidden.append(labels.get(item, item))  # too few answers: said, never shown
            continue
        change = (changes.get(item) or {}).get("mean")
        if change and change.get("suppressed"):
            change = None
        rows.append(
            {
                "item": item,
                "label": labels.get(item, item),
                "result": result,
                "top_box": result["top_box"],
                "change": {**change, "tone": tone(change["verdict"])} if change else None,
                "highlight": item in fix_first
                or (not drivers and change is not None and change["verdict"] == "down"),
            }
        )
    rows.sort(key=lambda row: (-row["result"]["value"], row["label"]))
    scale = None
    if rows:
        scored = [d["point"] for d in rows[0]["result"].get("distribution") or ()]
        scale = (scored[0], scored[-1]) if scored else (1, 5)
    bars = [
        Bar(
            r["label"],
            r["result"]["value"],
            r["result"]["low"],
            r["result"]["high"],
            r["highlight"],
        )
        for r in rows
    ]
    return {
        "rows": rows,
        "bars": bars,
        "scale": scale,
        "by_drivers": drivers is not None,
        "hidden": hidden,
    }


def drivers_view(wave: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, Any] | None:
    """Return the key-driver quadrant and table, or None when there is nothing to rank."""
    analysis = wave.get("drivers")
    if not analysis:
        return None
    ranked = [
        d
        for d in analysis["drivers"]
        if d["importance"] is not None and d["performance"] is not None
    ]
    if len(ranked) < 2 or analysis["importance_median"] is None:
        return None
    factor = 100.0 if analysis["performance_measure"] == "top_box" else 1.0
    rows = [{**d, "label": labels.get(d["item"], d["item"])} for d in analysis["drivers"]]
    points = [
        QuadrantPoint(
            labels.get(d["item"], d["item"]),
            d["importance"],
            d["performance"] * factor,
            highlight=d["quadrant"] == "fix first",
        )
        for d in ranked
    ]
    importances = [d["importance"] for d in ranked]
    performances = [d["performance"] * factor for d in ranked]
    x_range = (
        max(-1.0, min(0.0, math.floor((min(importances) - 0.05) * 10) / 10)),
        min(1.0, math.ceil((max(importances) + 0.05) * 10) / 10),
    )
    if factor == 1.0:
        y_range = (
            math.floor((min(performances) - 0.25) * 2) / 2,
            math.ceil((max(performances) + 0.25) * 2) / 2,
        )
    else:
        y_range = (
            max(0.0, math.floor(min(performances) / 10 - 0.5) * 10),
            min(100.0, math.ceil(max(performances) / 10 + 0.5) * 10),
        )
    return {
        "target": analysis["target"],
        "measure": analysis["performance_measure"],
        "level": analysis["level"],
        "min_pairs": analysis["min_pairs"],
        "rows": rows,
        "points": points,
        "x_range": x_range,
        "y_range": y_range,
        "x_split": analysis["importance_median"],
        "y_split": analysis["performance_median"] * factor,
        "few_pairs": any(d["few_pairs"] for d in rows),
    }


# ---------- Relationship health ----------


def relationship_view(context: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the relationship's status, mood timeline, concerns, follow-ups and executives."""
    health = context["relationship"]
    if not health or not health.get("interactions"):
        return None
    moods = [
        MoodPoint(dt.date.fromisoformat(p["date"]), p["mood"], p["channel"])
        for p in health["timeline"]
    ]
    as_of = dt.date.fromisoformat(health["as_of"])
    start = min([context["engagement"]["period_start"], *(m.date for m in moods)])
    end = max([as_of, *(m.date for m in moods)])
    if end <= start:
        end = start + dt.timedelta(days=1)
    contacts = {c["id"]: c for c in context["client"]["contacts"]}
    stale = health["stale_after_days"]
    executives = [
        {
            **e,
            "name": contacts.get(e["contact"], {}).get("name", e["contact"]),
            "role": contacts.get(e["contact"], {}).get("role"),
            "stale": e["days_since"] is None or e["days_since"] > stale,
        }
        for e in health["executives"]
    ]
    channels = {k: v for k, v in health["contacts_by_channel"].items() if v}
    return {
        **health,
        "moods": moods,
        "start": start,
        "end": end,
        "executives": executives,
        "channels": channels,
        "concerns": [{**c, "stale": c["age_days"] > stale} for c in health["open_concerns"]],
        "overdue": [f for f in health["open_follow_ups"] if f["overdue"]],
        "upcoming": [f for f in health["open_follow_ups"] if not f["overdue"]],
    }


def sorted_risks(risks: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return the risks, most severe (likelihood × impact) first."""

    def severity(risk: Mapping[str, Any]) -> int:
        return LEVELS[risk["likelihood"]] * LEVELS[risk["impact"]]

    return [
        {**r, "severity": severity(r)} for r in sorted(risks, key=lambda r: (-severity(r), r["id"]))
    ]


# ---------- Findings ----------


def finding_views(context: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Return the findings with their evidence named in the reader's words."""
    labels = context["labels"]
    usability = {u["id"]: u["title"] for u in context["usability"]}
    groups = {g["id"]: g["title"] for g in context["focus_groups"]}
    contacts = {
        p["interaction"]: p
        for p in (context["relationship"] or {}).get("timeline", [])
        if p.get("interaction")
    }
    names = {
        "item": labels["items"],
        "segment": labels["segments"],
        "theme": labels["themes"],
        "wave": labels["waves"],
        "usability": usability,
        "focus_group": groups,
    }
    views = []
    for finding in context["findings"]:
        evidence = []
        for entry in finding["evidence"]:
            kind, _, ident = entry.partition(":")
            item: dict[str, Any] = {"kind": kind, "id": ident, "label": None, "date": None}
            if kind in names:
                item["label"] = names[kind].get(ident, ident)
            elif kind == "interaction" and ident in contacts:
                item["date"] = contacts[ident]["date"]
                item["channel"] = contacts[ident]["channel"]
            evidence.append(item)
        views.append({**finding, "evidence": evidence})
    return views
