"""Excel exports (.xlsx): checked as a zip first, then read with calamine (openpyxl as last resort).

Measured on 100,000 responses × 40 columns (benchmarks/load_surveys.py, 2 shared cores):
openpyxl's read-only mode took 31 s, calamine 2.3 s and this reader 2.8 s, so calamine reads
and openpyxl only steps in when calamine cannot open a file. Neither sees a file before the
zip's declared sizes, the prolog of every XML part and the grid each sheet spans (extent.py)
have been checked, so a zip bomb, an entity bomb or a two-cell sheet that spans a million
rows is refused with one message instead of exhausting memory.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from pathlib import Path

from generator.errors import InputError, Location, Problem
from generator.load.surveys.extent import (
    MAX_CELLS,
    MAX_TEXT_RUN,
    TextRunTooLong,
    check_text_runs,
    scan_sheet,
)
from generator.load.surveys.package import PackageError, read_package
from generator.load.surveys.table import Cell
from generator.load.surveys.textfile import Records, fail, read_head

logger = logging.getLogger(__name__)

MAX_WORKBOOK_BYTES = 256 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_PARTS = 10_000
PROLOG_BYTES = 64 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")


class SheetNotFound(InputError):
    """The named sheet is not in the workbook."""

    def __init__(self, rel_name: str, sheet: str, sheets: list[str]):
        self.sheet = sheet
        self.sheets = sheets
        listed = ", ".join(f"'{name}'" for name in sheets)
        self.message = f"no sheet '{sheet}' in {rel_name}; the sheets are: {listed}"
        super().__init__([Problem(Location(rel_name), self.message)])


def read_workbook_records(path: Path, rel_name: str, *, sheet: str | None = None) -> Records:
    """Read one sheet of a workbook; raise InputError when the file is not a sound workbook."""
    head = read_head(path, rel_name, MAX_WORKBOOK_BYTES)
    if not head.startswith(b"PK\x03\x04"):
        raise fail(rel_name, not_a_workbook(head))
    errors = check_archive(path, rel_name)
    try:
        records = _read_with_calamine(path, rel_name, sheet)
    except SheetNotFound:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a Rust panic in calamine arrives as a BaseException
        logger.info("%s: calamine could not read it (%s); trying openpyxl", rel_name, exc)
        try:
            records = _read_with_openpyxl(path, rel_name, sheet)
        except SheetNotFound:
            raise
        except Exception:
            raise fail(rel_name, f"the workbook is damaged ({_first_line(exc)})") from None
    refuse_error_cells(rel_name, records.sheet, errors.get(records.sheet or "", []))
    return records


def refuse_error_cells(rel_name: str, sheet: str | None, cells: list[tuple[str, str]]) -> None:
    """A cell holding a formula's error (#N/A, #DIV/0!) is no answer; both readers would
    give it as a blank, so the answer would be lost without a word."""
    if not cells:
        return
    raise InputError(
        [
            Problem(
                Location(rel_name, sheet=sheet, cell=cell or None),
                f"the cell holds the spreadsheet error {value or '(an error value)'}, "
                "not an answer: correct the formula, or clear the cell if no one answered",
            )
            for cell, value in cells
        ]
    )


def not_a_workbook(head: bytes) -> str:
    """Say what a file that is not a zip archive looks like instead."""
    if not head.strip():
        return "the file is empty" if not head else "not an Excel workbook (it is blank)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "not an .xlsx workbook (it is an Excel 97–2003 .xls file or a password-protected "
            "workbook); save it as .xlsx without a password"
        )
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
    if text.startswith("<"):
        return "not an Excel workbook (it looks like HTML or XML)"
    if printable >= 0.95 * len(text):
        first_line = text.split("\n", 1)[0]
        if any(d in first_line for d in (",", ";", "\t")):
            return "not an Excel workbook (it looks like CSV text)"
        return "not an Excel workbook (it looks like plain text)"
    return "not an Excel workbook"


def check_archive(path: Path, rel_name: str) -> dict[str, list[tuple[str, str]]]:
    """Refuse a damaged zip, one that unpacks too large, XML with a DOCTYPE, a vast grid,
    a part padded with megabytes without a tag. Return each sheet's cells that hold a
    formula's error (sheet name → (cell, error text)).

    The parts checked are those the reader parses, found through the package's
    relationships as it finds them (package.py), whatever they are named.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise fail(rel_name, f"the workbook has {len(parts):,} parts; too many to read")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise fail(
                    rel_name, f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB"
                )
            if "xl/workbook.xml" not in archive.namelist():
                raise fail(
                    rel_name, "not an Excel workbook (a zip archive without xl/workbook.xml)"
                )
            package = read_package(archive)
            parsed = set(package.parsed)
            for part in parts:
                if part.filename in parsed or part.filename.lower().endswith(_XML_SUFFIXES):
                    with archive.open(part) as member:
                        prolog = member.read(PROLOG_BYTES)
                    verdict = _prolog_verdict(prolog)
                    if verdict:
                        raise fail(rel_name, f"the workbook is refused: {part.filename} {verdict}")
            errors: dict[str, list[tuple[str, str]]] = {}
            sheets = {sheet.part for sheet in package.sheets}
            for sheet in package.sheets:
                scan = scan_sheet(archive, sheet.part)
                if scan.rows * scan.columns > MAX_CELLS:
                    raise fail(
                        rel_name,
                        f"the workbook is refused: {sheet.part} spans {scan.rows:,} rows × "
                        f"{scan.columns:,} columns, more than the {MAX_CELLS:,} cells a survey "
                        "export may have",
                    )
                errors.setdefault(sheet.name, scan.errors)
            for part in parsed - sheets:
                check_text_runs(archive, part)
            return errors
    except TextRunTooLong as exc:
        raise fail(
            rel_name,
            f"the workbook is refused: {exc.part} holds more than {MAX_TEXT_RUN // 2**20} MB "
            "without a single tag (padding, not survey answers)",
        ) from None
    except PackageError as exc:
        raise fail(rel_name, f"the workbook is refused: {exc}") from None
    except zipfile.BadZipFile as exc:
        reason = "truncated" if "not a zip file" in str(exc) else _first_line(exc)
        raise fail(rel_name, f"the workbook is damaged ({reason})") from None
    except (OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
        # a corrupt deflate stream, an unknown compression method, an encrypted part
        raise fail(rel_name, f"the workbook is damaged ({_first_line(exc)})") from None


def _prolog_verdict(data: bytes) -> str | None:
    """Return why an XML part's prolog is refused, or None when it is plain."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="ignore")
    else:
        text = data.decode("utf-8", errors="ignore")
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0:
            return None if len(data) < PROLOG_BYTES else "has an overlong XML prolog"
        if text.startswith("<?", start):
            end = text.find("?>", start)
        elif text.startswith("<!--", start):
            end = text.find("-->", start)
        elif text.startswith(("<!DOCTYPE", "<!ENTITY", "<!doctype"), start):
            return "declares a DOCTYPE; XML entities are not accepted in a workbook"
        else:
            return None  # the root element: the prolog is over
        if end < 0:
            return None if len(data) < PROLOG_BYTES else "has an overlong XML prolog"
        position = end + 2


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _choose_sheet(rel_name: str, names: list[str], visible: list[str], wanted: str | None) -> str:
    if not names:
        raise fail(rel_name, "the workbook has no sheets")
    if wanted is None:
        return (visible or names)[0]
    if wanted in names:
        return wanted
    folded = [name for name in names if " ".join(name.split()).casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise SheetNotFound(rel_name, wanted, names)


# calamine gives every number as a float and a blank as "". Answer codes become ints
# (7.0 → 7: smaller to cache, and small ints are shared) and blanks None, through one dict
# looked up from C: map(get, row, row) is twice as fast as a comprehension with tests.
_CLEAN: dict[object, int | None] = {float(n): n for n in range(-1000, 10_001)}
_CLEAN[""] = None


def _clean(values) -> list[Cell]:
    """Return a calamine row with blanks as None and whole answer codes as ints."""
    return list(map(_CLEAN.get, values, values))


def _read_with_calamine(path: Path, rel_name: str, wanted: str | None) -> Records:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    with CalamineWorkbook.from_path(str(path)) as workbook:
        visible = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.visible == SheetVisibleEnum.Visible
        ]
        name = _choose_sheet(rel_name, list(workbook.sheet_names), visible, wanted)
        sheet = workbook.get_sheet_by_name(name)
        end = sheet.end
        rows: list[list[Cell]] = []
        numbers: list[int] = []
        count = width = 0
        if end is not None:
            for values in sheet.iter_rows():
                count += 1
                width = len(values)
                row = _clean(values)
                if row.count(None) != len(row):
                    rows.append(row)
                    numbers.append(count)
        del sheet
    first_column = 0
    if end is not None and count:
        # iter_rows starts at the first row or at the first used row depending on the
        # version; the last row it yields is always the sheet's last used row
        offset = end[0] + 1 - count
        if offset:
            numbers = [n + offset for n in numbers]
        first_column = end[1] + 1 - width
    return Records(rows, numbers, sheet=name, first_column=first_column)


def _read_with_openpyxl(path: Path, rel_name: str, wanted: str | None) -> Records:
    from openpyxl import load_workbook  # defusedxml is installed, so openpyxl parses safely

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        names = workbook.sheetnames
        visible = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
        name = _choose_sheet(rel_name, names, visible, wanted)
        worksheet = workbook[name]
        worksheet.reset_dimensions()  # a Google Sheets download has no <dimension>
        rows: list[list[Cell]] = []
        numbers: list[int] = []
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            row = _clean(values)
            if row.count(None) != len(row):
                rows.append(row)
                numbers.append(number)
    finally:
        workbook.close()
    return Records(rows, numbers, sheet=name)
