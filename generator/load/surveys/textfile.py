"""CSV and TSV exports: encoding and delimiter detected or declared, records streamed."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Location, Problem
from generator.load.surveys.encoding import (
    UndetectedEncoding,
    codec_name,
    detect_encoding,
    first_failure,
)
from generator.load.surveys.table import Cell

logger = logging.getLogger(__name__)

MAX_TEXT_BYTES = 256 * 1024 * 1024
MAX_FIELD_CHARS = 131_072  # the csv module's own default; a survey answer is far shorter
MAX_LINE_CHARS = 4 * MAX_FIELD_CHARS  # read bound: one line is never held larger than this
SNIFF_CHARS = 64 * 1024
SNIFF_RECORDS = 50
DELIMITERS = (",", ";", "\t", "|")


@dataclass
class Records:
    """Every non-blank record of a file, each with the number that locates it."""

    rows: list[list[Cell]]
    numbers: list[int]
    sheet: str | None = None
    first_column: int = 0
    encoding: str | None = None
    delimiter: str | None = None


class _LineTooLong(Exception):
    def __init__(self, line: int):
        self.line = line


def fail(rel_name: str, message: str, line: int | None = None) -> InputError:
    return InputError([Problem(Location(rel_name, line), message)])


def read_head(path: Path, rel_name: str, max_bytes: int) -> bytes:
    """Refuse a file larger than ``max_bytes``; return its first 4 KB, to tell what it is."""
    size = path.stat().st_size
    if size > max_bytes:
        raise fail(
            rel_name,
            f"{size / 2**20:,.0f} MB is larger than the {max_bytes // 2**20} MB "
            "a survey export may have",
        )
    with open(path, "rb") as stream:
        return stream.read(4096)


def read_text_records(
    path: Path, rel_name: str, *, encoding: str | None = None, delimiter: str | None = None
) -> Records:
    """Read a delimited text export; raise InputError with the line of whatever is wrong."""
    head = read_head(path, rel_name, MAX_TEXT_BYTES)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(rel_name, _binary_kind(head))
    encoding = _choose_encoding(path, rel_name, head, encoding)
    with open(path, encoding=encoding, newline="") as text:
        sample = text.read(SNIFF_CHARS)
    if delimiter is None:
        delimiter = sniff_delimiter(sample, tab_first=rel_name.lower().endswith(".tsv"))
    with open(path, encoding=encoding, newline="") as text:
        rows, numbers = _parse(text, rel_name, delimiter)
    logger.debug("%s: %d records, %s, %r", rel_name, len(rows), encoding, delimiter)
    return Records(rows, numbers, encoding=encoding, delimiter=delimiter)


def _choose_encoding(path: Path, rel_name: str, head: bytes, declared: str | None) -> str:
    if declared is None:
        try:
            return detect_encoding(path, head)
        except UndetectedEncoding as exc:
            raise fail(rel_name, str(exc)) from None
    try:
        encoding = codec_name(declared)
    except LookupError:
        raise fail(rel_name, f"unknown encoding '{declared}'") from None
    failure = first_failure(path, encoding)
    if failure is not None:
        raise fail(
            rel_name,
            f"byte 0x{failure.byte:02x} cannot be read as {declared}; "
            "remove 'encoding' to have it detected, or declare the right one",
            failure.line,
        )
    return encoding


def _binary_kind(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "not CSV text (it looks like an Excel workbook: name it .xlsx)"
    return "not CSV text (it holds binary data)"


def sniff_delimiter(sample: str, *, tab_first: bool = False) -> str:
    """Pick the delimiter that splits the first records into the most, most regular fields."""
    if len(sample) == SNIFF_CHARS:
        cut = sample.rfind("\n")
        sample = sample[: cut + 1] if cut > 0 else sample
    order = ("\t", ",", ";", "|") if tab_first else DELIMITERS
    best, best_score = order[0] if tab_first else ",", (0.0, 0)
    for candidate in order:
        try:
            records = []
            for record in csv.reader(io.StringIO(sample), delimiter=candidate, strict=False):
                if record:
                    records.append(len(record))
                if len(records) >= SNIFF_RECORDS:
                    break
        except csv.Error:
            continue
        if not records or records[0] < 2:
            continue
        regular = sum(1 for width in records if width == records[0]) / len(records)
        score = (regular, records[0])
        if score > best_score:
            best, best_score = candidate, score
    return best


def _bounded_lines(text, last: list[str]):
    """Yield lines of at most MAX_LINE_CHARS, so a file without line breaks is not read whole;
    ``last[0]`` keeps the latest line, to tell afterwards how the file ended."""
    number = 0
    readline = text.readline
    while True:
        line = readline(MAX_LINE_CHARS)
        if not line:
            return
        number += 1
        if len(line) == MAX_LINE_CHARS and line[-1] not in "\r\n":
            raise _LineTooLong(number)
        last[0] = line
        yield line


def _parse(text, rel_name: str, delimiter: str) -> tuple[list[list[Cell]], list[int]]:
    if csv.field_size_limit() != MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    # not strict: Google Sheets writes TSV without quoting, so a value may start with a quote
    # ('"Native" graphics'); a quote left open is caught below, after the last record
    last = [""]
    reader = csv.reader(_bounded_lines(text, last), delimiter=delimiter, strict=False)
    rows: list[list[Cell]] = []
    numbers: list[int] = []
    add_row, add_number = rows.append, numbers.append
    previous = 0
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            row: list[Cell] = record  # type: ignore[assignment]  # str is a Cell; lists are invariant
            if "" in record or not record:
                if not any(record):
                    continue  # blank line
                row = [value or None for value in record]
            add_row(row)
            add_number(start)
    except _LineTooLong as exc:
        message = f"a line longer than {MAX_LINE_CHARS:,} characters; no survey answer is that long"
        raise fail(rel_name, message, exc.line) from None
    except csv.Error as exc:
        line = previous + 1
        if "field larger than field limit" in str(exc):
            message = (
                f"a value longer than {MAX_FIELD_CHARS:,} characters (is a closing quote missing?)"
            )
        else:
            message = f"cannot be read as CSV: {exc}"
        raise fail(rel_name, message, line) from None
    except UnicodeDecodeError as exc:  # the file changed since its encoding was checked
        raise fail(rel_name, f"not valid {exc.encoding} text") from None
    if rows and numbers[-1] < previous and str(rows[-1][-1] or "").endswith(("\n", "\r")):
        # the last record ran to the end of the file inside quotes
        raise fail(rel_name, "a quoted value is still open at the end of the file", numbers[-1])
    if rows and not last[0].endswith(("\n", "\r")) and last[0].count('"') % 2:
        # a download cut inside the last record's quoted value: no line break, a quote open
        raise fail(
            rel_name,
            "the file ends inside a quoted value, as a download that was cut off does; "
            "export or download it again",
            numbers[-1],
        )
    return rows, numbers
