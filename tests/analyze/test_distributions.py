"""The pure-Python normal and t functions against scipy."""

import math

import pytest
from scipy import special, stats

from generator.analyze.distributions import (
    critical_t,
    critical_z,
    normal_two_sided_p,
    regularized_beta,
    t_quantile,
    t_two_sided_p,
)

LEVELS = (0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999)


@pytest.mark.parametrize("level", LEVELS)
def test_t_critical_values_match_scipy_for_every_df_from_1_to_1000(level):
    for df in range(1, 1001):
        expected = stats.t.ppf(0.5 + level / 2, df)
        assert critical_t(level, df) == pytest.approx(expected, rel=1e-11), df


@pytest.mark.parametrize("df", [1000.5, 5000, 99_999, 250_000.25])
@pytest.mark.parametrize("p", [0.0005, 0.025, 0.3, 0.7, 0.975, 0.9995])
def test_t_quantile_matches_scipy_for_large_and_fractional_df(df, p):
    assert t_quantile(p, df) == pytest.approx(stats.t.ppf(p, df), rel=1e-9)


def test_t_quantile_is_odd_and_zero_at_the_median():
    assert t_quantile(0.5, 7) == 0.0
    assert t_quantile(0.1, 7) == -t_quantile(0.9, 7)


@pytest.mark.parametrize("df", [1, 2, 3, 4.5, 9, 29.7, 100, 1000, 50_000])
@pytest.mark.parametrize("t", [0.01, 0.5, 1.0, 1.96, 2.5, 4.0, 8.0, 25.0])
def test_t_two_sided_p_matches_scipy(df, t):
    expected = 2 * stats.t.sf(t, df)
    assert t_two_sided_p(t, df) == pytest.approx(expected, rel=1e-9)
    assert t_two_sided_p(-t, df) == t_two_sided_p(t, df)


@pytest.mark.parametrize(
    ("x", "a", "b"), [(0.1, 0.5, 3), (0.5, 2, 2), (0.9, 10, 0.5), (0.999, 400, 0.5), (0.3, 7, 11)]
)
def test_regularized_beta_matches_scipy(x, a, b):
    assert regularized_beta(x, a, b) == pytest.approx(special.betainc(a, b, x), rel=1e-12)


@pytest.mark.parametrize("level", LEVELS)
def test_normal_critical_values_match_scipy(level):
    assert critical_z(level) == pytest.approx(stats.norm.ppf(0.5 + level / 2), rel=1e-14)


def test_normal_two_sided_p_keeps_precision_far_in_the_tail():
    assert normal_two_sided_p(10.0) == pytest.approx(2 * stats.norm.sf(10.0), rel=1e-12)
    assert normal_two_sided_p(-1.959963984540054) == pytest.approx(0.05, rel=1e-12)


def test_levels_outside_zero_and_one_are_refused():
    with pytest.raises(ValueError):
        critical_t(1.0, 5)
    with pytest.raises(ValueError):
        critical_z(0.0)
    assert math.isclose(critical_t(0.95, 1), 12.706204736174698, rel_tol=1e-12)
