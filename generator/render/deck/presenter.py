"""The numbers a presenter needs at hand, added to the speaker notes of every slide that shows
numbers: each measure with its n and interval, each change with its test and p-value (which the
slides leave to the report), each recommendation's impact and effort.

They go under the consultant's own notes, so that the handout pairs the talk track with the
evidence behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator.render.deck.layout import Slide
from generator.render.deck.words import Words
from generator.render.vocabulary import SHARE_METRICS, shown_change


def add_presenter_numbers(
    slides: Sequence[Slide], context: Mapping[str, Any], words: Words
) -> None:
    """Append a "Numbers at hand" note to each slide whose kind has numbers to give."""
    makers: dict[str, Callable[[Slide], list[str]]] = {
        "kpis": lambda slide: [_kpi(t, context, words) for t in context["kpis"]],
        "summary": lambda slide: [_kpi(t, context, words) for t in context["kpis"]],
        "changes": lambda slide: [_change(row) for row in slide.data["rows"]],
        "finding": lambda slide: [
            f"{fact['label']}: {fact['text']}" + (f" ({fact['test']})" if fact.get("test") else "")
            for fact in slide.data.get("facts") or []
        ],
        "themes": lambda slide: [
            f"{row['label']}: {row['count']} ({row['share']})" for row in slide.data["rows"]
        ],
        "matrix": lambda slide: [_priority(r, words) for r in context["recommendations"]],
        "success": lambda slide: [
            f"{row['metric']}: {row['current']} · {row['status']}" for row in slide.data["targets"]
        ],
    }
    for slide in slides:
        make = makers.get(slide.kind)
        lines = make(slide) if make and slide.part == 1 else []
        if lines:
            text = "\n".join(f"- {line}" for line in lines if line)
            slide.notes.append(
                {"kind": "numbers", "label": words._("Numbers at hand"), "text": text}
            )


def _kpi(tile: Mapping[str, Any], context: Mapping[str, Any], words: Words) -> str:
    metric, fmt = tile["metric"], words.fmt
    name = words.metric_name(metric)
    if metric == "responses":
        return f"{name}: {fmt.integer(tile['value'])}"
    text = f"{name}: {words.value(metric, tile['value'])}"
    if tile.get("low") is not None and tile.get("high") is not None:
        level = fmt.integer(context["settings"]["confidence_level"] * 100)
        text += " · " + words._(
            "%(level)s%% interval: %(low)s to %(high)s",
            level=level,
            low=words.value(metric, tile["low"]),
            high=words.value(metric, tile["high"]),
        )
    text += " · " + words._("n = %(n)s", n=fmt.integer(tile["n"]))
    change = tile.get("change")
    if change:
        # The difference of the two values as every document prints them.
        shown = shown_change(metric, change)
        scale = 100 if metric in SHARE_METRICS else 1
        text += " · " + words._(
            "%(change)s since the last wave",
            change=words.difference(metric, shown.difference / scale, shown.decimals),
        )
        text += f" · {words.verdict(change)}"
    return text


def _change(row: Mapping[str, Any]) -> str:
    figures = f"{row['label']}: {row['previous']} → {row['current']} ({row['difference']})"
    return f"{figures} · {row['verdict']}" + (f", {row['p']}" if row.get("p") else "")


def _priority(recommendation: Mapping[str, Any], words: Words) -> str:
    # The matrix's own row and column names.
    impacts = {
        "low": words._("Low impact"),
        "medium": words._("Medium impact"),
        "high": words._("High impact"),
    }
    efforts = {
        "low": words._("Low effort"),
        "medium": words._("Medium effort"),
        "high": words._("High effort"),
    }
    impact, effort = impacts[recommendation["impact"]], efforts[recommendation["effort"]]
    name = recommendation.get("short") or recommendation["title"]
    return f"{recommendation['id']} {name}: {impact} · {effort}"
