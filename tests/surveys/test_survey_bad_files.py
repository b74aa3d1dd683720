"""Files that are not what they claim, or are built to exhaust a reader: one located line each."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from openpyxl import Workbook
from survey_helpers import write_xlsx

from generator.errors import InputError
from generator.load.surveys import read_table, textfile, workbook
from generator.load.surveys.textfile import MAX_FIELD_CHARS


def only_problem(path, rel_name, **options) -> str:
    with pytest.raises(InputError) as caught:
        read_table(path, rel_name, **options)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def problem_in(tmp_path, name: str, content: str | bytes, **options) -> str:
    """Write ``content`` as ``name`` and return the one problem of reading it as data/<name>."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return only_problem(path, f"data/{name}", **options)


def small_workbook_bytes(tmp_path) -> bytes:
    path = write_xlsx(tmp_path / "source.xlsx", [["id", "nps"], ["R1", 9], ["R2", 10]])
    return path.read_bytes()


def rebuild(original: bytes, replace: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(original))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.pop(info.filename, source.read(info.filename)))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


def test_declared_encoding_that_cannot_decode_names_the_line(tmp_path):
    cp1251 = "id;comment\n1;ok\n2;Дуже добре\n".encode("cp1251")
    message = problem_in(tmp_path, "q2.csv", cp1251, encoding="utf-8")
    assert message == (
        "data/q2.csv:3: byte 0xc4 cannot be read as utf-8; "
        "remove 'encoding' to have it detected, or declare the right one"
    )


def test_unknown_declared_encoding(tmp_path):
    assert problem_in(tmp_path, "q2.csv", "id\n1\n", encoding="klingon") == (
        "data/q2.csv: unknown encoding 'klingon'"
    )


def test_truncated_workbook(tmp_path):
    whole = small_workbook_bytes(tmp_path)
    assert problem_in(tmp_path, "q2.xlsx", whole[: len(whole) // 2]) == (
        "data/q2.xlsx: the workbook is damaged (truncated)"
    )


def test_zip_bomb_is_refused_by_its_declared_size(tmp_path, monkeypatch):
    # a real bomb: 40 MB of one repeated byte squeezed into a few kilobytes; the limit is
    # lowered so the test does not have to deflate a gigabyte
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 32 * 1024 * 1024)
    filler = b"<!-- " + b" " * (40 * 1024 * 1024) + b" -->"
    bomb = rebuild(small_workbook_bytes(tmp_path), {"xl/media/padding.xml": filler})
    assert len(bomb) < 100_000
    assert problem_in(tmp_path, "q2.xlsx", bomb) == (
        "data/q2.xlsx: the workbook unpacks to more than 32 MB"
    )


def test_zip_that_lies_about_its_sizes_is_damaged_not_read(tmp_path):
    sheet = "xl/worksheets/sheet1.xml"
    big = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + b"A" * (20 * 1024 * 1024)
        + b"</t></is></c></row></sheetData></worksheet>"
    )
    data = bytearray(rebuild(small_workbook_bytes(tmp_path), {sheet: big}))
    name = sheet.encode()
    at = data.find(name)
    while at >= 0:  # claim 1,000 unpacked bytes in the local header and the central directory
        if data[at - 30 : at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, 1000)
        if data[at - 46 : at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, 1000)
        at = data.find(name, at + 1)
    message = problem_in(tmp_path, "q2.xlsx", bytes(data))
    assert message.startswith("data/q2.xlsx: the workbook is damaged (")


