"""Answer columns coded as small integers, and codes counted per group of rows.

Counting 100,000 answers per column is the bulk of the analysis, and hashing a float costs
more than reading a byte. So each column is coded once: code 0 is a blank or 'not applicable'
answer, code k the k-th distinct answer in ascending order. A column with fewer than 256
distinct answers (every rating scale) is coded as ``bytes``; a wider one as a list of ints.

To count per group (a segment cell, or the responses that gave one answer to the key-driver
target), every row's (group, code) pair is made one integer and all of them are counted at
once by ``numpy.bincount``, without looking at a single row from Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


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


def group_index(groups: bytes | Sequence[int]) -> np.ndarray:
    """Each row's group (0 to some count − 1), or codes taken as groups, for ``count_by_group``."""
    return _as_array(groups).astype(np.intp, copy=False)


def count_by_group(
    codes: bytes | Sequence[int], width: int, groups: np.ndarray, count: int
) -> np.ndarray:
    """Count codes 0 to ``width`` in each of ``count`` groups: an array of counts, per group (a
    row), per code (a column). ``groups`` holds each row's group (``group_index``)."""
    radix = width + 1
    combined = groups * radix + _as_array(codes)
    return np.bincount(combined, minlength=count * radix).reshape(count, radix)


def _as_array(codes: bytes | Sequence[int]) -> np.ndarray:
    if isinstance(codes, bytes):
        return np.frombuffer(codes, dtype=np.uint8)
    return np.asarray(codes, dtype=np.intp)
