"""NPS, CSAT, CES, item statistics and the response rate, each with its n and interval.

Shares are proportions in [0, 1]; NPS is in points (−100 to 100); means are on the item's
scale. Blanks and 'not applicable' answers (None, or a code listed in ``Scale.not_applicable``)
are never scores and never count in n. Each metric has a ``*_from_tally`` form that works on a
precomputed tally, which the segment breakdowns use.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.analyze.distributions import critical_z
from generator.analyze.plain import Plain, clip
from generator.analyze.stats import Tally, mean_interval, tally_scores, wilson_interval
from generator.schema.engagement import Scale

logger = logging.getLogger(__name__)

DEFAULT_LEVEL = 0.95
NPS_SCALE = Scale(min=0, max=10)
CSAT_SCALE = Scale(min=1, max=5)
CES_SCALE = Scale(min=1, max=7)

Scores = Iterable[float | None]


@dataclass(frozen=True)
class ShareResult(Plain):
    """A proportion with its Wilson score interval."""

    value: float | None
    count: int
    n: int
    low: float | None
    high: float | None
    level: float


@dataclass(frozen=True)
class MeanResult(Plain):
    """A mean with its t-interval and sample standard deviation."""

    value: float | None
    n: int
    low: float | None
    high: float | None
    level: float
    sd: float | None


@dataclass(frozen=True)
class PointCount(Plain):
    point: float
    count: int
    share: float | None


@dataclass(frozen=True)
class NpsResult(Plain):
    """Net Promoter Score in points, its standard error (points) and the three groups."""

    value: float | None
    n: int
    low: float | None
    high: float | None
    level: float
    se: float | None
    promoters: int
    passives: int
    detractors: int
    promoter_share: float | None
    passive_share: float | None
    detractor_share: float | None
    distribution: tuple[PointCount, ...] = ()
    """The share giving each score, every point of the scale listed (0–10 or 1–10)."""


@dataclass(frozen=True)
class CsatResult(Plain):
    """Top-box share (value = count / n, Wilson interval) and the mean (t-interval)."""

    value: float | None
    count: int
    n: int
    low: float | None
    high: float | None
    level: float
    top_box: int
    top_box_from: float
    mean: MeanResult
    distribution: tuple[PointCount, ...]
    top_box_to: float | None = None
    """Last point of the top box (the scale's max, or the lowest points when lower is better)."""
    lower_is_better: bool = False


@dataclass(frozen=True)
class CesResult(Plain):
    """Mean effort (value, t-interval) and the share of favourable answers.

    On an agreement scale (1–7, 'it was easy to…') the favourable share is the share agreeing,
    the points above the midpoint (5–7). On the legacy lower-is-better scale (1–5, 1 = very low
    effort) it is the share of low effort, the points below the midpoint (1–2).
    """

    value: float | None
    n: int
    low: float | None
    high: float | None
    level: float
    sd: float | None
    lower_is_better: bool
    direction: str
    share: ShareResult
    share_label: str
    share_points: tuple[float, ...]
    distribution: tuple[PointCount, ...]


@dataclass(frozen=True)
class ItemResult(Plain):
    """A rated item: mean with t-interval, top-box share and the count per scale point."""

    value: float | None
    n: int
    low: float | None
    high: float | None
    level: float
    sd: float | None
    top_box: ShareResult
    distribution: tuple[PointCount, ...]
    lower_is_better: bool = False
    """1 is the best answer (a ranking): its top box counts the lowest points."""


@dataclass(frozen=True)
class ResponseRate(Plain):
    value: float | None
    responses: int
    invited: int | None


def share_from_counts(count: int, n: int, level: float = DEFAULT_LEVEL) -> ShareResult:
    if n == 0:
        return ShareResult(None, 0, 0, None, None, level)
    low, high = wilson_interval(count, n, level)
    return ShareResult(count / n, count, n, low, high, level)


def mean_from_tally(tally: Tally, level: float = DEFAULT_LEVEL) -> MeanResult:
    value, n, low, high, sd = mean_interval(tally, level)
    return MeanResult(value, n, low, high, level, sd)


def top_box_share(tally: Tally, n: int, scale: Scale, level: float) -> ShareResult:
    """Share of the ``n`` answers in ``tally`` on the scale's ``top_box`` best points: the
    highest, or the lowest on a lower-is-better scale (a ranking, the legacy effort scale)."""
    low, high = top_box_points(scale)
    return share_from_counts(_count_where(tally, lambda v: low <= v <= high), n, level)


def distribution(tally: Tally, scale: Scale) -> tuple[PointCount, ...]:
    """Count per scale point, every scored point listed (with 0 when nobody chose it)."""
    n = sum(tally.values())
    points = _scored_points(scale.min, scale.max, tuple(scale.not_applicable))
    if not points.issuperset(tally):  # an answer off the scale is listed too
        points = points | {_as_number(p) for p in tally}
    counts = []
    for point in sorted(points):
        count = tally.get(point, 0)
        counts.append(PointCount(point, count, count / n if n else None))
    return tuple(counts)


@lru_cache(maxsize=64)
def _scored_points(low: int, high: int, not_applicable: tuple[int, ...]) -> frozenset[float]:
    """The points of a scale that are scores (cached: every group's distribution lists them)."""
    return frozenset(p for p in range(low, high + 1) if p not in not_applicable)


def _as_number(point: float) -> float:
    """Return a whole scale point as an int, so 5.0 prints as 5."""
    return int(point) if float(point).is_integer() else point


def _count_where(tally: Tally, keep) -> int:
    return sum(count for value, count in tally.items() if keep(value))


def top_box_from(scale: Scale) -> float:
    """First point counted as satisfied: the lowest of the ``top_box`` best points."""
    return top_box_points(scale)[0]


def top_box_points(scale: Scale) -> tuple[int, int]:
    """The first and last point of the top box: the ``top_box`` best points of the scale."""
    if scale.lower_is_better:
        return scale.min, scale.min + scale.top_box - 1
    return scale.max - scale.top_box + 1, scale.max


def check_nps_scale(scale: Scale) -> None:
    if scale.max != 10 or scale.min not in (0, 1):
        raise ValueError(f"NPS needs a 0–10 or 1–10 scale, got {scale.min}–{scale.max}")


def nps_from_tally(
    tally: Tally, level: float = DEFAULT_LEVEL, scale: Scale = NPS_SCALE
) -> NpsResult:
    """Promoters answer 9–10, detractors 0–6 (1–6 on a 1–10 scale), passives 7–8."""
    n = sum(tally.values())
    promoters = _count_where(tally, lambda v: v >= 9)
    detractors = _count_where(tally, lambda v: v <= 6)
    passives = n - promoters - detractors
    if n == 0:
        return NpsResult(None, 0, None, None, level, None, 0, 0, 0, None, None, None)
    p, d = promoters / n, detractors / n
    # Variance of the per-respondent scores +1 / 0 / −1, divided by n (as proportions).
    se = math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    value = 100.0 * (p - d)
    half = 100.0 * critical_z(level) * se
    return NpsResult(
        value=value,
        n=n,
        low=clip(value - half, -100.0, 100.0),
        high=clip(value + half, -100.0, 100.0),
        level=level,
        se=100.0 * se,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        promoter_share=p,
        passive_share=passives / n,
        detractor_share=d,
        distribution=distribution(tally, scale),
    )


def nps(scores: Scores, scale: Scale = NPS_SCALE, level: float = DEFAULT_LEVEL) -> NpsResult:
    check_nps_scale(scale)
    return nps_from_tally(tally_scores(scores, scale.not_applicable), level, scale)


def csat_from_tally(tally: Tally, scale: Scale, level: float = DEFAULT_LEVEL) -> CsatResult:
    share = top_box_share(tally, sum(tally.values()), scale, level)
    return CsatResult(
        value=share.value,
        count=share.count,
        n=share.n,
        low=share.low,
        high=share.high,
        level=level,
        top_box=scale.top_box,
        top_box_from=top_box_from(scale),
        mean=mean_from_tally(tally, level),
        distribution=distribution(tally, scale),
        top_box_to=top_box_points(scale)[1],
        lower_is_better=scale.lower_is_better,
    )


def csat(scores: Scores, scale: Scale = CSAT_SCALE, level: float = DEFAULT_LEVEL) -> CsatResult:
    return csat_from_tally(tally_scores(scores, scale.not_applicable), scale, level)


def ces_from_tally(tally: Tally, scale: Scale, level: float = DEFAULT_LEVEL) -> CesResult:
    midpoint = (scale.min + scale.max) / 2.0
    if scale.lower_is_better:
        favourable = [p for p in range(scale.min, scale.max + 1) if p < midpoint]
        direction, label = "lower is better", "low effort"
    else:
        favourable = [p for p in range(scale.min, scale.max + 1) if p > midpoint]
        direction, label = "higher is better", "agree"
    low_point, high_point = favourable[0], favourable[-1]
    count = _count_where(tally, lambda v: low_point <= v <= high_point)
    value, n, low, high, sd = mean_interval(tally, level)
    return CesResult(
        value=value,
        n=n,
        low=low,
        high=high,
        level=level,
        sd=sd,
        lower_is_better=scale.lower_is_better,
        direction=direction,
        share=share_from_counts(count, n, level),
        share_label=label,
        share_points=tuple(favourable),
        distribution=distribution(tally, scale),
    )


def ces(scores: Scores, scale: Scale = CES_SCALE, level: float = DEFAULT_LEVEL) -> CesResult:
    return ces_from_tally(tally_scores(scores, scale.not_applicable), scale, level)


def item_from_tally(tally: Tally, scale: Scale, level: float = DEFAULT_LEVEL) -> ItemResult:
    value, n, low, high, sd = mean_interval(tally, level)
    return ItemResult(
        value=value,
        n=n,
        low=low,
        high=high,
        level=level,
        sd=sd,
        top_box=top_box_share(tally, n, scale, level),
        distribution=distribution(tally, scale),
        lower_is_better=scale.lower_is_better,
    )


def item_stats(scores: Scores, scale: Scale, level: float = DEFAULT_LEVEL) -> ItemResult:
    return item_from_tally(tally_scores(scores, scale.not_applicable), scale, level)


def response_rate(responses: int, invited: int | None) -> ResponseRate:
    """Usable responses over invitations; None when the invited count is unknown."""
    if not invited:
        return ResponseRate(None, responses, invited)
    if responses > invited:
        logger.warning(
            "%d responses but only %d invited: check the invited count", responses, invited
        )
    return ResponseRate(responses / invited, responses, invited)
