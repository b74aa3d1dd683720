"""How far a worksheet's cells reach, checked from its XML before calamine sizes its grid.

calamine allocates one slot for every position between the first and the last used cell, so
a workbook holding only A1 and XFD1048576 asks for 17 billion slots and the process aborts.
The XML is therefore streamed once first. The first chunk gives the width of the sheet; one
regular expression then looks for anything outside ``MAX_CELLS`` at that width — a row or a
column reference beyond it, or a row or cell without a reference (calamine places those
after the previous one). Survey exports never match, and the search runs in C. A match sends
the file through an exact count, which refuses it only if its grid really is too large.

The same pass notes the cells that hold a formula's error (``#N/A``): calamine reads them as
blanks, which would drop an answer without a word. And no stretch of the XML without a tag
may be much longer than ``MAX_TEXT_RUN`` (a cell holds at most 32,767 characters), so a sheet
padded with a gigabyte of spaces is refused in one linear pass instead of being held whole.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

MAX_CELLS = 16_000_000  # e.g. 100,000 responses × 160 columns: about 1.3 GB at peak
CHUNK_BYTES = 4 << 20
MAX_TEXT_RUN = CHUNK_BYTES  # bytes without a tag; Excel's longest cell, escaped, is far less
MAX_ERROR_CELLS = 50

_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_ROW_REF = re.compile(rb'<row r="([0-9]+)"')
_ROW_TAG = re.compile(rb"<row[\s/>]")
_CELL_TAG = re.compile(rb"<c[\s/>]")
_ERROR_CELL = re.compile(rb'<c\s([^>]*\bt="e"[^>]*)>(?:<f[^<]*(?:</f>)?)?(?:<v>([^<]*)</v>)?')
_REFERENCE = re.compile(rb'\br="([A-Z]{1,3}[0-9]{1,7})"')


class TextRunTooLong(ValueError):
    """A stretch of a part's XML without any tag is longer than MAX_TEXT_RUN."""

    def __init__(self, part: str):
        self.part = part
        super().__init__(part)


@dataclass
class SheetScan:
    """What one pass over a worksheet part found."""

    rows: int = 0
    columns: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (cell, error text)


def column_number(letters: bytes | str) -> int:
    """Return the 1-based number of a column reference: 'A' → 1, 'AA' → 27."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(char) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _up_to(limit: str, first: str, low: str, high: str) -> str:
    """A pattern for the strings of digits (or letters) that sort at or below ``limit``."""
    options = []
    if len(limit) > 1:
        options.append(f"[{first}-{high}][{low}-{high}]{{0,{len(limit) - 2}}}")
    for i, char in enumerate(limit):
        bottom = first if i == 0 else low
        if char > bottom:
            rest = f"[{low}-{high}]" * (len(limit) - i - 1)
            options.append(f"{limit[:i]}[{bottom}-{chr(ord(char) - 1)}]{rest}")
    options.append(limit)
    return "|".join(options)


def outside_pattern(rows: int, columns: int) -> re.Pattern[bytes]:
    """Match a row or cell tag that is not plainly within ``rows`` × ``columns``."""
    row_ok = _up_to(str(rows), "1", "0", "9")
    column_ok = _up_to(column_letters(columns), "A", "A", "Z")
    row = f'row(?=[\\s/>])(?! r="(?:{row_ok})")'
    cell = f'c(?=[\\s/>])(?! r="(?:{column_ok})[0-9])'
    return re.compile(f"<(?:{row}|{cell})".encode())


def _chunks(archive: zipfile.ZipFile, part: str):
    """Yield the part's XML in chunks that never split a tag.

    Raises TextRunTooLong when the text between two tags outgrows MAX_TEXT_RUN: the tail
    carried to the next chunk stays bounded, so the pass is linear in the part's size.
    """
    tail = b""
    with archive.open(part) as member:
        while chunk := member.read(CHUNK_BYTES):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                if len(data) > MAX_TEXT_RUN:
                    raise TextRunTooLong(part)
                tail = data
                continue
            tail = data[cut:]
            yield data[:cut]
    if tail:
        yield tail


def check_text_runs(archive: zipfile.ZipFile, part: str) -> None:
    """Raise TextRunTooLong when ``part`` holds a stretch without tags that is too long."""
    for _ in _chunks(archive, part):
        pass


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetScan:
    """Return the grid calamine would build for one worksheet part (0 × 0 when it is
    plainly within MAX_CELLS) and the cells that hold a formula's error."""
    scan = SheetScan()
    pattern = None
    outside = False
    for data in _chunks(archive, part):
        if pattern is None:
            widths = [column_number(letters) for letters in set(_CELL_REF.findall(data))]
            width = max(widths, default=1)
            pattern = outside_pattern(max(MAX_CELLS // width, 1), width)
        if not outside and pattern.search(data):
            outside = True
        if b't="e"' in data and len(scan.errors) < MAX_ERROR_CELLS:
            for match in _ERROR_CELL.finditer(data):
                reference = _REFERENCE.search(match.group(1))
                value = (match.group(2) or b"").decode("utf-8", errors="replace")
                scan.errors.append((reference.group(1).decode() if reference else "", value))
    if outside:
        scan.rows, scan.columns = exact_grid_size(archive, part)
    return scan


def grid_size(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """Return the rows and columns of the grid calamine would build for one worksheet part."""
    scan = scan_sheet(archive, part)
    return scan.rows, scan.columns


def exact_grid_size(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """Count the grid the slow way: every row, and the widest row's cells or references."""
    rows = columns = 0
    for data in _chunks(archive, part):
        for piece in data.split(b"</row>"):
            start = piece.rfind(b"<row")
            if start < 0:
                continue
            numbered = _ROW_REF.match(piece, start)
            rows = max(rows + 1, int(numbered.group(1)) if numbered else 0)
            cells = piece[start:]
            refs = [column_number(letters) for letters in _CELL_REF.findall(cells)]
            unnumbered = len(_CELL_TAG.findall(cells)) - len(refs)
            columns = max(columns, max(refs, default=0) + max(unnumbered, 0))
    return rows, columns


def oversized_sheets(archive: zipfile.ZipFile, parts=None) -> list[tuple[str, int, int]]:
    """Return each worksheet part (of ``parts``, default the usual names) whose grid would
    hold more than MAX_CELLS cells."""
    if parts is None:
        parts = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
    found = []
    for name in parts:
        rows, columns = grid_size(archive, name)
        if rows * columns > MAX_CELLS:
            found.append((name, rows, columns))
    return found
