"""Survey exports read as downloaded: .xlsx and .csv/.tsv in the vendors' own layouts.

``read_table`` returns a :class:`Table` whose every cell can be located
(``data/q2.xlsx[Responses]!D17``, ``data/q2.csv:118:4``) for the messages of later stages.
"""

from generator.load.surveys.layouts import LAYOUTS, detect_layout
from generator.load.surveys.reader import MAX_PROBLEMS_PER_FILE, file_kind, read_table
from generator.load.surveys.table import Cell, Column, ColumnLookupError, Table, column_letter
from generator.load.surveys.workbook import SheetNotFound

__all__ = [
    "LAYOUTS",
    "MAX_PROBLEMS_PER_FILE",
    "Cell",
    "Column",
    "ColumnLookupError",
    "SheetNotFound",
    "Table",
    "column_letter",
    "detect_layout",
    "file_kind",
    "read_table",
]
