"""Each group against the rest of the sample, Holm-corrected: scipy and statsmodels as oracles."""

import math
import random

import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportions_ztest

from generator.analyze.survey import analyze_survey
from generator.analyze.versus import holm
from generator.responses import Responses
from generator.schema.engagement import Scales

STORES = ["Riga", "Tartu", "Vilnius", "Kaunas"]


def _wave(seed: int = 7, size: int = 400) -> Responses:
    rng = random.Random(seed)
    store, nps, csat, overall = [], [], [], []
    for _ in range(size):
        where = rng.choice(STORES)
        lift = 2 if where == "Riga" else 0  # Riga's respondents are happier
        store.append(where)
        nps.append(float(min(10, rng.randint(3, 10) + lift)))
        csat.append(float(min(5, rng.randint(1, 5) + lift // 2)))
        overall.append(float(min(5, rng.randint(2, 5) + lift // 2)) if rng.random() > 0.1 else None)
    return Responses(
        origins=[str(i) for i in range(size)],
        nps=nps,
        csat=csat,
        overall=overall,
        segments={"store": store},
    )


def _split(responses, column, store):
    pairs = list(zip(getattr(responses, column), responses.segments["store"], strict=True))
    mine = [v for v, s in pairs if s == store and v is not None]
    rest = [v for v, s in pairs if s != store and v is not None]
    return mine, rest


def test_every_group_is_tested_against_the_rest_and_holm_corrected():
    responses = _wave()
    _, found = analyze_survey(responses, Scales(), 0.95, 5, crossed=False)
    (by_store,) = found
    raw_p = {}
    for group in by_store.groups:
        store = group.values[0]
        tested = group.versus_rest

        mine, rest = _split(responses, "csat", store)
        z, p = proportions_ztest(
            [sum(v >= 4 for v in mine), sum(v >= 4 for v in rest)], [len(mine), len(rest)]
        )
        assert tested["csat"].statistic == pytest.approx(z, rel=1e-10)
        assert tested["csat"].p_value == pytest.approx(p, rel=1e-10)

        mine, rest = _split(responses, "overall", store)
        welch = stats.ttest_ind(mine, rest, equal_var=False)
        assert tested["overall"].difference == pytest.approx(
            sum(mine) / len(mine) - sum(rest) / len(rest)
        )
        assert tested["overall"].p_value == pytest.approx(welch.pvalue, rel=1e-8)

        mine, rest = _split(responses, "nps", store)
        scores = [[1 if s >= 9 else -1 if s <= 6 else 0 for s in side] for side in (mine, rest)]
        se = [
            math.sqrt(sum((x - sum(s) / len(s)) ** 2 for x in s) / len(s)) / math.sqrt(len(s))
            for s in scores
        ]
        z = (sum(scores[0]) / len(scores[0]) - sum(scores[1]) / len(scores[1])) / math.hypot(*se)
        assert tested["nps"].p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-8)
        for metric, comparison in tested.items():
            raw_p[(store, metric)] = comparison

    keys = list(raw_p)
    reject, adjusted, _, _ = multipletests(
        [raw_p[k].p_value for k in keys], alpha=0.05, method="holm"
    )
    for key, p, significant in zip(keys, adjusted, reject, strict=True):
        assert raw_p[key].p_adjusted == pytest.approx(p, rel=1e-12)
        assert (raw_p[key].verdict in ("higher", "lower")) == significant
    assert raw_p[("Riga", "nps")].verdict == "higher"
    assert raw_p[("Riga", "nps")].correction == "Holm"


def test_holm_matches_statsmodels():
    p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.049]
    assert holm(p) == pytest.approx(list(multipletests(p, method="holm")[1]), rel=1e-12)


def test_a_suppressed_group_is_not_tested():
    responses = _wave(size=200)
    responses.segments["store"][:3] = ["Narva"] * 3
    _, (by_store,) = analyze_survey(responses, Scales(), 0.95, 5, crossed=False)
    narva = next(g for g in by_store.groups if g.values == ("Narva",))
    assert narva.versus_rest is None
