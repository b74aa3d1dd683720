"""The evidence under a finding's headline, chosen from its ``kind:id`` references.

The first reference that can be drawn becomes the slide's chart (item bars with the finding's
items highlighted, a segment's groups, a metric over the waves, a usability test's tasks);
every reference that carries a number becomes a one-line fact with its change and whether
that change is significant; themes and focus groups give the quotes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.render.charts import (
    Bar,
    ChartStyle,
    Dumbbell,
    SeriesPoint,
    bar_chart,
    dumbbell_chart,
)
from generator.render.deck.words import NBSP, Words
from generator.render.kpis import SIGNIFICANT

MAX_BARS = 7
# What a chart that cannot show every bar says about the rest (chart["more"] counts them).
MORE_ITEMS = ("%(num)s more item in the report", "%(num)s more items in the report")
MORE_GROUPS = ("%(num)s more group in the report", "%(num)s more groups in the report")
MORE_TASKS = ("%(num)s more task in the report", "%(num)s more tasks in the report")
SERIES_HEIGHT = 290.0  # pt: a series on a slide is at most this tall


@dataclass
class Evidence:
    chart: dict[str, Any] | None = None
    facts: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


def finding_evidence(
    finding: Mapping[str, Any],
    context: Mapping[str, Any],
    words: Words,
    shown_charts: set[tuple] | None = None,
) -> Evidence:
    """Return the chart, facts and quotes that support ``finding``.

    ``shown_charts`` holds what earlier slides' charts drew: a chart is never drawn twice,
    the finding takes the next chart that shows its claim instead."""
    evidence = Evidence()
    refs = [tuple(ref.partition(":")[::2]) for ref in finding.get("evidence") or []]
    evidence.chart = _choose(
        refs, context, words, shown_charts if shown_charts is not None else set()
    )
    for kind, ident in refs:
        fact = _fact(kind, ident, context, words)
        if fact is not None:
            evidence.facts.append(fact)
        evidence.quotes.extend(q for q in _quotes(kind, ident, context) if q not in evidence.quotes)
    return evidence


# ----- charts -----


def _choose(refs: Sequence[tuple[str, str]], context, words: Words, shown: set[tuple]):
    """The first chart that shows the finding's claim and no earlier slide drew."""
    first = None
    for chart in _candidates(refs, context, words):
        if chart is None:
            continue
        first = first or chart
        if _signature(chart) not in shown:
            shown.add(_signature(chart))
            return chart
    return first


def _signature(chart: Mapping[str, Any]) -> tuple:
    """What a chart draws: its kind and its bars, rows or points. The highlight is left out:
    the same bars with another one coloured are the same chart."""
    marks = chart.get("bars") or chart.get("rows") or chart.get("points") or []
    drawn = [{k: v for k, v in vars(mark).items() if k != "highlight"} for mark in marks]
    return (chart["kind"], chart["title"], repr(drawn))


def _candidates(refs: Sequence[tuple[str, str]], context, words: Words):
    """The charts for a finding's references, the one that shows its claim first.

    An item with a segment is drawn by group (the lagging groups highlighted). A finding
    about an item that changed significantly shows both waves of every item; about several
    items, both waves of those items; about the best or the worst item, every item's bar;
    else its item over the waves.
    """
    items = [i for k, i in refs if k == "item"]
    segment = next((i for k, i in refs if k == "segment"), None)
    for kind, ident in refs:
        if kind in ("item", "segment") and items and segment:
            yield segment_bars(segment, items[0], context, words)
            yield item_bars(items, context, words)
        elif kind == "item":
            if _changed(items[0], context):
                yield item_dumbbells(items, context, words)
            if len(items) > 1:
                yield item_dumbbells(items, context, words, only_own=True)
            elif _extreme(items[0], context):
                yield item_bars(items, context, words)
            yield item_series(items[0], context, words)
            yield item_dumbbells(items, context, words)
            yield item_bars(items, context, words)
        elif kind == "segment":
            yield segment_bars(ident, None, context, words)
        elif kind == "metric" and ident in ("nps", "csat", "ces"):
            yield metric_series(ident, context, words)
        elif kind == "usability":
            yield task_bars(ident, context, words)


def _changed(item: str, context) -> bool:
    changes = ((context["wave"].get("change") or {}).get("metrics") or {}).get("items") or {}
    mean = (changes.get(item) or {}).get("mean") or {}
    return mean.get("verdict") in SIGNIFICANT and not mean.get("suppressed")


