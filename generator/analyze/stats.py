"""Confidence intervals, significance tests and correlation, computed from counts and sums.

Every function works on a *tally* (scale point → number of answers) or on plain numbers, so
that a wave of 100,000 responses is summarised once and every group reuses the summary.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.analyze.codes import CodedColumn, code_column, count_by_group, group_index
from generator.analyze.distributions import (
    critical_t,
    critical_z,
    normal_two_sided_p,
    t_two_sided_p,
)
from generator.analyze.plain import clip

Tally = Mapping[float, int]
"""Answers summarised as scale point → how many respondents gave it (None never a key)."""


@dataclass(frozen=True)
class Moments:
    """Size, mean and sample standard deviation (n − 1 in the denominator) of a tally."""

    n: int
    mean: float | None
    sd: float | None


def tally_scores(
    scores: Iterable[float | None], excluded: Iterable[float] = ()
) -> dict[float, int]:
    """Count the answers per value, leaving out blanks and the scale's 'not applicable' codes."""
    counts: Counter[float | None] = Counter(scores)
    counts.pop(None, None)
    for code in excluded:
        counts.pop(code, None)
    return dict(counts)  # type: ignore[arg-type]


def moments(tally: Tally) -> Moments:
    n = sum(tally.values())
    if n == 0:
        return Moments(0, None, None)
    mean = math.fsum(value * count for value, count in tally.items()) / n
    if n == 1:
        return Moments(1, mean, None)
    squares = math.fsum(count * (value - mean) ** 2 for value, count in tally.items())
    return Moments(n, mean, math.sqrt(squares / (n - 1)))


def wilson_interval(count: int, n: int, level: float) -> tuple[float, float]:
    """Return the Wilson score interval of the proportion count / n."""
    if n <= 0:
        raise ValueError("the Wilson interval needs at least one observation")
    z = critical_z(level)
    p = count / n
    z2 = z * z
    denominator = 1.0 + z2 / n
    centre = (p + z2 / (2.0 * n)) / denominator
    half = z * math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator
    return clip(centre - half, 0.0, 1.0), clip(centre + half, 0.0, 1.0)


def t_interval(mean: float, sd: float, n: int, level: float) -> tuple[float, float]:
    """Return mean ± t(level, n − 1) · sd / √n."""
    if n < 2:
        raise ValueError("a t-interval needs at least two observations")
    half = critical_t(level, n - 1) * sd / math.sqrt(n)
    return mean - half, mean + half


def mean_interval(
    tally: Tally, level: float
) -> tuple[float | None, int, float | None, float | None, float | None]:
    """Mean, n, t-interval (None below two answers) and standard deviation of a tally.

    A plain tuple, not a result object: the numbers go into the result of every metric that
    has a mean (every item of every group), which builds its own.
    """
    summary = moments(tally)
    if summary.n < 2 or summary.sd is None or summary.mean is None:
        return summary.mean, summary.n, None, None, summary.sd
    low, high = t_interval(summary.mean, summary.sd, summary.n, level)
    return summary.mean, summary.n, low, high, summary.sd


MIN_TESTED = 2
"""Answers each side of a test needs: with one, nothing is known of its spread."""
MIN_EXPECTED = 5
"""Expected answers in and out of a share, in each wave, for its normal approximation."""


@dataclass(frozen=True)
class TestOutcome:
    """A two-sided test: its statistic, degrees of freedom (t tests only) and p-value.

    ``p_value`` is None when the test's assumptions fail (see ``testable``): the change is
    then reported as "not enough data to test", never as significant or not.
    """

    statistic: float | None
    p_value: float | None
    df: float | None = None


UNTESTED = TestOutcome(None, None)


def _ratio_test(difference: float, standard_error: float) -> TestOutcome:
    # A standard error of 0 means nobody's answer varied on either side: the normal
    # approximation has no spread to measure the difference against, so there is no test
    # (an infinite z and p = 0 would call any difference certain, from one answer a side).
    if standard_error > 0:
        z = difference / standard_error
        return TestOutcome(z, normal_two_sided_p(z))
    return UNTESTED


