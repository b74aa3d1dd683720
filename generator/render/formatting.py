"""Numbers, percentages, changes and dates in the document's language, through Babel (CLDR).

English documents use British conventions (``en_GB``) unless the client is in the United
States: "5 March 2026" reads correctly on both sides of the Atlantic, while a numeric
"05/03/2026" or "3/5/26" does not, and the number formats of en_GB and en_US are the same.
Ukrainian and Latvian use ``uk_UA`` and ``lv_LV`` (decimal comma, non-breaking space between
thousands). Negative numbers and changes use the real minus sign U+2212, not a hyphen.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

MINUS = "\u2212"
NBSP = "\u00a0"
# A figure and what belongs to it stay on one line: "2.8 → 3.5", "n = 540", "p < 0.001",
# "12 pp", "30 днів".
_ARROW = re.compile(r" ?→ ?")
_TEST = re.compile(r"\b([np]) ([=<]) ")
_UNIT = re.compile(r"(?<=\d) (?=[^\W\d_]|%)")
MISSING = "\u2013"  # an en dash stands for a value that does not exist
LOCALES = {"en": "en_GB", "uk": "uk_UA", "lv": "lv_LV"}
COUNTRY_LOCALES = {("en", "US"): "en_US"}


def document_locale(language: str, country: str | None = None) -> str:
    """Return the Babel locale for a document in ``language`` for a client in ``country``."""
    if language not in LOCALES:
        raise ValueError(f"no locale for language {language!r}; expected one of en, uk, lv")
    return COUNTRY_LOCALES.get((language, country or ""), LOCALES[language])


def _rounded(value: float, decimals: int) -> Decimal:
    # Half away from zero on the decimal text, so 2.675 rounds to 2.68 as a reader expects.
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def tie(text: str) -> str:
    """Join a figure to its arrow, test sign, unit or counted word with no-break spaces
    ("2,8 → 3,5", "n = 65", "12 в. п.", "30 днів"), so that a line never breaks inside.

    Markup stays Markup: only spaces change, so nothing needs escaping again.
    """
    from markupsafe import Markup

    tied = _TEST.sub(rf"\1{NBSP}\2{NBSP}", _ARROW.sub(f"{NBSP}→{NBSP}", str(text)))
    tied = _UNIT.sub(NBSP, tied)
    return Markup(tied) if isinstance(text, Markup) else tied


def _as_date(value: dt.date | str) -> dt.date:
    # The analysis hands dates over as ISO text ("2026-09-30"), the schema as dates.
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class Formatter:
    """Format values for one locale; every method returns a display string."""

    def __init__(self, locale: str):
        self.locale = Locale.parse(locale)
        self.locale_name = str(self.locale)

    @cached_property
    def _minus(self) -> str:
        from babel.numbers import get_minus_sign_symbol

        return get_minus_sign_symbol(self.locale)

    def _with_real_minus(self, text: str) -> str:
        if text.startswith(self._minus):
            return MINUS + text[len(self._minus) :]
        return text

    def number(self, value: float | None, decimals: int = 1) -> str:
        """Format a number with exactly ``decimals`` decimals and locale grouping."""
        if value is None or _is_missing(value):
            return MISSING
        rounded = _rounded(value, decimals)
        if rounded == 0:
            rounded = abs(rounded)  # never print "-0.0"
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        text = format_decimal(rounded, format=pattern, locale=self.locale)
        return self._with_real_minus(text)

    def integer(self, value: float | None) -> str:
        """Format a whole number with locale grouping."""
        return self.number(value, 0)

    def percent(self, share: float | None, decimals: int = 0) -> str:
        """Format a share (0.734) as a percentage in the locale's pattern ("73%")."""
        if share is None or _is_missing(share):
            return MISSING
        digits = self.number(share * 100, decimals)
        return self._percent_pattern.replace("#", digits, 1)

    @cached_property
    def _percent_pattern(self) -> str:
        # CLDR patterns such as "#,##0%" or "#,##0 %": keep the sign, its side and its space.
        pattern = self.locale.percent_formats[None].pattern.split(";")[0]
        return re.sub(r"[#0,.]+", "#", pattern, count=1).replace("'", "")

    def change(self, value: float | None, decimals: int = 1) -> str:
        """Format a change with its sign: "+4.2", "−3.0", and "0.0" when it rounds to nothing."""
        if value is None or _is_missing(value):
            return MISSING
        text = self.number(value, decimals)
        if _rounded(value, decimals) > 0:
            return "+" + text
        return text

    def percent_change(self, value: float | None, decimals: int = 0) -> str:
        """Format a change of a share with its sign: 0.042 → "+4%"."""
        if value is None or _is_missing(value):
            return MISSING
        text = self.percent(value, decimals)
        if _rounded(value * 100, decimals) > 0:
            return "+" + text
        return text

    def nps(self, value: float | None) -> str:
        """Format a Net Promoter Score as a signed integer: "+32", "−5", "0"."""
        return self.change(value, 0)

    def date_long(self, value: dt.date | str | None) -> str:
        """Format a date in full words, e.g. "5 March 2026"."""
        if value is None:
            return MISSING
        return format_date(_as_date(value), "long", locale=self.locale)

    def date_short(self, value: dt.date | str | None) -> str:
        """Format a date briefly but unambiguously, e.g. "5 Mar 2026"."""
        if value is None:
            return MISSING
        return format_skeleton("yMMMd", _as_date(value), locale=self.locale)

    def month_day(self, value: dt.date | str) -> str:
        """Format a day without the year, for chart axes: "5 Mar"."""
        return format_skeleton("MMMd", _as_date(value), locale=self.locale)

    def month(self, value: dt.date | str) -> str:
        """Format a month's abbreviated name, for chart axes: "Mar"."""
        return format_skeleton("MMM", _as_date(value), locale=self.locale)

    def month_year(self, value: dt.date | str) -> str:
        """Format a month and year, for chart axes: "Mar 2026"."""
        return format_skeleton("yMMM", _as_date(value), locale=self.locale)

    def filters(self) -> dict[str, object]:
        """Return the Jinja filters bound to this locale."""
        return {
            "number": self.number,
            "integer": self.integer,
            "percent": self.percent,
            "change": self.change,
            "percent_change": self.percent_change,
            "nps": self.nps,
            "date_long": self.date_long,
            "date_short": self.date_short,
            "month_day": self.month_day,
            "month": self.month,
            "month_year": self.month_year,
            "tie": tie,
        }
