"""The results slides: headline numbers, what changed since the last wave, what customers say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck.fit import paginate
from generator.render.deck.layout import (
    BODY,
    BODY_HEIGHT,
    FOOTNOTE,
    HEAD,
    TABLE_HEADER,
    Slide,
    fit_quotes,
    row_height,
    slide_run,
)
from generator.render.deck.words import Words, direction, is_improvement

ARROWS = {"up": "↑", "down": "↓"}

# Columns of the changes table (deck/slides/changes.html): measure, before, now, change,
# verdict. The p-values are in the speaker notes and the report, not on the slide.
CHANGE_COLUMNS = (282.0, 100.0, 100.0, 88.0, 278.0)
THEME_LABEL = 192.0  # deck.css .theme-label, less its padding
THEME_QUOTES = 338.0
THEME_PADDING = 17.0  # 8 pt above and below, and the rule


def headline_numbers(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The KPI tiles (NPS, CSAT, CES, SUS, responses) with change, significance and target."""
    tiles = [t for t in context["kpis"] if t["metric"] != "responses" or t["value"]]
    if not tiles:
        return []
    level = context["settings"]["confidence_level"] * 100
    shown = [_tile(t, words, level) for t in tiles[:5]]
    section = words._("Headline numbers")
    return slide_run("kpis", section, _kpi_headline(tiles, words), [{"tiles": shown}])


def _tile(tile: Mapping[str, Any], words: Words, level: float) -> dict[str, Any]:
    metric, fmt, _ = tile["metric"], words.fmt, words._
    value = tile["value"]
    shown: dict[str, Any] = {
        "metric": metric,
        "label": words.metric_name(metric),
        "value": fmt.integer(value) if metric == "responses" else words.value(metric, value),
        "change": None,
        "verdict": None,
        "direction": "flat",
        "arrow": "",
        "target": None,
        "target_met": None,
        "lines": [],
    }
    change = tile.get("change")
    if change:
        good = is_improvement(change, bool(tile.get("lower_is_better")))
        difference = words.change(metric, change)[2]
        shown["change"] = _("%(change)s since the last wave", change=difference)
        shown["verdict"] = words.verdict(change, with_p=False)
        shown["direction"] = direction(good)
        shown["arrow"] = ARROWS.get(change["verdict"], "→")
    target = tile.get("target")
    if target:
        text = words.target(metric, target["target"])
        shown["target_met"] = bool(target["met"])
        if target["met"]:
            shown["target"] = _("Target %(target)s: met", target=text)
        else:
            shown["target"] = _("Target %(target)s: not met", target=text)
        # The same sentence as the report's tile, its qualifier included.
        if target.get("interval") == "includes":
            shown["target"] += " (" + _("within the margin of error") + ")"
    lines = shown["lines"]
    if metric == "responses":
        if tile.get("rate") is not None:
            rate, invited = fmt.percent(tile["rate"]), fmt.integer(tile["invited"])
            lines.append(_("%(rate)s of %(invited)s invited", rate=rate, invited=invited))
    else:
        if metric == "sus":
            lines.append(_("Grade %(grade)s", grade=tile["grade"]))
        if tile.get("low") is not None and tile.get("high") is not None:
            lines.append(
                _(
                    "%(level)s%% interval: %(low)s to %(high)s",
                    level=fmt.integer(level),
                    low=words.value(metric, tile["low"]),
                    high=words.value(metric, tile["high"]),
                )
            )
        lines.append(_("n = %(n)s", n=fmt.integer(tile["n"])))
    if tile.get("small_sample"):
        lines.append(_("Small sample: read with care"))
    return shown


def _kpi_headline(tiles: Sequence[Mapping[str, Any]], words: Words) -> str:
    """Set the headline numbers against their target (the executive summary has already led
    with the change); else lead with the change."""
    aimed = next((t for t in tiles if t.get("target") and not t["target"]["met"]), None)
    aimed = aimed or next((t for t in tiles if t.get("target")), None)
    if aimed is not None:
        return words._(
            "%(metric)s: %(value)s against a target of %(target)s",
            metric=words.metric_name(aimed["metric"]),
            value=words.value(aimed["metric"], aimed["value"]),
            target=words.target(aimed["metric"], aimed["target"]["target"]),
        )
    return lead_sentence(tiles, words) or _responses_sentence(tiles, words)


def _responses_sentence(tiles: Sequence[Mapping[str, Any]], words: Words) -> str:
    first = tiles[0]
    return words._(
        "%(metric)s at %(value)s this wave",
        metric=words.metric_name(first["metric"]),
        value=words.value(first["metric"], first["value"])
        if first["metric"] != "responses"
        else words.fmt.integer(first["value"]),
    )


def lead_sentence(tiles: Sequence[Mapping[str, Any]], words: Words) -> str | None:
    """The first metric that changed since the last wave, as a sentence; None without one."""
    _ = words._
    lead = next((t for t in tiles if t.get("change")), None)
    if lead is None:
        return None
    metric, change = lead["metric"], lead["change"]
    values = {
        "metric": words.metric_name(metric),
        "value": words.value(metric, lead["value"]),
        "change": words.change(metric, change)[2],
    }
    if change["verdict"] == "up":
        return _(
            "%(metric)s rose significantly to %(value)s, %(change)s since the last wave", **values
        )
    if change["verdict"] == "down":
        return _(
            "%(metric)s fell significantly to %(value)s, %(change)s since the last wave", **values
        )
    if change["verdict"] == "not enough data to test":
        return _("%(metric)s at %(value)s: not enough data to test the change", **values)
    return _("%(metric)s at %(value)s: no significant change", **values)


# ----- what changed -----


