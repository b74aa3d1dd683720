"""NPS, CSAT, CES, item statistics and response rate on hand-listed answers."""

import statistics

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from generator.analyze.metrics import ces, csat, item_stats, nps, response_rate
from generator.schema.engagement import Scale

TEN = [10, 10, 10, 9, 9, 8, 7, 6, 3, 0]  # 5 promoters, 2 passives, 3 detractors


def test_nps_of_ten_hand_listed_answers():
    result = nps(TEN)
    assert (result.promoters, result.passives, result.detractors) == (5, 2, 3)
    assert result.n == 10
    assert result.value == pytest.approx(20.0)
    assert (result.promoter_share, result.passive_share, result.detractor_share) == (0.5, 0.2, 0.3)


def test_nps_standard_error_is_that_of_the_plus_one_zero_minus_one_scores():
    scores = [1 if a >= 9 else -1 if a <= 6 else 0 for a in TEN]
    direct = (statistics.pvariance(scores) / len(scores)) ** 0.5
    result = nps(TEN)
    assert result.se == pytest.approx(100 * direct, rel=1e-12)
    half = 100 * direct * stats.norm.ppf(0.975)
    assert (result.low, result.high) == pytest.approx((20 - half, 20 + half), rel=1e-12)


def test_nps_interval_is_clipped_to_the_scale_of_points():
    result = nps([10, 10, 9, 8])
    assert result.value == 75.0
    assert result.high == 100.0
    assert result.low < 75.0
    assert nps([0, 1, 2]).value == -100.0


def test_nps_on_a_one_to_ten_scale_counts_one_as_a_detractor():
    result = nps([1, 6, 7, 8, 9, 10], Scale(min=1, max=10))
    assert (result.promoters, result.passives, result.detractors) == (2, 2, 2)
    assert result.value == 0.0


def test_nps_refuses_a_scale_that_is_not_zero_or_one_to_ten():
    with pytest.raises(ValueError, match="0–10 or 1–10"):
        nps([1, 2, 3], Scale(min=1, max=5))


def test_blank_and_not_applicable_answers_are_never_counted():
    result = nps([None, 10, None, 0], Scale(min=0, max=10))
    assert result.n == 2 and result.value == 0.0
    item = item_stats([0, 0, 5, 4, None], Scale(min=0, max=5, not_applicable=[0]))
    assert item.n == 2 and item.value == 4.5
    assert nps([None, None]).value is None and nps([]).n == 0


def test_csat_top_two_box_with_wilson_interval_and_mean_with_t_interval():
    answers = [5, 4, 3, 2, 1, 5, 4, None]
    result = csat(answers)
    assert (result.count, result.n, result.value) == (4, 7, pytest.approx(4 / 7))
    assert (result.low, result.high) == pytest.approx(
        proportion_confint(4, 7, alpha=0.05, method="wilson"), rel=1e-12
    )
    given = [a for a in answers if a is not None]
    expected = stats.t.interval(0.95, len(given) - 1, loc=np.mean(given), scale=stats.sem(given))
    assert result.mean.value == pytest.approx(np.mean(given))
    assert (result.mean.low, result.mean.high) == pytest.approx(expected, rel=1e-11)


def test_csat_top_box_follows_the_scale():
    result = csat([7, 6, 7, 5, 1], Scale(min=1, max=7, top_box=1))
    assert result.count == 2 and result.top_box_from == 7
    assert csat([10, 9, 8], Scale(min=0, max=10, top_box=3)).count == 3


def test_ces_on_one_to_seven_reports_the_share_agreeing():
    result = ces([7, 6, 5, 4, 3, 2, 1, 5])
    assert result.share.count == 4 and result.share.n == 8
    assert result.share_points == (5, 6, 7)
    assert result.direction == "higher is better" and not result.lower_is_better
    assert result.value == pytest.approx(33 / 8)


def test_legacy_ces_is_labelled_lower_is_better_and_reports_low_effort():
    result = ces([1, 2, 3, 4, 5, 1], Scale(min=1, max=5, lower_is_better=True))
    assert result.lower_is_better and result.direction == "lower is better"
    assert result.share_label == "low effort" and result.share_points == (1, 2)
    assert result.share.value == pytest.approx(0.5)


def test_item_statistics_list_every_scale_point():
    result = item_stats([5, 5, 4, 1, None], Scale(min=1, max=5))
    assert [(p.point, p.count) for p in result.distribution] == [
        (1, 1),
        (2, 0),
        (3, 0),
        (4, 1),
        (5, 2),
    ]
    assert result.top_box.count == 3 and result.top_box.n == 4
    assert result.sd == pytest.approx(statistics.stdev([5, 5, 4, 1]))


def test_a_single_answer_has_a_mean_but_no_interval():
    result = item_stats([4], Scale(min=1, max=5))
    assert result.value == 4 and result.low is None and result.high is None


def test_response_rate():
    assert response_rate(150, 1000).value == pytest.approx(0.15)
    assert response_rate(150, None).value is None


def test_results_are_json_ready():
    plain = csat([5, 4, 3]).to_dict()
    assert plain["mean"]["n"] == 3
    assert plain["distribution"][4] == {"point": 5, "count": 1, "share": pytest.approx(1 / 3)}
