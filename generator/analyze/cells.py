"""Respondents grouped once by all segment columns together, so every breakdown is a sum.

A wave of 100,000 responses is read once per column: each response falls in a *cell* (its
values in every segment column at once), each column's answers are counted per cell, and a
breakdown by one column or a pair of columns adds up cells instead of reading the responses
again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from itertools import repeat
from operator import add, mul

from generator.analyze.codes import CodedColumn, Run, count_runs, picker, rows_by_code, runs_of

GroupKey = tuple[str, ...]

LONG_RUNS = 10
"""Counting each code in each cell's run of rows (a C call per cell and code) beats one pass
that counts every answer from Python once there are more responses than this per (cell, code)."""


def clean_segment_value(value: object) -> str | None:
    """A segment value as shown; None when blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


class SegmentCells:
    """The cell of every response, and what each cell means in each segment column."""

    def __init__(self, segments: Mapping[str, Sequence[object]], responses: int):
        self.responses = responses
        self.segments: tuple[str, ...] = tuple(segments)
        """The segment columns the cells combine, in order."""
        self._values: dict[str, list[str | None]] = {}
        books: list[tuple[Sequence[object], dict[object, int]]] = []
        for sid, column in segments.items():
            if len(column) != responses:
                raise ValueError(
                    f"segment column {sid!r} has {len(column)} values, not {responses}"
                )
            values, book = self._code_values(column)
            self._values[sid] = values
            books.append((column, book))
        # A response's combined code is Σ code·stride, the stride of a column being the product
        # of the radices (value counts) of the columns after it. Each column's book holds its
        # codes already multiplied by its stride, so combining costs one addition per column.
        self._radix = [(sid, len(values)) for sid, values in self._values.items()]
        combined: list[int] | None = None
        stride = 1
        for (column, book), (_, radix) in zip(reversed(books), reversed(self._radix), strict=True):
            scaled = {raw: code * stride for raw, code in book.items()}
            codes = map(scaled.__getitem__, column)
            combined = list(codes) if combined is None else list(map(add, combined, codes))
            stride *= radix
        if combined is None:
            combined = [0] * responses
        dense = {value: i for i, value in enumerate(dict.fromkeys(combined))}
        self.cell_of: list[int] = list(map(dense.__getitem__, combined))
        counted = Counter(self.cell_of)
        self.sizes: list[int] = [counted[cell] for cell in range(len(dense))]
        """Respondents per cell."""
        self._codes: list[dict[str, int]] = [self._decode(value) for value in dense]
        self._scaled: dict[int, list[int]] = {}

    @staticmethod
    def _code_values(column: Sequence[object]) -> tuple[list[str | None], dict[object, int]]:
        """A column's values as shown (code 0 is blank) and the code of each raw value."""
        values: list[str | None] = [None]
        index: dict[str, int] = {}
        book: dict[object, int] = {}
        for raw in set(column):
            cleaned = clean_segment_value(raw)
            if cleaned is None:
                book[raw] = 0
                continue
            if cleaned not in index:
                index[cleaned] = len(values)
                values.append(cleaned)
            book[raw] = index[cleaned]
        return values, book

    def _decode(self, combined: int) -> dict[str, int]:
        codes = {}
        for sid, radix in reversed(self._radix):
            combined, codes[sid] = divmod(combined, radix)
        return codes

    def groups(self, plan: Sequence[str]) -> list[GroupKey | None]:
        """Each cell's group in a breakdown by ``plan``; None when a value of the plan is blank."""
        found: list[GroupKey | None] = []
        for codes in self._codes:
            key = tuple(self._values[sid][codes[sid]] for sid in plan)
            found.append(None if any(v is None for v in key) else key)  # type: ignore[arg-type]
        return found

    @cached_property
    def _runs(self) -> tuple[Callable[[Sequence[int]], Sequence[int]], list[Run]]:
        """Rows sorted by cell, so each cell is one run: the reordering and the runs."""
        order, runs = runs_of(rows_by_code(self.cell_of, len(self.sizes)))
        return picker(order), runs

    def tally(self, column: CodedColumn) -> list[list[int]]:
        """Count a coded column's answers per cell: per code (index k − 1), a count per cell."""
        width = column.width
        if isinstance(column.codes, bytes) and self.responses > LONG_RUNS * len(self.sizes) * width:
            in_cell_order, runs = self._runs
            return count_runs(bytes(in_cell_order(column.codes)), runs, width)
        # Short runs: one pass that counts (cell, code) pairs coded as one integer each.
        radix = width + 1
        if radix not in self._scaled:
            self._scaled[radix] = list(map(mul, self.cell_of, repeat(radix)))
        counts = [[0] * len(self.sizes) for _ in range(width)]
        for key, n in Counter(map(add, self._scaled[radix], column.codes)).items():
            cell, code = divmod(key, radix)
            if code:
                counts[code - 1][cell] = n
        return counts
