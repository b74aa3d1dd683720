"""Change since the previous wave: the right test for each metric, and a plain verdict."""

import math

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from generator.analyze.metrics import item_stats, nps
from generator.analyze.plain import Suppressed
from generator.analyze.segments import breakdowns
from generator.analyze.survey import assemble_survey, survey_metrics, survey_specs
from generator.analyze.waves import (
    compare_breakdowns,
    compare_metrics,
    mean_change,
    nps_change,
    share_change,
)
from generator.responses import Responses
from generator.schema.engagement import Scale, Scales

ITEM = Scale(min=1, max=5)


def test_nps_change_is_the_difference_over_the_combined_standard_error():
    before = [10] * 40 + [8] * 30 + [3] * 30  # NPS 10
    after = [10] * 60 + [8] * 25 + [3] * 15  # NPS 45
    first, second = nps(before), nps(after)

    change = nps_change(first, second, 0.95)

    z = (second.value - first.value) / math.hypot(first.se, second.se)
    assert change.difference == pytest.approx(35.0)
    assert change.statistic == pytest.approx(z, rel=1e-12)
    assert change.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-10)
    assert change.verdict == "up"
    assert not change.small_sample


def test_share_change_uses_the_pooled_two_proportion_z_test():
    before = [5] * 45 + [3] * 55
    after = [5] * 30 + [2] * 80
    change = share_change(_share(before), _share(after), 0.95)
    z, p = proportions_ztest([45, 30], [100, 110])
    assert change.statistic == pytest.approx(-z, rel=1e-12)
    assert change.p_value == pytest.approx(p, rel=1e-12)
    assert change.verdict == "down"


def _share(answers):
    return item_stats(answers, ITEM).top_box


def test_mean_change_uses_welch_t():
    before = [1, 2, 2, 3, 3, 3, 4, 4, 5] * 4
    after = [3, 4, 4, 5, 5, 5, 4, 4, 5, 2] * 3
    change = mean_change(item_stats(before, ITEM), item_stats(after, ITEM), 0.95)
    expected = stats.ttest_ind(after, before, equal_var=False)
    assert change.difference == pytest.approx(np.mean(after) - np.mean(before))
    assert change.statistic == pytest.approx(expected.statistic, rel=1e-10)
    assert change.p_value == pytest.approx(expected.pvalue, rel=1e-9)
    assert change.verdict == ("up" if expected.pvalue < 0.05 else "no significant change")


def test_small_samples_are_flagged_and_a_tiny_difference_is_not_significant():
    change = mean_change(item_stats([3, 4, 5] * 5, ITEM), item_stats([3, 4, 5, 5] * 5, ITEM), 0.95)
    assert change.small_sample
    assert change.verdict == "no significant change"


def test_the_verdict_follows_the_confidence_level():
    before, after = [5] * 50 + [1] * 50, [5] * 62 + [1] * 38
    p = proportions_ztest([50, 62], [100, 100])[1]
    assert 0.05 < p < 0.1
    assert share_change(_share(before), _share(after), 0.95).verdict == "no significant change"
    assert share_change(_share(before), _share(after), 0.90).verdict == "up"


def _wave(nps_answers, regions):
    return Responses(
        origins=[str(i) for i in range(len(nps_answers))],
        nps=nps_answers,
        csat=[5 if a >= 9 else 3 for a in nps_answers],
        segments={"region": regions},
    )


def test_every_metric_and_every_segment_group_is_compared():
    regions = ["north"] * 30 + ["south"] * 12
    first = _wave([10] * 15 + [5] * 15 + [9] * 12 + [9] * 3, regions + ["east"] * 3)
    second = _wave([10] * 25 + [5] * 5 + [9] * 12 + [3] * 8, regions + ["east"] * 8)
    scales = Scales()
    metrics = [survey_metrics(w, scales, 0.95) for w in (first, second)]
    found = [
        breakdowns(w.segments, survey_specs(w, scales, 0.95), assemble_survey, 5)
        for w in (first, second)
    ]

    change = compare_metrics(metrics[0], metrics[1], scales, scales, 0.95)
    by_region = compare_breakdowns(found[0][0], found[1][0], scales, scales, 0.95)

    assert change.nps.previous == metrics[0].nps.value
    assert change.nps.current == metrics[1].nps.value
    assert change.csat.test.startswith("two-proportion")
    assert change.csat_mean.test == "Welch's t test"
    assert change.ces is None  # not asked
    groups = {g.values[0]: g.change for g in by_region.groups}
    # East had 3 respondents in the first wave, so it was hidden, and south with it (the next
    # smallest): their changes stay hidden. North is compared: NPS 0 → 66.7.
    assert isinstance(groups["east"], Suppressed) and isinstance(groups["south"], Suppressed)
    assert groups["north"].nps.previous == pytest.approx(0.0)
    assert groups["north"].nps.current == pytest.approx(100 * (25 - 5) / 30)
    assert groups["north"].nps.verdict == "up"


def test_a_metric_whose_scale_changed_is_not_compared():
    wave = _wave([10, 9, 8, 3] * 10, ["north"] * 40)
    before, after = Scales(), Scales(csat=Scale(min=1, max=7))
    metrics = survey_metrics(wave, before, 0.95)
    change = compare_metrics(metrics, metrics, before, after, 0.95)
    assert change.csat is None and change.csat_mean is None
    assert change.nps.verdict == "no significant change"
