"""Change since the previous wave, for every metric and every segment group, with its test.

Shares (CSAT top-box, CES favourable share, item top-box) use the two-proportion z test with
the pooled standard error; NPS uses its difference over the combined standard error
sqrt(SE₁² + SE₂²); means use Welch's t test. All tests are two-sided. The verdict is "up" or
"down" when p < 1 − confidence level, else "no significant change"; ``small_sample`` is set
when either wave has fewer than 30 answers.

A test is made only where its assumptions hold. A share: at the pooled share, each wave expects
at least 5 answers in the share and 5 outside it (so never when everyone in both waves gave the
same kind of answer). NPS: each wave has at least two answers and not both waves are all
promoters, all passives or all detractors (a standard error above 0). A mean: each wave has at
least two answers and they vary in at least one wave. Otherwise the verdict is "not enough data
to test" and the p-value is None: a difference with no spread to measure it against is never
called significant. A metric whose scale changed between the waves is not compared (its change
is None), nor is one that either wave did not ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.analyze.metrics import CsatResult, MeanResult, NpsResult, ShareResult
from generator.analyze.plain import SUPPRESSED, Plain, Suppressed
from generator.analyze.segments import Breakdown, find_group
from generator.analyze.stats import (
    Moments,
    TestOutcome,
    difference_z_test,
    two_proportion_z_test,
    welch_t_test,
)
from generator.schema.engagement import Scale, Scales

if TYPE_CHECKING:  # survey imports this module's tests for its group-vs-rest comparisons
    from generator.analyze.survey import SurveyMetrics

SMALL_SAMPLE = 30
UP, DOWN, NO_CHANGE = "up", "down", "no significant change"
UNTESTED = "not enough data to test"
PROPORTION_TEST = "two-proportion z test (pooled)"
NPS_TEST = "z test on the NPS difference, SE = sqrt(SE1² + SE2²)"
MEAN_TEST = "Welch's t test"


@dataclass(frozen=True)
class Change(Plain):
    """One metric's change: current − previous (points for NPS, proportions for shares)."""

    previous: float
    current: float
    difference: float
    n_previous: int
    n_current: int
    test: str
    statistic: float | None
    df: float | None
    p_value: float | None
    verdict: str
    small_sample: bool
    level: float


@dataclass(frozen=True)
class ItemChange(Plain):
    mean: Change | None
    top_box: Change | None


@dataclass(frozen=True)
class MetricsChange(Plain):
    nps: Change | Suppressed | None
    csat: Change | Suppressed | None
    """Top-box share."""
    csat_mean: Change | Suppressed | None
    ces: Change | Suppressed | None
    """Mean effort."""
    ces_share: Change | Suppressed | None
    """Share agreeing (or of low effort on the lower-is-better scale)."""
    overall: Change | Suppressed | None
    """Mean overall satisfaction."""
    items: dict[str, ItemChange | Suppressed]


@dataclass(frozen=True)
class GroupChange(Plain):
    values: tuple[str, ...]
    change: MetricsChange | Suppressed | None
    """None when the group did not exist in the previous wave."""


@dataclass(frozen=True)
class BreakdownChange(Plain):
    segments: tuple[str, ...]
    groups: tuple[GroupChange, ...]


@dataclass(frozen=True)
class WaveChange(Plain):
    previous_wave: str
    current_wave: str
    level: float
    metrics: MetricsChange
    segments: tuple[BreakdownChange, ...]


def verdict(difference: float, p_value: float | None, level: float) -> str:
    if p_value is None:
        return UNTESTED
    if p_value >= 1.0 - level:
        return NO_CHANGE
    return UP if difference > 0 else DOWN


def _change(
    previous: float,
    current: float,
    n_previous: int,
    n_current: int,
    test: str,
    outcome: TestOutcome,
    level: float,
) -> Change:
    difference = current - previous
    return Change(
        previous=previous,
        current=current,
        difference=difference,
        n_previous=n_previous,
        n_current=n_current,
        test=test,
        statistic=outcome.statistic,
        df=outcome.df,
        p_value=outcome.p_value,
        verdict=verdict(difference, outcome.p_value, level),
        small_sample=min(n_previous, n_current) < SMALL_SAMPLE,
        level=level,
    )


