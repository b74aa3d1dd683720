"""SUS scoring on published examples and on 36 real judges' questionnaires."""

import csv

import numpy as np
import pytest
from scipy import stats

from generator.analyze.segments import breakdowns
from generator.analyze.survey import assemble_usability, usability_specs
from generator.analyze.sus import grade, percentile_rank, respondent_scores, sus, sus_score


def test_brooke_scoring_of_the_neutral_best_and_worst_questionnaires():
    assert sus_score([3] * 10) == 50.0
    assert sus_score([5, 1] * 5) == 100.0
    assert sus_score([1, 5] * 5) == 0.0


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # The command-line SUS calculator's documented example: "4152514231" scores 85.
        ([4, 1, 5, 2, 5, 1, 4, 2, 3, 1], 85.0),
        # A published scoring snippet's own check: contributions 3+3+3+4+3+3+4+3+3+3 = 32.
        ([4, 2, 4, 1, 4, 2, 5, 2, 4, 2], 80.0),
    ],
)
def test_published_worked_examples(answers, expected):
    assert sus_score(answers) == expected


def test_only_complete_questionnaires_are_scored():
    rows = [[3] * 10, [5, 1] * 5, [3] * 9 + [None], [None] * 10]
    result = sus(rows)
    assert result.n == 2 and result.value == 75.0
    assert result.incomplete == 1


@pytest.mark.parametrize(
    ("score", "letter", "percentile"),
    [
        (100.0, "A+", 100.0),
        (84.1, "A+", 96.0),
        (84.0, "A", 95.0),
        (84.05, "A+", 96.0),  # printed as 84.1, so graded as 84.1
        (80.8, "A", 90.0),
        (74.0, "B-", 69.0),
        (68.0, "C", 50.0),
        (65.0, "C", 41.0),
        (51.7, "D", 15.0),
        (51.6, "F", 14.0),
        (0.0, "F", 0.0),
    ],
)
def test_curved_grading_scale_rows_and_percentiles(score, letter, percentile):
    assert grade(score) == letter
    assert percentile_rank(score) == pytest.approx(percentile)


def _folador(realdata):
    path = realdata / "sus_folador_usability-db-en.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[4].startswith("I think that I would like to use this system frequently")
    return body


def test_real_judges_mean_score_grade_and_interval(realdata):
    body = _folador(realdata)
    answers = np.array([[int(v) for v in row[4:14]] for row in body])
    per_judge = ((answers[:, 0::2] - 1).sum(axis=1) + (5 - answers[:, 1::2]).sum(axis=1)) * 2.5
    expected_low, expected_high = stats.t.interval(
        0.95, len(per_judge) - 1, loc=per_judge.mean(), scale=stats.sem(per_judge)
    )

    result = sus([[float(v) for v in row[4:14]] for row in body])

    assert result.n == 36
    assert result.value == pytest.approx(per_judge.mean(), rel=1e-12)  # 82.99
    assert result.sd == pytest.approx(per_judge.std(ddof=1), rel=1e-12)
    assert (result.low, result.high) == pytest.approx((expected_low, expected_high), rel=1e-11)
    assert result.grade == "A"  # 83.0 lies in 80.8–84.0
    assert 90 <= result.percentile <= 95


def test_real_judges_by_age_band_suppress_small_bands_and_their_cover(realdata):
    body = _folador(realdata)
    scores = respondent_scores([[float(v) for v in row[4:14]] for row in body])
    segments = {"age": [row[1] for row in body], "experience": [row[2] for row in body]}

    age, experience = breakdowns(
        segments, usability_specs(scores, 0.95), assemble_usability, 5, crossed=False
    )

    shown = {g.values[0]: g.result for g in age.groups if not g.result.to_dict().get("suppressed")}
    # 28 judges are 18–25; the other bands hold 4, 3 and 1, together 8: hidden, the 28 shown.
    assert list(shown) == ["18-25 years"]
    assert shown["18-25 years"].respondents == 28
    # 30 have used a computer over 5 years, 5 for 3–5 years, 1 for 1–2 years: the lone judge is
    # hidden, and so is the 3–5 group, or 36 − 30 − 5 would give the lone judge away.
    hidden = [g.values[0] for g in experience.groups if g.result.to_dict() == {"suppressed": True}]
    assert sorted(hidden) == ["1-2 years", "3-5 years"]
