"""The Student t quantile over the whole range the analysis uses, against scipy and closed forms."""

import numpy as np
import pytest
from scipy import special, stats

from generator.analyze.distributions import regularized_beta, t_quantile

# Whole df as intervals on n − 1 use, fractional df as Welch–Satterthwaite gives, from 1 to 10⁶:
# where the expansion about the normal quantile takes over, and both sides of that border.
WHOLE_DF = [*range(1, 301), 500, 999, 1000, 1001, 1600, 2500, 3200, 5000, 10**4, 10**5, 10**6]
FRACTIONAL_DF = [float(df) for df in np.geomspace(1.001, 1e6, 400)] + [1.5, 2.5, 4.5, 1234.567]
PROBABILITIES = [
    0.5,
    0.51,
    0.55,
    0.6,
    0.7,
    0.75,
    0.8,
    0.9,
    0.95,
    0.975,
    0.99,
    0.995,
    0.999,
    0.9995,
    0.9999,
]


def _assert_matches_scipy(p: float, dfs: list) -> None:
    for df in dfs:
        assert t_quantile(p, df) == pytest.approx(stats.t.ppf(p, df), rel=1e-12, abs=0), df


@pytest.mark.parametrize("p", PROBABILITIES)
def test_t_quantile_matches_scipy_to_twelve_digits_for_whole_df(p):
    _assert_matches_scipy(p, WHOLE_DF)


@pytest.mark.parametrize("p", PROBABILITIES)
def test_t_quantile_matches_scipy_to_twelve_digits_for_fractional_df(p):
    _assert_matches_scipy(p, FRACTIONAL_DF)


@pytest.mark.parametrize("df", [0.3, 0.5, 0.9, 1.2, 7.0, 80.0, 10**6])
@pytest.mark.parametrize("tail", [1e-6, 1e-9, 1e-12])
def test_t_quantile_far_in_the_tail_and_below_one_degree_of_freedom(df, tail):
    assert t_quantile(1.0 - tail, df) == pytest.approx(
        stats.t.isf(1.0 - (1.0 - tail), df), rel=1e-12
    )


def _central_mass_at_4_df(t: float) -> float:
    # P(0 ≤ T ≤ t) on 4 degrees of freedom in closed form: t(t² + 6) / (2(t² + 4)^(3/2)).
    return t * (t * t + 6.0) / (2.0 * (t * t + 4.0) ** 1.5)


@pytest.mark.parametrize("offset", [1e-3, 1e-5, 1e-7, 1e-9])
def test_t_quantile_keeps_its_digits_near_the_median(offset):
    # Just above ½ the upper tail is close to ½ and a quantile found from it would be off in
    # the ninth digit; the closed form on 4 df shows the probability is met to full precision.
    p = 0.5 + offset
    t = t_quantile(p, 4)
    assert _central_mass_at_4_df(t) == pytest.approx(p - 0.5, rel=1e-14, abs=0)


@pytest.mark.parametrize("a", [10, 10.5, 12.5, 20, 40, 100, 1000, 50_000])
@pytest.mark.parametrize("b", [0.5, 1.5])
def test_regularized_beta_matches_scipy_where_stirling_series_takes_over(a, b):
    # ln B(a, b) comes from Stirling's series from a = 10 on: with too few terms its error at
    # a = 10 was about 1e-12, which every t probability and quantile on 20 df inherited.
    for x in np.linspace(0.5, 0.999, 40):
        expected = special.betainc(a, b, x)
        if expected > 1e-12:
            assert regularized_beta(x, a, b) == pytest.approx(expected, rel=1e-13, abs=0), x
