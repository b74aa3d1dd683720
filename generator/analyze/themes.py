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
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import reduce
from itertools import accumulate, combinations, compress, repeat
from operator import add, attrgetter, eq, mul, or_
from typing import Any, NamedTuple

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
from generator.analyze.text import normalize_comment, normalize_comments, redact
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


_IN_MATCHING_FORM = re.compile(
    "[" + "".join(re.escape(separator) for separator, _ in _SEPARATORS) + _ZERO_WIDTH.pattern[1:]
)
"""Any character that ``_matching_form`` replaces or drops."""


def _matching_forms(texts: Sequence[str]) -> list[str]:
    """``_matching_form`` of each text; one scan of them all finds the texts it changes."""
    joined = "\n".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    changed = {bisect_right(starts, m.start()) - 1 for m in _IN_MATCHING_FORM.finditer(joined)}
    if not changed:
        return list(texts)
    return [_matching_form(text) if i in changed else text for i, text in enumerate(texts)]


_WORDS = re.compile(r"\w+")
_ONE_WORD = re.compile(r"\w+\*?")
_CASED_NON_WORD = "\u0345"
"""COMBINING GREEK YPOGEGRAMMENI: the one character that is no word character and yet, case
ignored, equals one (the iota), so that a keyword can match across it."""


class ThemeCoder:
    """Codes comments into the engagement's themes.

    A theme is found where one of its keywords matches as a whole word or phrase. A keyword of
    one word (word characters, perhaps a final ``*``) can only match a whole word of the
    comment, so the comment's whitespace-separated pieces ("slow," "Piegāde") are looked up in
    what the words of each piece matched the first time it was seen. Phrases and keywords with
    other characters are searched for in the whole comment, but only when one of its words
    could start them (their gate). That finds what searching for every keyword finds, many
    times faster: comments share most of their words. A comment holding ``_CASED_NON_WORD`` is
    searched through.

    Themes and gates are bits of an integer while a comment is coded: one bit per theme id,
    then one per theme's gate.
    """

    def __init__(self, themes: Sequence[VerbatimTheme]):
        self.themes = tuple(themes)
        self._order: list[str] = []
        self._bit: dict[str, int] = {}
        self._searched: list[tuple[int, re.Pattern[str], int]] = []
        """Per theme, its bit, its phrases and keywords with other characters than word
        characters, and the bit of the gate a comment's words must open before they are
        searched for (0: searched for in every comment)."""
        self._everything: list[tuple[str, re.Pattern[str]]] = []
        """Per theme, all its keywords."""
        kept = []
        for theme in self.themes:
            keywords = {k for words in theme.keywords.values() for k in words if k.strip("* ")}
            if keywords:
                self._order.append(theme.id)
                self._bit.setdefault(theme.id, 1 << len(self._bit))
                kept.append((theme.id, keywords))
        gate_shift = len(self._bit)
        one_word: list[tuple[int, re.Pattern[str]]] = []
        self._always = 0
        """The bits of the themes with a keyword searched for in every comment."""
        for theme_id, keywords in kept:
            bit = self._bit[theme_id]
            self._everything.append((theme_id, _search_pattern(keywords)))
            words = {k for k in keywords if _ONE_WORD.fullmatch(matching_text(k))}
            if words:
                one_word.append((bit, _any_keyword(words)))
            searched = keywords - words
            if searched:
                bodies = {_gate_body(k) for k in searched}
                gate = 0
                if None in bodies:
                    self._always |= bit
                else:
                    gate = bit << gate_shift
                    pattern = "(?:" + "|".join(sorted(b for b in bodies if b is not None)) + ")"
                    one_word.append((gate, re.compile(pattern, re.I)))
                self._searched.append((bit, _search_pattern(searched), gate))
        self._gate_shift = gate_shift
        self._searched_bits = 0
        for bit, _, _ in self._searched:
            self._searched_bits |= bit
        self._bits_of_piece = _PieceBits(one_word)
        self._ids_of = _IdsOfBits(self._bit, self._order)

    def code(self, comment: str) -> tuple[str, ...]:
        """Return the ids of the themes the comment belongs to, in the engagement's order."""
        return self.code_normalized(normalize_comment(comment))

    def code_normalized(self, text: str) -> tuple[str, ...]:
        """Like ``code``, for a comment already through ``normalize_comment``."""
        return self._code_matching_form(_matching_form(text))

    def code_all_normalized(self, texts: Sequence[str]) -> list[tuple[str, ...]]:
        """``code_normalized`` of each text."""
        return list(map(self._code_matching_form, _matching_forms(texts)))

    def _code_matching_form(self, text: str) -> tuple[str, ...]:
        if _CASED_NON_WORD in text:
            found = {theme_id for theme_id, pattern in self._everything if pattern.search(text)}
            return tuple(theme_id for theme_id in self._order if theme_id in found)
        # Whitespace is no word character: the comment's words are those of its pieces.
        bits = reduce(or_, map(self._bits_of_piece.__getitem__, text.split()), 0)
        candidates = ((bits >> self._gate_shift) | self._always) & self._searched_bits & ~bits
        if candidates:
            for bit, pattern, _ in self._searched:
                if bit & candidates and pattern.search(text):
                    bits |= bit
        return self._ids_of[bits]


