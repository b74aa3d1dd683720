"""Respondents grouped once by all segment columns together, so every breakdown is a sum.

A wave of 100,000 responses is read once per column: each response falls in a *cell* (its
values in every segment column at once), each column's answers are counted per cell, and a
breakdown by one column or a pair of columns adds up cells instead of reading the responses
again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cached_property
from operator import add

import numpy as np

from generator.analyze.codes import CodedColumn, count_by_group, group_index

GroupKey = tuple[str, ...]


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
    def _cell_index(self) -> np.ndarray:
        return group_index(self.cell_of)

    def tally(self, column: CodedColumn) -> list[list[int]]:
        """Count a coded column's answers per cell: per code (index k − 1), a count per cell."""
        return self.tally_array(column).tolist()

    def tally_array(self, column: CodedColumn) -> np.ndarray:
        """``tally`` as an array: a row per code, a column per cell."""
        counts = count_by_group(column.codes, column.width, self._cell_index, len(self.sizes))
        return counts[:, 1:].T
