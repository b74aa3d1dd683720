"""A source's row filters: which rows are scored, and the warnings that keep them honest.

Every answer is compared as ``filter_key`` writes it: trimmed, case-folded, numbers as
numbers. A filter that keeps no row, or fewer than half of the rows it sees, and a listed
value that never occurs in its column, are warnings at their place in engagement.yaml: a
typo in a filter would otherwise change every number silently.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.load.surveys import Column, Table
from generator.load.surveys.table import shorten
from generator.load.surveys.values import match_key
from generator.schema.survey import Condition, RowFilter
from generator.validate.multiselect import split_cells

KeyPath = tuple
Warn = Callable[[KeyPath, str], None]
LISTED_VALUES = 6


def filter_key(value: object) -> str | None:
    """The text a filter compares: trimmed, case-folded, numbers canonical; None if blank."""
    key = match_key(value)  # type: ignore[arg-type]
    return None if key is None else key.casefold()


def rule_keys(rule: RowFilter) -> KeyPath:
    """Where the rule's values or condition are written inside the filter."""
    return ("keep",) if rule.keep is not None else ("drop",)


def condition_columns(rule: RowFilter) -> Iterator[tuple[KeyPath, str]]:
    """Every column a filter names, with the keys (inside the filter) where it is named."""
    if rule.column is not None:
        yield ("column",), rule.column
        return
    yield from _columns_of(rule.condition(), rule_keys(rule))


