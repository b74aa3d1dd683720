"""Payment data and country-format phone numbers are redacted; look-alikes are kept."""

from __future__ import annotations

import pytest

from generator.analyze.pii import iban_valid, luhn_valid
from generator.analyze.text import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my card 4111 1111 1111 1111 was charged", "my card [card] was charged"),
        ("Visa 4012-8888-8888-1881, exp 12/27", "Visa [card], exp 12/27"),
        ("карта 5500005555555559 заблокована", "карта [card] заблокована"),
        ("Amex 3782 822463 10005.", "Amex [card]."),
        # Sixteen digits that fail the Luhn check are an order number, not a card.
        ("order 4111 1111 1111 1112 is late", "order 4111 1111 1111 1112 is late"),
    ],
)
def test_card_numbers_that_pass_luhn_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pārskaitiet uz LV80 BANK 0000 4351 9500 1 lūdzu", "pārskaitiet uz [IBAN] lūdzu"),
        ("рахунок UA21 3223 1300 0002 6007 2335 6600 1.", "рахунок [IBAN]."),
        ("refund to GB82WEST12345698765432 please", "refund to [IBAN] please"),
        ("refund to gb82 west 1234 5698 7654 32", "refund to [IBAN]"),
        # A wrong check digit: a reference code, kept.
        ("ticket GB83WEST12345698765432 closed", "ticket GB83WEST12345698765432 closed"),
    ],
)
def test_ibans_that_pass_their_checksum_are_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "country", "expected"),
    [
        # Grouped like thousands, so only the country's numbering plan shows it is a phone.
        ("zvaniet uz veikalu 67 123 456", "lv", "LV", "zvaniet uz veikalu [phone]"),
        ("подзвоніть 044 123 45 67", "uk", None, "подзвоніть [phone]"),
        ("samaksāju 1 000 000 eiro", "lv", "LV", "samaksāju 1 000 000 eiro"),
        ("заплатив 2 500 000 грн", "uk", "UA", "заплатив 2 500 000 грн"),
    ],
)
def test_phone_numbers_in_the_clients_country_format_are_redacted(
    text, language, country, expected
):
    assert redact(text, (), language, country) == expected


def test_the_checksums_match_published_examples():
    # Examples from the card networks' test numbers and the IBAN registry.
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
    assert iban_valid("DE89370400440532013000") and not iban_valid("DE89370400440532013001")