def _extreme(item: str, context) -> bool:
    """Whether ``item`` scores best or worst of the wave's items."""
    results = context["wave"]["metrics"].get("items") or {}
    values = {i: r["value"] for i, r in results.items() if _usable(r)}
    if item not in values or len(values) < 3:
        return False
    return values[item] in (max(values.values()), min(values.values()))


def item_series(item: str, context, words: Words) -> dict[str, Any] | None:
    """One item's mean over the waves, with its interval: how it moved, and by how much
    more than chance. None with fewer than two waves of it. The figure is its last change."""
    points = []
    for wave in context["waves"]:
        result = (wave["metrics"].get("items") or {}).get(item)
        if _usable(result):
            points.append(
                SeriesPoint(wave["name"], result["value"], result.get("low"), result.get("high"))
            )
        else:
            points.append(SeriesPoint(wave["name"], None))
    values = [p for p in points if p.value is not None]
    if len(values) < 2:
        return None
    label = context["labels"]["items"].get(item, item)
    before, after = values[-2].value, values[-1].value
    figure = f"{words.fmt.number(before, 1)}{NBSP}→{NBSP}{words.fmt.number(after, 1)}"
    return {
        "kind": "series",
        "points": points,
        "scale": _padded_range(points, 1, 5, step=1),
        "target": None,
        "decimals": 1,
        "signed": False,
        "title": label,
        "caption": words._("%(metric)s by wave, with its confidence interval", metric=label),
        "figure": figure,
    }


def item_bars(highlight: Sequence[str], context, words: Words) -> dict[str, Any] | None:
    """All items of the current wave, best first, the finding's own in the accent colour."""
    results = context["wave"]["metrics"].get("items") or {}
    shown = [(i, r) for i, r in results.items() if r and not r.get("suppressed")]
    if not shown:
        return None
    shown.sort(key=lambda pair: -pair[1]["value"])
    total = len(shown)
    shown = keep_telling(shown, lambda pair: pair[0] in highlight, MAX_BARS)
    labels = context["labels"]["items"]
    bars = [
        Bar(labels.get(i, i), r["value"], r.get("low"), r.get("high"), highlight=i in highlight)
        for i, r in shown
    ]
    points = [d["point"] for d in shown[0][1].get("distribution") or []]
    scale = (min(points), max(points)) if points else (1, 5)
    return {
        "kind": "bars",
        "bars": bars,
        "scale": scale,
        "target": None,
        "decimals": 1,
        "title": words._("Scores by item"),
        "caption": words._(
            "Mean score on a %(low)s–%(high)s scale, with its confidence interval",
            low=words.fmt.integer(scale[0]),
            high=words.fmt.integer(scale[1]),
        ),
        "more": total - len(bars),
        "more_messages": MORE_ITEMS,
    }


def item_dumbbells(
    highlight: Sequence[str], context, words: Words, only_own: bool = False
) -> dict[str, Any] | None:
    """Every item asked in both waves, last wave and this one, the finding's highlighted:
    a finding about a change shows the change. None without a change of its own item.

    ``only_own`` draws the finding's items alone, compared with each other; the figure is
    then their levels ("4.0 against 3.7")."""
    previous = context.get("previous_wave")
    changes = ((context["wave"].get("change") or {}).get("metrics") or {}).get("items") or {}
    results = context["wave"]["metrics"].get("items") or {}

    def mean_change(item: str) -> dict[str, Any] | None:
        change = changes.get(item) or {}
        mean = None if change.get("suppressed") else change.get("mean")
        usable = mean and mean.get("previous") is not None and _usable(results.get(item))
        return mean if usable else None

    if previous is None or not any(mean_change(i) for i in highlight):
        return None
    shown = [(i, mean_change(i)) for i in results if mean_change(i)]
    if only_own:
        shown = [(i, c) for i, c in shown if i in highlight]
        if len(shown) < 2:
            return None
    shown.sort(key=lambda pair: -pair[1]["current"])
    total = len(shown)
    shown = keep_telling(shown, lambda pair: pair[0] in highlight, MAX_BARS)
    labels = context["labels"]["items"]
    rows = [
        Dumbbell(
            labels.get(i, i),
            change["previous"],
            change["current"],
            results[i].get("low"),
            results[i].get("high"),
            highlight=i in highlight,
        )
        for i, change in shown
    ]
    points = [d["point"] for d in results[shown[0][0]].get("distribution") or []]
    full = (min(points), max(points)) if points else (1, 5)
    # Dots need no baseline: the axis spans the values and intervals, on whole points.
    spans = [
        SeriesPoint("", v)
        for row in rows
        for v in (row.before, row.after, row.low, row.high)
        if v is not None
    ]
    scale = _padded_range(spans, full[0], full[1], step=1)
    figure = None
    if only_own:
        own = [results[i]["value"] for i in highlight if any(i == j for j, _ in shown)]
        figure = words._(
            "%(one)s against %(other)s",
            one=words.fmt.number(own[0], 1),
            other=words.names([words.fmt.number(v, 1) for v in own[1:]]),
        )
    return {
        "figure": figure,
        "kind": "dumbbell",
        "rows": rows,
        "scale": scale,
        "decimals": 1,
        "before": previous["name"],
        "after": context["wave"]["name"],
        "title": words._("Scores by item"),
        "caption": words._(
            "Mean score on a %(low)s–%(high)s scale, %(before)s and %(after)s, "
            "with this wave's confidence interval",
            low=words.fmt.integer(full[0]),
            high=words.fmt.integer(full[1]),
            before=previous["name"],
            after=context["wave"]["name"],
        ),
        "more": total - len(rows),
        "more_messages": MORE_ITEMS,
    }


