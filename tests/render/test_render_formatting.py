"""Numbers and dates per locale: Babel's CLDR data as the oracle, hand-written typography."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from babel.numbers import format_percent

from generator.render.formatting import Formatter, document_locale

MINUS = "\u2212"
NBSP = "\u00a0"
DAY = dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    "language, country, locale",
    [("en", None, "en_GB"), ("en", "US", "en_US"), ("en", "LV", "en_GB"), ("uk", "UA", "uk_UA"),
     ("lv", None, "lv_LV")],
)  # fmt: skip
def test_document_locale(language, country, locale):
    assert document_locale(language, country) == locale


@pytest.mark.parametrize("locale", ["en_GB", "en_US", "uk_UA", "lv_LV"])
@pytest.mark.parametrize("share", [0.734, 0.05, 1.0, 0.0])
def test_whole_percentages_follow_the_locale_pattern(locale, share):
    assert Formatter(locale).percent(share) == format_percent(share, locale=locale)


@pytest.mark.parametrize("locale", ["en_GB", "uk_UA", "lv_LV"])
def test_percentages_with_a_decimal_keep_the_locale_pattern(locale):
    pattern = "#,##0.0" + format_percent(0.5, locale=locale).replace("50", "", 1)
    assert Formatter(locale).percent(0.734, 1) == format_percent(0.734, pattern, locale=locale)


@pytest.mark.parametrize(
    "locale, expected",
    [("en_GB", "73.4%"), ("uk_UA", "73,4%"), ("lv_LV", "73,4%")],
)
def test_decimal_comma_in_percentages(locale, expected):
    assert Formatter(locale).percent(0.734, 1) == expected


@pytest.mark.parametrize(
    "locale, value, decimals, expected",
    [
        ("en_GB", 1234.56, 1, "1,234.6"),
        ("uk_UA", 1234.56, 1, f"1{NBSP}234,6"),
        ("lv_LV", -1234.5, 2, f"{MINUS}1{NBSP}234,50"),
        ("en_GB", -0.04, 1, "0.0"),
        ("lv_LV", 2.675, 2, "2,68"),
        ("en_GB", None, 1, "\u2013"),
    ],
)
def test_numbers(locale, value, decimals, expected):
    assert Formatter(locale).number(value, decimals) == expected


@pytest.mark.parametrize(
    "locale, value, decimals, expected",
    [
        ("en_GB", 4.23, 1, "+4.2"),
        ("lv_LV", 4.23, 1, "+4,2"),
        ("uk_UA", -3, 0, f"{MINUS}3"),
        ("uk_UA", -3.25, 1, f"{MINUS}3,3"),
        ("en_GB", 0.04, 1, "0.0"),
    ],
)
def test_signed_changes_use_a_real_minus(locale, value, decimals, expected):
    assert Formatter(locale).change(value, decimals) == expected


@pytest.mark.parametrize(
    "value, expected", [(31.6, "+32"), (-5.2, f"{MINUS}5"), (0.4, "0"), (-100, f"{MINUS}100")]
)
def test_nps_is_a_signed_integer(value, expected):
    assert Formatter("lv_LV").nps(value) == expected


def test_percent_change():
    assert Formatter("uk_UA").percent_change(-0.031) == f"{MINUS}3%"
    assert Formatter("en_GB").percent_change(0.042) == "+4%"


@pytest.mark.parametrize("locale", ["en_GB", "en_US", "uk_UA", "lv_LV"])
def test_long_dates_are_cldr_long_dates(locale):
    assert Formatter(locale).date_long(DAY) == format_date(DAY, "long", locale=locale)


def test_dates_as_a_reader_expects_them():
    assert Formatter("en_GB").date_long(DAY) == "5 March 2026"
    assert Formatter("en_US").date_long(DAY) == "March 5, 2026"
    assert Formatter("uk_UA").date_long(DAY).startswith("5 березня 2026")
    assert Formatter("en_GB").date_short(DAY) == "5 Mar 2026"


def test_tie_keeps_a_figure_with_its_arrow_unit_and_counted_word():
    from markupsafe import Markup

    from generator.render.formatting import NBSP, tie

    assert tie("2,8 → 3,5") == f"2,8{NBSP}→{NBSP}3,5"
    assert tie("within 30 days, n = 65, p < 0.001") == (
        f"within 30{NBSP}days, n{NBSP}={NBSP}65, p{NBSP}<{NBSP}0.001"
    )
    assert tie("12 в. п. і 24 dienas") == f"12{NBSP}в. п. і 24{NBSP}dienas"
    tied = tie(Markup("R&amp;D within 30 days"))
    assert isinstance(tied, Markup) and str(tied) == f"R&amp;D within 30{NBSP}days"
