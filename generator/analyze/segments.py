"""Every metric by segment, one column or two crossed, with small groups suppressed.

Anonymity rule. A group with fewer respondents than the threshold is suppressed: its result is
a ``Suppressed`` marker with no numbers, not even its size. So that a suppressed group cannot be
recovered by subtracting the groups shown from a published total, suppression is completed
(complementary suppression): within every set of groups whose total is published — the whole
breakdown, and for a crossed breakdown each row and each column, whose totals are the one-way
breakdowns — the suppressed groups that hold data must number at least two and together reach
the threshold; otherwise the next-smallest shown group is suppressed too, until they do (or
nothing is left to show). The same rule is applied again to each metric's own n, because an item
can have fewer answers than its group has respondents. Respondents with a blank segment value
belong to no group and are not counted on as cover.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, TypeVar

import numpy as np

from generator.analyze.cells import GroupKey, SegmentCells, clean_segment_value
from generator.analyze.codes import CodedColumn, code_column
from generator.analyze.plain import SUPPRESSED, Plain, natural_key

Key = TypeVar("Key", bound=Hashable)

DEFAULT_ANONYMITY_THRESHOLD = 5
DEFAULT_COMMENT_THRESHOLD = 10


@dataclass(frozen=True)
class MetricSpec:
    """One metric to compute per group: its column and how to summarise a group's tally."""

    name: str
    column: Sequence[float | None]
    excluded: frozenset[float]
    summarise: Callable[[Mapping[float, int]], Any]
    expected: tuple[float, ...] = ()
    """The answers the column should hold (its scale's points); any other is still counted."""


@dataclass(frozen=True)
class GroupResult(Plain):
    values: GroupKey
    """The group's value in each segment column of the breakdown."""
    result: Any
    """The metrics of the group, or ``Suppressed``."""
    versus_rest: dict[str, Any] | None = None
    """One-way breakdowns: each headline metric against the rest of the sample (``versus``)."""


@dataclass(frozen=True)
class Breakdown(Plain):
    segments: tuple[str, ...]
    """Segment ids: one for a one-way breakdown, two for a crossed one."""
    groups: tuple[GroupResult, ...]


def protect(
    counts: Mapping[Key, int],
    primary: Iterable[Key],
    threshold: int,
    slices: Sequence[Sequence[Key]] | None = None,
) -> frozenset[Key]:
    """Complete the suppression of ``primary`` so no hidden count follows by subtraction.

    ``slices`` are the sets of groups whose sum is published (all groups when absent). Within
    each, groups with data are added smallest first (ties by key) until the hidden ones with
    data number at least two and sum to at least ``threshold``, or none is left to add.
    """
    hidden = set(primary)
    groups = list(counts)
    slices = [groups] if slices is None else slices
    changed = True
    while changed:
        changed = False
        for members in slices:
            holding = [k for k in members if k in hidden and counts[k] > 0]
            if not holding:
                continue
            total = sum(counts[k] for k in holding)
            shown = sorted(
                (k for k in members if k not in hidden and counts[k] > 0),
                key=lambda k: (counts[k], group_order(k)),
            )
            for key in shown:
                if len(holding) >= 2 and total >= threshold:
                    break
                hidden.add(key)
                holding.append(key)
                total += counts[key]
                changed = True
    return frozenset(hidden)


def group_order(key: Any) -> Any:
    if isinstance(key, tuple):
        return tuple(natural_key(str(part)) for part in key)
    return natural_key(str(key))


def small_groups(counts: Mapping[Key, int], threshold: int) -> set[Key]:
    """Groups that hold data but fewer than ``threshold`` of it."""
    return {key for key, n in counts.items() if 0 < n < threshold}


def published_slices(groups: Sequence[GroupKey]) -> list[list[GroupKey]]:
    """The sets of groups whose totals are published: all, and per row and column when crossed."""
    slices: list[list[GroupKey]] = [list(groups)]
    width = len(groups[0]) if groups else 1
    if width > 1:
        for axis in range(width):
            by_value: dict[str, list[GroupKey]] = {}
            for key in groups:
                by_value.setdefault(key[axis], []).append(key)
            slices.extend(by_value.values())
    return slices


def group_sizes(cells: SegmentCells, group_of_cell: Sequence[GroupKey | None]) -> Counter[GroupKey]:
    sizes: Counter[GroupKey] = Counter()
    for cell, key in enumerate(group_of_cell):
        if key is not None:
            sizes[key] += cells.sizes[cell]
    return sizes


@dataclass(frozen=True)
class CellCounts:
    """One metric's answers counted per cell, ready to be added up into any group's tally."""

    column: CodedColumn
    by_code: np.ndarray
    """Per answer code (row k − 1), the count in each cell (a column)."""

    def counts(self, groups: GroupCells) -> list[list[int]]:
        """Per group, the counts per answer code in its cells."""
        if not groups.starts:
            return []
        in_order = self.by_code[:, groups.order]
        return np.add.reduceat(in_order, groups.starts, axis=1).T.tolist()

    def total(self) -> dict[float, int]:
        """The tally of all responses."""
        return self.column.tally(self.by_code.sum(axis=1).tolist())


@dataclass(frozen=True)
class GroupCells:
    """The cells of each group of a breakdown, one group after the other."""

    order: list[int]
    """The cells of the first group, then those of the second, …"""
    starts: list[int]
    """Where each group's cells start in ``order``."""

    @classmethod
    def of(cls, members: Mapping[GroupKey, list[int]], groups: Sequence[GroupKey]) -> GroupCells:
        order: list[int] = []
        starts: list[int] = []
        for key in groups:
            starts.append(len(order))
            order.extend(members[key])
        return cls(order, starts)


