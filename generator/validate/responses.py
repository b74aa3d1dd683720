"""A wave's survey exports mapped to checked Responses, every problem located.

Mapping problems (a column that does not exist, a file outside the engagement) point into
engagement.yaml through ``locate``; problems with values point at the cell that holds them.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from generator.collector import collector_paused
from generator.errors import InputError, Location, Problems
from generator.load.surveys import (
    MAX_PROBLEMS_PER_FILE,
    Column,
    ColumnLookupError,
    SheetNotFound,
    Table,
    read_table,
)
from generator.load.surveys.scoring import Invalid, Scorer
from generator.load.surveys.values import as_date, as_text, day_first, label_key
from generator.responses import Responses
from generator.schema.engagement import Scale, Scales, Source
from generator.validate.filters import apply_filter, condition_columns, few_kept
from generator.validate.multiselect import chosen_per_row, option_columns, remap, split_masks
from generator.validate.paths import PathOutside, resolve_inside

logger = logging.getLogger(__name__)

Locate = Callable[[int, tuple], Location]
Label = Callable[[int], str]
SCORED = ("nps", "csat", "ces", "overall")
SUS_STATEMENTS = 10
SUS_SCALE = Scale(min=1, max=5)


@dataclass
class _Field:
    """One mapped column: where the mapping says it, and how its cells become values."""

    keys: tuple  # inside the source's mapping, e.g. ("columns", "items", "speed")
    column: Column
    convert: Callable


def load_responses(
    sources: list[Source],
    scales: Scales,
    *,
    engagement_dir: Path,
    rel_dir: str,
    default_language: str,
    locate: Locate,
    problems: Problems,
    cache_dir: Path | None,
    label: Label = lambda index: "",
    segment_values: Mapping[str, Mapping[str, str]] | None = None,
) -> Responses:
    """Read a wave's sources in order and stack their checked responses.

    ``locate(index, keys)`` gives the place of a key of source ``index`` in engagement.yaml;
    ``label(index)`` names that source the way other messages name places, e.g.
    ``waves[2026-q3].sources[0]``. ``segment_values`` recodes segment answers (segment id →
    written answer → printed group), as ``measures.segment_values`` declares.
    """
    loader = _WaveLoader(
        engagement_dir, rel_dir, default_language, locate, label, problems, cache_dir
    )
    loader.recode = {
        segment: {label_key(written): printed for written, printed in values.items()}
        for segment, values in (segment_values or {}).items()
    }
    for index, source in enumerate(sources):
        loader.add_source(index, source, scales, sus=False)
    responses = loader.finish()
    check_undeclared_scales(responses, scales, sources, locate, label, problems)
    return responses


UNUSED_TOP = 2
"""Top points of a default scale nobody used that make the default doubtful."""
MIN_ANSWERS_FOR_SCALE = 20
"""Answers needed before their range says anything about the scale."""


def check_undeclared_scales(
    responses: Responses,
    scales: Scales,
    sources: list[Source],
    locate: Locate,
    label: Label,
    problems: Problems,
) -> None:
    """Warn where a column's scale is the default because none is declared, and its answers
    never reach the default's top points: a 1–5 effort question read on the default 1–7
    would otherwise be scored silently as 'higher is better on 1–7'."""
    declared = scales.model_fields_set
    wanted: list[tuple[str, tuple, str, Scale, list]] = []
    for role in ("csat", "ces", "overall"):
        if role not in declared:
            wanted.append(
                (
                    role,
                    ("columns", role),
                    f"scales.{role}",
                    getattr(scales, role),
                    getattr(responses, role),
                )
            )
    if "items" not in declared:
        for item, column in responses.items.items():
            if item not in scales.by_item:
                wanted.append(
                    (item, ("columns", "items", item), "scales.items", scales.items, column)
                )
    for name, keys, where, scale, column in wanted:
        answers = [v for v in column if v is not None]
        if len(answers) < MIN_ANSWERS_FOR_SCALE:
            continue
        highest = max(answers)
        if highest > scale.max - UNUSED_TOP:
            continue
        index = next((i for i, s in enumerate(sources) if _maps(s, keys)), 0)
        prefix = label(index)
        place = f"{prefix}.{_dotted(keys)}" if prefix else _dotted(keys)
        direction = "lower is better" if scale.lower_is_better else "higher is better"
        problems.warning(
            locate(index, keys),
            f"{place}: the {len(answers)} answers of '{name}' run {format_point(min(answers))}–"
            f"{format_point(highest)}, but no scale is declared, so they are read on the "
            f"default {scale.min}–{scale.max} ({direction}); declare the wave's {where}, "
            f"e.g. {{min: {format_point(min(answers))}, max: {format_point(highest)}}}"
            " (add lower_is_better: true when 1 is best)",
        )


def _maps(source: Source, keys: tuple) -> bool:
    value = source.columns
    for key in keys[1:]:
        value = value.get(key) if isinstance(value, dict) else getattr(value, key, None)
    return bool(value)


def format_point(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def load_sus_responses(
    source: Source,
    *,
    engagement_dir: Path,
    rel_dir: str,
    default_language: str,
    locate: Locate,
    problems: Problems,
    cache_dir: Path | None,
    label: Label = lambda index: "",
) -> Responses:
    """Read one usability test's SUS answers: ten statement columns, each on 1–5."""
    loader = _WaveLoader(
        engagement_dir, rel_dir, default_language, locate, label, problems, cache_dir
    )
    if len(source.columns.sus) != SUS_STATEMENTS:
        loader.mapping_error(
            0,
            ("columns", "sus"),
            f"the SUS needs its ten statement columns in order, got {len(source.columns.sus)}",
        )
        return Responses()
    loader.add_source(0, source, Scales(), sus=True)
    return loader.finish()