class _IdsOfBits(dict[int, tuple[str, ...]]):
    """The theme ids, in the engagement's order, of a comment's bits (its gates left out)."""

    def __init__(self, bit_of: Mapping[str, int], order: Sequence[str]):
        super().__init__()
        self._bit_of = bit_of
        self._order = order

    def __missing__(self, bits: int) -> tuple[str, ...]:
        ids = tuple(theme_id for theme_id in self._order if self._bit_of[theme_id] & bits)
        self[bits] = ids
        return ids


def _any_keyword(keywords: set[str]) -> re.Pattern[str]:
    """The keywords as one case-insensitive alternative, no word boundaries: to match a word."""
    return re.compile("(?:" + "|".join(keyword_body(k) for k in sorted(keywords)) + ")", re.I)


def _gate_body(keyword: str) -> str | None:
    """What the word at which the keyword would start a match must fully match, as a regular
    expression (matched ignoring case); None when that cannot be told from the keyword.

    A match starts at a word boundary, so the comment's word there consists of the characters
    that the keyword's first run of word characters matched: all of that word when the run ends
    the keyword's first word with a ``*``, else just the run (a non-word character of the
    keyword, or the whitespace between its words, must follow it).
    """
    first = matching_text(keyword).split()[0]
    run = _WORDS.match(first)
    if run is None:
        return None
    rest = first[run.end() :]
    if rest and not rest.strip("*"):
        return re.escape(run.group()) + r"\w*"
    return re.escape(run.group())


def _search_pattern(keywords: set[str]) -> re.Pattern[str]:
    # One word-boundary test around all the keywords rather than one per keyword: the search
    # tries the pattern at every character, and inside a word it fails at that first test.
    return re.compile(_WORD_START + _any_keyword(keywords).pattern + _WORD_END, re.I)


class _PieceBits(dict[str, int]):
    """The bits of each piece of text seen: of the themes with a keyword of one word that
    matches one of its words whole, and of the gates that one of its words opens."""

    def __init__(self, patterns: list[tuple[int, re.Pattern[str]]]):
        super().__init__()
        self._patterns = patterns
        self._of_word: dict[str, int] = {}

    def __missing__(self, piece: str) -> int:
        bits = reduce(or_, map(self._bits_of_word, _WORDS.findall(piece)), 0)
        self[piece] = bits
        return bits

    def _bits_of_word(self, word: str) -> int:
        bits = self._of_word.get(word)
        if bits is None:
            bits = 0
            for bit, pattern in self._patterns:
                if pattern.fullmatch(word):
                    bits |= bit
            self._of_word[word] = bits
        return bits


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
_themes = attrgetter("themes")


def choose_quotes(comments: Sequence[_Comment], limit: int = QUOTES_PER_THEME) -> list[_Comment]:
    """Pick the comments closest to the target length, earlier first on a tie, no repeats."""
    first_of: dict[str, _Comment] = {}
    for comment in comments:
        earlier = first_of.get(comment.folded)
        if earlier is None or comment.row < earlier.row:
            first_of[comment.folded] = comment
    return heapq.nsmallest(limit, first_of.values())  # by closeness, then row


def _first_quotes(ranked: Sequence[_Comment], theme_id: str, members: int) -> list[_Comment]:
    """``choose_quotes`` of the theme's ``members`` comments among ``ranked``, which are in the
    order quotes are chosen in, when identical texts are equally long.

    Then the first comment of a text in that order is its earliest, so the quotes are the
    first comments of new texts: usually a few steps, not a pass over all the comments.
    """
    chosen: list[_Comment] = []
    seen: set[str] = set()
    for comment in ranked:
        if theme_id in comment.themes:
            if comment.folded not in seen:
                seen.add(comment.folded)
                chosen.append(comment)
                if len(chosen) == QUOTES_PER_THEME:
                    break
            members -= 1
            if not members:
                break
    return chosen


