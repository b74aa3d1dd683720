"""Multi-select (tick-box) answers as each vendor exports them, read into chosen options.

One column per option (SurveyMonkey writes the option's text in a chosen cell, Qualtrics 1,
LimeSurvey Y): a filled cell is a choice unless it says no. One cell of joined choices
(Google Forms writes 'Python, SQL'): the cell is split at its separator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

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
) -> tuple[list[tuple[str, ...] | None], list[str]]:
    """Each kept row's chosen options (None when no cell of the question is filled)."""
    labels = [option_label(c) for c in columns]
    chosen_cell: dict[object, bool] = {}
    out: list[tuple[str, ...] | None] = []
    indices = [c.index for c in columns]
    for i in kept:
        row = table.rows[i]
        picked = []
        filled = False
        for label, j in zip(labels, indices, strict=True):
            value = row[j]
            if value is None:
                continue
            verdict = chosen_cell.get(value)
            if verdict is None:
                text = as_text(value)
                verdict = text is not None and label_key(text) not in NOT_CHOSEN
                chosen_cell[value] = verdict
                if text is None:
                    continue
            filled = True
            if verdict:
                picked.append(label)
        out.append(tuple(picked) if filled else None)
    return out, labels


def split_cells(raw: list, separator: str | None) -> tuple[list[tuple[str, ...] | None], list[str]]:
    """Each cell of the one-cell layout split into its choices, each distinct cell once."""
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
    # no questionnaire order is known: the most chosen option first
    options = sorted(counts, key=lambda option: (-counts[option], option))
    return out, options
