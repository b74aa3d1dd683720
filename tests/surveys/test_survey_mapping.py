"""A wave's mapping applied to its files: checked Responses, or every problem at its place."""

from __future__ import annotations

import csv
import logging
import os

import pytest
from survey_helpers import load_sus, load_wave, real_file, write_xlsx

from generator.schema.engagement import Scale, Scales, Source

HEADER = ["ResponseId", "Q1", "Q7_1", "Q17", "Store", "Comment", "CSAT", "Finished", "Date"]


def survey_rows(count: int = 20) -> list[list]:
    rows = [HEADER]
    for n in range(1, count + 1):
        rows.append([f"R_{n}", 3, 4, n % 11, " Riga ", "", 5, 1, "2026-07-01"])
    return rows


def load(engagement, sources: list[dict], scales: Scales | None = None):
    """Load ``sources`` as one Latvian wave; return the responses and the problem lines."""
    return load_wave(
        engagement, [Source.model_validate(s) for s in sources], scales or Scales(), language="lv"
    )


def q2(columns: dict, **extra) -> dict:
    return {"file": "data/q2.xlsx", "sheet": "Responses", "columns": columns, **extra}


def test_missing_column_suggests_the_closest(engagement):
    write_xlsx(engagement / "data" / "q2.xlsx", survey_rows())
    _, problems = load(engagement, [q2({"nps": "Q7", "segments": {"loyalty": "Loyalty"}})])
    assert problems == [
        "engagements/acme/engagement.yaml:22:7: columns.nps: no column 'Q7' in "
        "data/q2.xlsx[Responses]; closest: Q7_1, Q17, Q1",
        "engagements/acme/engagement.yaml:23:7: columns.segments.loyalty: no column 'Loyalty' "
        "in data/q2.xlsx[Responses] (the columns are: ResponseId, Q1, Q7_1, Q17, Store, "
        "Comment, CSAT, Finished, Date)",
    ]


def test_value_off_its_scale_names_the_cell(engagement):
    rows = survey_rows()
    rows[16][3] = 11  # sheet row 17, column D
    write_xlsx(engagement / "data" / "q2.xlsx", rows)
    _, problems = load(engagement, [q2({"nps": "Q17"})])
    assert problems == [
        "engagements/acme/data/q2.xlsx[Responses]!D17: 11 is outside the 0–10 scale of 'nps'"
    ]


def test_unknown_text_lists_the_declared_labels(engagement):
    rows = survey_rows()
    rows[4][6] = "Kinda"
    rows[5][6] = "Very satisfied"
    write_xlsx(engagement / "data" / "q2.xlsx", rows)
    labels = {"Very satisfied": 5, "Satisfied": 4}
    responses, problems = load(engagement, [q2({"csat": "CSAT"}, labels=labels)])
    assert problems == [
        "engagements/acme/data/q2.xlsx[Responses]!G5: 'Kinda' in 'csat' is neither a number "
        "nor a declared label; the labels are: 'Very satisfied', 'Satisfied'"
    ]
    assert responses.csat[4] == 5.0


def test_duplicate_respondent_id_names_the_first(engagement):
    rows = survey_rows()
    rows[8][0] = "R_3"  # sheet row 9 repeats row 4
    write_xlsx(engagement / "data" / "q2.xlsx", rows)
    _, problems = load(engagement, [q2({"respondent_id": "ResponseId", "nps": "Q17"})])
    assert problems == [
        "engagements/acme/data/q2.xlsx[Responses]!A9: respondent id 'R_3' appears again; "
        "the first is at engagements/acme/data/q2.xlsx[Responses]!A4"
    ]


def test_wave_left_empty_by_its_filters(engagement):
    write_xlsx(engagement / "data" / "q2.xlsx", survey_rows())
    filters = [{"column": "Finished", "keep": [0]}]
    _, problems = load(engagement, [q2({"nps": "Q17"}, filters=filters)])
    assert problems == [
        "engagements/acme/engagement.yaml:24:7: warning: filters[0].keep[0]: '0' never occurs "
        "in column H (Finished); its values: '1'",
        "engagements/acme/engagement.yaml:22:7: warning: filters[0]: this filter keeps none "
        "of the 20 rows it sees",
        "engagements/acme/engagement.yaml:20:7: no usable responses in this wave: "
        "the filters removed all 20 rows",
    ]


