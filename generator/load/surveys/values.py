"""Raw cells read as text, numbers and dates the way survey tools write them."""

from __future__ import annotations

import datetime as dt
import re

from generator.load.surveys.table import Cell

NOT_APPLICABLE_WORDS = frozenset({"n/a", "na", "n.a.", "#n/a", "not applicable"})

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d+)?|\d+,\d{1,2}|\.\d+)$")
# "10 - Extremely likely", "0 (Not at all likely)", "5 = Very satisfied", "7 Very easy"
_LEADING_NUMBER = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)(?:\s*[-–—=:(]|\s+(?=[^\W\d_]))")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_SLASHED = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def as_text(value: Cell) -> str | None:
    """Return a cell as trimmed text (7.0 → '7'), or None when blank."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def match_key(value: Cell) -> str | None:
    """Return the text a filter compares: trimmed, numbers canonical (1 == '1' == '1.0')."""
    if isinstance(value, bool):
        return "1" if value else "0"  # as Excel counts TRUE, and as Python hashes it
    number = as_number(value)
    if number is not None:
        return str(int(number)) if number.is_integer() else repr(number)
    return as_text(value)


def as_number(value: Cell) -> float | None:
    """Return the number a cell holds ('7', '7.0' and '7,0' included), or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text and _NUMBER.match(text):
            return float(text.replace(",", "."))
    return None


def leading_number(text: str) -> float | None:
    """Return the number that starts an answer such as '10 - Extremely likely', or None."""
    match = _LEADING_NUMBER.match(text.strip())
    return float(match.group(1).replace(",", ".")) if match else None


def label_key(text: str) -> str:
    """Normalize an answer label for lookup: trimmed, single-spaced, case-folded."""
    return " ".join(text.split()).casefold()


def is_not_applicable_word(text: str) -> bool:
    return label_key(text) in NOT_APPLICABLE_WORDS


def day_first(values: list[str]) -> bool | None:
    """Tell whether slashed dates put the day first (31/12/2019), month first, or cannot say."""
    days_first = months_first = False
    for text in values:
        match = _SLASHED.match(text)
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            days_first |= first > 12
            months_first |= second > 12
            if match.group(2) == ".":
                days_first = True  # 31.12.2019 is always day first
    if days_first == months_first:
        return None
    return days_first


def as_date(value: Cell, *, day_first_order: bool | None = None) -> dt.date | None:
    """Return the date of a cell (a datetime, ISO text or a slashed date), or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        match = _ISO.match(text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _SLASHED.match(text)
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            dotted = match.group(2) == "."
            if day_first_order or dotted or (day_first_order is None and first > 12):
                first, second = second, first
            return dt.date(int(match.group(4)), first, second)
    except ValueError:
        return None
    return None


def looks_like_date(value: Cell) -> bool:
    if isinstance(value, (dt.datetime, dt.date)):
        return True
    return isinstance(value, str) and bool(_ISO.match(value.strip()) or _SLASHED.match(value))


def format_number(number: float) -> str:
    return str(int(number)) if number.is_integer() else f"{number:g}"
