"""`rapport status`: each client's state on one line, the clients that need attention first.

Attention comes first from the relationship (red, then yellow, then green, then no contact
logged), then from how much is late: overdue follow-ups, the age of the oldest open concern,
the days since an executive was last reached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.analyze.calendar import after
from generator.analyze.plain import Plain
from generator.analyze.relationship import relationship_health
from generator.schema.engagement import EngagementFile
from generator.schema.interactions import Interaction

STATUS_RANK = {"red": 0, "yellow": 1, "green": 2, None: 3}


@dataclass(frozen=True)
class Score(Plain):
    wave: str
    name: str
    value: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Headline(Plain):
    metric: str
    """nps or csat: NPS when the latest wave asked it."""
    wave: str
    value: float
    """NPS points, or the CSAT top-box share (0–1)."""
    change: float | None
    """Since the previous wave, in the same units; None for a first wave."""
    verdict: str | None
    """up, down or no significant change."""
    p_value: float | None
    history: tuple[Score, ...] = ()
    """The same metric in every wave that has it, oldest first (for a small chart)."""


@dataclass(frozen=True)
class Concern(Plain):
    text: str
    raised: dt.date
    age_days: int


@dataclass(frozen=True)
class Delivery(Plain):
    when: dt.date
    wave: str
    stale: bool | None
    """Whether the documents sent are older than their inputs now (None: not checked)."""


@dataclass(frozen=True)
class ClientStatus(Plain):
    client: str
    name: str
    health: str | None
    reason: str
    reason_text: str | None
    headline: Headline | None
    open_concerns: tuple[Concern, ...]
    """Oldest first."""
    overdue_follow_ups: int
    days_since_executive: int | None
    """Since the last contact with any executive; None when none was reached or none is named."""
    next_wave_due: dt.date | None
    next_wave_overdue: bool
    last_delivery: Delivery | None

    def attention(self) -> tuple:
        """Sort key: the client needing attention most sorts first."""
        oldest = self.open_concerns[0].age_days if self.open_concerns else 0
        return (
            STATUS_RANK[self.health],
            -self.overdue_follow_ups,
            -oldest,
            -(self.days_since_executive or 0),
            self.client,
        )


def client_status(
    slug: str,
    spec: EngagementFile,
    interactions: Sequence[Interaction],
    analysis: dict[str, Any] | None,
    last_delivery: Delivery | None,
    today: dt.date,
) -> ClientStatus:
    """Summarise one client as of ``today``; ``analysis`` holds its waves' NPS and CSAT with
    their changes (the shape of ``EngagementAnalysis.to_dict()``, or just those parts)."""
    executives = [c.id for c in spec.client.contacts if c.executive]
    health = relationship_health(interactions, today, executives)
    reached = [e.days_since for e in health.executives if e.days_since is not None]
    return ClientStatus(
        client=slug,
        name=spec.client.short_name or spec.client.name,
        health=health.status,
        reason=health.reason,
        reason_text=health.reason_text,
        headline=_headline(analysis),
        open_concerns=tuple(
            Concern(c.text, c.raised, c.age_days)
            for c in sorted(health.open_concerns, key=lambda c: c.raised)
        ),
        overdue_follow_ups=sum(1 for f in health.open_follow_ups if f.overdue),
        days_since_executive=min(reached) if reached else None,
        next_wave_due=(due := next_wave_due(spec)),
        next_wave_overdue=due is not None and due < today,
        last_delivery=last_delivery,
    )


def next_wave_due(spec: EngagementFile) -> dt.date | None:
    """One ``survey_every`` after the latest wave's fieldwork began; None without a cadence."""
    cadence = spec.engagement.survey_every
    if cadence is None or not spec.waves:
        return None
    return after(max(wave.fielded.start for wave in spec.waves), cadence)


def _headline(analysis: dict[str, Any] | None) -> Headline | None:
    if not analysis or not analysis["waves"]:
        return None
    wave = analysis["waves"][-1]
    for metric in ("nps", "csat"):
        result = wave["metrics"].get(metric)
        if not result or result.get("suppressed"):
            continue
        change = ((wave.get("change") or {}).get("metrics") or {}).get(metric)
        if not change or change.get("suppressed"):
            change = None
        return Headline(
            metric=metric,
            wave=wave["id"],
            value=result["value"],
            change=change["difference"] if change else None,
            verdict=change["verdict"] if change else None,
            p_value=change["p_value"] if change else None,
            history=tuple(_history(analysis["waves"], metric)),
        )
    return None


def _history(waves: Sequence[dict[str, Any]], metric: str):
    for wave in waves:
        result = wave["metrics"].get(metric)
        if result and not result.get("suppressed") and result.get("value") is not None:
            yield Score(
                wave["id"], wave["name"], result["value"], result.get("low"), result.get("high")
            )
