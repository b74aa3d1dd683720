"""Comments coded into themes by keyword, counted overall, by NPS group and by segment.

Matching: a keyword matches whole words, case-insensitively, in any script; a trailing ``*``
matches any ending (``piegād*`` → "piegāde", "Piegādes"), words of a phrase may be separated by
any whitespace, and straight and curly apostrophes are the same. The keywords of every language
apply to every comment: respondents do not always answer in the survey's language, and Cyrillic
and Latin keywords cannot match each other's words. A comment can belong to several themes; the
share of a theme is its comments over all comments, so shares can sum to more than 1.

Quotes are chosen without randomness: the comments of the theme closest in length to 140
characters, earlier comments first on a tie, identical texts once, then redacted. Quotes are
given only for groups of at least the comment threshold of respondents.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, combinations
from typing import NamedTuple

from generator.analyze.cells import SegmentCells, clean_segment_value
from generator.analyze.plain import SUPPRESSED, Plain, Suppressed
from generator.analyze.segments import (
    DEFAULT_ANONYMITY_THRESHOLD,
    DEFAULT_COMMENT_THRESHOLD,
    group_order,
    group_sizes,
    protect,
    published_slices,
    small_groups,
)
from generator.analyze.text import normalize_comment, redact
from generator.schema.engagement import VerbatimTheme

QUOTE_TARGET_LENGTH = 140
QUOTES_PER_THEME = 3
_SEPARATORS = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u00ad": None})
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
NPS_GROUPS = ("promoter", "passive", "detractor")


@dataclass(frozen=True)
class ThemeCount(Plain):
    theme: str
    label: str
    count: int
    share: float | None
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeSummary(Plain):
    comments: int
    coded: int
    """Comments that fell into at least one theme."""
    themes: tuple[ThemeCount, ...]


@dataclass(frozen=True)
class ThemeGroup(Plain):
    values: tuple[str, ...]
    result: ThemeSummary | Suppressed


@dataclass(frozen=True)
class ThemeBreakdown(Plain):
    segments: tuple[str, ...]
    groups: tuple[ThemeGroup, ...]


@dataclass(frozen=True)
class ThemeAnalysis(Plain):
    overall: ThemeSummary
    by_nps: dict[str, ThemeSummary | Suppressed]
    """promoter / passive / detractor, each suppressed below the anonymity threshold."""
    segments: tuple[ThemeBreakdown, ...]


def keyword_pattern(keyword: str) -> str:
    """Return the regular expression of one keyword (``*`` at a word's end: any ending)."""
    words = []
    for word in matching_text(keyword).split():
        if word.endswith("*"):
            words.append(re.escape(word.rstrip("*")) + r"\w*")
        else:
            words.append(re.escape(word))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def matching_text(text: str) -> str:
    """The form of a text that keywords are matched against."""
    return _ZERO_WIDTH.sub("", normalize_comment(text).translate(_SEPARATORS))


class ThemeCoder:
    """Codes comments into the engagement's themes."""

    def __init__(self, themes: Sequence[VerbatimTheme]):
        self.themes = tuple(themes)
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for theme in self.themes:
            keywords = {k for words in theme.keywords.values() for k in words if k.strip("* ")}
            if keywords:
                alternatives = "|".join(keyword_pattern(k) for k in sorted(keywords))
                self._patterns.append((theme.id, re.compile(alternatives, re.IGNORECASE)))

    def code(self, comment: str) -> tuple[str, ...]:
        """Return the ids of the themes the comment belongs to, in the engagement's order."""
        return self.code_normalized(normalize_comment(comment))

    def code_normalized(self, text: str) -> tuple[str, ...]:
        """Like ``code``, for a comment already through ``normalize_comment``."""
        text = _ZERO_WIDTH.sub("", text.translate(_SEPARATORS))
        return tuple(theme_id for theme_id, pattern in self._patterns if pattern.search(text))


class _Comment(NamedTuple):
    row: int
    """The comment's response, by position in the wave."""
    text: str
    themes: tuple[str, ...]
    folded: str
    """The text casefolded: identical texts are quoted once."""


def nps_group(score: float | None) -> str | None:
    if score is None:
        return None
    if score >= 9:
        return "promoter"
    return "passive" if score >= 7 else "detractor"


def choose_quotes(comments: Sequence[_Comment], limit: int = QUOTES_PER_THEME) -> list[_Comment]:
    """Pick the comments closest to the target length, earlier first on a tie, no repeats."""
    # The earliest comment of each text: going backwards, an earlier one overwrites a later one.
    first_of = {comment.folded: comment for comment in reversed(comments)}
    return heapq.nsmallest(
        limit,
        first_of.values(),
        key=lambda c: (abs(len(c.text) - QUOTE_TARGET_LENGTH), c.row),
    )


def summarise(
    comments: Sequence[_Comment],
    themes: Sequence[VerbatimTheme],
    quote: bool,
    names: Sequence[str],
    languages: Sequence[str | None],
) -> ThemeSummary:
    theme_sets = [comment.themes for comment in comments]
    counts = Counter(chain.from_iterable(theme_sets))
    members: dict[str, list[_Comment]] = {theme_id: [] for theme_id in counts}
    if quote:
        for comment in comments:
            for theme_id in comment.themes:
                members[theme_id].append(comment)
    rows = []
    for theme in themes:
        quotes: tuple[str, ...] = ()
        if quote:
            quotes = tuple(
                redact(c.text, names, languages[c.row])
                for c in choose_quotes(members.get(theme.id, []))
            )
        count = counts.get(theme.id, 0)
        share = count / len(comments) if comments else None
        rows.append(ThemeCount(theme.id, theme.label, count, share, quotes))
    uncoded = theme_sets.count(())
    return ThemeSummary(len(comments), len(comments) - uncoded, tuple(rows))


def analyze_themes(
    comments: Sequence[str | None],
    themes: Sequence[VerbatimTheme],
    *,
    languages: Sequence[str | None] = (),
    nps_scores: Sequence[float | None] = (),
    segments: Mapping[str, Sequence[str | None]] | None = None,
    staff_names: Sequence[str] = (),
    anonymity_threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    comment_threshold: int = DEFAULT_COMMENT_THRESHOLD,
    crossed: bool = False,
) -> ThemeAnalysis:
    """Code every comment and count the themes overall, by NPS group and by segment."""
    coder = ThemeCoder(themes)
    langs = list(languages) + [None] * (len(comments) - len(languages))
    coded: list[_Comment] = []
    # Short answers repeat ("Nothing to add", "-"): each distinct text is coded once.
    known: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for index, raw in enumerate(comments):
        if not raw:
            continue
        if raw not in known:
            text = normalize_comment(raw)
            known[raw] = (text, coder.code_normalized(text), text.casefold())
        text, found, folded = known[raw]
        if text:
            coded.append(_Comment(index, text, found, folded))

    def summary(members: Sequence[_Comment], quote: bool) -> ThemeSummary:
        return summarise(members, themes, quote, staff_names, langs)

    overall = summary(coded, len(comments) >= comment_threshold)

    by_group: dict[str, list[_Comment]] = {group: [] for group in NPS_GROUPS}
    for comment in coded:
        group = nps_group(nps_scores[comment.row]) if comment.row < len(nps_scores) else None
        if group is not None:
            by_group[group].append(comment)
    sizes = {group: len(members) for group, members in by_group.items()}
    hidden = protect(sizes, small_groups(sizes, anonymity_threshold), anonymity_threshold)
    by_nps: dict[str, ThemeSummary | Suppressed] = {
        group: SUPPRESSED
        if group in hidden
        else summary(members, len(members) >= comment_threshold)
        for group, members in by_group.items()
    }

    breakdowns = []
    segments = segments or {}
    ids = [sid for sid, column in segments.items() if any(map(clean_segment_value, column))]
    cells = SegmentCells({sid: segments[sid] for sid in ids}, len(comments)) if ids else None
    plans = [(sid,) for sid in ids] + (list(combinations(ids, 2)) if crossed else [])
    threshold = max(comment_threshold, anonymity_threshold)
    cell_of = [cells.cell_of[comment.row] for comment in coded] if cells else []
    for plan in plans:
        assert cells is not None
        group_of_cell = cells.groups(plan)
        respondents = group_sizes(cells, group_of_cell)
        groups = sorted(respondents, key=group_order)
        hidden_groups = protect(
            respondents, small_groups(respondents, threshold), threshold, published_slices(groups)
        )
        members_of: dict[tuple[str, ...], list[_Comment]] = {key: [] for key in groups}
        for key, comment in zip(map(group_of_cell.__getitem__, cell_of), coded, strict=True):
            if key is not None:
                members_of[key].append(comment)
        breakdowns.append(
            ThemeBreakdown(
                segments=plan,
                groups=tuple(
                    ThemeGroup(
                        key, SUPPRESSED if key in hidden_groups else summary(members_of[key], True)
                    )
                    for key in groups
                ),
            )
        )
    return ThemeAnalysis(overall=overall, by_nps=by_nps, segments=tuple(breakdowns))