def summarise(
    comments: Sequence[_Comment],
    themes: Sequence[VerbatimTheme],
    quote: bool,
    names: Sequence[str],
    languages: Sequence[str | None],
    ranked: bool = False,
    redacted: dict[tuple[str, str | None], str] | None = None,
    country: str | None = None,
) -> ThemeSummary:
    """Count the comments' themes; with ``quote``, pick each theme's quotes.

    ``redacted`` keeps the quotes redacted so far (text and language → quote): the comments
    closest to the target length are quoted in many groups.

    ``ranked``: the comments are in the order quotes are chosen in (by closeness, then row)
    and identical texts are equally long, so quotes are picked by ``_first_quotes``.
    """
    # Comments share a few combinations of themes: count those, then the themes in them.
    combinations_found = Counter(map(_themes, comments))
    counts: Counter[str] = Counter()
    for theme_ids, found in combinations_found.items():
        for theme_id in theme_ids:
            counts[theme_id] += found
    rows = []
    for theme in themes:
        count = counts.get(theme.id, 0)
        quotes: tuple[str, ...] = ()
        if quote and count:
            if ranked:
                picked = _first_quotes(comments, theme.id, count)
            else:
                picked = choose_quotes([c for c in comments if theme.id in c.themes])
            quotes = tuple(
                _redacted(c.text, languages[c.row], names, redacted, country) for c in picked
            )
        share = count / len(comments) if comments else None
        rows.append(ThemeCount(theme.id, theme.label, count, share, quotes))
    uncoded = combinations_found.get((), 0)
    return ThemeSummary(len(comments), len(comments) - uncoded, tuple(rows))


def _redacted(
    text: str,
    language: str | None,
    names: Sequence[str],
    known: dict[tuple[str, str | None], str] | None,
    country: str | None = None,
) -> str:
    if known is None:
        return redact(text, names, language, country)
    quote = known.get((text, language))
    if quote is None:
        quote = known[text, language] = redact(text, names, language, country)
    return quote


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
    country: str | None = None,
) -> ThemeAnalysis:
    """Code every comment and count the themes overall, by NPS group and by segment.

    ``country`` (the client's, ISO 3166) adds its phone formats to the redaction of quotes.

    ``cells`` may hold the cells of ``segments`` already built (``segments.segment_cells``).
    """
    coder = ThemeCoder(themes)
    langs = list(languages) + [None] * (len(comments) - len(languages))
    # Short answers repeat ("Nothing to add", "-"): each distinct text is coded once.
    distinct = list(dict.fromkeys(filter(None, comments)))
    texts = normalize_comments(distinct)
    closeness = [abs(len(text) - QUOTE_TARGET_LENGTH) for text in texts]
    found = coder.code_all_normalized(texts)
    folds = list(map(str.casefold, texts))
    # Identical texts (ignoring case) are equally long, so far from the target length, unless
    # case folding changed the length of one of them ("Straße", "STRASSE").
    ranked = len(set(zip(folds, closeness, strict=True))) == len(set(folds))
    text_of = {raw: i for i, (raw, text) in enumerate(zip(distinct, texts, strict=True)) if text}
    rows = list(compress(range(len(comments)), map(text_of.__contains__, comments)))
    which = list(map(text_of.__getitem__, map(comments.__getitem__, rows)))
    # In the order quotes are chosen in (closeness, then row): every group below keeps it, so
    # its quotes are found in a few steps. The rows are counted and put in order in C.
    rank = list(map(add, map(mul, map(closeness.__getitem__, which), repeat(len(comments))), rows))
    order = sorted(range(len(rows)), key=rank.__getitem__)
    rows = list(map(rows.__getitem__, order))
    which = list(map(which.__getitem__, order))

    def of_text(values: Sequence[Any]) -> Iterator[Any]:
        return map(values.__getitem__, which)

    fields = zip(
        of_text(closeness), rows, of_text(texts), of_text(found), of_text(folds), strict=True
    )
    coded: list[_Comment] = list(map(tuple.__new__, repeat(_Comment), fields))

    redacted: dict[tuple[str, str | None], str] = {}

    def summary(members: Sequence[_Comment], quote: bool) -> ThemeSummary:
        return summarise(members, themes, quote, staff_names, langs, ranked, redacted, country)

    overall = summary(coded, len(comments) >= comment_threshold)

    scores = list(nps_scores[: len(comments)]) + [None] * (len(comments) - len(nps_scores))
    group_of_score = {score: nps_group(score) for score in set(scores)}
    group_of = list(map(group_of_score.__getitem__, map(scores.__getitem__, rows)))
    by_group = {
        group: list(compress(coded, map(eq, group_of, repeat(group)))) for group in NPS_GROUPS
    }
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
