"""The data workbook (.xlsx): the numbers behind the report and the deck, for the client's analysts.

Written with openpyxl, atomically (a temporary file in the target's folder, then a rename), and
byte for byte the same for the same inputs: the document properties carry the report date and
the consultant's name instead of the clock and the library's name, and every entry of the zip
archive is dated with the report date too. Any string a spreadsheet could take for a formula
(it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is stored as text with a
quote prefix, so opening or editing the file never runs it. openpyxl is imported only here,
inside the functions that write.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.publish.pdf import write_atomically
from generator.publish.workbook_tables import DATE, Column, Number, Sheet, Words, workbook_sheets
from generator.render.untrusted import clean_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
MAX_SHEET_TITLE = 31  # Excel's limit for a sheet name
MAX_FITTED_WIDTH = 60
HEADER_FILL = "E4E9F0"
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_workbook(context: Mapping[str, Any], target: Path) -> Path:
    """Write the data workbook of one document context (``document_context``) to ``target``."""
    target = Path(target)
    write_atomically(target, workbook_data(context))
    return target


def workbook_data(context: Mapping[str, Any]) -> bytes:
    """Return the data workbook's bytes (also embedded in PDF/A-3b reports as their source)."""
    from generator.render.environment import builtin_templates
    from generator.render.i18n import load_translations

    translations = load_translations(builtin_templates() / "locale", context["language"])
    words = Words(translations.gettext)
    return workbook_bytes(workbook_sheets(context, words), _properties(context, words))


def workbook_bytes(sheets: Sequence[Sheet], properties: Mapping[str, Any]) -> bytes:
    """Return the .xlsx bytes of ``sheets``; ``properties`` must hold ``created``."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    titles: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(_sheet_title(sheet.title, titles))
        _fill(worksheet, sheet)
    info = workbook.properties
    for key, value in properties.items():
        setattr(info, key, value)
    info.modified = properties["created"]
    return _archive_bytes(workbook, properties["created"])


def _properties(context: Mapping[str, Any], words: Words) -> dict[str, Any]:
    report_date = context["engagement"]["report_date"]
    if isinstance(report_date, str):
        report_date = dt.date.fromisoformat(report_date)
    moment = dt.datetime(report_date.year, report_date.month, report_date.day)
    wave = context["wave"] or {}
    consultant = context["consultant"]["name"]
    title = f"{context['engagement']['title']} — {words.gettext('Data')}"
    if wave.get("name"):
        title += f", {wave['name']}"
    draft = {}
    if context.get("draft"):  # a placeholder of the skeleton is left, as in the PDFs
        title = f"{words.gettext('Draft')}: {title}"
        draft = {"keywords": "draft"}
    return {
        **draft,
        "title": clean_text(title),
        "subject": clean_text(context["client"]["name"]),
        "creator": clean_text(consultant),
        "lastModifiedBy": clean_text(consultant),
        "language": context["language"],
        "created": moment,
    }


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _TITLE_FORBIDDEN.sub("-", clean_text(title)).strip("'") or "Sheet"
    base = base[:MAX_SHEET_TITLE]
    candidate, counter = base, 2
    while candidate.lower() in taken:
        suffix = f" ({counter})"
        candidate = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
        counter += 1
    taken.add(candidate.lower())
    return candidate


def _fill(worksheet, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    first_row = 1
    if sheet.header:
        fill = PatternFill("solid", fgColor=HEADER_FILL)
        rule = Border(bottom=Side(style="thin", color="7F8C99"))
        header_alignment = Alignment(vertical="bottom", wrap_text=True)
        for index, column in enumerate(sheet.columns, start=1):
            cell = worksheet.cell(row=1, column=index)
            _put_text(cell, column.header)
            cell.font, cell.fill, cell.border = bold, fill, rule
            cell.alignment = header_alignment
        first_row = 2
    for offset, values in enumerate(sheet.rows):
        row = first_row + offset
        for index, column in enumerate(sheet.columns, start=1):
            value = values[index - 1] if index - 1 < len(values) else None
            cell = worksheet.cell(row=row, column=index)
            _put(cell, value, column)
            cell.alignment = wrapped if column.wrap else top
            if not sheet.header and index == 1:
                cell.font = bold
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = _width(sheet, index - 1, column)
    if sheet.header:
        worksheet.freeze_panes = worksheet.cell(row=2, column=sheet.frozen_columns + 1)
        last = get_column_letter(len(sheet.columns))
        worksheet.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"


def _put(cell, value: Any, column: Column) -> None:
    if value is None:
        return
    if isinstance(value, Number):
        if _finite(value.value):
            cell.value = value.value
            cell.number_format = value.format
    elif isinstance(value, str):
        _put_text(cell, value)
    elif isinstance(value, bool):
        _put_text(cell, str(value))
    elif isinstance(value, (int, float)):
        if _finite(value):
            cell.value = value
            if column.format:
                cell.number_format = column.format
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE
    else:
        _put_text(cell, str(value))


def _put_text(cell, text: str) -> None:
    """Store ``text`` as a string, never as a formula or an error code."""
    text = clean_text(text)[:MAX_CELL_TEXT]
    cell.value = text
    # openpyxl would store "=…" as a formula and "#N/A" as an error; keep both as text.
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _finite(value: float | int) -> bool:
    return not (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))


def _width(sheet: Sheet, index: int, column: Column) -> float:
    if column.width is not None:
        return column.width
    lengths = [] if not sheet.header else [len(column.header)]
    for values in sheet.rows:
        value = values[index] if index < len(values) else None
        lengths.append(_display_length(value))
    return float(min(max([8, *lengths]) + 2, MAX_FITTED_WIDTH))


def _display_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, Number) and value.format.endswith("%"):
        return 5
    return 8


def _archive_bytes(workbook, moment: dt.datetime) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    # ExcelWriter directly: openpyxl's save_workbook would stamp the properties with the clock.
    ExcelWriter(workbook, archive).save()
    return _dated(raw.getvalue(), moment)


def _dated(data: bytes, moment: dt.datetime) -> bytes:
    """Rewrite a zip archive with every entry dated ``moment`` and the same file mode."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()
