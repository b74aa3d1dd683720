"""Multi-select (tick-box) answers as each vendor exports them, read into chosen options.

One column per option (SurveyMonkey writes the option's text in a chosen cell, Qualtrics 1,
LimeSurvey Y): a filled cell is a choice unless it says no. One cell of joined choices
(Google Forms writes 'Python, SQL'): the cell is split at its separator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from operator import itemgetter

from generator.load.surveys import Column, Table
from generator.load.surveys.table import normalize_name
from generator.load.surveys.values import as_text, label_key
from generator.schema.survey import MultiSelect

NOT_CHOSEN = frozenset({"0", "no", "n", "false", "not selected", "not checked", "unchecked"})


def option_columns(
    table: Table, spec: MultiSelect, find: Callable[[int, str], Column | None]
) -> list[Column] | None:
    """The option columns of the one-column-per-option layout; None after a lookup problem
    (``find(k, name)`` reports it at columns[k])."""
    found: list[Column] = []
    failed = False
    for k, name in enumerate(spec.columns):
        if name.endswith("*"):
            prefix = normalize_name(name[:-1]).casefold()
            matching = [
                c for c in table.columns if any(n.casefold().startswith(prefix) for n in c.names())
            ]
            if not matching:
                find(k, name[:-1])  # reports the missing column with its suggestions
                failed = True
            found.extend(c for c in matching if c not in found)
            continue
        column = find(k, name)
        if column is None:
            failed = True
        elif column not in found:
            found.append(column)
    return None if failed else found


def option_label(column: Column) -> str:
    """The option a column stands for: its sub-item label, else its text (after the
    question, as Qualtrics writes 'Which foods…-Kale' or 'Which foods - Kale'), else its id."""
    if column.subitem:
        return column.subitem
    text = column.text or ""
    for mark in ("...-", "…-", " - "):
        if mark in text:
            return text.rsplit(mark, 1)[1].strip() or text
    return text or column.id or column.letter


def chosen_per_row(
    table: Table, columns: list[Column], kept: list[int]
) -> tuple[list[int | None], list[str]]:
    """Each kept row's choices as a bit mask over the options (bit k: option k chosen), or
    None when no cell of the question is filled; and the options, one per column."""
    labels = [option_label(c) for c in columns]
    rows = table.rows if len(kept) == len(table) else [table.rows[i] for i in kept]
    pick = itemgetter(*(c.index for c in columns))
    keys = list(map(pick, rows))  # one tuple of the question's cells per row, built in C
    if len(columns) == 1:
        keys = [(cell,) for cell in keys]
    chosen: dict[object, bool | None] = {}  # cell → chosen, not chosen, or blank (None)

    def verdict(value: object) -> bool | None:
        if value not in chosen:
            text = as_text(value)
            chosen[value] = None if text is None else label_key(text) not in NOT_CHOSEN
        return chosen[value]

    masks: dict[tuple, int | None] = {}
    for key in set(keys):  # at most 2^options distinct combinations, usually far fewer
        verdicts = [verdict(value) for value in key]
        if all(v is None for v in verdicts):
            masks[key] = None
        else:
            masks[key] = sum(1 << bit for bit, v in enumerate(verdicts) if v)
    out = list(map(masks.__getitem__, keys))
    return out, labels


def split_cells(raw: list, separator: str | None) -> tuple[list[tuple[str, ...] | None], list[str]]:
    """Each cell of the one-cell layout split into its choices, each distinct cell once; the
    options most chosen first (no questionnaire order is known)."""
    texts = {value: as_text(value) for value in set(raw)}
    if separator is None:
        # the one more cells hold: a free-text 'Other' answer may hold the other one
        semicolons = sum(1 for t in texts.values() if t and ";" in t)
        commas = sum(1 for t in texts.values() if t and "," in t)
        separator = ";" if semicolons > commas else ","
    split: dict[object, tuple[str, ...] | None] = {}
    counts: dict[str, int] = {}
    times = Counter(raw)
    for value, text in texts.items():
        if text is None:
            split[value] = None
            continue
        parts = tuple(dict.fromkeys(p.strip() for p in text.split(separator) if p.strip()))
        split[value] = parts or None
        for option in parts:
            counts[option] = counts.get(option, 0) + times[value]
    out = [split[value] for value in raw]
    options = sorted(counts, key=lambda option: (-counts[option], option))
    return out, options


def split_masks(raw: list, separator: str | None) -> tuple[list[int | None], list[str]]:
    """The one-cell layout as bit masks over its options (see ``chosen_per_row``)."""
    distinct = list(set(raw))
    split, options = split_cells(distinct, separator)
    times = Counter(raw)
    counts: Counter[str] = Counter()
    for value, parts in zip(distinct, split, strict=True):
        for option in parts or ():
            counts[option] += times[value]
    options = sorted(counts, key=lambda option: (-counts[option], option))
    bit = {option: 1 << k for k, option in enumerate(options)}
    mask = {
        value: None if parts is None else sum(bit[o] for o in parts)
        for value, parts in zip(distinct, split, strict=True)
    }
    return list(map(mask.__getitem__, raw)), options


def remap(masks: list[int | None], options: list[str], known: list[str]) -> list[int | None]:
    """Masks over ``options`` as masks over ``known`` (extended with the options it lacks):
    a wave's sources may list their options in different orders."""
    for option in options:
        if option not in known:
            known.append(option)
    if options == known[: len(options)]:
        return masks
    position = [known.index(option) for option in options]
    cache: dict[int, int] = {}

    def moved(mask: int) -> int:
        if mask not in cache:
            cache[mask] = sum(1 << position[k] for k in range(len(options)) if mask >> k & 1)
        return cache[mask]

    return [None if m is None else moved(m) for m in masks]
