"""``rapport inspect``: what a survey export holds, and a mapping for engagement.yaml to paste."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyze.question_words import CES, CSAT, DEMOGRAPHIC, NPS, sus_statement
from generator.distinctive import distinctive_parts
from generator.load.surveys import Column, ColumnLookupError, Table, read_table
from generator.load.surveys.profile import (
    SAMPLE_CHARS,
    ColumnProfile,
    profile_table,
    scale_text,
)
from generator.load.surveys.table import shorten
from generator.load.surveys.values import as_date, label_key
from generator.validate.multiselect import option_label

PASTE_MARKER = "# ---- paste into engagement.yaml"
MAX_ITEMS = 40
MAX_SEGMENTS = 8
MAX_SEGMENT_VALUES = 12
LISTED_UNMAPPED = 40

_ID_NAME = re.compile(r"^(respondent ?id|response ?id|_?record ?id|id|v1)$", re.IGNORECASE)
# a name that numbers the responses rather than asking anything, in any part of a header
_ID_WORDS = re.compile(
    r"(^|[\s_#.-])(id|ids|#|no\.|nr\.?|n°|number|seq\w*|serial)([\s_#.:-]|$)"
    r"|respondent|response ?id|record ?id|номер|№|ідентиф|идентиф|identificador|numurs",
    re.IGNORECASE,
)
MIN_ID_ROWS = 8  # from here, eight 0–10 scores all different happen once in thirty
_DATES = ("recordeddate", "enddate", "timestamp", "date submitted", "submitdate", "startdate")
_METADATA = {
    "status",
    "progress",
    "finished",
    "duration (in seconds)",
    "last page",
    "lastpage",
    "seed",
    "responseset",
    "locationaccuracy",
}
_COMMENT = re.compile(
    r"comment|why|suggest|anything else|feedback|improve|explain|tell us", re.IGNORECASE
)
_LAYOUT_NOTES = {
    "qualtrics": "ids, question text, ImportId",
    "surveymonkey": "question text, answer or sub-item labels",
    "google_forms": "question text, Timestamp first",
    "limesurvey": "question codes or texts",
    "plain": "names or ids",
}


@dataclass
class Suggestion:
    """A best-guess mapping: which column plays which role, and the scales it needs."""

    roles: dict[str, str] = field(default_factory=dict)  # role → column name
    items: dict[str, str] = field(default_factory=dict)  # item id → column name
    segments: dict[str, str] = field(default_factory=dict)
    multi: dict[str, list[str]] = field(default_factory=dict)  # question id → option columns
    sus: list[str] = field(default_factory=list)  # the ten SUS statements' columns, in order
    measures: dict[str, dict[str, str]] = field(default_factory=dict)
    scales: dict[str, dict] = field(default_factory=dict)
    labels: dict[str, float | str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    filters: list[str] = field(default_factory=list)  # each a YAML flow mapping
    fielded: tuple[dt.date, dt.date] | None = None  # the first and last response's date


def inspect_file(
    path: Path,
    rel_name: str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> str:
    """Describe a survey export and suggest its ``sources:`` entry.

    Raises InputError, each problem located, when the file cannot be read.
    """
    table = read_table(path, rel_name, sheet=sheet, encoding=encoding, delimiter=delimiter)
    profiles = profile_table(table)
    suggestion = suggest_mapping(table, profiles)
    return render(table, profiles, suggestion, source_file(rel_name))


def inspect_data(
    path: Path,
    rel_name: str,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> dict:
    """The same description as plain JSON values (docs/json.md, "rapport inspect --json")."""
    table = read_table(path, rel_name, sheet=sheet, encoding=encoding, delimiter=delimiter)
    profiles = profile_table(table)
    suggestion = suggest_mapping(table, profiles)
    return {
        "file": table.path,
        "format": table.layout,
        "header_rows": table.header_rows,
        "sheet": table.sheet,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "responses": len(table),
        "columns": [
            {
                "letter": p.column.letter,
                "label": p.column.short_label if p.column.names() else None,
                "kind": p.kind,
                "scale": list(p.scale) if p.scale else None,
                "distinct": p.distinct,
                "samples": p.samples,
            }
            for p in profiles
        ],
        "mapping": {
            "roles": suggestion.roles,
            "items": suggestion.items,
            "segments": suggestion.segments,
            "measures": suggestion.measures,
            "scales": suggestion.scales,
            "labels": suggestion.labels,
            "unmapped": suggestion.unmapped,
        },
        "paste": render(table, profiles, suggestion, source_file(rel_name))
        .split(PASTE_MARKER, 1)[1]
        .split("\n", 1)[1],
    }


def source_file(rel_name: str) -> str:
    """Return the file as engagement.yaml names it: relative to the engagement folder."""
    parts = rel_name.split("/")
    if len(parts) > 2 and parts[0] == "engagements":
        return "/".join(parts[2:])
    return f"data/{parts[-1]}"


def mapping_name(table: Table, column: Column) -> str | None:
    """Return a name that finds exactly this column, or None when every name is shared."""
    options = [column.id, column.import_id]
    if column.text and column.subitem:
        options.append(f"{column.text} / {column.subitem}")
    options.append(column.text)
    for option in options:
        if not option:
            continue
        try:
            if table.find_column(option) is column:
                return " ".join(option.split())
        except ColumnLookupError:
            continue
    return None


def suggest_mapping(table: Table, profiles: list[ColumnProfile]) -> Suggestion:
    suggestion = Suggestion()
    names = {id(p): mapping_name(table, p.column) for p in profiles}
    free = [p for p in profiles if names[id(p)] and p.kind != "empty"]
    used: set[int] = set()

    def take(role: str, profile: ColumnProfile | None) -> None:
        if profile is not None:
            suggestion.roles[role] = names[id(profile)]  # type: ignore[assignment]
            used.add(id(profile))

    def text_of(profile: ColumnProfile) -> str:
        c = profile.column
        return " ".join(filter(None, (c.id, c.text, c.subitem)))

    ids = [p for p in free if p.unique and p.filled == len(table) and _is_id(p.column)]
    take("respondent_id", ids[0] if ids else None)
    dates = [p for p in free if p.kind == "date"]
    dates.sort(key=lambda p: _date_rank(p.column))
    take("date", dates[0] if dates else None)
    if dates:
        days = [as_date(v) for v in set(table.column_values(dates[0].column))]
        days = [d for d in days if d is not None]
        suggestion.fielded = (min(days), max(days)) if days else None
    if table.layout == "limesurvey":
        submitted = [p for p in profiles if _is_submit_date(p.column) and names[id(p)]]
        if submitted and submitted[0].filled < len(table):
            # LimeSurvey writes no submit date for a response left unfinished
            name = _q(names[id(submitted[0])])  # type: ignore[arg-type]
            suggestion.filters.append(f"{{column: {name}, drop: [], blank: true}}")
    scored = [p for p in free if p.scale and id(p) not in used and not _is_metadata(p.column)]
    on_five = [p for p in scored if p.scale[0] >= 1 and p.scale[1] <= 5]  # SUS answers 1–5
    _suggest_sus(suggestion, on_five, names, used, text_of)
    scored = [p for p in scored if id(p) not in used]
    nps = [p for p in scored if p.kind == "number" and p.scale in ((0, 10), (1, 10))]
    nps = [p for p in nps if NPS.search(text_of(p)) and not _numbers_responses(p, table)]
    take("nps", nps[0] if nps else None)
    if nps and nps[0].scale == (1, 10) and table.layout == "google_forms":
        suggestion.scales["nps"] = {"min": 1, "max": 10}
    for role, pattern in (("csat", CSAT), ("ces", CES)):
        found = [p for p in scored if id(p) not in used and pattern.search(text_of(p))]
        found = [p for p in found if p.kind == "number" or p.text_scale == "satisfaction"]
        if found:
            take(role, found[0])
            _note_scale(suggestion, role, found[0])
    comments = [
        p
        for p in free
        if p.kind == "text"
        and not p.text_scale
        and id(p) not in used
        and p.mean_length >= 20
        and p.distinct * 2 >= p.filled
    ]
    # many different, long answers make a comment; a question that asks for one counts double
    comments.sort(
        key=lambda p: (
            -p.distinct * min(p.mean_length, 200) * (2 if _COMMENT.search(text_of(p)) else 1)
        )
    )
    take("comment", comments[0] if comments else None)
    rankings = [p for p in scored if p.ranking and id(p) not in used]
    rated = [p for p in scored if id(p) not in used and not p.ranking]
    _suggest_items(suggestion, rated, names, used)
    _suggest_rankings(suggestion, rankings, names, used)
    segments = [
        p
        for p in free
        if p.kind == "text"
        and not p.text_scale
        and id(p) not in used
        and not p.unique
        and 2 <= p.distinct <= MAX_SEGMENT_VALUES
        and p.filled * 2 >= len(table)
    ]
    # a question about who answered comes first, then those with the fewest answers
    segments.sort(key=lambda p: (not DEMOGRAPHIC.search(text_of(p)), p.distinct))
    segments = segments[:MAX_SEGMENTS]
    parts = distinctive_parts([_slug_source(p.column) for p in segments])
    for profile, part in zip(segments, parts, strict=True):
        ident = _unique_slug(profile.column, suggestion.segments, part)
        suggestion.segments[ident] = names[id(profile)]  # type: ignore[assignment]
        suggestion.measures.setdefault("segments", {})[ident] = _printed_label(profile.column)
        used.add(id(profile))
    _suggest_multi(suggestion, [p for p in free if id(p) not in used], names, used)
    for profile in profiles:
        if profile.text_scale and id(profile) in used:
            suggestion.labels.update(profile.labels)
    suggestion.unmapped = [
        name for p in profiles if (name := names[id(p)]) is not None and id(p) not in used
    ]
    return suggestion


SUS_STATEMENTS = 10


def _suggest_sus(suggestion: Suggestion, candidates, names, used: set[int], text_of) -> None:
    """Ten 1–5 columns that are the ten SUS statements, each once: a usability test."""
    found: dict[int, ColumnProfile] = {}
    for profile in candidates:
        number = sus_statement(text_of(profile))
        if number is not None and number not in found:
            found[number] = profile
    if len(found) < SUS_STATEMENTS:
        return
    suggestion.sus = [names[id(found[n])] for n in range(1, SUS_STATEMENTS + 1)]
    used.update(id(p) for p in found.values())


def _suggest_items(suggestion: Suggestion, candidates, names, used: set[int]) -> None:
    groups: dict[tuple[int, int], list[ColumnProfile]] = {}
    for profile in candidates:
        groups.setdefault(profile.scale, []).append(profile)
    if not groups:
        return
    scale, chosen = max(groups.items(), key=lambda kv: (len(kv[1]), kv[0] == (1, 5)))
    codes = sorted({code for p in chosen for code in p.not_applicable})
    if scale != (1, 5) or codes:
        suggestion.scales["items"] = {"min": scale[0], "max": scale[1]}
        if codes:
            suggestion.scales["items"]["not_applicable"] = codes
    chosen = chosen[:MAX_ITEMS]
    parts = distinctive_parts([_slug_source(p.column) for p in chosen])
    for profile, part in zip(chosen, parts, strict=True):
        ident = _unique_slug(profile.column, suggestion.items, part)
        suggestion.items[ident] = names[id(profile)]
        suggestion.measures.setdefault("items", {})[ident] = _printed_label(profile.column)
        used.add(id(profile))


def _suggest_rankings(suggestion: Suggestion, rankings, names, used: set[int]) -> None:
    """Rankings are items on a scale of their own: 1…k, the top box the first rank."""
    for profile in rankings[:MAX_ITEMS]:
        ident = _unique_slug(profile.column, suggestion.items)
        suggestion.items[ident] = names[id(profile)]
        suggestion.measures.setdefault("items", {})[ident] = _printed_label(profile.column)
        low, high = profile.scale
        by_item = suggestion.scales.setdefault("by_item", {})
        by_item[ident] = {"min": low, "max": high, "top_box": 1, "lower_is_better": "true"}
        used.add(id(profile))


TICKED = frozenset({"1", "y", "yes", "0", "x", "true"})
MIN_OPTIONS = 2


def _question_of(column: Column) -> str | None:
    """The question a tick-box column belongs to: its text beside a sub-item, or the text
    before Qualtrics' '...-Option'."""
    if column.subitem and column.text:
        return column.text
    for mark in ("...-", "…-", " - "):
        if column.text and mark in column.text:
            return column.text.rsplit(mark, 1)[0]
    return None


