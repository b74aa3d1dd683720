"""A change the data cannot test is said to be so: never a crash, never p = 0 "up".

The rule (see ``generator.analyze.waves``): a test needs at least two answers in each wave and
answers that vary (a standard error above 0). statsmodels and scipy are the oracles where the
test is defined; where they return nan, or scipy an infinite t from two constant samples, the
change is "not enough data to test".
"""

import math
import warnings

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from generator.analyze.metrics import item_stats, nps, share_from_counts
from generator.analyze.waves import UNTESTED, mean_change, nps_change, share_change
from generator.schema.engagement import Scale

ITEM = Scale(min=1, max=5)


def test_nps_change_with_both_standard_errors_zero_is_not_tested():
    before, after = nps([3] * 40), nps([10] * 40)  # all detractors, then all promoters
    assert before.se == 0 and after.se == 0

    change = nps_change(before, after, 0.95)

    assert change.difference == pytest.approx(200.0)
    assert (change.p_value, change.statistic) == (None, None)
    assert change.verdict == UNTESTED == "not enough data to test"


def test_nps_change_from_one_answer_a_wave_is_not_tested():
    change = nps_change(nps([0]), nps([10]), 0.95)
    assert change.verdict == UNTESTED and change.p_value is None


def test_nps_change_with_one_constant_wave_is_still_tested_like_a_z_test():
    before, after = [10] * 30, [10] * 20 + [8] * 5 + [2] * 5
    change = nps_change(nps(before), nps(after), 0.95)
    # The oracle: NPS is the mean of +1/0/−1 scores; its SE the population SD over √n.
    scores = [np.array([1 if s >= 9 else -1 if s <= 6 else 0 for s in w]) for w in (before, after)]
    se = [s.std() / math.sqrt(len(s)) for s in scores]
    z = 100 * (scores[1].mean() - scores[0].mean()) / (100 * math.hypot(*se))
    assert change.statistic == pytest.approx(z, rel=1e-12)
    assert change.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-10)


def test_a_share_everyone_gave_in_both_waves_is_not_tested_as_statsmodels_cannot():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        z, p = proportions_ztest([40, 35], [40, 35])
    assert math.isnan(z) and math.isnan(p)

    change = share_change(share_from_counts(40, 40), share_from_counts(35, 35), 0.95)
    assert change.verdict == UNTESTED and change.p_value is None


def test_a_share_from_one_answer_a_wave_is_not_tested():
    change = share_change(share_from_counts(0, 1), share_from_counts(1, 1), 0.95)
    assert change.verdict == UNTESTED


def test_two_constant_waves_of_different_means_are_not_tested():
    before, after = [4] * 40, [5] * 40
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        oracle = stats.ttest_ind(after, before, equal_var=False)
    assert math.isinf(oracle.statistic)  # the t test divides by a zero spread

    change = mean_change(item_stats(before, ITEM), item_stats(after, ITEM), 0.95)
    assert change.difference == pytest.approx(1.0)
    assert change.verdict == UNTESTED and change.p_value is None


def test_a_mean_with_one_constant_wave_is_welch_tested_as_scipy_does():
    before, after = [4] * 40, [3, 4, 5, 5, 5] * 8
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy's note on the constant wave's moments
        expected = stats.ttest_ind(after, before, equal_var=False)
    change = mean_change(item_stats(before, ITEM), item_stats(after, ITEM), 0.95)
    assert change.p_value == pytest.approx(expected.pvalue, rel=1e-9)
    assert change.verdict == "up"
