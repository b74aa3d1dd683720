"""Survey-tool export layouts: how many header rows there are and what each one says.

Detection looks at the first three non-blank rows only:

- Qualtrics: row 3 holds ImportIds, as JSON ``{"ImportId":"QID2"}`` or in the older
  single-quoted form ``{'ImportId': 'QID2-1'}``; rows 1 and 2 are ids and question text.
  The legacy export starts with ``V1, V2, …`` and has two header rows (ids, then text).
- SurveyMonkey: two header rows; row 1 has the question text over the first column of a
  group only, row 2 the answer or sub-item label (``Response`` for single columns), and the
  cell under the respondent id is blank.
- Google Forms: one header row of question texts starting with ``Timestamp``.
- LimeSurvey: one header row of codes (``Q1[SQ001]``) or, in the export for R, full texts
  starting ``Response ID, Date submitted``.
- plain: one header row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.load.surveys.table import Cell, Column, column_letter

LAYOUTS = ("qualtrics", "surveymonkey", "google_forms", "limesurvey", "plain")

_IMPORT_ID = re.compile(r"""^\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']""")
_SURVEYMONKEY_SINGLE = {"response", "open-ended response"}
_TIMESTAMP = {
    "timestamp",
    "marca temporal",
    "zeitstempel",
    "horodateur",
    "carimbo de data/hora",
    "informācijas zīmogs",
    "laikspiedols",
    "позначка часу",
    "отметка времени",
}
_LIMESURVEY_TEXT = ("response id", "date submitted")
_LIMESURVEY_CODES = ("id", "submitdate")
_LIMESURVEY_CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\[[A-Za-z0-9_#]+\])+$")
_BRACKETED = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]$")
_IDENTIFIER = re.compile(r"^\S{1,40}$")


class LayoutError(ValueError):
    """The rows do not have the layout that was declared."""


@dataclass
class Header:
    layout: str
    rows: int  # how many header rows precede the data
    columns: list[Column]
    note: str = ""


def header_text(value: Cell) -> str | None:
    """Return a header cell as trimmed text, or None when blank."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def import_id(value: Cell) -> str | None:
    """Return the ImportId of a Qualtrics third-row cell, or None."""
    text = header_text(value)
    if text is None or not text.startswith("{"):
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        match = _IMPORT_ID.match(text)
        return match.group(1) if match else None
    found = parsed.get("ImportId") if isinstance(parsed, dict) else None
    return str(found) if found is not None else None


def detect_layout(first: Sequence[Sequence[Cell]]) -> str:
    """Name the export layout of a file from its first three non-blank rows."""
    row1 = [header_text(v) for v in first[0]] if first else []
    row2 = [header_text(v) for v in first[1]] if len(first) > 1 else []
    if len(first) > 2 and _looks_like_import_ids(first[2]):
        return "qualtrics"
    if row2 and row1[:2] == ["V1", "V2"]:
        return "qualtrics"
    if row2 and row1 and row1[0] and row2[0] is None:
        labels = {(text or "").casefold() for text in row2}
        if labels & _SURVEYMONKEY_SINGLE or _has_groups(row1, row2):
            return "surveymonkey"
    if row1 and row1[0] and row1[0].casefold() in _TIMESTAMP:
        return "google_forms"
    folded = [(text or "").casefold() for text in row1]
    if folded[:1] and (
        all(name in folded for name in _LIMESURVEY_TEXT)
        or folded[:2] == list(_LIMESURVEY_CODES)
        or any(text and _LIMESURVEY_CODE.match(text) for text in row1)
    ):
        return "limesurvey"
    return "plain"


def read_header(first: Sequence[Sequence[Cell]], declared: str, first_column: int) -> Header:
    """Build the columns from the header rows of ``declared`` (or detected, for 'auto')."""
    layout = detect_layout(first) if declared == "auto" else declared
    count, note = _header_rows(layout, first)
    width = max((len(row) for row in first[:count]), default=0)
    rows = [[header_text(v) for v in row] + [None] * (width - len(row)) for row in first[:count]]
    letters = [column_letter(first_column + i) for i in range(width)]
    if layout == "qualtrics":
        ids: list[str | None] = [None] * width
        if count == 3:
            ids = [import_id(v) for v in first[2]] + [None] * (width - len(first[2]))
        columns = [
            Column(i, letters[i], rows[0][i], rows[1][i], None, ids[i]) for i in range(width)
        ]
    elif layout == "surveymonkey":
        columns = _surveymonkey(rows[0], rows[1], letters)
    else:
        columns = [_single_header(i, letters[i], text, layout) for i, text in enumerate(rows[0])]
    return Header(layout, count, columns, note)


def _header_rows(layout: str, first: Sequence[Sequence[Cell]]) -> tuple[int, str]:
    """Return how many header rows ``layout`` has in this file, and a note on the variant."""
    if layout == "qualtrics":
        if len(first) > 2 and _looks_like_import_ids(first[2]):
            return 3, ""
        if len(first) > 1 and [header_text(v) for v in first[0][:2]] == ["V1", "V2"]:
            return 2, "legacy export (V1…Vn)"
        raise LayoutError(
            "a Qualtrics export has ImportIds in row 3 (or starts V1, V2 in the legacy "
            "layout); this file has neither: set format: plain"
        )
    if layout == "surveymonkey":
        if len(first) < 2:
            raise LayoutError("a SurveyMonkey export has two header rows; this file has one row")
        return 2, ""
    return 1, ""


def _looks_like_import_ids(row: Sequence[Cell]) -> bool:
    filled = [v for v in row if header_text(v) is not None]
    found = sum(1 for v in filled if import_id(v) is not None)
    return bool(filled) and found * 2 >= len(filled)


def _has_groups(row1: list[str | None], row2: list[str | None]) -> bool:
    """Tell a SurveyMonkey question group: a blank question cell over a filled label."""
    return any(q is None and label is not None for q, label in zip(row1[1:], row2[1:], strict=True))


def _surveymonkey(row1: list[str | None], row2: list[str | None], letters) -> list[Column]:
    columns = []
    question: str | None = None
    for i, letter in enumerate(letters):
        own = row1[i]
        if own is not None:
            question = own
        label = row2[i]
        if label is not None and own is not None and label.casefold() in _SURVEYMONKEY_SINGLE:
            label = None  # a single-column question: the label only says "Response"
        columns.append(Column(i, letter, None, question if own or label else None, label))
    return columns


def _single_header(index: int, letter: str, text: str | None, layout: str) -> Column:
    if text is None:
        return Column(index, letter)
    if layout in ("plain", "limesurvey") and _IDENTIFIER.match(text):
        return Column(index, letter, id=text)
    match = _BRACKETED.match(text)
    if match and layout in ("google_forms", "limesurvey"):
        # "Question [Sub-item]": grid rows in Google Forms, sub-questions in LimeSurvey
        return Column(index, letter, None, match.group(1), match.group(2).strip())
    return Column(index, letter, None, text)
