"""Typesetting of a document's text as a careful typesetter would do it, in its language.

Applied to the finished HTML, so that every text is treated alike — the templates' own words
and the consultant's YAML and Markdown (survey comments are quoted as written): straight
quotes become the language's quotation marks (“…” in English, «…» in Ukrainian, „…“ in
Latvian) and apostrophes ’; a hyphen between spaces becomes an en dash, and one between two
small numbers a range ("0–10", "6–12 months"); a figure stays on one line with the word or
unit after it ("30 days", "17 April"). Only text between tags changes: never a tag, an
attribute, a style sheet, a chart or the document's head.
"""

from __future__ import annotations

import re

from generator.render.formatting import NBSP

# Double open, double close, single open, single close.
QUOTES = {
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "uk": ("\u00ab", "\u00bb", "\u201e", "\u201c"),
    "lv": ("\u201e", "\u201c", "\u201a", "\u2018"),
}
APOSTROPHE = "\u2019"
EN_DASH = "\u2013"

_TAG = re.compile(r"(<[^>]*>)")
_RAW = re.compile(r"<(style|script|head|svg|blockquote)\b", re.I)
_ESCAPED_QUOTES = {"&#34;": '"', "&quot;": '"', "&#39;": "'", "&#x27;": "'"}
_ESCAPED = re.compile("|".join(map(re.escape, _ESCAPED_QUOTES)))
_SPACED_HYPHEN = re.compile(r"(?<=\S) - (?=\S)")
_RANGE = re.compile(r"(?<![\w.,/-])(\d{1,3})-(\d{1,3})(?![\w/-]|[.,]\d)")
# A small figure and its word or unit ("30 days", "17 April", "3.6 of 5"); a year may part
# from the word after it, so that "Q3 2026 pulse" wraps in a narrow table header.
_FIGURE_WORD = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?) (?=[^\W\d_]|%)")
_OPENS_AFTER = set("([{\u2013\u2014/\u00a0") | {""}
# Tags inside a line of text; any other tag starts a new block, where a quote opens.
_INLINE = re.compile(r"</?(a|strong|em|b|i|span|sup|sub|abbr|code|small)\b", re.I)


class _Quotes:
    """Turns straight quotes into curly ones, remembering what is open across text runs."""

    def __init__(self, language: str):
        self.marks = QUOTES.get(language, QUOTES["en"])
        self.single_open = False
        self.previous = ""

    def __call__(self, text: str) -> str:
        out = []
        for index, char in enumerate(text):
            following = text[index + 1] if index + 1 < len(text) else " "
            opening = self.previous in _OPENS_AFTER or self.previous.isspace()
            if char == '"':
                char = self.marks[0] if opening and not following.isspace() else self.marks[1]
            elif char == "'":
                if self.previous.isalnum() and (following.isalnum() or not self.single_open):
                    char = APOSTROPHE  # "what's", "customers' calls"
                elif opening and not following.isspace():
                    char, self.single_open = self.marks[2], True
                else:
                    char, self.single_open = self.marks[3], False
            out.append(char)
            self.previous = char
        return "".join(out)


def typeset_text(text: str, quotes: _Quotes) -> str:
    """Typeset one run of text (no tags in it)."""
    text = quotes(_ESCAPED.sub(lambda m: _ESCAPED_QUOTES[m.group(0)], text))
    if quotes.marks == QUOTES["lv"]:
        text = text.replace("\u201d", "\u201c")  # „…” typed by hand closes as „…“
    text = _SPACED_HYPHEN.sub(f"{NBSP}{EN_DASH} ", text)
    text = _RANGE.sub(rf"\1{EN_DASH}\2", text)
    return _FIGURE_WORD.sub(rf"\1{NBSP}", text)


def typeset_html(html: str, language: str) -> str:
    """Return ``html`` with the text of its body typeset for ``language``."""
    quotes = _Quotes(language)
    out: list[str] = []
    raw_until: str | None = None
    for part in _TAG.split(html):
        if part.startswith("<"):
            out.append(part)
            if not _INLINE.match(part):
                quotes.previous = ""
            if raw_until is None:
                opened = _RAW.match(part)
                if opened and not part.endswith("/>"):
                    raw_until = f"</{opened.group(1).lower()}"
            elif part.lower().startswith(raw_until):
                raw_until = None
            continue
        out.append(part if raw_until or not part else typeset_text(part, quotes))
    return "".join(out)