def _suggest_multi(suggestion: Suggestion, candidates, names, used: set[int]) -> None:
    """One column per option, each holding one mark (its option's text, Y, 1 or X) or
    nothing: a multi-select question, proposed under columns.multi."""
    groups: dict[str, list[ColumnProfile]] = {}
    for profile in candidates:
        question = _question_of(profile.column)
        if question is None or profile.distinct > 2:
            continue
        marks = {label_key(s) for s in profile.samples}
        own = label_key(shorten(option_label(profile.column), SAMPLE_CHARS))
        if marks <= TICKED | {own}:  # SurveyMonkey writes the option's own text
            groups.setdefault(question, []).append(profile)
    for question, options in groups.items():
        if len(options) < MIN_OPTIONS:
            continue
        ident = _unique_slug(Column(index=0, letter="", text=question), suggestion.multi)
        suggestion.multi[ident] = [names[id(p)] for p in options]
        suggestion.measures.setdefault("choices", {})[ident] = shorten(question, 80)
        used.update(id(p) for p in options)


def _note_scale(suggestion: Suggestion, role: str, profile: ColumnProfile) -> None:
    default = {"csat": (1, 5), "ces": (1, 7)}[role]
    scale = profile.scale or default
    if scale != default or profile.not_applicable:
        suggestion.scales[role] = {"min": scale[0], "max": scale[1]}
        if profile.not_applicable:
            suggestion.scales[role]["not_applicable"] = profile.not_applicable


