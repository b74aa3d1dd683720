"""The values of the delivery team's briefing (``templates/briefing/briefing.html``).

The briefing is internal: the team reads it, the client never does. It is written in the
team's language, which may differ from the client's, and it shows only what the client's
documents could show: item means and theme counts of the whole sample (never a segment), no
quotes, and nothing from a wave whose sample is under the anonymity threshold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from generator.analyze.briefing import overlap
from generator.analyze.calendar import holidays_between
from generator.analyze.relationship import last_contacts, relationship_health
from generator.workspace import Engagement, Workspace

HOLIDAY_DAYS = 60
RECENT_DAYS = 90
WEAKEST, STRONGEST, THEMES = 3, 2, 3


def briefing_context(
    workspace: Workspace, engagement: Engagement, analysis: Mapping[str, Any], today: dt.date
) -> dict[str, Any]:
    """Return what the briefing template receives, as of ``today``."""
    spec = engagement.spec
    team = spec.team
    assert team is not None  # the command refuses an engagement without a team first
    client = spec.client
    executives = [c.id for c in client.contacts if c.executive]
    health = relationship_health(engagement.interactions, today, executives)
    last_seen = last_contacts(engagement.interactions, today)
    people = []
    for contact in client.contacts:
        zone = contact.timezone or client.timezone
        assert zone is not None  # validation asks for one when there is a team
        shared = overlap(today, team.timezone, team.hours, zone, contact.hours)
        hours = shared.minutes / 60 if shared else 0
        people.append(
            {
                "name": contact.name,
                "role": contact.role,
                "executive": contact.executive,
                "channel": contact.channel,
                "timezone": zone,
                "hours": contact.hours,
                "overlap": shared,
                "overlap_hours": hours,
                "overlap_decimals": 0 if hours.is_integer() else 1,
                # A fraction of an hour takes the plural in English and Latvian ("1.5 hours").
                "overlap_count": int(hours) if hours.is_integer() else 2,
                "last_contact": last_seen.get(contact.id),
            }
        )
    wave = _reportable_wave(analysis, workspace.settings.defaults.anonymity_threshold)
    threshold = workspace.settings.defaults.anonymity_threshold
    items = _items(wave, spec.measures.items, threshold)
    countries = sorted(
        {code for code in [client.country, *(c.country for c in client.contacts)] if code}
    )
    end = today + dt.timedelta(days=HOLIDAY_DAYS)
    narrative = next((n for n in engagement.narratives if n.kind == "briefing"), None)
    audiences = set(team.audiences)
    current = analysis.get("current_wave")
    return {
        "language": team.language,
        "today": today,
        "team": team.model_dump(),
        "client": {"name": client.name, "short_name": client.short_name or client.name},
        "people": people,
        "relationship": {
            "status": health.status,
            "reason": health.reason,
            "open_concerns": [vars(c) for c in health.open_concerns],
            "recent_concerns": _recent_concerns(engagement, today),
        },
        "wave": _wave(spec, wave),
        "weakest": items[:WEAKEST],
        "strongest": list(reversed(items[-STRONGEST:])) if len(items) > WEAKEST else [],
        "themes": _themes(wave, {t.id: t.label for t in spec.themes}),
        "narrative": narrative.body if narrative else None,
        "holidays": [
            vars(h)
            for country in countries
            for h in holidays_between(country, today, end, team.language)
        ],
        "recommendations": [
            {"title": r.title, "owner": r.owner, "horizon": r.horizon, "kpi": r.kpi}
            for r in spec.recommendations
            if (r.wave or current) == current
            and audiences & set(r.audience)
            and r.status != "dropped"
        ],
        "holiday_days": HOLIDAY_DAYS,
        "recent_days": RECENT_DAYS,
        # The layout's running strings.
        "document_title": spec.engagement.title,
        "running_client": client.short_name or client.name,
    }


def _reportable_wave(analysis: Mapping[str, Any], threshold: int) -> Mapping[str, Any] | None:
    waves = analysis.get("waves") or []
    if not waves or waves[-1]["metrics"]["respondents"] < threshold:
        return None
    return waves[-1]


def _wave(spec, wave: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if wave is None:
        return None
    declared = next(w for w in spec.waves if w.id == wave["id"])
    scale = declared.scales.items
    return {
        "name": declared.name,
        "n": wave["metrics"]["respondents"],
        "low": scale.min,
        "high": scale.max,
    }


def _items(
    wave: Mapping[str, Any] | None, labels: Mapping[str, str], threshold: int
) -> list[dict[str, Any]]:
    """The rated items of the whole sample, weakest first; an item too few answered is left out."""
    if wave is None:
        return []
    shown = [
        {"label": labels.get(item, item), "mean": result["value"], "n": result["n"]}
        for item, result in wave["metrics"]["items"].items()
        if result
        and "suppressed" not in result
        and result.get("value") is not None
        and result["n"] >= threshold
    ]
    return sorted(shown, key=lambda entry: entry["mean"])


def _themes(wave: Mapping[str, Any] | None, labels: Mapping[str, str]) -> list[dict[str, Any]]:
    themes = (wave or {}).get("themes") or {}
    overall = themes.get("overall") or {}
    counted = [t for t in overall.get("themes") or [] if t.get("count")]
    counted.sort(key=lambda t: -t["count"])
    return [
        {"label": labels.get(t["theme"], t["label"]), "count": t["count"], "share": t["share"]}
        for t in counted[:THEMES]
    ]


def _recent_concerns(engagement: Engagement, today: dt.date) -> list[dict[str, Any]]:
    """Concerns raised or updated in the last RECENT_DAYS days, each at its latest state."""
    since = today - dt.timedelta(days=RECENT_DAYS)
    latest: dict[str, dict[str, Any]] = {}
    for contact in sorted(engagement.interactions, key=lambda c: c.date):
        if since <= contact.date <= today:
            for concern in contact.concerns:
                latest[concern.id] = {
                    "text": concern.text,
                    "status": concern.status,
                    "date": contact.date,
                }
    return sorted(latest.values(), key=lambda c: c["date"], reverse=True)