def _columns_of(condition: Condition, keys: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if condition.column is not None:
        yield keys + ("column",), condition.column
    for name, parts in (("all", condition.all_), ("any", condition.any_)):
        for m, part in enumerate(parts or []):
            yield from _columns_of(part, keys + (name, m))


@dataclass
class FilterOutcome:
    kept: list[int]
    warnings: list[tuple[KeyPath, str]]
    """(keys inside the filter, message) for each doubtful part."""


def apply_filter(
    table: Table,
    rule: RowFilter,
    columns: dict[KeyPath, Column],
    rows: list[int],
) -> FilterOutcome:
    """Apply one filter to the rows still kept; ``columns`` maps each named column's keys
    (as ``condition_columns`` gives them) to the column it found."""
    warnings: list[tuple[KeyPath, str]] = []
    if rule.column is not None:
        condition, keys = rule.condition(), rule_keys(rule)
        value_keys, column_keys = keys, ("column",)
    else:
        condition, keys = rule.condition(), rule_keys(rule)
        value_keys = column_keys = None
    matches = _matcher(table, condition, keys, columns, warnings, value_keys, column_keys)
    keep = rule.keeps
    kept = [i for i in rows if matches(i) == keep]
    if keep == rule.not_:  # the rule drops what it matches
        # A value to drop that this export lacks usually means nothing to drop this time (no
        # preview runs in this wave); it is a warning only when it looks like a typo of one
        # that occurs. A value to keep that never occurs is always one.
        warnings = [(k, m) for k, m in warnings if "(did you mean" in m]
    return FilterOutcome(kept, warnings)


def _matcher(
    table: Table,
    condition: Condition,
    keys: KeyPath,
    columns: dict[KeyPath, Column],
    warnings: list[tuple[KeyPath, str]],
    value_keys: KeyPath | None = None,
    column_keys: KeyPath | None = None,
) -> Callable[[int], bool]:
    """Return a test of row i; record a warning for each listed value the column lacks."""
    if condition.column is not None:
        column = columns[column_keys or keys + ("column",)]
        values_at = value_keys or keys + ("contains" if condition.contains is not None else "is",)
        test = _column_test(table, column, condition, values_at, warnings)
    else:
        parts = condition.all_ if condition.all_ is not None else condition.any_
        name = "all" if condition.all_ is not None else "any"
        tests = [
            _matcher(table, part, keys + (name, m), columns, warnings)
            for m, part in enumerate(parts or [])
        ]
        if name == "all":

            def test(i: int) -> bool:
                return all(t(i) for t in tests)
        else:

            def test(i: int) -> bool:
                return any(t(i) for t in tests)

    if condition.not_:
        return lambda i: not test(i)
    return test


def _column_test(
    table: Table,
    column: Column,
    condition: Condition,
    values_at: KeyPath,
    warnings: list[tuple[KeyPath, str]],
) -> Callable[[int], bool]:
    j = column.index
    cells = [row[j] for row in table.rows]
    if condition.contains is not None:
        return _contains_test(cells, column, condition.contains, values_at, warnings)
    present: dict[str | None, object] = {}
    counts: Counter[str | None] = Counter()
    for cell, count in Counter(cells).most_common():  # each answer as most people wrote it
        key = filter_key(cell)
        present.setdefault(key, cell)
        counts[key] += count
    listed = [filter_key(value) for value in condition.is_ or []]
    for k, (written, key) in enumerate(zip(condition.is_ or [], listed, strict=True)):
        if key is None:
            continue  # "" stands for a blank answer
        if key not in present:
            warnings.append((values_at + (k,), _never_occurs(written, column, present, counts)))
    wanted = {key for key in listed if key is not None}
    if condition.is_ is not None and None in listed:
        blank_matches = True  # an empty string listed: the blanks, as before blank: existed
    else:
        blank_matches = condition.blank is True
    if condition.is_ is None and condition.blank is None:
        verdict = {key: key is not None for key in present}  # {column: X}: X is answered
    elif condition.is_ is None and condition.blank is False:
        verdict = {key: key is not None for key in present}
    else:
        verdict = {key: (key in wanted if key is not None else blank_matches) for key in present}
    by_cell = {cell: verdict[filter_key(cell)] for cell in set(cells)}
    return lambda i: by_cell[cells[i]]


def _contains_test(
    cells: list,
    column: Column,
    wanted: list,
    values_at: KeyPath,
    warnings: list[tuple[KeyPath, str]],
) -> Callable[[int], bool]:
    choices, _ = split_cells(cells, None)
    by_cell = {}
    seen: dict[str, str] = {}
    for cell, parts in zip(cells, choices, strict=True):
        if cell not in by_cell:
            folded = {p.casefold() for p in parts or ()}
            by_cell[cell] = folded
            for part in parts or ():
                seen.setdefault(part.casefold(), part)
    keys = [filter_key(value) for value in wanted]
    for k, (written, key) in enumerate(zip(wanted, keys, strict=True)):
        if key is not None and key not in seen:
            counts = Counter({key: 1 for key in seen})
            message = _never_occurs(written, column, seen, counts).replace(
                "never occurs in", "is never chosen in"
            )
            warnings.append((values_at + (k,), message))
    looked_for = {key for key in keys if key is not None}
    verdict = {cell: bool(parts & looked_for) for cell, parts in by_cell.items()}
    return lambda i: verdict[cells[i]]


def _never_occurs(written: object, column: Column, present: dict, counts: Counter) -> str:
    values = sorted(str(present[key]).strip() for key in present if key is not None)
    message = f"'{written}' never occurs in column {column.describe()}"
    keys = [key for key in present if key is not None]
    close = difflib.get_close_matches(str(written).strip().casefold(), keys, n=3, cutoff=0.6)
    if close:
        likely = max(close, key=lambda key: counts[key])  # the answer most people gave
        return f"{message} (did you mean '{str(present[likely]).strip()}'?)"
    if not values:
        return f"{message}; the column is blank"
    shown = ", ".join(f"'{shorten(v, 30)}'" for v in values[:LISTED_VALUES])
    more = f" … and {len(values) - LISTED_VALUES} more" if len(values) > LISTED_VALUES else ""
    return f"{message}; its values: {shown}{more}"


def few_kept(before: int, after: int) -> str | None:
    """The warning for a filter that keeps no row or fewer than half of those it sees."""
    if before == 0:
        return None
    if after == 0:
        return f"this filter keeps none of the {before:,} rows it sees"
    if after * 2 < before:
        return (
            f"this filter keeps only {after:,} of the {before:,} rows it sees; check that it "
            "names the rows to keep, not those to drop"
        )
    return None