def keep_telling(entries: Sequence[Any], own: Any, limit: int) -> list[Any]:
    """Keep at most ``limit`` of ``entries`` (in their order): the ones ``own`` picks, the
    first and the last (the best and the worst), then the others from both ends inwards.

    A chart never loses the bars its finding is about, nor the extremes that give them
    their place."""
    if len(entries) <= limit:
        return list(entries)
    keep = {index for index, entry in enumerate(entries) if own(entry)}
    order = [0, len(entries) - 1]
    for step in range(1, len(entries)):
        order += [step, len(entries) - 1 - step]
    for index in order:
        if len(keep) >= max(limit, 2):
            break
        keep.add(index)
    return [entry for index, entry in enumerate(entries) if index in keep]


def segment_bars(segment: str, item: str | None, context, words: Words) -> dict[str, Any] | None:
    """The groups of one segment on an item (else NPS, CSAT, overall); hidden groups counted."""
    entry = next(
        (s for s in context["wave"].get("segments") or [] if list(s["segments"]) == [segment]),
        None,
    )
    if entry is None:
        return None
    shown = [g for g in entry["groups"] if not g["result"].get("suppressed")]
    hidden = len(entry["groups"]) - len(shown)  # below the anonymity threshold
    candidates = [f"item:{item}"] if item else []
    candidates += ["nps", "csat", "overall"]

    def answered(measure: str) -> list[dict[str, Any]]:
        # A group the question was not asked of (or too few answered) is simply not drawn.
        return [g for g in shown if _usable(_measure(g["result"], measure))]

    # A comparison needs two groups at least.
    measure = next((m for m in candidates if len(answered(m)) >= 2), None)
    if measure is None:
        return None
    shown = answered(measure)
    answered_count = len(shown)
    shown.sort(key=lambda g: -_measure(g["result"], measure)["value"])
    shown = keep_telling(shown, lambda g: False, MAX_BARS)
    factor = 100.0 if measure == "csat" else 1.0
    lagging = _lagging(shown, measure, context)
    bars = []
    for group in shown:
        result = _measure(group["result"], measure)
        bars.append(
            Bar(
                " × ".join(str(v) for v in group["values"]),
                result["value"] * factor,
                _scaled(result.get("low"), factor),
                _scaled(result.get("high"), factor),
                highlight=any(group is g for g in lagging),
            )
        )
    if measure == "nps":
        scale = _padded_range(bars, -100, 100, step=20)
    elif measure == "csat":
        scale = (0.0, 100.0)
    else:
        points = [
            d["point"] for d in _measure(shown[0]["result"], measure).get("distribution") or []
        ]
        scale = (min(points), max(points)) if points else (1, 5)
    if measure.startswith("item:"):
        name = context["labels"]["items"].get(item, item)
    else:
        name = words.metric_name(measure)
    caption = words._("Each group with its confidence interval")
    if hidden:
        caption += " · " + words.n_(
            "%(num)s group hidden to protect anonymity",
            "%(num)s groups hidden to protect anonymity",
            hidden,
        )
    figure = None
    overall = _measure(context["wave"]["metrics"], measure)
    # The figure is the lagging groups against the whole, when the groups are drawn on the
    # finding's own item (a finding about the item's change keeps its change).
    if (
        item
        and measure == f"item:{item}"
        and lagging
        and _usable(overall)
        and len(lagging) < len(shown)
    ):
        metric = "item" if measure.startswith("item:") else measure
        figure = words._(
            "%(one)s against %(other)s",
            one=words.names(
                [words.value(metric, _measure(g["result"], measure)["value"]) for g in lagging]
            ),
            other=words.value(metric, overall["value"]),
        )
    return {
        "figure": figure,
        "kind": "bars",
        "bars": bars,
        "scale": scale,
        "target": (context.get("targets") or {}).get(measure),
        "decimals": 0 if measure in ("nps", "csat") else 1,
        "title": f"{name} · {context['labels']['segments'].get(segment, segment)}",
        "caption": caption,
        "more": answered_count - len(bars),
        "more_messages": MORE_GROUPS,
    }


