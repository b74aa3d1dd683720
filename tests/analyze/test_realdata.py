"""Metrics on real exports: airline passenger ratings and a Google Forms recommend question."""

import csv
from collections import Counter

import pytest

from generator.analyze.metrics import item_stats, nps
from generator.analyze.segments import breakdowns
from generator.analyze.survey import assemble_survey, survey_specs
from generator.responses import Responses
from generator.schema.engagement import Scale, Scales

AIRLINE_ITEMS = [
    "Inflight wifi service",
    "Departure/Arrival time convenient",
    "Ease of Online booking",
    "Gate location",
    "Food and drink",
    "Online boarding",
    "Seat comfort",
    "Inflight entertainment",
    "On-board service",
    "Leg room service",
    "Baggage handling",
    "Checkin service",
    "Inflight service",
    "Cleanliness",
]
AIRLINE_SCALE = Scale(min=0, max=5, not_applicable=[0])


def _airline(realdata):
    with (realdata / "airline_passenger_satisfaction_kaggle_test.csv").open(
        newline="", encoding="utf-8"
    ) as handle:
        return list(csv.DictReader(handle))


def test_airline_item_means_leave_out_not_applicable(realdata):
    rows = _airline(realdata)
    assert len(rows) == 25_976
    for item in AIRLINE_ITEMS:
        answered = [int(row[item]) for row in rows if row[item] != "0"]
        expected_mean = sum(answered) / len(answered)
        expected_top = sum(1 for a in answered if a >= 4)

        result = item_stats([float(row[item]) for row in rows], AIRLINE_SCALE)

        assert result.n == len(answered), item
        assert result.value == pytest.approx(expected_mean, rel=1e-12), item
        assert result.top_box.count == expected_top, item
        assert [p.point for p in result.distribution] == [1, 2, 3, 4, 5]


def test_airline_items_by_class_and_travel_type_show_every_large_group(realdata):
    rows = _airline(realdata)
    responses = Responses(
        origins=[str(i) for i in range(len(rows))],
        items={"wifi": [float(row["Inflight wifi service"]) for row in rows]},
        segments={
            "class": [row["Class"] for row in rows],
            "travel": [row["Type of Travel"] for row in rows],
        },
    )
    scales = Scales(items=AIRLINE_SCALE)
    found = breakdowns(responses.segments, survey_specs(responses, scales, 0.95), assemble_survey)
    by_class = {g.values: g.result for g in found[0].groups}
    expected = Counter(row["Class"] for row in rows)
    assert {k[0]: v.respondents for k, v in by_class.items()} == dict(expected)
    eco = [int(row["Inflight wifi service"]) for row in rows if row["Class"] == "Eco"]
    eco = [a for a in eco if a != 0]
    assert by_class[("Eco",)].items["wifi"].value == pytest.approx(sum(eco) / len(eco), rel=1e-12)
    assert len(found) == 3  # class, travel, and the two crossed


def test_google_forms_recommend_question_on_a_one_to_ten_scale(realdata):
    path = realdata / "googleforms_rstudio_2019_english_responses.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header[18].startswith("How likely are you to recommend R")
    answers = [row[18] for row in body if len(row) > 18]
    counted = Counter(answers)
    given = sum(count for answer, count in counted.items() if answer != "")
    promoters = counted["9"] + counted["10"]
    detractors = sum(counted[str(a)] for a in range(1, 7))

    result = nps([float(a) if a else None for a in answers], Scale(min=1, max=10))

    assert result.n == given
    assert (result.promoters, result.detractors) == (promoters, detractors)
    assert result.value == pytest.approx(100 * (promoters - detractors) / given, rel=1e-12)
