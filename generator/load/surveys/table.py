"""A survey export as read: its columns (id, question text, sub-item) and rows of raw cells."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from generator.errors import Location

Cell = str | int | float | dt.datetime | dt.date | dt.time | bool | None
"""A raw cell: text, a number, a date or time, or None when blank."""

SUGGESTIONS = 3
LISTED_COLUMNS = 12
LABEL_CHARS = 70


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letter: str) -> int:
    """Return the 0-based index of a spreadsheet column letter: A → 0, AA → 26."""
    index = 0
    for char in letter:
        index = index * 26 + ord(char.upper()) - 64
    return index - 1


def normalize_name(name: str) -> str:
    """Collapse runs of white space, so a header written with double spaces still matches."""
    return " ".join(name.split())


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Column:
    """One column of a survey export and the names it answers to."""

    index: int  # 0-based position in the table's rows
    letter: str  # spreadsheet letter as the consultant sees it (A, B, … AA)
    id: str | None = None  # machine id: Qualtrics Q7_1, LimeSurvey Q1[SQ001], a plain header
    text: str | None = None  # question text (carried over a SurveyMonkey group)
    subitem: str | None = None  # answer option or statement within a question group
    import_id: str | None = None  # Qualtrics ImportId, e.g. QID2-1

    @property
    def label(self) -> str:
        """How the column is named in messages: its id, else 'question / sub-item', else text."""
        if self.id:
            return self.id
        if self.text and self.subitem:
            return f"{self.text} / {self.subitem}"
        return self.text or self.subitem or f"column {self.letter}"

    def names(self) -> tuple[str, ...]:
        """Every name a mapping may use for this column, normalized."""
        names = [self.id, self.import_id, self.text]
        if self.text and self.subitem:
            names.append(f"{self.text} / {self.subitem}")
            names.append(f"{self.text} [{self.subitem}]")  # as Google Forms and LimeSurvey write it
        elif self.subitem:
            names.append(self.subitem)
        seen: dict[str, None] = {}
        for name in names:
            if name:
                seen.setdefault(normalize_name(name), None)
        return tuple(seen)

    @property
    def short_label(self) -> str:
        """The label cut to a readable length, keeping the sub-item in view."""
        if not self.id and self.text and self.subitem:
            return f"{shorten(self.text, 40)} / {shorten(self.subitem, 40)}"
        return shorten(self.label)

    def describe(self) -> str:
        if not self.names():
            return self.letter
        return f"{self.letter} ({self.short_label})"


class ColumnLookupError(LookupError):
    """A mapped name that names no column, or more than one."""

    def __init__(
        self, name: str, candidates: list[Column], suggestions: list[Column], named: list[Column]
    ):
        self.name = name
        self.candidates = candidates
        self.suggestions = suggestions
        self.named = named
        super().__init__(name)

    def describe(self, where: str) -> str:
        """Word the problem, ``where`` naming the file (``data/q2.xlsx[Responses]``)."""
        if self.candidates:
            listed = ", ".join(column.describe() for column in self.candidates[:LISTED_COLUMNS])
            if len(self.candidates) > LISTED_COLUMNS:
                listed += f" … and {len(self.candidates) - LISTED_COLUMNS} more"
            last = self.candidates[-1]
            hint = (
                "; name one by its letter or position, "
                f"e.g. 'column {last.letter}' or '#{last.index + 1}'"
            )
            if all(column.subitem for column in self.candidates):
                hint = "; write 'question / sub-item' to choose one"
            return (
                f"'{shorten(self.name)}' names {len(self.candidates)} columns in {where}: "
                f"{listed}{hint}"
            )
        message = f"no column '{shorten(self.name)}' in {where}"
        if self.suggestions:
            return message + "; closest: " + ", ".join(c.short_label for c in self.suggestions)
        if not self.named:
            return message + "; it has no named columns"
        listed = ", ".join(shorten(c.short_label, 40) for c in self.named[:LISTED_COLUMNS])
        more = len(self.named) - LISTED_COLUMNS
        return f"{message} (the columns are: {listed}{f' … and {more} more' if more > 0 else ''})"


@dataclass
class Table:
    """A survey export read as it is: header columns and data rows with their origins.

    ``numbers[i]`` is the sheet row of ``rows[i]`` (.xlsx) or the physical line where its
    record starts (.csv), so every cell can be located for an error message.
    """

    path: str  # workspace-relative name used in every origin
    layout: str  # qualtrics, surveymonkey, google_forms, limesurvey or plain
    header_rows: int
    columns: list[Column]
    rows: list[list[Cell]]
    numbers: list[int]
    sheet: str | None = None  # .xlsx only
    encoding: str | None = None  # .csv/.tsv only
    delimiter: str | None = None  # .csv/.tsv only
    layout_note: str = ""  # e.g. "legacy V1…Vn export"
    _index: dict[str, list[Column]] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def where(self) -> str:
        """The file as named in messages: ``data/q2.xlsx[Responses]`` or ``data/q2.csv``."""
        return f"{self.path}[{self.sheet}]" if self.sheet is not None else self.path

    def row_origin(self, i: int) -> str:
        """Where row ``i`` was read: ``data/q2.xlsx[Responses]:17`` or ``data/q2.csv:118``."""
        return f"{self.where}:{self.numbers[i]}"

    def cell_location(self, i: int, column: Column | int) -> Location:
        """Where one cell was read: ``[Responses]!D17`` in a workbook, ``:118:4`` in a CSV."""
        index = column if isinstance(column, int) else column.index
        if self.sheet is not None:
            letter = column.letter if isinstance(column, Column) else self.columns[index].letter
            return Location(self.path, sheet=self.sheet, cell=f"{letter}{self.numbers[i]}")
        return Location(self.path, self.numbers[i], index + 1)

    def cell_origin(self, i: int, column: Column | int) -> str:
        return str(self.cell_location(i, column))

    def column_values(self, column: Column) -> list[Cell]:
        j = column.index
        return [row[j] for row in self.rows]

    def find_column(self, name: str) -> Column:
        """Return the one column ``name`` names (id, question text or 'question / sub-item')."""
        if self._index is None:
            index: dict[str, list[Column]] = {}
            for column in self.columns:
                for alias in column.names():
                    index.setdefault(alias, []).append(column)
                    folded = alias.casefold()
                    if folded != alias:
                        index.setdefault(folded, []).append(column)
            self._index = index
        wanted = normalize_name(name)
        if wanted not in self._index and wanted.casefold() not in self._index:
            placed = _place_of(self, wanted)  # a real header that reads like a place wins
            if placed is not None:
                return placed
        for key in (wanted, wanted.casefold()):
            found = list(dict.fromkeys(self._index.get(key, [])))
            if len(found) == 1:
                return found[0]
            if found:
                raise ColumnLookupError(name, found, [], [])
        named = [column for column in self.columns if column.names()]
        raise ColumnLookupError(name, [], closest_columns(wanted, named), named)


_BY_LETTER = re.compile(r"^column ([A-Za-z]{1,3})$")
_BY_POSITION = re.compile(r"^#(\d{1,5})$")


def _place_of(table: Table, name: str) -> Column | None:
    """The column named 'column AB' (its letter) or '#28' (its position from 1), if any:
    the way to choose between columns that share a header."""
    match = _BY_LETTER.match(name)
    if match:
        letter = match.group(1).upper()
        return next((c for c in table.columns if c.letter == letter), None)
    match = _BY_POSITION.match(name)
    if match and 1 <= int(match.group(1)) <= len(table.columns):
        return table.columns[int(match.group(1)) - 1]
    return None


def closest_columns(wanted: str, columns: list[Column]) -> list[Column]:
    """Suggest columns for a name that matched none: its own sub-columns first, then difflib's."""
    by_label = {normalize_name(column.label): column for column in columns}
    labels = list(by_label)
    folded = wanted.casefold()
    prefixed = [
        label
        for label in labels
        if label.casefold().startswith(folded)
        and len(label) > len(wanted)
        and not label[len(wanted)].isalnum()
    ]
    similar = difflib.get_close_matches(wanted, labels, n=SUGGESTIONS * 2, cutoff=0.5)
    return [by_label[label] for label in dict.fromkeys(prefixed + similar)][:SUGGESTIONS]
