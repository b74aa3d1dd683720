"""Intervals, tests and correlation against statsmodels and scipy."""

import math
from collections import Counter

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

from generator.analyze.stats import (
    Moments,
    moments,
    pair_tally,
    pearson,
    t_interval,
    two_proportion_z_test,
    welch_t_test,
    wilson_interval,
)


@pytest.mark.parametrize(
    ("count", "n"),
    [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (81, 263), (512, 1000), (1, 100_000)],
)
@pytest.mark.parametrize("level", [0.8, 0.9, 0.95, 0.99])
def test_wilson_interval_matches_statsmodels(count, n, level):
    low, high = proportion_confint(count, n, alpha=1 - level, method="wilson")
    assert wilson_interval(count, n, level) == pytest.approx((low, high), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(
    ("counts", "sizes"), [((45, 60), (100, 110)), ((3, 9), (12, 14)), ((400, 380), (1000, 1000))]
)
def test_two_proportion_z_matches_statsmodels(counts, sizes):
    # statsmodels tests the first minus the second; ours is second minus first (the change).
    z, p = proportions_ztest(list(counts), list(sizes))
    outcome = two_proportion_z_test(counts[0], sizes[0], counts[1], sizes[1])
    assert outcome.statistic == pytest.approx(-z, rel=1e-12)
    assert outcome.p_value == pytest.approx(p, rel=1e-12)


def test_two_proportion_z_without_any_variation_has_no_test():
    outcome = two_proportion_z_test(10, 10, 20, 20)
    assert outcome.statistic is None and outcome.p_value is None


SAMPLES = [
    ([1, 2, 2, 3, 4, 5, 5, 5], [3, 4, 4, 5, 5, 5, 2]),
    ([7.0, 6.5, 8.1, 9.9, 4.4], [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5]),
    (list(range(1, 40)), [3] * 20 + [4] * 25 + [5] * 10),
]


@pytest.mark.parametrize(("first", "second"), SAMPLES)
def test_welch_t_matches_scipy(first, second):
    expected = stats.ttest_ind(second, first, equal_var=False)
    outcome = welch_t_test(moments(Counter(first)), moments(Counter(second)))
    assert outcome.statistic == pytest.approx(expected.statistic, rel=1e-10)
    assert outcome.p_value == pytest.approx(expected.pvalue, rel=1e-9)
    assert outcome.df == pytest.approx(expected.df, rel=1e-10)


def test_welch_t_needs_two_answers_on_each_side():
    assert welch_t_test(Moments(1, 3.0, None), moments(Counter([1, 2, 3]))).p_value is None


@pytest.mark.parametrize("sample", [first for first, _ in SAMPLES] + [[4, 4, 5]])
@pytest.mark.parametrize("level", [0.9, 0.95, 0.99])
def test_t_interval_matches_scipy(sample, level):
    summary = moments(Counter(sample))
    assert summary.mean == pytest.approx(np.mean(sample), rel=1e-14)
    assert summary.sd == pytest.approx(np.std(sample, ddof=1), rel=1e-12)
    expected = stats.t.interval(
        level, len(sample) - 1, loc=np.mean(sample), scale=stats.sem(sample)
    )
    assert t_interval(summary.mean, summary.sd, summary.n, level) == pytest.approx(
        expected, rel=1e-11
    )


def test_pearson_matches_scipy_with_blanks_left_out_pairwise():
    rng = np.random.default_rng(7)
    x = rng.integers(1, 6, 400).astype(float)
    y = np.clip(x + rng.integers(-2, 3, 400), 1, 5)
    xs = [None if i % 17 == 0 else float(v) for i, v in enumerate(x)]
    ys = [None if i % 23 == 0 else float(v) for i, v in enumerate(y)]
    keep = [i for i in range(400) if xs[i] is not None and ys[i] is not None]
    expected = stats.pearsonr(x[keep], y[keep])
    low, high = expected.confidence_interval(0.95)

    found = pearson(pair_tally(xs, ys), 0.95)

    assert found.n == len(keep)
    assert found.r == pytest.approx(expected.statistic, rel=1e-12)
    assert found.p_value == pytest.approx(expected.pvalue, rel=1e-8)
    assert (found.low, found.high) == pytest.approx((low, high), rel=1e-10)


def test_pearson_is_undefined_when_one_side_is_constant():
    found = pearson(pair_tally([1.0, 2.0, 3.0, 4.0], [2.0, 2.0, 2.0, 2.0]), 0.95)
    assert found.r is None and found.n == 4


def test_moments_of_an_empty_tally():
    assert moments({}) == Moments(0, None, None)
    assert math.isclose(moments({5.0: 1}).mean, 5.0)