def _printed_label(column: Column) -> str:
    """The label the deliverables print for an item or segment: the sub-item, else the text."""
    return shorten(column.subitem or column.text or column.id or column.letter, 80)


def _is_metadata(column: Column) -> bool:
    """Tell the columns a survey tool adds about the response itself, never rated items."""
    return any(name.casefold() in _METADATA for name in column.names())


def _is_submit_date(column: Column) -> bool:
    return any(name.casefold() in ("submitdate", "date submitted") for name in column.names())


def _numbers_responses(profile: ColumnProfile, table: Table) -> bool:
    """Tell a column that counts or names the responses: an id's name, or every value
    different (sequential numbers included) — never a score, whatever its range."""
    if any(_ID_NAME.match(n) or _ID_WORDS.search(n) for n in profile.column.names()):
        return True
    if len(table) < MIN_ID_ROWS or profile.filled < MIN_ID_ROWS:
        return False
    return profile.unique


def _is_id(column: Column) -> bool:
    return any(_ID_NAME.match(name) for name in column.names())


def _date_rank(column: Column) -> int:
    for rank, name in enumerate(_DATES):
        if any(n.casefold() == name for n in column.names()):
            return rank
    return len(_DATES)


def _slug_source(column: Column) -> str:
    return column.id or column.subitem or column.text or ""


