"""Dates of the consultant's week: cadences ("every 14d", "every 3mo") and a country's holidays.

Holidays come from the ``holidays`` package, which follows each country's law year by year. Its
"public" category holds the days off; Ukraine's holidays are days of work under martial law
and sit in its "workday" category, yet they are still the days a greeting is expected, so both
count here. Observances that are neither (Valentine's Day, Mother's Day) are left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass

from generator.analyze.plain import Plain

OBSERVED_CATEGORIES = ("public", "workday")


def after(date: dt.date, cadence: str) -> dt.date:
    """Return the day one ``cadence`` (14d, 2w, 3mo) after ``date``, clamped to a month's end."""
    if cadence.endswith("mo"):
        months = date.month - 1 + int(cadence[:-2])
        year, month = date.year + months // 12, months % 12 + 1
        return date.replace(year=year, month=month, day=min(date.day, _month_days(year, month)))
    count = int(cadence[:-1])
    return date + dt.timedelta(days=count * (7 if cadence.endswith("w") else 1))


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@dataclass(frozen=True)
class Holiday(Plain):
    date: dt.date
    country: str
    name: str


def holidays_between(country: str, start: dt.date, end: dt.date, language: str) -> list[Holiday]:
    """Return ``country``'s holidays from ``start`` to ``end`` inclusive, named in ``language``
    when the holidays package has it (else in English); [] for a country it does not know."""
    found = []
    for year in range(start.year, end.year + 1):
        for date, name in _holidays(country, year, language):
            if start <= date <= end:
                found.append(Holiday(date, country, name))
    return found


@functools.cache
def _holidays(country: str, year: int, language: str) -> tuple[tuple[dt.date, str], ...]:
    import holidays

    try:
        kind = holidays.country_holidays(country)
    except NotImplementedError:
        return ()
    languages = kind.supported_languages
    chosen = next((code for code in (language, "en_US") if code in languages), None)
    categories = tuple(c for c in OBSERVED_CATEGORIES if c in kind.supported_categories)
    days = holidays.country_holidays(country, years=year, language=chosen, categories=categories)
    # Two observances on one day come joined with "; ": each is a greeting of its own.
    return tuple((date, name) for date, names in sorted(days.items()) for name in names.split("; "))