def test_xml_entity_bomb_is_refused(tmp_path):
    laughs = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [' + laughs + b"]>"
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    bomb = rebuild(small_workbook_bytes(tmp_path), {"xl/worksheets/sheet1.xml": sheet})
    assert problem_in(tmp_path, "q2.xlsx", bomb) == (
        "data/q2.xlsx: the workbook is refused: xl/worksheets/sheet1.xml declares a DOCTYPE; "
        "XML entities are not accepted in a workbook"
    )


def test_csv_with_a_ten_megabyte_cell(tmp_path):
    cell = ("word " * 20 + "\n") * (10 * 1024 * 1024 // 101)  # 10 MB of text with line breaks
    text = f'id,comment\n1,fine\n2,"{cell}"\n3,fine\n'
    assert problem_in(tmp_path, "q2.csv", text) == (
        f"data/q2.csv:3: a value longer than {MAX_FIELD_CHARS:,} characters "
        "(is a closing quote missing?)"
    )


def test_csv_with_a_ten_megabyte_line(tmp_path):
    text = "id,comment\n1," + "x" * (10 * 1024 * 1024) + "\n"
    assert problem_in(tmp_path, "q2.csv", text) == (
        "data/q2.csv:2: a line longer than 524,288 characters; no survey answer is that long"
    )


def test_quote_left_open_at_the_end(tmp_path):
    text = 'id,comment\n1,fine\n2,"not closed\n3,lost\n'
    assert problem_in(tmp_path, "q2.csv", text) == (
        "data/q2.csv:3: a quoted value is still open at the end of the file"
    )


def test_workbook_that_is_really_csv(tmp_path):
    assert problem_in(tmp_path, "q2.xlsx", "id,nps\nR1,9\nR2,10\n") == (
        "data/q2.xlsx: not an Excel workbook (it looks like CSV text)"
    )


def test_workbook_that_is_really_html(tmp_path):
    html = "<html><body><table><tr><td>1</td></tr></table></body></html>"
    assert problem_in(tmp_path, "q2.xlsx", html) == (
        "data/q2.xlsx: not an Excel workbook (it looks like HTML or XML)"
    )


def test_csv_that_is_really_a_workbook(tmp_path):
    assert problem_in(tmp_path, "q2.csv", small_workbook_bytes(tmp_path)) == (
        "data/q2.csv: not CSV text (it looks like an Excel workbook: name it .xlsx)"
    )


def test_row_with_more_values_than_the_header(tmp_path):
    assert problem_in(tmp_path, "q2.csv", "id,nps\n1,9\n2,10,surplus\n3,8,\n") == (
        "data/q2.csv:3:3: this row has 3 values but the header names 2 columns"
    )


def test_empty_file_and_empty_sheet(tmp_path):
    assert problem_in(tmp_path, "q2.csv", "\n\n") == "data/q2.csv: the file is empty"
    book = write_xlsx(tmp_path / "q2.xlsx", [], sheet="Responses")
    assert only_problem(book, "data/q2.xlsx") == "data/q2.xlsx: the sheet 'Responses' is empty"


def test_missing_sheet_lists_the_sheets(tmp_path):
    book = write_xlsx(tmp_path / "q2.xlsx", [["id"], ["R1"]], sheet="Form Responses 1")
    assert only_problem(book, "data/q2.xlsx", sheet="Responses") == (
        "data/q2.xlsx: no sheet 'Responses' in data/q2.xlsx; the sheets are: 'Form Responses 1'"
    )


def test_declared_layout_that_does_not_fit(tmp_path):
    assert problem_in(tmp_path, "q2.csv", "id,nps\n1,9\n", layout="qualtrics") == (
        "data/q2.csv: a Qualtrics export has ImportIds in row 3 (or starts V1, V2 in the legacy "
        "layout); this file has neither: set format: plain"
    )


def test_other_file_types(tmp_path):
    assert problem_in(tmp_path, "q2.sav", b"$FL2") == (
        "data/q2.sav: unsupported file type .sav; export the survey as .xlsx or .csv"
    )


def test_openpyxl_reads_when_calamine_cannot(tmp_path, monkeypatch):
    def refuse(*args):
        raise RuntimeError("calamine refuses")

    monkeypatch.setattr(workbook, "_read_with_calamine", refuse)
    book = write_xlsx(tmp_path / "q2.xlsx", [["id", "nps"], ["R1", 9], [None, None], ["R2", 10]])
    table = read_table(book, "data/q2.xlsx")
    assert table.rows == [["R1", 9], ["R2", 10]]
    assert table.cell_origin(1, 1) == "data/q2.xlsx[Responses]!B4"


def test_file_sizes_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(textfile, "MAX_TEXT_BYTES", 1024 * 1024)
    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 1024 * 1024)
    text = "id,comment\n" + "1,abcdefghi\n" * 200_000
    assert problem_in(tmp_path, "q2.csv", text) == (
        "data/q2.csv: 2 MB is larger than the 1 MB a survey export may have"
    )
    assert problem_in(tmp_path, "q2.xlsx", b"PK\x03\x04" + bytes(2 * 1024 * 1024)) == (
        "data/q2.xlsx: 2 MB is larger than the 1 MB a survey export may have"
    )


def test_sparse_workbook_that_would_need_a_huge_grid(tmp_path):
    # two cells, A1 and XFD1048576: calamine would size a grid of 17 billion cells
    book = tmp_path / "q2.xlsx"
    sparse = Workbook()
    sparse.active["A1"] = "id"
    sparse.active["XFD1048576"] = "x"
    sparse.save(book)
    assert only_problem(book, "data/q2.xlsx") == (
        "data/q2.xlsx: the workbook is refused: xl/worksheets/sheet1.xml spans 1,048,576 rows "
        "× 16,384 columns, more than the 16,000,000 cells a survey export may have"
    )


def test_cells_without_references_take_the_next_column(tmp_path):
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c t="inlineStr"><is><t>id</t></is></c><c/><c t="inlineStr"><is><t>nps'
        b"</t></is></c></row><row><c><v>7</v></c><c/><c><v>9</v></c></row>"
        b"</sheetData></worksheet>"
    )
    path = tmp_path / "q2.xlsx"
    path.write_bytes(rebuild(small_workbook_bytes(tmp_path), {"xl/worksheets/sheet1.xml": sheet}))
    table = read_table(path, "data/q2.xlsx")
    assert table.rows == [[7, None, 9]]
    assert table.cell_origin(0, table.find_column("nps")) == "data/q2.xlsx[Responses]!C2"