def _unique_slug(column: Column, taken: dict[str, str], source: str | None = None) -> str:
    """An id from ``source`` (the column's own name unless given), unique among ``taken``."""
    source = _slug_source(column) if source is None else source
    ascii_text = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    if len(slug) > 32:
        cut = slug[:33].rfind("_")
        slug = slug[: cut if cut > 8 else 32]
    slug = slug or f"column_{column.letter.lower()}"
    ident, n = slug, 2
    while ident in taken:
        ident, n = f"{slug}_{n}", n + 1
    return ident


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _flow(mapping: dict) -> str:
    parts = []
    for key, value in mapping.items():
        shown = "[" + ", ".join(str(v) for v in value) + "]" if isinstance(value, list) else value
        parts.append(f"{key}: {shown}")
    return "{" + ", ".join(parts) + "}"


def render(table: Table, profiles, suggestion: Suggestion, file_name: str) -> str:
    lines = [f"File:       {table.path}"]
    header = f"{table.header_rows} header row{'s' if table.header_rows > 1 else ''}"
    note = table.layout_note or _LAYOUT_NOTES[table.layout]
    lines.append(f"Format:     {table.layout} ({header}: {note})")
    if table.sheet is not None:
        lines.append(f"Sheet:      {table.sheet}")
    else:
        delimiter = {"\t": "tab", ",": "','", ";": "';'"}.get(table.delimiter or "", "?")
        lines.append(f"Encoding:   {table.encoding} · delimiter {delimiter}")
    lines += [f"Responses:  {len(table):,}", "", "Columns:"]
    for p in profiles:
        label = shorten(p.column.short_label, 44) if p.column.names() else "(no name)"
        facts = [p.kind]
        if p.kind != "empty":
            facts += [scale_text(p), f"{p.distinct:,} distinct", "e.g. " + ", ".join(p.samples)]
        lines.append(f"  {p.column.letter:<4} {label:<45} " + " · ".join(f for f in facts if f))
    lines += ["", f"{PASTE_MARKER}: measures, and the wave (name it, check its fieldwork)"]
    for group, declared in suggestion.measures.items():
        lines += ["measures:"] if group == next(iter(suggestion.measures)) else []
        lines.append(f"  {group}:")
        lines += [f"    {ident}: {_q(label)}" for ident, label in declared.items()]
    start, end = suggestion.fielded or (dt.date.today(),) * 2
    stem = Path(file_name).stem
    lines += [
        "waves:",
        f"  - id: {_q(_slug(stem) or 'wave-1')}",
        f"    name: {_q(stem)}",
        f"    fielded: {{start: {start.isoformat()}, end: {end.isoformat()}}}",
    ]
    if suggestion.scales:
        lines.append("    scales:  # only where the defaults do not fit")
        for role, scale in suggestion.scales.items():
            if role == "by_item":
                lines.append("      by_item:")
                lines += [f"        {ident}: {_flow(own)}" for ident, own in scale.items()]
            else:
                lines.append(f"      {role}: {_flow(scale)}")
    lines += ["    sources:", f"      - file: {_q(file_name)}", f"        format: {table.layout}"]
    pad = "        "
    if table.sheet is not None:
        lines.append(f"{pad}sheet: {_q(table.sheet)}")
    if table.encoding and table.encoding not in ("utf-8", "utf-8-sig"):
        lines.append(f"{pad}encoding: {table.encoding}")
    if suggestion.filters:
        lines.append(f"{pad}filters:")
        lines += [f"{pad}  - {rule}" for rule in suggestion.filters]
    lines.append(f"{pad}columns:")
    for role, name in suggestion.roles.items():
        lines.append(f"{pad}  {role}: {_q(name)}")
    for group in ("items", "segments"):
        mapped = getattr(suggestion, group)
        if mapped:
            lines.append(f"{pad}  {group}:")
            lines += [f"{pad}    {ident}: {_q(name)}" for ident, name in mapped.items()]
    if suggestion.multi:
        lines.append(f"{pad}  multi:  # tick-box questions: one column per option")
        for ident, columns in suggestion.multi.items():
            lines.append(f"{pad}    {ident}:")
            lines.append(f"{pad}      columns:")
            lines += [f"{pad}        - {_q(name)}" for name in columns]
    if suggestion.unmapped:
        lines.append(f"{pad}  # not mapped; give any of these a role, an item or a segment id:")
        lines += [f"{pad}  #   {_q(name)}" for name in suggestion.unmapped[:LISTED_UNMAPPED]]
        if len(suggestion.unmapped) > LISTED_UNMAPPED:
            more = len(suggestion.unmapped) - LISTED_UNMAPPED
            lines.append(f"{pad}  #   … and {more} more")
    if suggestion.labels:
        lines.append(f"{pad}labels:")
        lines += [f"{pad}  {_q(text)}: {_q_value(v)}" for text, v in suggestion.labels.items()]
    if suggestion.sus:
        lines += _usability_test(table, suggestion, file_name, end)
    return "\n".join(lines) + "\n"


def _usability_test(table: Table, suggestion: Suggestion, file_name: str, day) -> list[str]:
    """The ten SUS statements as a usability test (name it, check its date)."""
    stem = Path(file_name).stem
    ident = _slug(stem) or "usability-test"
    lines = [
        "usability_tests:",
        f"  - id: {_q(ident if 'sus' in ident else 'sus-' + ident[:36])}",
        f"    title: {_q(stem)}",
        f"    date: {day.isoformat()}",
        "    sus:",
        f"      file: {_q(file_name)}",
        f"      format: {table.layout}",
    ]
    if table.sheet is not None:
        lines.append(f"      sheet: {_q(table.sheet)}")
    if table.encoding and table.encoding not in ("utf-8", "utf-8-sig"):
        lines.append(f"      encoding: {table.encoding}")
    lines.append("      columns:")
    if "respondent_id" in suggestion.roles:
        lines.append(f"        respondent_id: {_q(suggestion.roles['respondent_id'])}")
    lines.append("        sus:")
    lines += [f"          - {_q(name)}" for name in suggestion.sus]
    return lines


def _q_value(value: float | str) -> str:
    return _q(value) if isinstance(value, str) else str(value)