def test_every_problem_is_collected_in_one_pass(engagement):
    rows = survey_rows()
    rows[16][3] = 11
    rows[8][0] = "R_3"
    write_xlsx(engagement / "data" / "q2.xlsx", rows)
    (engagement / "data" / "extra.csv").write_text("id,score\nA,5\nB,9\n", encoding="utf-8")
    sources = [
        q2({"respondent_id": "ResponseId", "nps": "Q17"}),
        {"file": "data/extra.csv", "columns": {"csat": "score"}},
        {"file": "data/missing.csv", "columns": {"nps": "x"}},
    ]
    _, problems = load(engagement, sources)
    assert problems == [
        "engagements/acme/data/q2.xlsx[Responses]!A9: respondent id 'R_3' appears again; "
        "the first is at engagements/acme/data/q2.xlsx[Responses]!A4",
        "engagements/acme/data/q2.xlsx[Responses]!D17: 11 is outside the 0–10 scale of 'nps'",
        "engagements/acme/data/extra.csv:3:2: 9 is outside the 1–5 scale of 'csat'",
        "engagements/acme/engagement.yaml:41:7: file: no such file: data/missing.csv",
    ]


def test_file_outside_the_engagement_through_a_symlink(engagement, tmp_path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("id,nps\n1,9\n", encoding="utf-8")
    os.symlink(outside, engagement / "data" / "link.csv")
    _, problems = load(engagement, [{"file": "data/link.csv", "columns": {"nps": "nps"}}])
    assert problems == [
        "engagements/acme/engagement.yaml:21:7: file: 'data/link.csv' lies outside acme/; "
        "keep survey files in the engagement"
    ]


def test_missing_sheet_is_reported_at_the_sheet_key(engagement):
    write_xlsx(engagement / "data" / "q2.xlsx", survey_rows(), sheet="Form Responses 1")
    _, problems = load(engagement, [q2({"nps": "Q17"})])
    assert problems == [
        "engagements/acme/engagement.yaml:21:7: sheet: no sheet 'Responses' in data/q2.xlsx; "
        "the sheets are: 'Form Responses 1'"
    ]


def test_file_that_is_not_what_its_extension_says(engagement):
    (engagement / "data" / "q2.xlsx").write_text("id,nps\n1,9\n", encoding="utf-8")
    _, problems = load(engagement, [q2({"nps": "nps"})])
    assert problems == [
        "engagements/acme/data/q2.xlsx: not an Excel workbook (it looks like CSV text)"
    ]


def test_ambiguous_column_lists_the_candidates(engagement):
    (engagement / "data" / "dup.csv").write_text(
        "id,Store,nps,Store\n1,Riga,9,Tallinn\n", encoding="utf-8"
    )
    source = {"file": "data/dup.csv", "columns": {"segments": {"store": "Store"}}}
    _, problems = load(engagement, [source])
    assert problems == [
        "engagements/acme/engagement.yaml:23:7: columns.segments.store: 'Store' names 2 columns "
        "in data/dup.csv: B (Store), D (Store); name one by its letter or position, "
        "e.g. 'column D' or '#4'"
    ]


def test_problems_are_capped_per_file(engagement):
    lines = ["id,nps"] + [f"{n},12" for n in range(60)]
    (engagement / "data" / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = load(engagement, [{"file": "data/big.csv", "columns": {"nps": "nps"}}])
    assert len(problems) == 51
    assert problems[0] == "engagements/acme/data/big.csv:2:2: 12 is outside the 0–10 scale of 'nps'"
    assert problems[-1] == "engagements/acme/data/big.csv: … and 10 more in this file"


def test_answers_written_as_survey_tools_write_them(engagement, no_warnings_logged):
    answers = [
        "7",
        "7.0",
        '"7,5"',
        "10 - Extremely likely",
        "0 (Not at all likely)",
        "",
        "-1",
        "N/A",
        "Don't know",
        "Ten",
    ]
    lines = ["id,nps"] + [f"{n},{answer}" for n, answer in enumerate(answers)]
    (engagement / "data" / "q.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = {
        "file": "data/q.csv",
        "columns": {"nps": "nps"},
        "labels": {"Don't know": "n/a", "ten": 10},
    }
    scales = Scales(nps=Scale(min=0, max=10, not_applicable=[-1]))
    responses, problems = load(engagement, [source], scales)
    assert problems == []
    assert responses.nps == [7.0, 7.0, 7.5, 10.0, 0.0, None, None, None, None, 10.0]


def test_filters_compare_as_trimmed_text(engagement, caplog, no_warnings_logged):
    rows = [["id", "Finished", "nps"], ["a", "1", 9], ["b", 1.0, 8], ["c", " 1.0 ", 7]]
    rows += [["d", 0, 6], ["e", "TRUE", 5], ["f", "preview", 4]]
    write_xlsx(engagement / "data" / "q2.xlsx", rows)
    filters = [{"column": "Finished", "keep": [1]}, {"column": "id", "drop": ["c"]}]
    caplog.set_level(logging.INFO, logger="generator.validate.responses")
    responses, problems = load(engagement, [q2({"nps": "nps"}, filters=filters)])
    assert problems == []
    assert responses.nps == [9.0, 8.0]
    assert responses.origins == [
        "engagements/acme/data/q2.xlsx[Responses]:2",
        "engagements/acme/data/q2.xlsx[Responses]:3",
    ]
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert "engagements/acme/data/q2.xlsx: filter 1 on 'Finished' removed 3 of 6 rows" in messages
    assert "engagements/acme/data/q2.xlsx: filter 2 on 'id' removed 1 of 3 rows" in messages


def test_sources_stack_in_order(engagement, no_warnings_logged):
    write_xlsx(engagement / "data" / "q2.xlsx", survey_rows(2))
    (engagement / "data" / "uk.csv").write_text(
        "id;nps;speed;Коментар\nU1;9;4;  Дуже добре  \nU2;10;5;\n", encoding="cp1251"
    )
    sources = [
        q2(
            {
                "respondent_id": "ResponseId",
                "nps": "Q17",
                "segments": {"store": "Store"},
                "comment": "Comment",
            }
        ),
        {
            "file": "data/uk.csv",
            "language": "uk",
            "columns": {
                "respondent_id": "id",
                "nps": "nps",
                "items": {"speed": "speed"},
                "comment": "Коментар",
            },
        },
    ]
    responses, problems = load(engagement, sources)
    assert problems == []
    assert responses.respondent_ids == ["R_1", "R_2", "U1", "U2"]
    assert responses.nps == [1.0, 2.0, 9.0, 10.0]
    assert responses.items == {"speed": [None, None, 4.0, 5.0]}
    assert responses.segments == {"store": ["Riga", "Riga", None, None]}
    assert responses.comments == [None, None, "Дуже добре", None]
    assert responses.languages == ["lv", "lv", "uk", "uk"]
    assert responses.csat == [None] * 4
    assert responses.origins[2:] == [
        "engagements/acme/data/uk.csv:2",
        "engagements/acme/data/uk.csv:3",
    ]


def test_dates_in_the_orders_tools_write_them(engagement, no_warnings_logged):
    (engagement / "data" / "g.csv").write_text(
        "Timestamp,Score\n12/13/2019 9:50:30,9\n1/9/2020 18:58:43,8\n", encoding="utf-8"
    )
    (engagement / "data" / "d.csv").write_text(
        "when;score\n31/12/2019;9\n01/02/2020;8\n", encoding="utf-8"
    )
    sources = [
        {"file": "data/g.csv", "columns": {"date": "Timestamp", "nps": "Score"}},
        {"file": "data/d.csv", "columns": {"date": "when", "nps": "score"}},
    ]
    responses, problems = load(engagement, sources)
    assert problems == []
    assert responses.dates == ["2019-12-13", "2020-01-09", "2019-12-31", "2020-02-01"]


def test_starwars_favorability_labels_and_unfamiliar_as_not_applicable(engagement):
    path = real_file("surveymonkey_538_StarWars.csv")
    (engagement / "data" / "sw.csv").write_bytes(path.read_bytes())
    question = (
        "Please state whether you view the following characters favorably, unfavorably, "
        "or are unfamiliar with him/her."
    )
    labels = {
        "Very favorably": 5,
        "Somewhat favorably": 4,
        "Neither favorably nor unfavorably (neutral)": 3,
        "Somewhat unfavorably": 2,
        "Very unfavorably": 1,
        "Unfamiliar (N/A)": "n/a",
    }
    source = {
        "file": "data/sw.csv",
        "format": "surveymonkey",
        "columns": {
            "respondent_id": "RespondentID",
            "items": {"jar_jar": f"{question} / Jar Jar Binks"},
            "segments": {"gender": "Gender"},
        },
        "labels": labels,
    }
    responses, problems = load(engagement, [source])
    assert problems == []
    assert len(responses) == 1186
    with open(path, encoding="cp1252", newline="") as stream:
        raw = [row[26] for row in list(csv.reader(stream))[2:]]  # Jar Jar Binks is column AA
    scored = dict(zip(raw, responses.items["jar_jar"], strict=True))
    assert scored == {"": None, **{t: None if p == "n/a" else float(p) for t, p in labels.items()}}
    for text, point in labels.items():
        if point != "n/a":
            assert responses.items["jar_jar"].count(float(point)) == raw.count(text)


def test_qualtrics_no_basis_codes_are_not_scored(engagement):
    path = real_file("qualtrics_QT_no_basis_insights2016.csv")
    (engagement / "data" / "q.csv").write_bytes(path.read_bytes())
    source = {
        "file": "data/q.csv",
        "columns": {"respondent_id": "ResponseID", "items": {"q3_1": "Q3_1", "q4_2": "QID4-2"}},
    }
    scales = Scales(items=Scale(min=1, max=3, not_applicable=[-1, -2]))
    responses, problems = load(engagement, [source], scales)
    assert problems == []
    assert responses.respondent_ids[0] == "R_ebopwASnJ6p0KSp"
    assert responses.items["q3_1"][0] is None  # -1 in the file
    assert responses.items["q4_2"][:1] == [None]  # -2 in the file


def sus_source(columns: list[str]) -> Source:
    return Source.model_validate(
        {
            "file": "data/sus.csv",
            "columns": {
                "respondent_id": "evaluator",
                "sus": columns,
                "segments": {"age": "What is your age?"},
            },
        }
    )


def test_sus_sheet_with_its_ten_statements(engagement, no_warnings_logged):
    path = real_file("sus_folador_usability-db-en.csv")
    (engagement / "data" / "sus.csv").write_bytes(path.read_bytes())
    with open(path, encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream, delimiter=";"))
    responses, problems = load_sus(engagement, sus_source(header[4:]))
    assert problems == []
    assert len(responses) == 36
    assert responses.sus[-1] == [5.0, 1.0, 5.0, 1.0, 4.0, 1.0, 4.0, 2.0, 5.0, 1.0]
    assert responses.segments["age"][-1] == "36-45 years"


def test_sus_needs_ten_statements(engagement):
    _, problems = load_sus(engagement, sus_source(["a", "b", "c"]))
    assert problems == [
        "engagements/acme/engagement.yaml:22:7: columns.sus: the SUS needs its ten statement "
        "columns in order, got 3"
    ]


@pytest.mark.parametrize("bad", ["6", "0", "Strongly agree"])
def test_sus_answers_are_on_one_to_five(engagement, bad):
    lines = ["id," + ",".join(f"S{k}" for k in range(1, 11)), "1," + ",".join(["3"] * 9 + [bad])]
    (engagement / "data" / "sus.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = Source.model_validate(
        {"file": "data/sus.csv", "columns": {"sus": [f"S{k}" for k in range(1, 11)]}}
    )
    _, messages = load_sus(engagement, source)
    assert len(messages) == 1 and messages[0].startswith("engagements/acme/data/sus.csv:2:11: ")
    assert "SUS statement 10" in messages[0]