def two_proportion_z_test(count1: int, n1: int, count2: int, n2: int) -> TestOutcome:
    """Test p2 − p1 with the pooled standard error (as statsmodels' proportions_ztest does).

    Untested unless, at the pooled share, each wave expects at least ``MIN_EXPECTED``
    answers in the share and as many outside it (the textbook condition for the normal
    approximation): so never when everyone in both waves gave the same kind of answer.
    """
    pooled = (count1 + count2) / (n1 + n2) if n1 + n2 else 0.0
    if min(n1, n2) * min(pooled, 1.0 - pooled) < MIN_EXPECTED:
        return UNTESTED
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    return _ratio_test(count2 / n2 - count1 / n1, se)


def difference_z_test(
    value1: float, se1: float, value2: float, se2: float, n1: int = MIN_TESTED, n2: int = MIN_TESTED
) -> TestOutcome:
    """Test value2 − value1 over the combined standard error sqrt(se1² + se2²).

    Untested below two answers a side, or when both standard errors are 0.
    """
    if min(n1, n2) < MIN_TESTED:
        return UNTESTED
    return _ratio_test(value2 - value1, math.sqrt(se1 * se1 + se2 * se2))


def welch_t_test(first: Moments, second: Moments) -> TestOutcome:
    """Welch's unequal-variance t test of mean2 − mean1, Welch–Satterthwaite degrees of freedom.

    Untested below two answers a side, or when neither side's answers vary.
    """
    if first.n < MIN_TESTED or second.n < MIN_TESTED or first.sd is None or second.sd is None:
        return UNTESTED
    assert first.mean is not None and second.mean is not None
    v1 = first.sd**2 / first.n
    v2 = second.sd**2 / second.n
    difference = second.mean - first.mean
    if v1 + v2 == 0:
        return UNTESTED
    t = difference / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (first.n - 1) + v2**2 / (second.n - 1))
    return TestOutcome(t, t_two_sided_p(t, df), df)


@dataclass(frozen=True)
class Correlation:
    """Pearson's r over n pairs, with its Fisher-z confidence interval and two-sided p-value."""

    r: float | None
    n: int
    low: float | None
    high: float | None
    p_value: float | None


def pair_tally(
    xs: Sequence[float | None], ys: Sequence[float | None]
) -> dict[tuple[float, float], int]:
    """Count the pairwise-complete (x, y) answers."""
    return PairCounter(code_column(ys)).tally(code_column(xs))


class PairCounter:
    """Counts the (x, y) answer pairs of many columns x against one column y: each x is
    counted per answer to y (see ``codes``)."""

    def __init__(self, y: CodedColumn):
        self.y = y
        self._y_index = group_index(y.codes)

    def tally(self, x: CodedColumn) -> dict[tuple[float, float], int]:
        if len(x.codes) != len(self.y.codes):
            raise ValueError(
                f"columns of {len(x.codes)} and {len(self.y.codes)} answers cannot be paired"
            )
        by_y = count_by_group(x.codes, x.width, self._y_index, self.y.width + 1)
        counts = by_y[1:, 1:].T.tolist()  # code 0: no answer, no pair
        return {
            (x_point, y_point): n
            for x_point, row in zip(x.points, counts, strict=True)
            for y_point, n in zip(self.y.points, row, strict=True)
            if n
        }


def pearson(pairs: Mapping[tuple[float, float], int], level: float) -> Correlation:
    """Return Pearson's r of tallied pairs (two-pass: means first, then centred products)."""
    n = sum(pairs.values())
    if n < 3:
        return Correlation(None, n, None, None, None)
    mx = math.fsum(x * c for (x, _), c in pairs.items()) / n
    my = math.fsum(y * c for (_, y), c in pairs.items()) / n
    sxx = math.fsum(c * (x - mx) ** 2 for (x, _), c in pairs.items())
    syy = math.fsum(c * (y - my) ** 2 for (_, y), c in pairs.items())
    if sxx == 0 or syy == 0:
        return Correlation(None, n, None, None, None)
    sxy = math.fsum(c * (x - mx) * (y - my) for (x, y), c in pairs.items())
    r = clip(sxy / math.sqrt(sxx * syy), -1.0, 1.0)
    if abs(r) == 1.0:
        return Correlation(r, n, r, r, 0.0)
    t = r * math.sqrt((n - 2) / (1.0 - r * r))
    p_value = t_two_sided_p(t, n - 2)
    if n < 4:
        return Correlation(r, n, None, None, p_value)
    half = critical_z(level) / math.sqrt(n - 3)
    z = math.atanh(r)
    return Correlation(r, n, math.tanh(z - half), math.tanh(z + half), p_value)


def median(values: Iterable[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2.0
