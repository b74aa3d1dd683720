"""Encodings, delimiters and layouts told from the file, by the documented rules."""

from __future__ import annotations

import pytest
from survey_helpers import real_file, write_xlsx

from generator.load.surveys import detect_layout, read_table
from generator.load.surveys.encoding import detect_encoding
from generator.load.surveys.textfile import sniff_delimiter

UKRAINIAN = "Дуже задоволений обслуговуванням, але доставка була повільною. Їжа смачна."
LATVIAN = "Ļoti apmierināts ar apkalpošanu, bet piegāde bija lēna. Ēdiens garšīgs."
WESTERN = "Très satisfait du service, mais la livraison était lente. Größe passt, señor."


def write_csv(tmp_path, text: str, encoding: str, name: str = "q.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (UKRAINIAN, "cp1251"),
        (LATVIAN, "cp1257"),
        (WESTERN, "cp1252"),
        ("Rīgā, Jūrmalā un Cēsīs", "cp1257"),  # no š or ž, the letters cp1252 lacks
        ("Київ, Львів, Одеса", "cp1251"),
    ],
)
def test_legacy_code_pages_are_told_apart_by_their_letters(tmp_path, text, encoding):
    path = write_csv(tmp_path, f"id;comment\n1;{text}\n2;ok\n", encoding)
    assert detect_encoding(path, path.read_bytes()[:4096]) == encoding
    table = read_table(path, "data/q.csv")
    assert table.encoding == encoding
    assert table.rows[0] == ["1", text]


def test_utf8_with_and_without_bom_and_utf16(tmp_path):
    text = f'id,comment\n1,"{UKRAINIAN} {LATVIAN}"\n'
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        table = read_table(write_csv(tmp_path, text, encoding), "data/q.csv")
        assert table.encoding == encoding
        assert table.rows[0][1] == f"{UKRAINIAN} {LATVIAN}"
        assert table.columns[0].id == "id"  # no BOM left on the first header


def test_declared_encoding_is_used_as_declared(tmp_path):
    path = write_csv(tmp_path, f"id;comment\n1;{LATVIAN}\n", "cp1257")
    # cp1252 decodes these bytes too, into different letters: the declaration wins
    table = read_table(path, "data/q.csv", encoding="cp1252")
    assert table.rows[0][1] == LATVIAN.encode("cp1257").decode("cp1252")


def test_real_cp1252_export_is_detected():
    path = real_file("surveymonkey_538_StarWars.csv")
    assert detect_encoding(path, path.read_bytes()[:4096]) == "cp1252"


def test_crlf_and_quoted_newlines(tmp_path):
    path = tmp_path / "q.csv"
    path.write_bytes(b'id,comment\r\n1,"two\nlines"\r\n2,plain\r\n3,"x"\r\n')
    table = read_table(path, "data/q.csv")
    assert table.rows == [["1", "two\nlines"], ["2", "plain"], ["3", "x"]]
    assert [table.row_origin(i) for i in range(3)] == [
        "data/q.csv:2",
        "data/q.csv:4",
        "data/q.csv:5",
    ]


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ('"x, y";b\n"1, 2";3\n', ";"),
    ],
)
def test_delimiter_detection(sample, expected):
    assert sniff_delimiter(sample) == expected


def test_declared_delimiter(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("a|b\n1|2\n", encoding="utf-8")
    assert read_table(path, "data/q.csv", delimiter="|").rows == [["1", "2"]]


def test_layouts_detected_from_the_first_rows():
    assert detect_layout([["Timestamp", "How likely…"], ["12/13/2019 9:50:30", "9"]]) == (
        "google_forms"
    )
    assert detect_layout([["id", "submitdate", "Q1[SQ001]"], ["1", "", "A1"]]) == "limesurvey"
    assert detect_layout([["RespondentID", "Q", None], [None, "Response", "Other"]]) == (
        "surveymonkey"
    )
    assert detect_layout([["V1", "V2", "Q1"], ["ResponseID", "ResponseSet", "Q text"]]) == (
        "qualtrics"
    )
    assert detect_layout([["id", "nps"], ["1", "9"]]) == "plain"


def test_declared_layout_overrides_detection(tmp_path):
    book = write_xlsx(
        tmp_path / "q.xlsx",
        [["Timestamp", "Score"], ["Date of answer", "0-10"], ["2026-07-01", 9]],
    )
    assert len(read_table(book, "data/q.xlsx")) == 2  # Google Forms: one header row
    table = read_table(book, "data/q.xlsx", layout="surveymonkey")
    assert len(table) == 1
    assert table.find_column("Score / 0-10").letter == "B"


def test_google_forms_grid_columns_answer_to_question_and_row(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(
        "Timestamp,Rate our service [Speed],Rate our service [Friendliness]\n"
        "7/1/2026 10:00:00,4,5\n",
        encoding="utf-8",
    )
    table = read_table(path, "data/g.csv")
    assert table.find_column("Rate our service / Friendliness").letter == "C"
    assert table.find_column("Rate our service [Speed]").letter == "B"


def test_a_file_read_alike_by_cp1252_and_mac_roman_is_decided_by_its_real_words():
    # FiveThirtyEight's food survey came from a Mac: its 0xCA bytes are no-break spaces
    # ("of Australia"), which cp1252 would read as a capital letter inside a word
    table = read_table(real_file("surveymonkey_538_food-world-cup.csv"), "food.csv")
    assert table.encoding == "mac_roman"
    texts = [c.text or c.id or "" for c in table.columns]
    assert "Please rate how much you like the traditional cuisine of\xa0Australia." in texts
    assert not any("Ê" in t for t in texts)


def test_a_western_file_that_mac_roman_also_decodes_stays_cp1252():
    # the Star Wars export's stray 0x8C 0xE6 reads "Œæ" in cp1252, "åÊ" on a Mac
    table = read_table(real_file("surveymonkey_538_StarWars.csv"), "starwars.csv")
    assert table.encoding == "cp1252"


def test_accented_western_words_stay_cp1252(tmp_path):
    path = tmp_path / "es.csv"
    path.write_bytes("Opinión,Satisfacción\nMuy buena atención en el café,5\n".encode("cp1252"))
    assert read_table(path, "es.csv").encoding == "cp1252"