class _WaveLoader:
    def __init__(
        self, engagement_dir, rel_dir, default_language, locate, label, problems, cache_dir
    ):
        self.engagement_dir = Path(engagement_dir)
        self.rel_dir = rel_dir.strip("/")
        self.default_language = default_language
        self.locate = locate
        self.label: Label = label
        self.problems = problems
        self.cache_dir = cache_dir
        self.responses = Responses()
        self.recode: dict[str, dict[str, str]] = {}
        self.first_ids: dict[str, tuple[Table, int, Column]] = {}
        self.failed = False  # a file or mapping problem: an empty wave is no news then
        self.read = self.removed = self.usable = 0

    # -- reading and mapping -------------------------------------------------------------

    def mapping_error(self, index: int, keys: tuple, message: str) -> None:
        self.failed = True
        prefix = self.label(index)
        place = f"{prefix}.{_dotted(keys)}" if prefix else _dotted(keys)
        self.problems.error(self.locate(index, keys), f"{place}: {message}")

    def warning(self, index: int, keys: tuple, message: str) -> None:
        prefix = self.label(index)
        place = f"{prefix}.{_dotted(keys)}" if prefix else _dotted(keys)
        self.problems.warning(self.locate(index, keys), f"{place}: {message}")

    def open_table(self, index: int, source: Source) -> Table | None:
        try:
            path = resolve_inside(self.engagement_dir, source.file)
        except PathOutside as exc:
            self.mapping_error(index, ("file",), f"{exc}; keep survey files in the engagement")
            return None
        if not path.is_file():
            missing = not path.exists()
            reason = "no such file" if missing else "not a regular file (a folder, device or pipe)"
            self.mapping_error(index, ("file",), f"{reason}: {source.file}")
            return None
        if source.encoding is not None:
            try:
                codecs.lookup(source.encoding)
            except LookupError:
                self.mapping_error(index, ("encoding",), f"unknown encoding '{source.encoding}'")
                return None
        rel_name = f"{self.rel_dir}/{Path(source.file).as_posix()}".lstrip("/")
        try:
            return read_table(
                path,
                rel_name,
                sheet=source.sheet,
                encoding=source.encoding,
                delimiter=source.delimiter,
                layout=source.format,
                cache_dir=self.cache_dir,
            )
        except SheetNotFound as exc:
            listed = ", ".join(f"'{name}'" for name in exc.sheets)
            self.mapping_error(
                index,
                ("sheet",),
                f"no sheet '{exc.sheet}' in {source.file}; the sheets are: {listed}",
            )
        except InputError as exc:
            self.failed = True
            self.problems.extend(exc.problems)
        return None

    def find(self, index: int, table: Table, where: str, keys: tuple, name: str) -> Column | None:
        try:
            return table.find_column(name)
        except ColumnLookupError as exc:
            self.mapping_error(index, keys, exc.describe(where))
            return None

    def plan(self, index: int, source: Source, table: Table, scales: Scales, sus: bool):
        """Resolve every mapped column; return the fields, or None after a mapping problem."""
        where = f"{source.file}[{table.sheet}]" if table.sheet is not None else source.file
        columns = source.columns
        labels = source.labels
        wanted: list[tuple[tuple, str, Callable | None]] = []
        if columns.respondent_id:
            wanted.append((("columns", "respondent_id"), columns.respondent_id, None))
        if columns.date:
            wanted.append((("columns", "date"), columns.date, None))
        for role in SCORED:
            name = getattr(columns, role)
            if name:
                scorer = Scorer(getattr(scales, role), labels, f"'{role}'")
                wanted.append((("columns", role), name, scorer))
        for item, name in columns.items.items():
            scorer = Scorer(scales.item(item), labels, f"'{item}'")
            wanted.append((("columns", "items", item), name, scorer))
        for segment, name in columns.segments.items():
            wanted.append((("columns", "segments", segment), name, as_text))
        if columns.comment:
            wanted.append((("columns", "comment"), columns.comment, as_text))
        for question, name in columns.choices.items():
            wanted.append((("columns", "choices", question), name, as_text))
        for question, spec in columns.multi.items():
            if spec.column is not None:
                wanted.append((("columns", "multi", question, "column"), spec.column, as_text))
        if sus:
            for k, name in enumerate(columns.sus):
                scorer = Scorer(SUS_SCALE, labels, f"SUS statement {k + 1}")
                wanted.append((("columns", "sus", k), name, scorer))
        fields = []
        for keys, name, convert in wanted:
            column = self.find(index, table, where, keys, name)
            if column is not None:
                fields.append(_Field(keys, column, convert or as_text))
        filters = []
        for k, rule in enumerate(source.filters):
            named = {}
            for keys, name in condition_columns(rule):
                named[keys] = self.find(index, table, where, ("filters", k, *keys), name)
            filters.append((rule, named))
        missing = any(c is None for _, named in filters for c in named.values())
        options: dict[str, list[Column]] = {}
        for question, spec in columns.multi.items():
            if spec.columns:
                keys = ("columns", "multi", question, "columns")
                found = option_columns(
                    table,
                    spec,
                    lambda k, name, keys=keys: self.find(index, table, where, (*keys, k), name),
                )
                missing |= found is None
                options[question] = found or []
        if len(fields) < len(wanted) or missing:
            return None
        return fields, filters, options

    # -- values ----------------------------------------------------------------------------

    def add_source(self, index: int, source: Source, scales: Scales, *, sus: bool) -> None:
        table = self.open_table(index, source)
        if table is None:
            return
        planned = self.plan(index, source, table, scales, sus)
        if planned is None:
            return
        fields, filters, options = planned
        with collector_paused():  # millions of small objects, none of them cyclic
            self.convert_source(index, table, source, fields, filters, sus, options)

    def convert_source(
        self, index: int, table: Table, source: Source, fields, filters, sus: bool, options
    ) -> None:
        kept = self.apply_filters(index, table, filters)
        self.read += len(table)
        self.removed += len(table) - len(kept)
        report = _CappedReport(self.problems, table.path)
        rows = table.rows if len(kept) == len(table) else [table.rows[i] for i in kept]
        picked = _pick_columns(rows, [field.column.index for field in fields])
        values: dict[tuple, list] = {}
        for field, raw in zip(fields, picked, strict=True):
            values[field.keys] = self.convert_column(table, field, kept, raw, report)
        report.close()
        self.failed |= report.count > 0
        for question, spec in source.columns.multi.items():
            if spec.column is not None:
                raw = values.pop(("columns", "multi", question, "column"))
                values[("multi", question)] = split_masks(raw, spec.separator)
            else:
                values[("multi", question)] = chosen_per_row(table, options[question], kept)
        self.append(table, source, kept, values, sus)

    def apply_filters(self, index: int, table: Table, filters) -> list[int]:
        kept = list(range(len(table)))
        for number, (rule, named) in enumerate(filters, start=1):
            before = len(kept)
            outcome = apply_filter(table, rule, named, kept)
            kept = outcome.kept
            for keys, message in outcome.warnings:
                self.warning(index, ("filters", number - 1, *keys), message)
            doubt = few_kept(before, len(kept))
            if doubt:
                self.warning(index, ("filters", number - 1), doubt)
            logger.info(
                "%s: filter %d on '%s' removed %d of %d rows",
                table.path,
                number,
                rule.column or "several columns",
                before - len(kept),
                before,
            )
        return kept

    def convert_column(self, table: Table, field: _Field, kept: list[int], raw: list, report):
        """Convert one column's cells; each distinct value is converted once."""
        role = field.keys[1] if len(field.keys) > 1 else field.keys[0]
        if role == "date":
            return self.convert_dates(table, field, kept, raw, report)
        convert = as_text if role == "respondent_id" else field.convert
        lookup = {value: convert(value) for value in set(raw)}
        if role == "segments" and field.keys[2] in self.recode:
            names = self.recode[field.keys[2]]
            lookup = {
                value: names.get(label_key(text), text) if isinstance(text, str) else text
                for value, text in lookup.items()
            }
        out = list(map(lookup.__getitem__, raw))
        if role == "respondent_id":
            self.check_unique(table, field.column, kept, out, report)
            return out
        invalid = {value: r.message for value, r in lookup.items() if isinstance(r, Invalid)}
        if invalid:
            for k, (i, value) in enumerate(zip(kept, raw, strict=True)):
                if value in invalid:
                    report.error(table.cell_location(i, field.column), invalid[value])
                    out[k] = None
        return out

    def convert_dates(self, table: Table, field: _Field, kept: list[int], raw: list, report):
        order = day_first([value for value in set(raw) if isinstance(value, str)])
        dates: dict = {}  # keyed by the date part, so timestamps of one day convert once
        out: list[str | None] = []
        for i, value in zip(kept, raw, strict=True):
            key = _date_part(value)
            if key not in dates:
                date = as_date(key, day_first_order=order)
                dates[key] = date.isoformat() if date else None
            iso = dates[key]
            if iso is None and as_text(value) is not None:
                report.error(table.cell_location(i, field.column), _not_a_date(value))
            out.append(iso)
        return out

    def check_unique(self, table: Table, column: Column, kept: list[int], ids: list, report):
        first_seen = self.first_ids
        present = [(ident, i) for ident, i in zip(ids, kept, strict=True) if ident is not None]
        distinct = {ident for ident, _ in present}
        if len(distinct) == len(present) and distinct.isdisjoint(first_seen):
            first_seen.update((ident, (table, i, column)) for ident, i in present)
            return  # the usual case: no id repeats, so no row needs a second look
        for i, ident in zip(kept, ids, strict=True):
            if ident is None:
                continue
            first = first_seen.setdefault(ident, (table, i, column))
            if first[1] != i or first[0] is not table:
                origin = first[0].cell_origin(first[1], first[2])
                report.error(
                    table.cell_location(i, column),
                    f"respondent id '{ident}' appears again; the first is at {origin}",
                )

    def append(self, table: Table, source: Source, kept: list[int], values, sus: bool) -> None:
        r = self.responses
        n = len(kept)
        blank = [None] * n
        offset = len(r)
        r.origins.extend(table.row_origin(i) for i in kept)
        r.respondent_ids.extend(values.get(("columns", "respondent_id"), blank))
        r.dates.extend(values.get(("columns", "date"), blank))
        for role in SCORED:
            getattr(r, role).extend(values.get(("columns", role), blank))
        r.comments.extend(values.get(("columns", "comment"), blank))
        r.languages.extend([source.language or self.default_language] * n)
        for group in ("items", "segments"):
            target = getattr(r, group)
            for ident in getattr(source.columns, group):
                target.setdefault(ident, [None] * offset)
            for ident, column in target.items():
                column.extend(values.get(("columns", group, ident), blank))
        for ident in source.columns.choices:
            r.choices.setdefault(ident, [None] * offset)
        for ident, column in r.choices.items():
            column.extend(values.get(("columns", "choices", ident), blank))
        for ident, spec in source.columns.multi.items():
            r.multi.setdefault(ident, [None] * offset)
            r.multi_base[ident] = spec.base
            r.multi_in_order[ident] = bool(spec.columns)
            masks, options = values[("multi", ident)]
            known = r.multi_options.setdefault(ident, [])
            values[("multi", ident)] = remap(masks, options, known)
        for ident, column in r.multi.items():
            column.extend(values.get(("multi", ident), blank))
        if sus:
            answers = [values[("columns", "sus", k)] for k in range(SUS_STATEMENTS)]
            r.sus.extend([list(row) for row in zip(*answers, strict=True)])
        scored = [
            v for k, v in values.items() if k[1] in (*SCORED, "items", "sus", "comment", "choices")
        ]
        scored += [v for k, v in values.items() if k[0] == "multi"]
        if scored:
            # Rows with no answer yet, narrowed column by column: the first well-filled
            # column leaves few, so the rest are looked at only for those.
            empty = range(n)
            for column in scored:
                empty = [i for i in empty if column[i] is None]
                if not empty:
                    break
            self.usable += n - len(empty)
        else:
            self.usable += n

    def finish(self) -> Responses:
        if not self.failed and self.usable == 0:
            if self.read and self.removed == self.read:
                reason = f"the filters removed all {self.read} rows"
            elif self.read:
                reason = f"every mapped answer in the {self.read} rows is blank or n/a"
            else:
                reason = "the files have no data rows"
            self.problems.error(self.locate(0, ()), f"no usable responses in this wave: {reason}")
        return self.responses


class _CappedReport:
    """Report at most MAX_PROBLEMS_PER_FILE cell problems per file, then how many more."""

    def __init__(self, problems: Problems, path: str):
        self.problems = problems
        self.path = path
        self.count = 0

    def error(self, location: Location, message: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self.problems.error(location, message)

    def close(self) -> None:
        if self.count > MAX_PROBLEMS_PER_FILE:
            more = self.count - MAX_PROBLEMS_PER_FILE
            self.problems.error(Location(self.path), f"… and {more} more in this file")


def _dotted(keys: tuple) -> str:
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _pick_columns(rows: list[list], indices: list[int]) -> list[list]:
    """Return the cells of each wanted column (a C-level pass per column is fastest)."""
    return [list(map(itemgetter(j), rows)) for j in indices]


def _date_part(value):
    """Return the date part of a timestamp text ('12/13/2019 9:50:30' → '12/13/2019')."""
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        return value
    text = value.strip()
    token = text.split(maxsplit=1)[0] if text else text
    return token[:10] if len(token) > 10 and token[10] == "T" else token


def _not_a_date(value) -> str:
    return f"'{as_text(value)}' is not a date (YYYY-MM-DD, or as the survey tool writes it)"