def _lagging(groups: Sequence[Mapping[str, Any]], measure: str, context) -> list[Any]:
    """The groups a finding about a segment is about: those whose whole interval lies below
    the wave's overall result, else the lowest group alone."""
    overall = _measure(context["wave"]["metrics"], measure)
    behind = [
        g
        for g in groups
        if _usable(overall)
        and _measure(g["result"], measure).get("high") is not None
        and _measure(g["result"], measure)["high"] < overall["value"]
    ]
    if behind:
        return behind
    lowest = min(groups, key=lambda g: _measure(g["result"], measure)["value"])
    return [lowest]


def _measure(result: Mapping[str, Any], measure: str) -> Any:
    if measure.startswith("item:"):
        return (result.get("items") or {}).get(measure[5:])
    return result.get(measure)


def metric_series(metric: str, context, words: Words) -> dict[str, Any] | None:
    """A metric over the waves, with its interval band and target; None for a single wave."""
    factor = 100.0 if metric == "csat" else 1.0
    points = []
    for wave in context["waves"]:
        result = wave["metrics"].get(metric)
        if _usable(result):
            points.append(
                SeriesPoint(
                    wave["name"],
                    result["value"] * factor,
                    _scaled(result.get("low"), factor),
                    _scaled(result.get("high"), factor),
                )
            )
        else:
            points.append(SeriesPoint(wave["name"], None))
    if sum(p.value is not None for p in points) < 2:
        return None
    target = (context.get("targets") or {}).get(metric)
    if metric == "nps":
        scale = _padded_range(points, -100, 100, step=20, target=target)
    elif metric == "csat":
        scale = _padded_range(points, 0, 100, step=20, target=target)
    else:
        scale = _padded_range(points, 1, 7, step=1, target=target)
    return {
        "kind": "series",
        "points": points,
        "scale": scale,
        "target": target,
        "decimals": 0 if metric in ("nps", "csat") else 1,
        "signed": metric == "nps",
        "title": words.metric_name(metric),
        "caption": words._(
            "%(metric)s by wave, with its confidence interval", metric=words.metric_name(metric)
        ),
    }


def task_bars(test_id: str, context, words: Words) -> dict[str, Any] | None:
    """Task success of a usability test, in percent, with intervals."""
    test = next((u for u in context.get("usability") or [] if u["id"] == test_id), None)
    if test is None or not test.get("tasks"):
        return None
    bars = [
        Bar(
            t["title"],
            t["success"]["value"] * 100,
            _scaled(t["success"].get("low"), 100),
            _scaled(t["success"].get("high"), 100),
        )
        for t in test["tasks"][:MAX_BARS]
    ]
    more = len(test["tasks"]) - len(bars)
    tried = [t["success"].get("n") or 0 for t in test["tasks"]]
    participants = (test.get("sus") or {}).get("n") or max(tried, default=0)
    return {
        "kind": "bars",
        "bars": bars,
        "scale": (0.0, 100.0),
        "target": None,
        "decimals": 0,
        "title": test["title"],
        "caption": words._("Task success, %%, with its confidence interval"),
        "more": more,
        "more_messages": MORE_TASKS,
        "usability": {"title": test["title"], "participants": participants, "date": test["date"]},
    }


def measure_chart(chart: Mapping[str, Any], width: float, font_size: float) -> float:
    """Return the height of ``chart`` drawn ``width`` wide with ``font_size`` labels."""
    from generator.render.formatting import Formatter

    # The height does not depend on the locale's digits: any formatter measures it.
    drawn = {
        "style": ChartStyle(width=width, font_size=font_size),
        "fmt": Formatter("en_GB"),
        "scale": chart.get("scale"),
        "title": "",
    }
    if chart["kind"] == "bars":
        return bar_chart(chart["bars"], target=chart.get("target"), **drawn).height
    if chart["kind"] == "dumbbell":
        labels = {"before_label": chart["before"], "after_label": chart["after"]}
        return dumbbell_chart(chart["rows"], **labels, **drawn).height
    if chart["kind"] == "series":
        return float(chart.get("height", SERIES_HEIGHT))
    return float(chart["height"])


