"""Answer columns coded as small integers, and codes counted in runs of rows.

Counting 100,000 answers per column is the bulk of the analysis, and hashing a float costs
more than reading a byte. So each column is coded once: code 0 is a blank or 'not applicable'
answer, code k the k-th distinct answer in ascending order. A column with fewer than 256
distinct answers (every rating scale) is coded as ``bytes``, which the standard library counts
in C (``bytes.count(code, start, end)``); a wider one falls back to a list of ints.

To count per group, rows are put in an order in which each group (a segment cell, or the
responses that gave one answer to the key-driver target) is one contiguous run; then each
run's codes are counted without looking at a single row from Python.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TypeVar

Item = TypeVar("Item")
Run = tuple[int, int]
"""Rows ``start`` (included) to ``end`` (excluded) of a reordered column."""


@dataclass(frozen=True)
class CodedColumn:
    """A column's answers as one code per response; 0 is a blank or 'not applicable' answer."""

    points: tuple[float, ...]
    """The answer of code k is ``points[k - 1]``; ascending."""
    codes: bytes | list[int]

    @property
    def width(self) -> int:
        """The number of distinct answers counted: codes run from 1 to ``width``."""
        return len(self.points)

    def tally(self, counts: Sequence[int]) -> dict[float, int]:
        """Turn counts per code (index k − 1) into a tally; answers nobody gave are left out."""
        return {point: count for point, count in zip(self.points, counts, strict=True) if count}


def code_column(
    column: Sequence[float | None], excluded: Iterable[float] = (), expected: Iterable[float] = ()
) -> CodedColumn:
    """Code a column; blanks and the 'not applicable' codes in ``excluded`` become 0.

    ``expected`` may give the answers the column should hold (its scale's points): when every
    answer is one of them, the column is read once instead of twice.
    """
    skip = set(excluded)
    if expected:
        try:
            return _coded(column, sorted(p for p in set(expected) if p not in skip), skip)
        except KeyError:
            pass  # an answer off the scale: code every distinct answer instead
    return _coded(column, sorted(v for v in set(column) if v is not None and v not in skip), skip)


def _coded(
    column: Sequence[float | None], points: Sequence[float], skip: set[float]
) -> CodedColumn:
    book: dict[float | None, int] = dict.fromkeys(skip, 0)
    book[None] = 0
    book.update((point, code) for code, point in enumerate(points, start=1))
    codes = map(book.__getitem__, column)
    return CodedColumn(tuple(points), bytes(codes) if len(points) < 256 else list(codes))


def picker(rows: Sequence[int]) -> Callable[[Sequence[Item]], Sequence[Item]]:
    """Return a function that gives a sequence's items at ``rows``, in that order, in C."""
    if len(rows) > 1:
        return itemgetter(*rows)  # type: ignore[return-value]
    return lambda sequence: tuple(sequence[row] for row in rows)


def runs_of(groups: Iterable[Sequence[int]]) -> tuple[list[int], list[Run]]:
    """Concatenate the rows of each group: that row order, and where each group's run lies."""
    order: list[int] = []
    runs: list[Run] = []
    for rows in groups:
        runs.append((len(order), len(order) + len(rows)))
        order.extend(rows)
    return order, runs


def rows_by_code(codes: Sequence[int], groups: int) -> list[list[int]]:
    """The rows that hold each code from 0 to ``groups`` − 1."""
    rows: list[list[int]] = [[] for _ in range(groups)]
    for row, code in enumerate(codes):
        rows[code].append(row)
    return rows


def count_runs(ordered: Sequence[int], runs: Sequence[Run], width: int) -> list[list[int]]:
    """Count codes 1 to ``width`` in each run of ``ordered``: per code (index k − 1), per run."""
    codes = range(1, width + 1)
    if isinstance(ordered, bytes):
        return [[ordered.count(code, start, end) for start, end in runs] for code in codes]
    found = [Counter(ordered[start:end]) for start, end in runs]
    return [[counted[code] for counted in found] for code in codes]