def share_change(
    previous: ShareResult | CsatResult, current: ShareResult | CsatResult, level: float
) -> Change | None:
    """Compare two results that have a share ``value``, its ``count`` and ``n`` (CSAT is one)."""
    if previous.value is None or current.value is None:
        return None
    outcome = two_proportion_z_test(previous.count, previous.n, current.count, current.n)
    return _change(
        previous.value, current.value, previous.n, current.n, PROPORTION_TEST, outcome, level
    )


def nps_change(previous: NpsResult, current: NpsResult, level: float) -> Change | None:
    if previous.value is None or current.value is None:
        return None
    assert previous.se is not None and current.se is not None
    outcome = difference_z_test(
        previous.value, previous.se, current.value, current.se, previous.n, current.n
    )
    return _change(previous.value, current.value, previous.n, current.n, NPS_TEST, outcome, level)


def mean_change(
    previous: MeanResult | Any, current: MeanResult | Any, level: float
) -> Change | None:
    """Compare two results that have ``value``, ``n`` and ``sd`` (a mean, CES, an item)."""
    if previous.value is None or current.value is None:
        return None
    outcome = welch_t_test(
        Moments(previous.n, previous.value, previous.sd),
        Moments(current.n, current.value, current.sd),
    )
    return _change(previous.value, current.value, previous.n, current.n, MEAN_TEST, outcome, level)


def _same(first: Scale, second: Scale) -> bool:
    return (first.min, first.max, first.top_box, first.lower_is_better) == (
        second.min,
        second.max,
        second.top_box,
        second.lower_is_better,
    )


def _pair(previous: Any, current: Any, comparable: bool, compare: Any) -> Any:
    if previous is None or current is None or not comparable:
        return None
    if isinstance(previous, Suppressed) or isinstance(current, Suppressed):
        return SUPPRESSED
    return compare(previous, current)


def compare_metrics(
    previous: SurveyMetrics, current: SurveyMetrics, before: Scales, after: Scales, level: float
) -> MetricsChange:
    """Compare every metric both waves asked on the same scale."""
    nps_ok = before.nps.max == after.nps.max == 10
    csat_ok, ces_ok = _same(before.csat, after.csat), _same(before.ces, after.ces)

    def mean(a: Any, b: Any) -> Change | None:
        return mean_change(a, b, level)

    def share(a: Any, b: Any) -> Change | None:
        return share_change(a, b, level)

    def item(a: Any, b: Any) -> ItemChange:
        return ItemChange(mean(a, b), share(a.top_box, b.top_box))

    items: dict[str, Any] = {}
    for item_id, result in current.items.items():
        if item_id in previous.items and _same(before.item(item_id), after.item(item_id)):
            items[item_id] = _pair(previous.items[item_id], result, True, item)
    return MetricsChange(
        nps=_pair(previous.nps, current.nps, nps_ok, lambda a, b: nps_change(a, b, level)),
        csat=_pair(previous.csat, current.csat, csat_ok, share),
        csat_mean=_pair(previous.csat, current.csat, csat_ok, lambda a, b: mean(a.mean, b.mean)),
        ces=_pair(previous.ces, current.ces, ces_ok, mean),
        ces_share=_pair(previous.ces, current.ces, ces_ok, lambda a, b: share(a.share, b.share)),
        overall=_pair(
            previous.overall, current.overall, _same(before.overall, after.overall), mean
        ),
        items=items,
    )


def compare_breakdowns(
    previous: Breakdown, current: Breakdown, before: Scales, after: Scales, level: float
) -> BreakdownChange:
    groups = []
    for group in current.groups:
        earlier = find_group(previous, group.values)
        if earlier is None:
            change: Any = None
        elif isinstance(group.result, Suppressed) or isinstance(earlier.result, Suppressed):
            change = SUPPRESSED
        else:
            change = compare_metrics(earlier.result, group.result, before, after, level)
        groups.append(GroupChange(group.values, change))
    return BreakdownChange(current.segments, tuple(groups))
