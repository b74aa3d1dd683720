"""Filters that cannot silently miss: case, blanks, several values, negation, combinations.

Counts are made here from the raw files with the csv module, not with the reader under test.
"""

from __future__ import annotations

import csv
import re

import pytest
from survey_helpers import load_wave, real_file

from generator.schema.engagement import Scales, Source

ROBOT = (
    "To help us ensure that you are not a robot, please enter the number of characters in the "
    'word "analysis" in the text box below. Please type your answer as a word; for example if '
    'you want 3 to be your answer, type "three".'
)
SEEN = "Which of the following Star Wars films have you seen? Please select all that apply."


def _copy(engagement, name: str, as_name: str) -> list[list[str]]:
    path = real_file(name)
    (engagement / "data" / as_name).write_bytes(path.read_bytes())
    encoding = "cp1252" if "538" in name else "utf-8-sig"
    with path.open(encoding=encoding, newline="") as handle:
        return [row for row in csv.reader(handle) if row]


def _rstudio(engagement, filters) -> tuple[list, list[str], list[list[str]]]:
    rows = _copy(engagement, "googleforms_rstudio_2019_english_responses.csv", "r.csv")
    source = Source.model_validate(
        {
            "file": "data/r.csv",
            "filters": filters,
            "columns": {"date": "Timestamp", "segments": {}},
        }
    )
    responses, problems = load_wave(engagement, [source], Scales())
    return responses, problems, rows


def _robot_column(rows) -> int:
    return next(j for j, text in enumerate(rows[0]) if text.startswith("To help us ensure"))


def test_a_filter_compares_trimmed_and_case_insensitively_and_takes_several_values(engagement):
    responses, problems, rows = _rstudio(engagement, [{"column": ROBOT, "keep": ["eight", 8]}])
    j = _robot_column(rows)
    expected = sum(1 for row in rows[1:] if row[j].strip().casefold() in ("eight", "8"))
    assert expected > 1_700  # "eight", "Eight", "Eight ", "8"…: case-sensitive kept 940
    assert problems == []
    assert len(responses) == expected


def test_a_value_that_never_occurs_and_a_filter_that_keeps_none_are_located(engagement):
    _, problems, _ = _rstudio(engagement, [{"column": ROBOT, "keep": ["eihgt"]}])
    assert problems == [
        "engagements/acme/engagement.yaml:24:7: warning: filters[0].keep[0]: 'eihgt' never "
        "occurs in column AC (To help us ensure that you are not a robot, please enter the "
        "number o…) (did you mean 'eight'?)",
        "engagements/acme/engagement.yaml:22:7: warning: filters[0]: this filter keeps none "
        "of the 1,838 rows it sees",
        "engagements/acme/engagement.yaml:20:7: no usable responses in this wave: the filters "
        "removed all 1838 rows",
    ]


def test_a_filter_that_keeps_fewer_than_half_the_rows_is_a_warning(engagement):
    responses, problems, rows = _rstudio(engagement, [{"column": ROBOT, "keep": ["8"]}])
    j = _robot_column(rows)
    assert len(responses) == sum(1 for row in rows[1:] if row[j].strip() == "8")
    assert problems == [
        f"engagements/acme/engagement.yaml:22:7: warning: filters[0]: this filter keeps only "
        f"{len(responses)} of the 1,838 rows it sees; check that it names the rows to keep, "
        "not those to drop"
    ]


def test_negation_and_blank_answers(engagement):
    responses, problems, rows = _rstudio(
        engagement, [{"column": ROBOT, "drop": ["eight", "8"], "not": True, "blank": True}]
    )
    j = _robot_column(rows)
    # not: the rule applies to the rows NOT listed (blanks count as listed): those are dropped
    kept = [r for r in rows[1:] if r[j].strip().casefold() in ("eight", "8", "")]
    assert len(responses) == len(kept)
    assert problems == []


def test_a_combined_condition_keeps_who_saw_at_least_one_film(engagement):
    rows = _copy(engagement, "surveymonkey_538_StarWars.csv", "sw.csv")
    films = rows[1][3:9]
    source = Source.model_validate(
        {
            "file": "data/sw.csv",
            "filters": [{"keep": {"any": [{"column": f"{SEEN} / {film}"} for film in films]}}],
            "columns": {"respondent_id": "RespondentID", "segments": {}},
        }
    )
    responses, problems = load_wave(engagement, [source], Scales())
    assert problems == []
    assert len(responses) == 835  # as FiveThirtyEight reported: 835 had seen at least one

    men = {
        "keep": {
            "all": [
                {"column": f"{SEEN} / {films[4]}"},
                {"column": "Gender", "is": ["male"], "not": True},
                {"column": "Gender", "blank": False},
            ]
        }
    }
    source = Source.model_validate({**source.model_dump(by_alias=True), "filters": [men]})
    responses, problems = load_wave(engagement, [source], Scales())
    expected = [r for r in rows[2:] if r[7].strip() and r[33] == "Female"]
    assert len(responses) == len(expected)


def test_a_limesurvey_response_never_submitted_is_dropped_by_its_blank_date(engagement):
    rows = _copy(engagement, "limesurvey_limonaid_survey_998192_R_data_file.csv", "l.csv")
    submitted = [r for r in rows[1:] if r[1].strip()]
    source = Source.model_validate(
        {
            "file": "data/l.csv",
            "filters": [{"column": "Date submitted", "drop": [], "blank": True}],
            "columns": {"respondent_id": "Response ID", "segments": {}},
        }
    )
    responses, problems = load_wave(engagement, [source], Scales())
    assert len(responses) == len(submitted)
    assert [p for p in problems if "never occurs" in p] == []


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"column": "x"}, "give either 'keep' or 'drop'"),
        ({"column": "x", "keep": []}, "list the values to match, or say blank: true"),
        ({"keep": [1]}, "name the column the values are in (column:)"),
        ({"keep": {"column": "x", "all": [{"column": "y"}]}}, "'all' combines tests"),
    ],
)
def test_a_malformed_filter_is_refused_with_a_reason(rule, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        Source.model_validate({"file": "data/x.csv", "filters": [rule], "columns": {}})
