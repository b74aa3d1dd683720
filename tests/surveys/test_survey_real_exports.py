"""Every real export in shared/realdata read in its own layout, encoding and delimiter.

Expected counts come from the folder's README; expected cells were read from the raw files
with sed/awk/iconv (CSV) or openpyxl (.xlsx), not from this reader.
"""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from survey_helpers import real_file

from generator.load.surveys import read_table

BOM = "utf-8-sig"
# name, layout, header rows, responses, columns, encoding, delimiter
EXPORTS = [
    ("qualtrics_qualtRics_sample.csv", "qualtrics", 3, 1, 20, "utf-8", ","),
    ("qualtrics_qualtRics_sample_legacy.csv", "qualtrics", 2, 1, 16, "utf-8-sig", ","),
    ("qualtrics_QT_no_basis_insights2016.csv", "qualtrics", 3, 15, 49, "utf-8", ","),
    ("qualtrics_QT_no_basis_legacy.csv", "qualtrics", 2, 15, 49, "utf-8-sig", ","),
    ("qualtrics_QT_single_matrix_insights2016.csv", "qualtrics", 3, 5, 30, "utf-8", ","),
    ("qualtrics_QT_long_exhaustive.csv", "qualtrics", 3, 31, 367, "utf-8", ","),
    ("surveymonkey_538_StarWars.csv", "surveymonkey", 2, 1186, 38, "cp1252", ","),
    ("surveymonkey_538_steak-risk-survey.csv", "surveymonkey", 2, 550, 15, "utf-8", ","),
    ("surveymonkey_538_food-world-cup.csv", "plain", 1, 1373, 48, "mac_roman", ","),
    ("googleforms_rstudio_2019_english_responses.csv", "google_forms", 1, 1838, 52, "utf-8", ","),
    ("googleforms_rstudio_2019_spanish_responses.csv", "google_forms", 1, 338, 52, "utf-8", ","),
    # the README's 3,061 is `wc -l` minus the header: the last record has no line break
    ("googleforms_rstudio_2018_english_responses.tsv", "google_forms", 1, 3062, 43, "utf-8", "\t"),
    ("googleforms_rstudio_2018_spanish_responses.tsv", "google_forms", 1, 295, 44, "utf-8", "\t"),
    ("googleforms_cs50_2019_favorites.csv", "google_forms", 1, 490, 3, "utf-8", ","),
    # the README's 8 and 4 count lines too: each file ends with an empty line after the data
    ("limesurvey_limonaid_survey_998192_R_data_file.csv", "limesurvey", 1, 7, 71, BOM, ","),
    ("limesurvey_limonaid_survey_100001_R_data_file.csv", "limesurvey", 1, 3, 646, BOM, ","),
    ("airline_passenger_satisfaction_kaggle_test.csv", "plain", 1, 25976, 25, "utf-8", ","),
    ("sus_folador_usability-db-en.csv", "plain", 1, 36, 14, "utf-8", ";"),
]


@pytest.mark.parametrize(
    ("name", "layout", "header_rows", "responses", "width", "encoding", "delimiter"), EXPORTS
)
def test_each_export_is_read_in_its_own_layout(
    name, layout, header_rows, responses, width, encoding, delimiter, no_warnings_logged
):
    table = read_table(real_file(name), f"data/{name}")
    assert (table.layout, table.header_rows) == (layout, header_rows)
    assert (len(table), len(table.columns)) == (responses, width)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert all(len(row) == width for row in table.rows)


def cell(table, name: str, row: int):
    return table.rows[row][table.find_column(name).index]


def test_qualtrics_json_import_ids_and_localized_question_text():
    table = read_table(real_file("qualtrics_qualtRics_sample.csv"), "data/s.csv")
    start = table.find_column("StartDate")
    assert (start.text, start.import_id) == ("Anfangsdatum", "startDate")
    assert table.find_column("QID1").id == "Q1"
    assert cell(table, "Q1", 0) == "2"
    assert cell(table, "This is a free text question.", 0) == "Hello World!"
    assert table.row_origin(0) == "data/s.csv:4"


def test_qualtrics_single_quoted_import_ids_and_negative_codes():
    table = read_table(real_file("qualtrics_QT_no_basis_insights2016.csv"), "data/q.csv")
    q1 = table.find_column("Q1")
    assert (q1.letter, q1.import_id, q1.text) == ("L", "QID1", "Indicate how you feel about squash")
    assert table.find_column("QID2-1").id == "Q2_1"
    assert [cell(table, name, 0) for name in ("Q1", "Q3_1", "Q4_2", "Q4_4")] == [
        "3",
        "-1",
        "-2",
        "-2",
    ]


def test_qualtrics_legacy_layout_keeps_both_header_rows_as_names():
    table = read_table(real_file("qualtrics_QT_no_basis_legacy.csv"), "data/l.csv")
    assert table.layout_note == "legacy export (V1…Vn)"
    assert table.find_column("ResponseID").id == "V1"
    assert table.find_column("Indicate how you feel about squash").id == "Q1"
    assert cell(table, "V1", 0) == "R_ebopwASnJ6p0KSp"
    assert (cell(table, "Q1", 0), cell(table, "Q3_1", 0)) == ("3", "-1")
    assert table.row_origin(0) == "data/l.csv:3"