def changes(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """Every measure asked in both waves: before, now, the change and whether it is real."""
    wave, previous = context["wave"], context["previous_wave"]
    change = wave.get("change")
    if not change or previous is None:
        return []
    rows = _change_rows(context, change["metrics"] or {}, words)
    if not rows:
        return []
    widths = CHANGE_COLUMNS
    header = TABLE_HEADER + HEAD.leading * (
        max(HEAD.lines(previous["name"], widths[1] - 16), HEAD.lines(wave["name"], widths[2] - 16))
        - 1
    )
    for row in rows:
        row["height"] = row_height((row["label"], widths[0]), (row["verdict"], widths[4] - 22))
    capacity = BODY_HEIGHT - header - FOOTNOTE
    pages = [
        {
            "rows": page,
            "previous": previous["name"],
            "current": wave["name"],
            "columns": [f"{width:g}" for width in widths],
        }
        for page in paginate(rows, lambda r: r["height"], capacity)
    ]
    section = words._("What changed since the last wave")
    return slide_run("changes", section, _changes_headline(rows, words), pages)


def _change_rows(context, metrics: Mapping[str, Any], words: Words) -> list[dict[str, Any]]:
    wave_metrics = context["wave"]["metrics"]
    entries: list[tuple[str, str, Any, bool, bool]] = []
    for metric in ("nps", "csat", "ces", "overall"):
        lower = bool((wave_metrics.get(metric) or {}).get("lower_is_better"))
        entries.append((words.metric_name(metric), metric, metrics.get(metric), lower, False))
    labels = context["labels"]["items"]
    for item, change in (metrics.get("items") or {}).items():
        mean = None if not change or change.get("suppressed") else change.get("mean")
        entries.append((labels.get(item, item), "item", mean, False, True))
    rows = []
    for label, metric, change, lower, is_item in entries:
        if not change or change.get("suppressed") or change.get("previous") is None:
            continue
        good = is_improvement(change, lower)
        previous, current, difference = words.change(metric, change)
        rows.append(
            {
                "label": label,
                "previous": previous,
                "current": current,
                "difference": difference,
                "raw": change["difference"],
                "verdict": words.verdict_words(change)
                + (f" · {words._('small sample')}" if change.get("small_sample") else ""),
                "p": words.p_value(change.get("p_value")),
                "direction": direction(good),
                "arrow": ARROWS.get(change["verdict"], "→"),
                "item": is_item,
            }
        )
    return rows


def _changes_headline(rows: Sequence[Mapping[str, Any]], words: Words) -> str:
    """Name the biggest significant rise and fall among the items (else the metrics)."""
    pool = [r for r in rows if r["item"]] or list(rows)
    rises = [r for r in pool if r["direction"] == "good"]
    falls = [r for r in pool if r["direction"] == "bad"]
    rise = max(rises, key=lambda r: abs(r["raw"]), default=None)
    fall = max(falls, key=lambda r: abs(r["raw"]), default=None)
    if rise and fall:
        return words._(
            "%(rise)s rose most, from %(rise_before)s to %(rise_after)s; "
            "%(fall)s fell, from %(fall_before)s to %(fall_after)s",
            rise=rise["label"],
            rise_before=rise["previous"],
            rise_after=rise["current"],
            fall=fall["label"],
            fall_before=fall["previous"],
            fall_after=fall["current"],
        )
    row = rise or fall
    if row is None:
        return words.n_(
            "None of the %(num)s measures changed significantly since the last wave",
            "None of the %(num)s measures changed significantly since the last wave",
            len(rows),
        )
    values = {"item": row["label"], "before": row["previous"], "after": row["current"]}
    if rise:
        return words._("%(item)s rose most, from %(before)s to %(after)s", **values)
    return words._("%(item)s fell most, from %(before)s to %(after)s", **values)


# ----- what customers tell us -----


def themes(context: Mapping[str, Any], words: Words, used_quotes: set[str]) -> list[Slide]:
    """Comment themes by how often they come up, with a few quotes."""
    summary = (context["wave"].get("themes") or {}).get("overall") or {}
    coded = sorted(
        (t for t in summary.get("themes") or [] if t["count"]),
        key=lambda t: (-t["count"], t["label"]),
    )
    if not coded:
        return []
    widest = max(t["share"] for t in coded) or 1.0
    rows = [
        {
            "label": t["label"],
            "count": words.fmt.integer(t["count"]),
            "share": words.fmt.percent(t["share"]),
            "bar": f"{100 * t['share'] / widest:.1f}",
        }
        for t in coded
    ]
    capacity = BODY_HEIGHT - FOOTNOTE
    height = _theme_height
    pages: list[dict[str, Any]] = [
        {"rows": page, "quotes": [], "comments": None} for page in paginate(rows, height, capacity)
    ]
    # One quote from each theme in turn, most mentioned first.
    depth = max(len(t["quotes"]) for t in coded)
    quotes = [t["quotes"][i] for i in range(depth) for t in coded if i < len(t["quotes"])]
    pages[0]["quotes"] = fit_quotes(quotes, THEME_QUOTES, BODY_HEIGHT, 3, used_quotes)
    pages[-1]["comments"] = words.n_(
        "Share of %(num)s comment; one comment can mention several themes.",
        "Share of %(num)s comments; one comment can mention several themes.",
        summary.get("comments") or 0,
    )
    top = coded[0]
    headline = words._(
        "%(share)s of comments are about %(theme)s, more than any other theme",
        theme=top["label"],
        share=words.fmt.percent(top["share"]),
    )
    return slide_run("themes", words._("What customers tell us"), headline, pages)


def _theme_height(row: Mapping[str, Any]) -> float:
    return BODY.height(row["label"], THEME_LABEL) + THEME_PADDING
