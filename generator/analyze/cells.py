"""Respondents grouped once by all segment columns together, so every breakdown is a sum.

A wave of 100,000 responses is read once per column: each response falls in a *cell* (its
values in every segment column at once), each column is tallied per cell, and a breakdown by
one column or a pair of columns adds up cells instead of reading the responses again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import add, mul

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
        self._values: dict[str, list[str | None]] = {}
        self._radix: list[tuple[str, int]] = []
        combined: list[int] = [0] * responses
        for sid, column in segments.items():
            if len(column) != responses:
                raise ValueError(
                    f"segment column {sid!r} has {len(column)} values, not {responses}"
                )
            values: list[str | None] = [None]  # code 0 is blank
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
            codes = map(book.__getitem__, column)
            combined = list(map(add, map(mul, combined, repeat(len(values))), codes))
            self._values[sid] = values
            self._radix.append((sid, len(values)))
        dense = {value: i for i, value in enumerate(dict.fromkeys(combined))}
        self.cell_of: list[int] = list(map(dense.__getitem__, combined))
        self.sizes: Counter[int] = Counter(self.cell_of)
        self._codes: list[dict[str, int]] = [self._decode(value) for value in dense]

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

    def tally(
        self, column: Sequence[float | None], excluded: Iterable[float] = ()
    ) -> dict[int, dict[float, int]]:
        """Count a column's answers per cell (blanks and 'not applicable' codes left out)."""
        book: dict[float | None, int] = {None: 0}
        points: list[float] = [0.0]
        skip = set(excluded)
        for value in set(column):
            if value is not None and value not in book:
                book[value] = 0 if value in skip else len(points)
                if value not in skip:
                    points.append(value)  # type: ignore[arg-type]
        radix = len(points)
        keys = map(add, map(mul, self.cell_of, repeat(radix)), map(book.__getitem__, column))
        tallies: dict[int, dict[float, int]] = {}
        for key, count in Counter(keys).items():
            cell, point = divmod(key, radix)
            if point:
                tallies.setdefault(cell, {})[points[point]] = count
        return tallies


def merge_by_group(
    per_cell: Mapping[int, Mapping[float, int]], group_of_cell: Sequence[GroupKey | None]
) -> dict[GroupKey, dict[float, int]]:
    """Add up cell tallies into group tallies."""
    merged: dict[GroupKey, dict[float, int]] = {}
    for cell, tally in per_cell.items():
        key = group_of_cell[cell]
        if key is None:
            continue
        target = merged.setdefault(key, {})
        for value, count in tally.items():
            target[value] = target.get(value, 0) + count
    return merged
