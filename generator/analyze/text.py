"""Survey comments made safe to count and to quote: normalized, then redacted.

Normalizing drops lone surrogates (left by undecodable bytes), control characters other than
newline and tab, and the bidirectional embedding, override and isolate characters (which can
make a quote read differently from what it says); composes accents (NFC), so a decomposed
"ā" matches a keyword; and caps the length at 1,000 characters, the last one an ellipsis.

Redaction replaces e-mail addresses with "[e-mail]", phone numbers (international "+371 2612
3456", "+380 (44) 123-45-67", "00 44 20 7946 0958" and local "(044) 123-45-67", "2612 3456",
"202-555-0143") with "[phone]", and the given names of the client's staff with "[name]";
payment-card numbers and IBANs that pass their checksums become "[card]" and "[IBAN]", and
numbers valid in the client's country that look like amounts ("67 123 456") become "[phone]"
too (see ``pii``).
A run of digits counts as a phone number when it has 7 to 15 digits and is not a date
(2024-05-12, 12.05.2024), a decimal number or a number grouped in thousands (1 000 000).
Ukrainian and Latvian decline names (Олена → Олені, Оленою; Jānis → Jāni, Jānim), so in
comments in those languages a name also matches its stem followed by up to three letters; in
English only the name itself (and its possessive) matches.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from generator.analyze.pii import phone_regions, redact_country_phones, redact_payment_data

MAX_COMMENT_LENGTH = 1000
ELLIPSIS = "…"
EMAIL_MARK, PHONE_MARK, NAME_MARK = "[e-mail]", "[phone]", "[name]"
DECLINING_LANGUAGES = frozenset({"uk", "lv"})

_UNWANTED = re.compile(
    "[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\w{2,}(?!\w)")
_PHONE = re.compile(
    r"(?<![\w@+])(?:(?:\+|\b00)[ \u00a0]?)?"
    r"(?:\(\d{1,5}\)|\d{1,5})"
    r"(?:[ \u00a0.\-/]?(?:\(\d{1,5}\)|\d{2,5})){1,6}"
    r"(?![\w@])"
)
_DATE = re.compile(
    r"(?<![\d+])(?:(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})"
    r"|(\d{1,2})[.\-/](\d{1,2})[.\-/](?:\d{4}|\d{2}))(?![\d.\-/])"
)
_MASK = "\ue000"  # a private-use character marks where a date was set aside
_MASKED = re.compile(_MASK + "(.)", re.DOTALL)
_THOUSANDS = re.compile(r"^\d{1,3}(?:[ \u00a0,.]\d{3})+$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_ENDINGS = ("is", "us", "ys", "s", "š", "a", "e", "i", "o", "u", "y", "ā", "ē", "ī", "ū")
_ENDINGS_CYRILLIC = ("а", "я", "о", "е", "є", "і", "и", "й", "ь")


def normalize_comment(text: str) -> str:
    """Return the comment cleaned of invisible and unsafe characters, NFC, at most 1,000 long."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNWANTED.sub("", text)
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > MAX_COMMENT_LENGTH:
        text = text[: MAX_COMMENT_LENGTH - 1].rstrip() + ELLIPSIS
    return text


_NEEDS_CLEANING = re.compile(_UNWANTED.pattern[:-1] + "\u2028\u2029]")
"""Any character that ``normalize_comment``'s substitutions would replace or drop."""


def normalize_comments(texts: Sequence[str]) -> list[str]:
    """``normalize_comment`` of each text; one scan of them all finds the few that need more
    than composing and trimming, instead of two substitutions per text."""
    joined = "\n".join(texts)  # no substitution changes or drops a newline
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    unclean = {bisect_right(starts, m.start()) - 1 for m in _NEEDS_CLEANING.finditer(joined)}
    cleaned = []
    for index, text in enumerate(texts):
        if index in unclean:
            cleaned.append(normalize_comment(text))
            continue
        text = unicodedata.normalize("NFC", text).strip()
        if len(text) > MAX_COMMENT_LENGTH:
            text = text[: MAX_COMMENT_LENGTH - 1].rstrip() + ELLIPSIS
        cleaned.append(text)
    return cleaned


def _is_phone(candidate: str) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    if not 7 <= digits <= 15:
        return False
    if candidate.startswith(("+", "00")):
        return True
    return not (_THOUSANDS.match(candidate) or _DECIMAL.match(candidate))


def _replace_phone(match: re.Match[str]) -> str:
    return PHONE_MARK if _is_phone(match.group(0)) else match.group(0)


def _plausible_date(match: re.Match[str]) -> bool:
    """Year first with a real month and day, or day and month (either order) then the year."""
    if match.group(1):
        return 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31
    first, second = int(match.group(4)), int(match.group(5))
    return 1 <= min(first, second) <= 12 and max(first, second) <= 31


def _stem(name: str) -> str:
    lowered = name.casefold()
    for ending in sorted(_ENDINGS + _ENDINGS_CYRILLIC, key=len, reverse=True):
        if lowered.endswith(ending) and len(name) - len(ending) >= 3:
            return name[: -len(ending)]
    return name


@lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...], declining: bool) -> re.Pattern[str] | None:
    alternatives: set[str] = set()
    for raw in names:
        name = unicodedata.normalize("NFC", raw).strip()
        if len(name) < 2:
            continue
        alternatives.add(re.escape(name))
        if declining:
            alternatives.add(re.escape(_stem(name)) + r"\w{0,3}")
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)", re.IGNORECASE)


def redact(
    text: str,
    names: Iterable[str] = (),
    language: str | None = None,
    country: str | None = None,
) -> str:
    """Replace e-mail addresses, IBANs, card and phone numbers and the given ``names`` with
    placeholders; ``country`` (ISO 3166) adds the phone formats of the client's country."""
    text = redact_contact_details(text, language, country)
    pattern = _name_pattern(tuple(sorted(set(names))), language in DECLINING_LANGUAGES)
    if pattern is not None:
        text = pattern.sub(NAME_MARK, text)
    return text


def redact_contact_details(
    text: str, language: str | None = None, country: str | None = None
) -> str:
    """Replace e-mail addresses, IBANs, card and phone numbers, but not names."""
    text = redact_payment_data(_EMAIL.sub(EMAIL_MARK, text))
    # Dates are set aside first, so "2024-05-12 10" is not read as one long number.
    dates: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        if not _plausible_date(match):
            return match.group(0)
        dates.append(match.group(0))
        return _MASK + chr(0xE100 + len(dates) - 1)

    text = _PHONE.sub(_replace_phone, _DATE.sub(set_aside, text))
    text = redact_country_phones(text, phone_regions(country, language), PHONE_MARK)
    return _MASKED.sub(lambda m: dates[ord(m.group(1)) - 0xE100], text)
