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
from operator import attrgetter
from typing import NamedTuple

from generator.analyze.cells import SegmentCells
from generator.analyze.plain import SUPPRESSED, Plain, Suppressed
from generator.analyze.segments import (
    DEFAULT_ANONYMITY_THRESHOLD,
    DEFAULT_COMMENT_THRESHOLD,
    group_order,
    group_sizes,
    protect,
    published_slices,
    segment_cells,
    small_groups,
)
from generator.analyze.text import normalize_comment, redact
from generator.schema.engagement import VerbatimTheme

QUOTE_TARGET_LENGTH = 140
QUOTES_PER_THEME = 3
_SEPARATORS = (("\u2019", "'"), ("\u02bc", "'"), ("\u2018", "'"), ("\u00ad", ""))
"""Apostrophes that are the straight one, and the soft hyphen, which is dropped."""
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
NPS_GROUPS = ("promoter", "passive", "detractor")
_WORD_START, _WORD_END = r"(?<!\w)", r"(?!\w)"


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


def keyword_body(keyword: str) -> str:
    """The keyword's words as a regular expression, without the word boundaries around it."""
    words = []
    for word in matching_text(keyword).split():
        if word.endswith("*"):
            words.append(re.escape(word.rstrip("*")) + r"\w*")
        else:
            words.append(re.escape(word))
    return r"\s+".join(words)


def matching_text(text: str) -> str:
    """The form of a text that keywords are matched against."""
    return _matching_form(normalize_comment(text))


def _matching_form(text: str) -> str:
    # A few replace() calls, not str.translate: translating a non-ASCII text looks up every
    # character in the table (some 8 µs for a comment), replace() only scans for the one.
    for separator, replacement in _SEPARATORS:
        text = text.replace(separator, replacement)
    return _ZERO_WIDTH.sub("", text)


_WORDS = re.compile(r"\w+")
_ONE_WORD = re.compile(r"\w+\*?")
_CASED_NON_WORD = "\u0345"
"""COMBINING GREEK YPOGEGRAMMENI: the one character that is no word character and yet, case
ignored, equals one (the iota), so that a keyword can match across it."""


class ThemeCoder:
    """Codes comments into the engagement's themes.

    A theme is found where one of its keywords matches as a whole word or phrase. A keyword of
    one word (word characters, perhaps a final ``*``) can only match a whole word of the
    comment, so a comment's distinct words are looked up in what each word matched the first
    time it was seen; phrases and keywords with other characters are searched for in the whole
    comment. That finds what searching for every keyword finds, many times faster: comments
    share most of their words. A comment holding ``_CASED_NON_WORD`` is searched through.
    """

    def __init__(self, themes: Sequence[VerbatimTheme]):
        self.themes = tuple(themes)
        self._order: list[str] = []
        self._searched: list[tuple[str, re.Pattern[str]]] = []
        """Per theme, its phrases and keywords with other characters than word characters."""
        self._everything: list[tuple[str, re.Pattern[str]]] = []
        """Per theme, all its keywords."""
        one_word: list[tuple[str, re.Pattern[str]]] = []
        for theme in self.themes:
            keywords = {k for words in theme.keywords.values() for k in words if k.strip("* ")}
            if not keywords:
                continue
            self._order.append(theme.id)
            self._everything.append((theme.id, _search_pattern(keywords)))
            words = {k for k in keywords if _ONE_WORD.fullmatch(matching_text(k))}
            if words:
                one_word.append((theme.id, _any_keyword(words)))
            if keywords - words:
                self._searched.append((theme.id, _search_pattern(keywords - words)))
        self._themes_of_word = _WordThemes(one_word)

    def code(self, comment: str) -> tuple[str, ...]:
        """Return the ids of the themes the comment belongs to, in the engagement's order."""
        return self.code_normalized(normalize_comment(comment))

    def code_normalized(self, text: str) -> tuple[str, ...]:
        """Like ``code``, for a comment already through ``normalize_comment``."""
        text = _matching_form(text)
        if _CASED_NON_WORD in text:
            found = {theme_id for theme_id, pattern in self._everything if pattern.search(text)}
        else:
            words = set(_WORDS.findall(text))
            found = set().union(*map(self._themes_of_word.__getitem__, words))
            found.update(
                theme_id
                for theme_id, pattern in self._searched
                if theme_id not in found and pattern.search(text)
            )
        return tuple(theme_id for theme_id in self._order if theme_id in found)


def _any_keyword(keywords: set[str]) -> re.Pattern[str]:
    """The keywords as one case-insensitive alternative, no word boundaries: to match a word."""
    return re.compile("(?:" + "|".join(keyword_body(k) for k in sorted(keywords)) + ")", re.I)


def _search_pattern(keywords: set[str]) -> re.Pattern[str]:
    # One word-boundary test around all the keywords rather than one per keyword: the search
    # tries the pattern at every character, and inside a word it fails at that first test.
    return re.compile(_WORD_START + _any_keyword(keywords).pattern + _WORD_END, re.I)


class _WordThemes(dict[str, frozenset[str]]):
    """The themes of each word seen: those with a keyword of one word that matches it whole."""

    def __init__(self, patterns: list[tuple[str, re.Pattern[str]]]):
        super().__init__()
        self._patterns = patterns

    def __missing__(self, word: str) -> frozenset[str]:
        themes = frozenset(
            theme_id for theme_id, pattern in self._patterns if pattern.fullmatch(word)
        )
        self[word] = themes
        return themes


class _Comment(NamedTuple):
    closeness: int
    """How far the comment's length is from the quotes' target length; with ``row`` next, the
    comments sort in the order they are chosen as quotes."""
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


_folded = attrgetter("folded")


def choose_quotes(comments: Sequence[_Comment], limit: int = QUOTES_PER_THEME) -> list[_Comment]:
    """Pick the comments closest to the target length, earlier first on a tie, no repeats."""
    # The earliest comment of each text: going backwards, an earlier one overwrites a later one.
    first_of = dict(zip(map(_folded, reversed(comments)), reversed(comments), strict=True))
    return heapq.nsmallest(limit, first_of.values())  # by closeness, then row


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
    cells: SegmentCells | None = None,
) -> ThemeAnalysis:
    """Code every comment and count the themes overall, by NPS group and by segment.

    ``cells`` may hold the cells of ``segments`` already built (``segments.segment_cells``).
    """
    coder = ThemeCoder(themes)
    langs = list(languages) + [None] * (len(comments) - len(languages))
    coded: list[_Comment] = []
    # Short answers repeat ("Nothing to add", "-"): each distinct text is coded once.
    known: dict[str, tuple[int, str, tuple[str, ...], str]] = {}
    for index, raw in enumerate(comments):
        if not raw:
            continue
        if raw not in known:
            text = normalize_comment(raw)
            closeness = abs(len(text) - QUOTE_TARGET_LENGTH)
            known[raw] = (closeness, text, coder.code_normalized(text), text.casefold())
        closeness, text, found, folded = known[raw]
        if text:
            coded.append(_Comment(closeness, index, text, found, folded))

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
    if cells is None and segments:
        cells = segment_cells(segments, len(comments))
    ids = cells.segments if cells else ()
    plans = [(sid,) for sid in ids] + (list(combinations(ids, 2)) if crossed else [])
    threshold = max(comment_threshold, anonymity_threshold)
    cell_of = [cells.cell_of[comment.row] for comment in coded] if cells and plans else []
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
