"""Read a survey export into a Table: pick the reader, split off the header, use the cache."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.collector import collector_paused
from generator.errors import InputError, Location, Problem
from generator.load.surveys import cache
from generator.load.surveys.layouts import LAYOUTS, LayoutError, read_header
from generator.load.surveys.table import Table, column_index, column_letter
from generator.load.surveys.textfile import Records, fail, read_text_records
from generator.load.surveys.workbook import read_workbook_records

logger = logging.getLogger(__name__)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
MAX_PROBLEMS_PER_FILE = 50


def file_kind(rel_name: str) -> str:
    """Return 'workbook' or 'text' from the file name; raise InputError for other types."""
    name = rel_name.lower()
    if name.endswith(WORKBOOK_SUFFIXES):
        return "workbook"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    suffix = Path(name).suffix or "(none)"
    if suffix == ".xls":
        raise fail(rel_name, "an Excel 97–2003 .xls file; save it as .xlsx")
    raise fail(rel_name, f"unsupported file type {suffix}; export the survey as .xlsx or .csv")


def read_table(
    path: Path,
    rel_name: str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    layout: str = "auto",
    cache_dir: Path | None = None,
) -> Table:
    """Read the survey export at ``path`` (named ``rel_name`` in messages) as a Table.

    Raises InputError, each problem located in the file, when it cannot be read.
    ``cache_dir`` (the workspace's ``.rapport-cache``) keeps parsed tables; None disables it.
    """
    if layout != "auto" and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    kind = file_kind(rel_name)
    if not path.is_file():
        raise fail(rel_name, "no such file")
    try:
        return _read(path, rel_name, kind, sheet, encoding, delimiter, layout, cache_dir)
    except OSError as exc:
        raise fail(rel_name, f"cannot read the file: {exc.strerror or exc}") from None


def _read(path, rel_name, kind, sheet, encoding, delimiter, layout, cache_dir) -> Table:
    key = None
    if cache_dir is not None:
        options = (kind, sheet, encoding, delimiter, layout)
        key = cache.cache_key(cache.file_digest(path), options)
        cached = cache.load(cache_dir, rel_name, key)
        if cached is not None:
            logger.debug("%s: read from the parse cache", rel_name)
            return cached
    table = parse_file(
        path, rel_name, kind, sheet=sheet, encoding=encoding, delimiter=delimiter, layout=layout
    )
    if cache_dir is not None and key is not None:
        cache.store(cache_dir, key, table)
    return table


def parse_file(
    path: Path,
    rel_name: str,
    kind: str,
    *,
    sheet: str | None,
    encoding: str | None,
    delimiter: str | None,
    layout: str,
) -> Table:
    """Parse the file itself, bypassing the cache."""
    with collector_paused():
        if kind == "workbook":
            records = read_workbook_records(path, rel_name, sheet=sheet)
        else:
            records = read_text_records(path, rel_name, encoding=encoding, delimiter=delimiter)
        return build_table(records, rel_name, layout)


def build_table(records: Records, rel_name: str, layout: str) -> Table:
    """Split the header rows off ``records`` and fit every data row to the header's width."""
    if not records.rows:
        where = f"the sheet '{records.sheet}'" if records.sheet is not None else "the file"
        raise fail(rel_name, f"{where} is empty")
    try:
        header = read_header(records.rows[:3], layout, records.first_column)
    except LayoutError as exc:
        raise fail(rel_name, str(exc)) from None
    rows, numbers = records.rows, records.numbers
    del rows[: header.rows], numbers[: header.rows]
    table = Table(
        path=rel_name,
        layout=header.layout,
        header_rows=header.rows,
        columns=header.columns,
        rows=rows,
        numbers=numbers,
        sheet=records.sheet,
        encoding=records.encoding,
        delimiter=records.delimiter,
        layout_note=header.note,
    )
    _fit_rows(table)
    return table


def _beyond_header(table: Table, i: int, width: int) -> Location:
    if table.sheet is None:
        return Location(table.path, table.numbers[i], width + 1)
    first = table.columns[0].letter if table.columns else "A"
    letter = column_letter(column_index(first) + width)
    return Location(table.path, sheet=table.sheet, cell=f"{letter}{table.numbers[i]}")


def _fit_rows(table: Table) -> None:
    """Pad a sheet's short rows with blanks; a row with values beyond the header is an error,
    and so is a CSV record with fewer fields than the header (a sheet leaves trailing blanks
    out, a CSV export never does: a short record is a broken line or a cut-off download)."""
    width = len(table.columns)
    problems: list[Problem] = []
    extra_rows = 0
    last = len(table.rows) - 1
    for i, row in enumerate(table.rows):
        size = len(row)
        if size == width:
            continue
        if size < width:
            if table.sheet is None:
                extra_rows += 1
                if len(problems) < MAX_PROBLEMS_PER_FILE:
                    cut = " (the file may have been cut off: download it again)" * (i == last)
                    problems.append(
                        Problem(
                            Location(table.path, table.numbers[i]),
                            f"this record has {size} of the {width} fields the header names{cut}",
                        )
                    )
            row.extend([None] * (width - size))
            continue
        if any(value is not None for value in row[width:]):
            extra_rows += 1
            if len(problems) < MAX_PROBLEMS_PER_FILE:
                problems.append(
                    Problem(
                        _beyond_header(table, i, width),
                        f"this row has {size} values but the header names {width} columns",
                    )
                )
        del row[width:]
    if problems:
        if extra_rows > len(problems):
            problems.append(
                Problem(
                    Location(table.path), f"… and {extra_rows - len(problems)} more in this file"
                )
            )
        raise InputError(problems)
