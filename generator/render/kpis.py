"""The headline numbers as tiles: one entry per metric the current wave has, in a fixed order.

Both the report's executive summary and the deck's headline slide show these tiles, so the
choice of metrics, their change since the last wave and their target live here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ORDER = ("nps", "csat", "ces", "sus", "responses")
SIGNIFICANT = ("up", "down")


def improvement(verdict: str | None, lower_is_better: bool = False) -> bool | None:
    """True for a significant change the good way, False the bad way, None when not
    significant (or no test): a lower effort score is the good way on the legacy CES scale."""
    if verdict not in SIGNIFICANT:
        return None
    return (verdict == "up") != lower_is_better


def headline_kpis(
    wave: Mapping[str, Any] | None, usability: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Return the tiles of the current wave: NPS, CSAT, CES, SUS (latest test), responses.

    Each tile: ``metric``; ``value`` in the metric's display unit (NPS points, CSAT share,
    CES mean, SUS score, response count); ``n``, ``low``, ``high``; ``change`` (a Change of
    docs/stats-json.md, or None); ``target`` (a target entry, or None); ``small_sample``
    (n < 30); and metric-specific extras (``grade`` for SUS, ``rate`` and ``invited`` for
    responses, ``lower_is_better`` for CES).
    """
    tiles: list[dict[str, Any]] = []
    wave = wave or {"metrics": {}}  # a usability study without a survey: its SUS tile only
    metrics = wave["metrics"]
    changes = (wave.get("change") or {}).get("metrics") or {}
    targets = {t["metric"]: t for t in wave.get("targets") or []}
    for metric in ("nps", "csat", "ces"):
        result = metrics.get(metric)
        if not result or result.get("suppressed"):
            continue
        change = changes.get(metric)
        tiles.append(
            {
                "metric": metric,
                "value": result["value"],
                "n": result["n"],
                "low": result["low"],
                "high": result["high"],
                "change": change if change and not change.get("suppressed") else None,
                "target": targets.get(metric),
                "small_sample": result["n"] < 30,
                "lower_is_better": bool(result.get("lower_is_better")),
            }
        )
    tested = [u for u in usability if u.get("sus") and not u["sus"].get("suppressed")]
    if tested:
        latest = max(tested, key=lambda u: str(u["date"]))
        sus = latest["sus"]
        tiles.append(
            {
                "metric": "sus",
                "value": sus["value"],
                "n": sus["n"],
                "low": sus["low"],
                "high": sus["high"],
                "change": None,
                "target": latest.get("target"),
                "small_sample": sus["n"] < 30,
                "grade": sus["grade"],
                "test": latest["title"],
            }
        )
    rate = wave.get("response_rate")
    if rate is None:
        return tiles
    tiles.append(
        {
            "metric": "responses",
            "value": rate["responses"],
            "n": rate["responses"],
            "low": None,
            "high": None,
            "change": None,
            "target": None,
            "small_sample": rate["responses"] < 30,
            "rate": rate["value"],
            "invited": rate["invited"],
        }
    )
    return tiles