# ----- facts and quotes -----


def _fact(kind: str, ident: str, context, words: Words) -> dict[str, Any] | None:
    wave = context["wave"]
    changes = (wave.get("change") or {}).get("metrics") or {}
    if kind == "item":
        result = (wave["metrics"].get("items") or {}).get(ident)
        change = ((changes.get("items") or {}).get(ident) or {}).get("mean")
        label = context["labels"]["items"].get(ident, ident)
        return _score_fact(label, "item", result, change, words)
    if kind == "metric" and ident in ("nps", "csat", "ces"):
        result = wave["metrics"].get(ident)
        return _score_fact(words.metric_name(ident), ident, result, changes.get(ident), words)
    if kind == "metric" and ident == "sus" or kind == "usability":
        tested = [u for u in context.get("usability") or [] if _usable(u.get("sus"))]
        test = next((u for u in tested if u["id"] == ident), None) if kind == "usability" else None
        test = test or (max(tested, key=lambda u: str(u["date"])) if tested else None)
        if test is None:
            return None
        sus = test["sus"]
        text = words._(
            "SUS %(score)s, grade %(grade)s (n = %(n)s)",
            score=words.fmt.number(sus["value"], 0),
            grade=sus["grade"],
            n=words.fmt.integer(sus["n"]),
        )
        return {"label": test["title"], "text": text}
    if kind == "metric" and ident == "response_rate":
        rate = wave["response_rate"]
        text = words.n_("%(num)s response", "%(num)s responses", rate["responses"])
        if rate.get("value") is not None:
            text += " · " + words._(
                "%(rate)s of %(invited)s invited",
                rate=words.fmt.percent(rate["value"]),
                invited=words.fmt.integer(rate["invited"]),
            )
        return {"label": words.metric_name("response_rate"), "text": text, "secondary": True}
    if kind == "theme":
        theme = _theme(context, ident)
        if theme is None:
            return None
        text = words.n_(
            "%(num)s comment (%(share)s)",
            "%(num)s comments (%(share)s)",
            theme["count"],
            share=words.fmt.percent(theme["share"]),
        )
        return {"label": theme["label"], "text": text, "secondary": True}
    if kind == "focus_group":
        group = next((g for g in context.get("focus_groups") or [] if g["id"] == ident), None)
        if group is None:
            return None
        text = words.n_("%(num)s participant", "%(num)s participants", group["participants"])
        return {"label": group["title"], "text": text, "secondary": True}
    return None


def _score_fact(label, metric, result, change, words: Words) -> dict[str, Any] | None:
    if not _usable(result):
        return None
    now = words.value(metric, result["value"])
    if change and not change.get("suppressed"):
        before, now, _ = words.change(metric, change)
        # The figures and the "·" after them stay on one line; the verdict may wrap.
        text = f"{before}{NBSP}→{NBSP}{now}{NBSP}· {words.verdict(change, with_p=False)}"
        test = words.p_value(change.get("p_value"))
        # A title quotes a change only when it is real; else the level it stands at.
        significant = change.get("verdict") in SIGNIFICANT
        figure = f"{before}{NBSP}→{NBSP}{now}" if significant else now
    else:
        figure = text = now
        test = ""
    return {"label": label, "text": text, "figure": figure, "test": test}


def _quotes(kind: str, ident: str, context) -> list[str]:
    if kind == "theme":
        theme = _theme(context, ident)
        return list(theme["quotes"]) if theme else []
    if kind == "focus_group":
        group = next((g for g in context.get("focus_groups") or [] if g["id"] == ident), None)
        if group is None:
            return []
        return [q for t in group.get("themes") or [] for q in t.get("quotes") or []]
    return []


def _theme(context, ident: str) -> dict[str, Any] | None:
    themes = context["wave"].get("themes") or {}
    overall = themes.get("overall") or {}
    return next((t for t in overall.get("themes") or [] if t["theme"] == ident), None)


# ----- helpers -----


def _usable(result: Any) -> bool:
    return bool(result) and not result.get("suppressed") and result.get("value") is not None


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


def _padded_range(points, low_end, high_end, step, target=None) -> tuple[float, float]:
    """Return a round range around the values, their intervals and the target."""
    values = [p.value for p in points if p.value is not None]
    values += [v for p in points for v in (p.low, p.high) if v is not None]
    if target is not None:
        values.append(target)
    low = max(low_end, math.floor(min(values) / step) * step)
    high = min(high_end, math.ceil(max(values) / step) * step)
    if high <= low:
        high = min(high_end, low + step)
    return (float(low), float(high))
