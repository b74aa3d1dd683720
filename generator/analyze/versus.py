"""Each segment group against the rest of the sample, for every headline metric, corrected.

The rest of the sample is every respondent of the wave outside the group, computed from the
whole wave's counts and moments minus the group's (no second pass over the responses). The
tests are those of the change between waves (``waves``): the pooled two-proportion z test
for CSAT's top-box share, the z test on the NPS difference, Welch's t test for the CES and
overall means, with the same "not enough data to test" rule.

So many tests find chance differences: within one segment's table (every group × every
headline metric) the p-values are corrected with Holm's step-down method, which keeps the
chance of any false "higher"/"lower" in that table at 1 − confidence level, whatever the
dependence between the tests (Benjamini–Hochberg would control the share of false findings
instead, and needs independent or positively dependent tests, which group-vs-rest tests with
overlapping rests are not guaranteed to be).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from generator.analyze.metrics import NpsResult, nps_from_tally
from generator.analyze.plain import Plain, Suppressed
from generator.analyze.segments import Breakdown, GroupResult
from generator.analyze.stats import (
    Moments,
    TestOutcome,
    difference_z_test,
    two_proportion_z_test,
    welch_t_test,
)
from generator.analyze.waves import MEAN_TEST, NPS_TEST, PROPORTION_TEST, UNTESTED

HEADLINE = ("nps", "csat", "ces", "overall")
HIGHER, LOWER, NO_DIFFERENCE = "higher", "lower", "no significant difference"
CORRECTION = "Holm"


@dataclass(frozen=True)
class RestComparison(Plain):
    """A group's score against the rest of the sample (group − rest)."""

    group: float
    rest: float
    difference: float
    n_group: int
    n_rest: int
    test: str
    statistic: float | None
    p_value: float | None
    p_adjusted: float | None
    """Holm-corrected over every group × headline metric of the segment's table."""
    verdict: str
    """'higher', 'lower', 'no significant difference' or 'not enough data to test'."""
    correction: str = CORRECTION


def _rest_nps(total: NpsResult, group: NpsResult) -> NpsResult:
    # Any promoter score, passive score and detractor score give the same NPS and SE.
    tally = {
        10.0: total.promoters - group.promoters,
        8.0: total.passives - group.passives,
        0.0: total.detractors - group.detractors,
    }
    return nps_from_tally({k: v for k, v in tally.items() if v > 0}, total.level)


def _rest_moments(total: Any, group: Any) -> Moments:
    """The mean and SD of the respondents outside the group, from both sets' moments."""
    n = total.n - group.n
    if n <= 0 or total.value is None or group.value is None:
        return Moments(max(n, 0), None, None)
    total_sum, group_sum = total.n * total.value, group.n * group.value
    mean = (total_sum - group_sum) / n

    def squares(result: Any) -> float:
        sd = result.sd or 0.0
        return (result.n - 1) * sd * sd + result.n * result.value * result.value

    if n < 2:
        return Moments(n, mean, None)
    variance = max((squares(total) - squares(group) - n * mean * mean) / (n - 1), 0.0)
    return Moments(n, mean, math.sqrt(variance))


def _compare(
    metric: str, total: Any, group: Any
) -> tuple[float, float, int, int, str, TestOutcome] | None:
    if metric == "nps":
        rest = _rest_nps(total, group)
        if group.value is None or rest.value is None:
            return None
        outcome = difference_z_test(
            rest.value, rest.se or 0.0, group.value, group.se or 0.0, rest.n, group.n
        )
        return group.value, rest.value, group.n, rest.n, NPS_TEST, outcome
    if metric == "csat":
        count, n = total.count - group.count, total.n - group.n
        if group.value is None or n <= 0:
            return None
        outcome = two_proportion_z_test(count, n, group.count, group.n)
        return group.value, count / n, group.n, n, PROPORTION_TEST, outcome
    rest = _rest_moments(total, group)
    if group.value is None or rest.mean is None:
        return None
    outcome = welch_t_test(rest, Moments(group.n, group.value, group.sd))
    return group.value, rest.mean, group.n, rest.n, MEAN_TEST, outcome


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given (as statsmodels' multipletests)."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [0.0] * len(p_values)
    running = 0.0
    m = len(p_values)
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def compare_with_rest(breakdown: Breakdown, totals: Mapping[str, Any], level: float) -> Breakdown:
    """Give every shown group of a one-way breakdown its comparison with the rest."""
    if len(breakdown.segments) != 1:
        return breakdown
    found: dict[int, dict[str, list]] = {}
    for g, group in enumerate(breakdown.groups):
        if isinstance(group.result, Suppressed):
            continue
        for metric in HEADLINE:
            total, mine = totals.get(metric), getattr(group.result, metric, None)
            if total is None or mine is None or isinstance(mine, Suppressed):
                continue
            compared = _compare(metric, total, mine)
            if compared is not None:
                found.setdefault(g, {})[metric] = list(compared)
    tested = [
        (g, m) for g, per in found.items() for m, c in per.items() if c[5].p_value is not None
    ]
    adjusted = dict(zip(tested, holm([found[g][m][5].p_value for g, m in tested]), strict=True))
    alpha = 1.0 - level
    groups: list[GroupResult] = []
    for g, group in enumerate(breakdown.groups):
        comparisons = {}
        for metric, (mine, rest, n_group, n_rest, test, outcome) in found.get(g, {}).items():
            p = adjusted.get((g, metric))
            difference = mine - rest
            if p is None:
                verdict = UNTESTED
            elif p < alpha:
                verdict = HIGHER if difference > 0 else LOWER
            else:
                verdict = NO_DIFFERENCE
            comparisons[metric] = RestComparison(
                mine,
                rest,
                difference,
                n_group,
                n_rest,
                test,
                outcome.statistic,
                outcome.p_value,
                p,
                verdict,
            )
        groups.append(replace(group, versus_rest=comparisons) if comparisons else group)
    return replace(breakdown, groups=tuple(groups))
