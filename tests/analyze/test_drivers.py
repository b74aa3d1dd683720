"""Key drivers: Pearson importance, performance, and quadrants split at the medians."""

import numpy as np
import pytest
from scipy import stats

from generator.analyze.drivers import key_drivers
from generator.schema.engagement import Scale

ITEM = Scale(min=1, max=5)


def _survey(n=400, seed=11):
    rng = np.random.default_rng(seed)
    overall = rng.integers(1, 6, n)
    noise = rng.integers(-1, 2, n)
    items = {
        "checkout": np.clip(overall + noise + 1, 1, 5),  # moves with overall, rated high
        "delivery": np.clip(overall + noise - 1, 1, 5),  # moves with overall, rated low
        "returns": rng.integers(1, 4, n),  # unrelated, rated low
        "packaging": rng.integers(3, 6, n),  # unrelated, rated high
    }
    as_lists = {k: [float(v) for v in column] for k, column in items.items()}
    as_lists["delivery"][::9] = [None] * len(as_lists["delivery"][::9])  # some left blank
    return [float(v) for v in overall], as_lists


def test_importance_is_pearsons_r_over_pairwise_complete_answers():
    overall, items = _survey()
    result = key_drivers(items, overall, [], ITEM, ITEM)
    assert result.target == "overall"
    for driver in result.drivers:
        pairs = [(x, y) for x, y in zip(items[driver.item], overall, strict=True) if x is not None]
        expected = stats.pearsonr([p[0] for p in pairs], [p[1] for p in pairs])
        assert driver.n == len(pairs)
        assert driver.importance == pytest.approx(expected.statistic, rel=1e-12)
        assert driver.performance == pytest.approx(np.mean([p[0] for p in pairs]), rel=1e-12)


def test_quadrants_split_at_the_median_importance_and_performance():
    overall, items = _survey()
    result = key_drivers(items, overall, [], ITEM, ITEM)
    r = {d.item: d.importance for d in result.drivers}
    means = {d.item: d.performance for d in result.drivers}
    assert result.importance_median == pytest.approx(np.median(list(r.values())))
    assert result.performance_median == pytest.approx(np.median(list(means.values())))
    placed = {d.item: d.quadrant for d in result.drivers}
    assert placed == {
        "checkout": "keep up",
        "delivery": "fix first",
        "returns": "watch",
        "packaging": "less important",
    }
    assert [d.item for d in result.drivers][:2] == sorted(
        ["checkout", "delivery"], key=lambda k: -r[k]
    )


def test_top_box_performance_and_likelihood_to_recommend_when_overall_is_absent():
    overall, items = _survey()
    nps = [min(10.0, 2.0 * v) for v in overall]
    result = key_drivers(items, [None] * len(overall), nps, ITEM, performance="top_box")
    assert result.target == "nps"
    assert "likelihood to recommend" in result.method and "Pearson" in result.method
    checkout = next(d for d in result.drivers if d.item == "checkout")
    answers = items["checkout"]
    assert checkout.performance == pytest.approx(sum(a >= 4 for a in answers) / len(answers))


def test_items_with_few_pairs_are_flagged_and_limits_are_stated():
    overall, items = _survey(n=25)
    result = key_drivers(items, overall, [], ITEM, ITEM)
    assert all(d.few_pairs for d in result.drivers)
    assert any("not causation" in text for text in result.limits)


def test_no_target_means_no_driver_analysis():
    assert key_drivers({"a": [1.0, 2.0]}, [None, None], [], ITEM) is None