def test_surveymonkey_question_text_carries_over_its_group():
    table = read_table(real_file("surveymonkey_538_StarWars.csv"), "data/sw.csv")
    question = (
        "Please state whether you view the following characters favorably, unfavorably, "
        "or are unfamiliar with him/her."
    )
    han = table.find_column(f"{question} / Han Solo")
    luke = table.find_column(f"{question} / Luke Skywalker")
    assert (han.letter, luke.letter, luke.text) == ("P", "Q", question)
    assert table.find_column(f"{question} / Yoda").letter == "AC"
    assert cell(table, f"{question} / Han Solo", 0) == "Very favorably"
    assert cell(table, "RespondentID", 0) == "3292879998"
    assert cell(table, "Gender", 0) == "Male"


def test_surveymonkey_legacy_bytes_in_the_header_decode():
    table = read_table(real_file("surveymonkey_538_StarWars.csv"), "data/sw.csv")
    expanded = "Do you consider yourself to be a fan of the Expanded Universe?Œæ"
    assert table.columns[31].text == expanded
    food = read_table(real_file("surveymonkey_538_food-world-cup.csv"), "data/f.csv")
    assert "knowledge\xa0of cuisines" in food.columns[1].text  # a Mac no-break space
    assert food.rows[0][:5] == ["3308895255", "Intermediate", "Some", "N/A", "3"]


def test_google_forms_csv_records_with_quoted_newlines_keep_their_first_line():
    table = read_table(real_file("googleforms_rstudio_2019_english_responses.csv"), "data/g.csv")
    # grep -n: the 5th record spans lines 6-8, so the 6th starts on line 9; the last on 1868
    assert table.rows[5][0] == "12/13/2019 10:04:42"
    assert table.row_origin(5) == "data/g.csv:9"
    assert table.row_origin(len(table) - 1) == "data/g.csv:1868"
    nps = table.find_column(
        "How likely are you to recommend R to a colleague, friend, or family member?"
    )
    assert nps.index == 18
    assert table.cell_origin(5, nps) == "data/g.csv:9:19"


def test_google_sheets_workbook_without_dimension_reads_completely():
    path = real_file("googleforms_rstudio_2019_english_responses.xlsx")
    table = read_table(path, "data/g.xlsx")
    assert table.sheet == "Form Responses 1"
    workbook = load_workbook(path, read_only=True)
    sheet = workbook.active
    sheet.reset_dimensions()
    expected = list(sheet.iter_rows(values_only=True))
    workbook.close()
    assert len(expected) == 1839 == len(table) + 1
    for i in (0, 1, 917, 1837):
        assert table.rows[i][0] == expected[i + 1][0]
        assert table.rows[i][18] == expected[i + 1][18]
        assert table.rows[i][1] == expected[i + 1][1]
    assert isinstance(table.rows[0][0], dt.datetime)
    assert table.cell_origin(0, 18) == "data/g.xlsx[Form Responses 1]!S2"
    assert table.row_origin(1837) == "data/g.xlsx[Form Responses 1]:1839"


def test_tab_delimited_google_export():
    table = read_table(real_file("googleforms_rstudio_2018_english_responses.tsv"), "data/t.tsv")
    assert table.rows[-1][0] == "1/1/2019 4:54:35"
    assert table.rows[-1][24] == "10"
    assert table.row_origin(len(table) - 1) == "data/t.tsv:3063"


def test_limesurvey_export_for_r():
    table = read_table(real_file("limesurvey_limonaid_survey_998192_R_data_file.csv"), "data/l.csv")
    assert cell(table, "Response ID", 0) == "1"
    assert cell(table, "Date submitted", 0) == "2021-09-24 11:39:34"
    assert [row[0] for row in table.rows] == ["1", "4", "5", "6", "7", "8", "9"]


def test_airline_export_with_an_unnamed_index_column():
    table = read_table(real_file("airline_passenger_satisfaction_kaggle_test.csv"), "data/a.csv")
    assert table.columns[0].names() == ()
    last = len(table) - 1
    assert cell(table, "id", last) == "34799"
    assert cell(table, "Arrival Delay in Minutes", last) == "0.0"
    assert cell(table, "satisfaction", last) == "neutral or dissatisfied"
    assert table.cell_origin(last, table.find_column("Gender")) == "data/a.csv:25977:3"


def test_semicolon_sus_sheet():
    table = read_table(real_file("sus_folador_usability-db-en.csv"), "data/sus.csv")
    raw_line = "36;36-45 years;> 5 years;3-5 hours;5;1;5;1;4;1;4;2;5;1"  # awk 'NR==37'
    assert table.rows[-1] == raw_line.split(";")
    assert table.find_column("I thought the system was easy to use.").letter == "G"