def cells_of_groups(group_of_cell: Sequence[GroupKey | None]) -> dict[GroupKey, list[int]]:
    """The cells that make up each group of a breakdown."""
    members: dict[GroupKey, list[int]] = {}
    for cell, key in enumerate(group_of_cell):
        if key is not None:
            members.setdefault(key, []).append(cell)
    return members


def _breakdown(
    cells: SegmentCells,
    plan: tuple[str, ...],
    per_cell: Mapping[str, CellCounts],
    specs: Sequence[MetricSpec],
    assemble: Callable[[int, dict[str, Any]], Any],
    threshold: int,
) -> Breakdown:
    group_of_cell = cells.groups(plan)
    members = cells_of_groups(group_of_cell)
    sizes = group_sizes(cells, group_of_cell)
    groups = sorted(members, key=group_order)
    slices = published_slices(groups)
    hidden_groups = protect(sizes, small_groups(sizes, threshold), threshold, slices)

    in_groups = GroupCells.of(members, groups)
    results: dict[GroupKey, dict[str, Any]] = {key: {} for key in groups}
    for spec in specs:
        counted = per_cell[spec.name]
        counts = dict(zip(groups, counted.counts(in_groups), strict=True))
        n = {key: sum(counts[key]) for key in groups}
        primary = set(hidden_groups) | small_groups(n, threshold)
        hidden = protect(n, primary, threshold, slices)
        for key in groups:
            if key in hidden:
                results[key][spec.name] = SUPPRESSED
            else:
                results[key][spec.name] = spec.summarise(counted.column.tally(counts[key]))

    return Breakdown(
        segments=plan,
        groups=tuple(
            GroupResult(
                key, SUPPRESSED if key in hidden_groups else assemble(sizes[key], results[key])
            )
            for key in groups
        ),
    )


def active_segments(segments: Mapping[str, Sequence[str | None]]) -> list[str]:
    """The segment columns that hold at least one value (the others give no breakdown)."""
    return [sid for sid, column in segments.items() if any(map(clean_segment_value, column))]


def segment_cells(segments: Mapping[str, Sequence[str | None]], responses: int) -> SegmentCells:
    """The cells of the segment columns that hold at least one value, built once per wave and
    shared by the metric breakdowns and the theme breakdowns."""
    return SegmentCells({sid: segments[sid] for sid in active_segments(segments)}, responses)


def code_specs(specs: Sequence[MetricSpec]) -> dict[str, CodedColumn]:
    """Each metric's column coded once (see ``codes``), blanks and 'not applicable' as 0."""
    return {spec.name: code_column(spec.column, spec.excluded, spec.expected) for spec in specs}


def tally_cells(
    cells: SegmentCells, specs: Sequence[MetricSpec], coded: Mapping[str, CodedColumn]
) -> dict[str, CellCounts]:
    """Each metric's answers counted per cell: the one pass over the responses."""
    return {
        spec.name: CellCounts(coded[spec.name], cells.tally_array(coded[spec.name]))
        for spec in specs
    }


DEFAULT_CROSSED = 3
"""Without pairs named, the first this many segments are crossed with each other: real
exports carry dozens of embedded fields, and every pair of 22 columns is 231 tables."""


def crossed_pairs(
    ids: Sequence[str], crossed: bool | Sequence[Sequence[str]]
) -> list[tuple[str, str]]:
    """The pairs of segments to cross: none (False), every pair of the first
    ``DEFAULT_CROSSED`` (True), or the pairs named whose segments both have answers, each in
    the order of ``ids``."""
    if crossed is False:
        return []
    if crossed is True:
        return list(combinations(ids[:DEFAULT_CROSSED], 2))
    order = {sid: index for index, sid in enumerate(ids)}
    pairs: list[tuple[str, str]] = []
    for pair in crossed:
        first, second = sorted(pair, key=lambda sid: order.get(sid, -1))
        known = first in order and second in order and first != second
        if known and (first, second) not in pairs:
            pairs.append((first, second))
    return pairs


def breakdowns_from_cells(
    cells: SegmentCells,
    ids: Sequence[str],
    per_cell: Mapping[str, CellCounts],
    specs: Sequence[MetricSpec],
    assemble: Callable[[int, dict[str, Any]], Any],
    threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    crossed: bool | Sequence[Sequence[str]] = True,
) -> tuple[Breakdown, ...]:
    """Every one-way breakdown of ``ids``, then the crossed ones ``crossed`` asks for
    (``crossed_pairs``)."""
    plans: list[tuple[str, ...]] = [(sid,) for sid in ids]
    plans.extend(crossed_pairs(ids, crossed))
    return tuple(_breakdown(cells, plan, per_cell, specs, assemble, threshold) for plan in plans)


def breakdowns(
    segments: Mapping[str, Sequence[str | None]],
    specs: Sequence[MetricSpec],
    assemble: Callable[[int, dict[str, Any]], Any],
    threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    crossed: bool = True,
) -> tuple[Breakdown, ...]:
    """Every one-way breakdown, then (with ``crossed``) every pair of segment columns.

    ``assemble(respondents, {metric name: result or Suppressed})`` builds a group's result.
    A segment column with no value at all gives no breakdown.
    """
    ids = active_segments(segments)
    if not ids:
        return ()
    cells = SegmentCells({sid: segments[sid] for sid in ids}, len(segments[ids[0]]))
    per_cell = tally_cells(cells, specs, code_specs(specs))
    return breakdowns_from_cells(cells, ids, per_cell, specs, assemble, threshold, crossed)


def find_group(found: Breakdown, values: GroupKey) -> GroupResult | None:
    for group in found.groups:
        if group.values == values:
            return group
    return None
