"""A text the client will read written in another language than the client's documents.

A simple check, on purpose: a Ukrainian document's texts are mostly Cyrillic letters, a
Latvian or English document's mostly Latin ones; and among Latin texts, English and Latvian
are told apart by their commonest short words ("the", "and", "of" against "un", "ir", "ar")
and by Latvian's letters with marks (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž): a phrase of three longer
words without any, most of them ending as English words do ("assessment", "customer") and
Latvian ones seldom do, is taken for English.
Only what the consultant writes for the client is checked (titles, labels, summaries,
recommendations, narrative texts), never respondents' quotes, names, ids or file names. A
text too short to judge (fewer than six letters, or one or two words for the word check) is
left alone, so a brand name or an abbreviation is never a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.errors import Location, Problems
from generator.load.yamlmarks import MarkedDocument

LANGUAGE_NAMES = {"en": "English", "uk": "Ukrainian", "lv": "Latvian"}
ENGLISH = "the and of to is are for with this that our your will from was were be in on"
LATVIAN = "un ir ar uz par kas lai vai nav arī bet tiek ka no"
STOP_WORDS = {"en": frozenset(ENGLISH.split(" ")), "lv": frozenset(LATVIAN.split(" "))}
CLIENT_TEXTS = [
    ("engagement", "title"),
    ("engagement", "objectives", "*"),
    ("engagement", "confidentiality"),
    ("measures", "items", "*"),
    ("measures", "segments", "*"),
    ("waves", "*", "name"),
    ("usability_tests", "*", "title"),
    ("usability_tests", "*", "tasks", "*", "title"),
    ("focus_groups", "*", "title"),
    ("focus_groups", "*", "themes", "*", "title"),
    ("focus_groups", "*", "themes", "*", "summary"),
    ("themes", "*", "label"),
    *(("findings", "*", key) for key in ("title", "summary", "notes")),
    *(("recommendations", "*", key) for key in ("title", "short", "rationale", "kpi", "notes")),
    *(("risks", "*", key) for key in ("title", "mitigation")),
]
NARRATIVE_TEXTS = [("title",), ("key_messages", "*")]
MIN_LETTERS, MIN_STOP_WORDS, STOP_WORD_SHARE = 6, 2, 0.15
MIN_LATVIAN_LETTERS, MIN_WORDS = 3, 3
ENGLISH_FINALS, ENGLISH_FINAL_SHARE = frozenset("bdfghklnprtwxy"), 0.6
"""Latvian words end in a vowel, s, š or m nearly always; English ones often in these."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
_LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


def written_in(text: str) -> str | None:
    """The language ``text`` is clearly in, of en/uk/lv, or None when it cannot be told."""
    cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if cyrillic + latin < MIN_LETTERS:
        return None
    if cyrillic > latin:
        return "uk"
    if cyrillic:
        return None
    words = [w.casefold() for w in _WORD.findall(text)]
    for language, stop in STOP_WORDS.items():
        hits = sum(word in stop for word in words)
        if hits >= MIN_STOP_WORDS and hits >= STOP_WORD_SHARE * len(words):
            return language
    marked = len(_LATVIAN_LETTERS.findall(text))
    if marked >= MIN_LATVIAN_LETTERS:
        return "lv"
    long_words = [word for word in words if len(word) >= 4]
    english_endings = sum(word[-1] in ENGLISH_FINALS for word in long_words)
    if (
        not marked
        and len(long_words) >= MIN_WORDS
        and english_endings >= ENGLISH_FINAL_SHARE * len(long_words)
    ):
        return "en"
    return "latin"  # Latin letters, no telling which language


def mismatch(text: str, language: str) -> str | None:
    """The name of the other language ``text`` looks written in, or None when it fits."""
    found = written_in(text)
    if found is None or found == language:
        return None
    if found == "latin":  # only a Ukrainian document can tell that much is wrong
        return "a language written in Latin letters" if language == "uk" else None
    return LANGUAGE_NAMES[found]


def _matching(data: Any, pattern: tuple, keys: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if not pattern:
        if isinstance(data, str):
            yield keys, data
        return
    head, rest = pattern[0], pattern[1:]
    if isinstance(data, dict):
        items = data.items() if head == "*" else [(head, data[head])] if head in data else []
    elif isinstance(data, list) and head == "*":
        items = enumerate(data)
    else:
        return
    for key, value in items:
        yield from _matching(value, rest, (*keys, key))


def check_document_language(
    doc: MarkedDocument, patterns: list[tuple], language: str, problems: Problems
) -> None:
    """Warn about each client-facing value of ``doc`` that looks written in another language."""
    for pattern in patterns:
        for keys, text in _matching(doc.data, pattern):
            other = mismatch(text, language)
            if other:
                label = ".".join(str(k) for k in keys)
                problems.warning(doc.locate(keys), _message(label, other, language))


def check_text_language(location: Location, text: str, language: str, problems: Problems) -> None:
    other = mismatch(text, language)
    if other:
        problems.warning(location, _message("this text", other, language))


def _message(what: str, other: str, language: str) -> str:
    return (
        f"{what} looks written in {other}, but the client's documents are in "
        f"{LANGUAGE_NAMES[language]}; the client reads it as it is"
    )
