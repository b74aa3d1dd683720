"""Payment data and country-format phone numbers found in free text, for ``text.redact``.

A payment-card number is 13 to 19 digits, written together or in groups split by single spaces
or hyphens, whose Luhn check digit is right; an IBAN is a country code, two check digits and 11
to 30 letters or digits, together or in groups of four, whose ISO 7064 mod-97 check is right.
The checks keep order numbers, amounts and customer ids readable in a quote.

Phone numbers are found twice. ``text.redact``'s own pattern finds any run of 7 to 15 digits
that is not a date, a decimal or a number grouped in thousands: it needs no country and also
catches mistyped numbers. What it must leave alone, because it looks like an amount, is caught
here by ``phonenumbers`` (Google's libphonenumber metadata, kept up to date for every country):
a Latvian landline "67 123 456" or a Ukrainian "044 123 45 67" is a valid number of the
client's country, while "1 000 000" is not. Only numbers valid for the given regions count, so
an amount is never taken for a phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

CARD_MARK, IBAN_MARK = "[card]", "[IBAN]"
LANGUAGE_REGIONS = {"uk": "UA", "lv": "LV"}
"""The country whose phone formats a comment in this language most likely uses."""

_CARD = re.compile(r"(?<![\w+])\d(?:[ \-]?\d){12,18}(?![\w])")
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![\w])")
_MIN_CARD, _MIN_IBAN = 13, 15


def luhn_valid(digits: str) -> bool:
    """Whether the last digit of ``digits`` is the Luhn check digit of the others."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def iban_valid(compact: str) -> bool:
    """Whether ``compact`` (no spaces) passes the IBAN mod-97 check."""
    text = compact.upper()
    if not (text[:2].isalpha() and text[2:4].isdigit() and text.isalnum()):
        return False
    rearranged = text[4:] + text[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _longest_valid(candidate: str, minimum: int, valid) -> int:
    """Length of the longest prefix of ``candidate`` that ends on a character (not a separator),
    has at least ``minimum`` significant characters and passes ``valid``; 0 when none does."""
    ends = [i + 1 for i, ch in enumerate(candidate) if ch.isalnum()]
    for count in range(len(ends), minimum - 1, -1):
        end = ends[count - 1]
        if valid("".join(ch for ch in candidate[:end] if ch.isalnum())):
            return end
    return 0


def _redact_checked(text: str, pattern: re.Pattern[str], minimum: int, valid, mark: str) -> str:
    parts, last = [], 0
    for match in pattern.finditer(text):
        length = _longest_valid(match.group(0), minimum, valid)
        if length:
            parts += [text[last : match.start()], mark]
            last = match.start() + length
    return "".join(parts) + text[last:] if parts else text


def redact_payment_data(text: str) -> str:
    """Replace IBANs and payment-card numbers that pass their checksums with placeholders."""
    if sum(ch.isdigit() for ch in text) < _MIN_CARD:
        return text
    text = _redact_checked(text, _IBAN, _MIN_IBAN, iban_valid, IBAN_MARK)
    return _redact_checked(text, _CARD, _MIN_CARD, luhn_valid, CARD_MARK)


@lru_cache(maxsize=1)
def _phonenumbers():
    import phonenumbers  # a large module: loaded only when a quote has enough digits

    return phonenumbers


def redact_country_phones(text: str, regions: Iterable[str], mark: str) -> str:
    """Replace the phone numbers valid in any of ``regions`` (ISO 3166 codes) with ``mark``."""
    if sum(ch.isdigit() for ch in text) < 6:
        return text
    library = _phonenumbers()
    for region in dict.fromkeys(regions):
        spans = [
            (m.start, m.end)
            for m in library.PhoneNumberMatcher(text, region, leniency=library.Leniency.VALID)
        ]
        for start, end in reversed(spans):
            text = text[:start] + mark + text[end:]
    return text


def phone_regions(country: str | None, language: str | None) -> tuple[str, ...]:
    """The regions whose phone formats a quote is checked against: the client's country and
    the country of the quote's language."""
    regions = [country, LANGUAGE_REGIONS.get(language or "")]
    return tuple(dict.fromkeys(r for r in regions if r))
