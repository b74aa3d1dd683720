"""Recommendation priority: score, rank, grouping, and where earlier waves' advice stands.

Score = impact × confidence ÷ effort, each level counted low = 1, medium = 2, high = 3, so
scores run from 1/3 (low impact, low confidence, high effort) to 9 (high, high, low). Ranking
is by score, highest first; equal scores are ordered by id in natural order (R2 before R10),
so the ranking never depends on the order of the YAML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import get_args

from generator.analyze.plain import Plain, natural_key
from generator.schema.engagement import Audience, Recommendation

LEVEL_POINTS = {"low": 1, "medium": 2, "high": 3}
FORMULA = "impact × confidence ÷ effort (low = 1, medium = 2, high = 3)"
HORIZONS = (30, 60, 90)
STATUSES = ("proposed", "accepted", "in_progress", "done", "dropped")


@dataclass(frozen=True)
class RankedRecommendation(Plain):
    id: str
    title: str
    rank: int
    score: float
    impact: str
    confidence: str
    effort: str
    audience: tuple[str, ...]
    horizon: int
    status: str
    owner: str | None
    findings: tuple[str, ...]


@dataclass(frozen=True)
class PreviousRecommendation(Plain):
    id: str
    title: str
    wave: str
    status: str
    owner: str | None


@dataclass(frozen=True)
class RecommendationPlan(Plain):
    formula: str
    current_wave: str | None
    ranked: tuple[RankedRecommendation, ...]
    by_audience: dict[str, tuple[RankedRecommendation, ...]]
    """Every audience, in the schema's order; a recommendation appears under each of its own."""
    by_horizon: dict[str, tuple[RankedRecommendation, ...]]
    """'30', '60' and '90' days."""
    previous: tuple[PreviousRecommendation, ...]
    """Recommendations made in earlier waves, oldest wave first, then by id."""
    previous_by_status: dict[str, int]


def priority_score(recommendation: Recommendation) -> Fraction:
    """Return impact × confidence ÷ effort as an exact fraction."""
    return Fraction(
        LEVEL_POINTS[recommendation.impact] * LEVEL_POINTS[recommendation.confidence],
        LEVEL_POINTS[recommendation.effort],
    )


def rank(recommendations: Sequence[Recommendation]) -> tuple[RankedRecommendation, ...]:
    ordered = sorted(recommendations, key=lambda r: (-priority_score(r), natural_key(r.id)))
    return tuple(
        RankedRecommendation(
            id=r.id,
            title=r.title,
            rank=position,
            score=float(priority_score(r)),
            impact=r.impact,
            confidence=r.confidence,
            effort=r.effort,
            audience=tuple(r.audience),
            horizon=r.horizon,
            status=r.status,
            owner=r.owner,
            findings=tuple(r.findings),
        )
        for position, r in enumerate(ordered, start=1)
    )


def recommendation_plan(
    recommendations: Sequence[Recommendation],
    wave_ids: Sequence[str],
    current_wave: str | None = None,
) -> RecommendationPlan:
    """Rank the current wave's recommendations and list the status of earlier waves' ones.

    ``wave_ids`` are in chronological order; the current wave is the last one when not given.
    A recommendation without a wave belongs to the current wave; one from a later wave than
    the current is left out.
    """
    current = current_wave if current_wave is not None else (wave_ids[-1] if wave_ids else None)
    position = {wave: i for i, wave in enumerate(wave_ids)}
    now = position.get(current, len(wave_ids)) if current is not None else len(wave_ids)

    present, earlier = [], []
    for r in recommendations:
        if r.wave is None or r.wave == current:
            present.append(r)
        elif r.wave in position and position[r.wave] < now:
            earlier.append(r)
    ranked = rank(present)
    earlier.sort(key=lambda r: (position[r.wave or ""], natural_key(r.id)))
    return RecommendationPlan(
        formula=FORMULA,
        current_wave=current,
        ranked=ranked,
        by_audience={
            audience: tuple(r for r in ranked if audience in r.audience)
            for audience in get_args(Audience)
        },
        by_horizon={str(h): tuple(r for r in ranked if r.horizon == h) for h in HORIZONS},
        previous=tuple(
            PreviousRecommendation(r.id, r.title, r.wave or "", r.status, r.owner) for r in earlier
        ),
        previous_by_status={s: sum(1 for r in earlier if r.status == s) for s in STATUSES},
    )
