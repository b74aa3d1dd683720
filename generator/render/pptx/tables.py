"""Native PowerPoint tables, in the template's table style, with the PDF deck's cell sizes."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from generator.render.pptx.template import Box
from generator.render.pptx.text import Para, para, write_paragraphs

HEADER_SIZE = 12.5
CELL_SIZE = 14.0
CELL_LEADING = 18.0


def add_table(
    slide,
    box: Box,
    widths: Sequence[float],
    header: Sequence[str | Para] | None,
    rows: Sequence[Sequence[str | Para | list[Para]]],
    palette,
    *,
    heights: Sequence[float] | None = None,
    banded: bool = True,
    scale: float = 1.0,
):
    """Add a table whose columns share ``box``'s width in the proportions of ``widths``.

    A cell is a string, a paragraph or a list of paragraphs. ``heights`` are the planned
    row heights (pt, the header's first when there is one); PowerPoint grows a row whose
    text needs more, so nothing is cut."""
    count = len(rows) + (1 if header is not None else 0)
    shape = slide.shapes.add_table(count, len(widths), box.left, box.top, box.width, box.height)
    table = shape.table
    table.first_row = header is not None
    table.horz_banding = banded
    total = sum(widths)
    for index, width in enumerate(widths):
        table.columns[index].width = round(box.width * width / total)
    grid = ([list(header)] if header is not None else []) + [list(row) for row in rows]
    planned = list(heights or [])
    for row_index, cells in enumerate(grid):
        row = table.rows[row_index]
        default = (16 if header is not None and row_index == 0 else CELL_LEADING) + 11
        row.height = Pt((planned[row_index] if row_index < len(planned) else default) * scale)
        is_header = header is not None and row_index == 0
        for column, content in enumerate(cells):
            cell = table.cell(row_index, column)
            cell.margin_left = cell.margin_right = Pt(8 * scale)
            cell.margin_top = cell.margin_bottom = Pt(5 * scale)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            write_paragraphs(cell.text_frame, _paragraphs(content, is_header), palette)
    return shape


def _paragraphs(content, is_header: bool) -> list[Para]:
    if isinstance(content, Para):
        return [content]
    if isinstance(content, list):
        return content
    if is_header:
        return [para(str(content), size=HEADER_SIZE, leading=16, bold=True)]
    return [para(str(content), size=CELL_SIZE, leading=CELL_LEADING)]
