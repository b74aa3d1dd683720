"""Verbatim themes in Latvian, Ukrainian and English; normalized and redacted quotes."""

import pytest

from generator.analyze.plain import Suppressed
from generator.analyze.text import normalize_comment, normalize_comments, redact
from generator.analyze.themes import ThemeCoder, analyze_themes
from generator.schema.engagement import VerbatimTheme

DELIVERY = VerbatimTheme(
    id="delivery",
    label="Delivery",
    keywords={"lv": ["piegād*", "kurjer*"], "uk": ["доставк*", "кур'єр*"], "en": ["deliver*"]},
)
STAFF = VerbatimTheme(
    id="staff",
    label="Staff",
    keywords={"en": ["staff", "customer service", "cashier*"], "lv": ["pārdevēj*"]},
)
PRICE = VerbatimTheme(
    id="price", label="Price", keywords={"uk": ["ціна", "дорог*"], "en": ["price"]}
)
THEMES = [DELIVERY, STAFF, PRICE]


@pytest.mark.parametrize(
    "comment",
    [
        "Piegāde kavējās",
        "Nebija informācijas par Piegādes laiku.",
        "PIEGĀDĀTĀJS neatbildēja",
        "Piega\u0304de bija ātra",  # the macron as a combining mark
        "Доставка затримується",
        "Служба доставки не відповідає",
        "Кур’єр запізнився",  # typographic apostrophe against the keyword's straight one
        "Delivered late",
    ],
)
def test_stemmed_keywords_match_any_ending_in_any_case(comment):
    assert ThemeCoder(THEMES).code(comment) == ("delivery",)


@pytest.mark.parametrize("comment", ["nepiegāde", "Передоставка", "undelivered"])
def test_keywords_match_from_the_start_of_a_word_only(comment):
    assert ThemeCoder(THEMES).code(comment) == ()


def test_a_comment_can_belong_to_several_themes_in_the_engagement_order():
    coder = ThemeCoder(THEMES)
    assert coder.code("Ціна висока, а доставка повільна") == ("delivery", "price")
    assert coder.code("Customer\n  service was kind but delivery was slow") == (
        "delivery",
        "staff",
    )
    assert coder.code("Nothing to add") == ()


def test_counts_and_shares_overall_by_nps_group_and_by_segment():
    comments = (
        ["Доставка повільна"] * 6
        + ["Piegāde un pārdevēji lieliski"] * 6
        + ["Ціна завелика"] * 6
        + [None, "   "] * 3
    )
    nps = [2.0] * 6 + [10.0] * 6 + [8.0] * 6 + [10.0] * 6
    stores = ["Riga"] * 12 + ["Kyiv"] * 4 + ["Lviv"] * 8

    result = analyze_themes(
        comments, THEMES, nps_scores=nps, segments={"store": stores}, comment_threshold=10
    )

    overall = {t.theme: (t.count, t.share) for t in result.overall.themes}
    assert result.overall.comments == 18 and result.overall.coded == 18
    assert overall == {"delivery": (12, 12 / 18), "staff": (6, 6 / 18), "price": (6, 6 / 18)}
    detractors = {t.theme: t.count for t in result.by_nps["detractor"].themes}
    assert detractors == {"delivery": 6, "staff": 0, "price": 0}
    groups = {g.values[0]: g.result for g in result.segments[0].groups}
    # Riga has 12 respondents (at least 10): shown with quotes. Kyiv (4) is below the comment
    # threshold, and Lviv (8) is hidden with it so Kyiv's comments cannot be derived.
    assert isinstance(groups["Kyiv"], Suppressed) and isinstance(groups["Lviv"], Suppressed)
    riga = {t.theme: t for t in groups["Riga"].themes}
    assert riga["delivery"].count == 12 and riga["delivery"].quotes


def test_quotes_are_chosen_by_length_then_position_without_repeats():
    def comment(length):
        return "delivery " + "x" * (length - 9)

    exact, long_, short = comment(140), comment(142), comment(138)
    comments = ["delivery", long_, exact, short, exact] + ["delivery ok"] * 10

    quotes = analyze_themes(comments, [DELIVERY]).overall.themes[0].quotes

    # 140 characters first; then 142 and 138, equally far, the earlier comment first.
    assert quotes == (exact, long_, short)
    assert analyze_themes(comments, [DELIVERY]).overall.themes[0].quotes == quotes


def test_repeated_answers_each_count_and_are_quoted_once_as_first_written():
    comments = ["Delivery was LATE", None, "delivery was late", "Delivery was LATE", "ok"] * 4

    summary = analyze_themes(comments, [DELIVERY]).overall

    assert (summary.comments, summary.coded) == (16, 12)
    assert summary.themes[0].count == 12
    assert summary.themes[0].quotes == ("Delivery was LATE",)


def test_a_text_is_quoted_as_first_written_when_its_other_spelling_is_longer():
    # "STRASSE" folds to the same text as the earlier "Straße" but is one character longer,
    # so closer to the target length: the text is still quoted as first written.
    street = VerbatimTheme(id="street", label="Street", keywords={"en": ["stra*"]})
    comments = ["Straße", "STRASSE", "strasse"] * 4

    quotes = analyze_themes(comments, [street]).overall.themes[0].quotes

    assert quotes == ("Straße",)


def test_no_quotes_from_a_survey_below_the_comment_threshold():
    result = analyze_themes(["delivery slow"] * 3, [DELIVERY], comment_threshold=10)
    assert result.overall.themes[0].count == 3 and result.overall.themes[0].quotes == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to anna.berzina@acme.lv now", "Write to [e-mail] now"),
        ("пишіть на олена_к@пошта.укр", "пишіть на [e-mail]"),
        ("Call +371 2612 3456 today", "Call [phone] today"),
        ("tel. +380 (44) 123-45-67", "tel. [phone]"),
        ("dial 00 44 20 7946 0958", "dial [phone]"),
        ("US line +1-202-555-0143.", "US line [phone]."),
        ("zvaniet 26123456", "zvaniet [phone]"),
        ("моб. 067 123 45 67", "моб. [phone]"),
        ("office (044) 123-45-67", "office [phone]"),
        ("on 2024-05-12 and 12.05.2024", "on 2024-05-12 and 12.05.2024"),
        ("cost 1 000 000 EUR, order 42", "cost 1 000 000 EUR, order 42"),
        ("pi is 3.14159265", "pi is 3.14159265"),
    ],
)
def test_e_mails_and_phone_numbers_are_redacted_and_dates_and_amounts_kept(text, expected):
    assert redact(text) == expected


def test_staff_names_are_redacted_with_their_declined_forms():
    names = ["Anna Bērziņa", "Anna", "Олена", "Jānis"]
    assert redact("Anna helped, thanks to Anna Bērziņa", names, "en") == (
        "[name] helped, thanks to [name]"
    )
    assert redact("Annual report by anna", names, "en") == "Annual report by [name]"
    assert redact("Дякую Олені та Оленою", names, "uk") == "Дякую [name] та [name]"
    assert redact("Paldies Jānim un Jāni", names, "lv") == "Paldies [name] un [name]"


def test_normalizing_drops_invisible_and_unsafe_characters():
    text = "Good\x00 service\u202e evil\u202c \ud800here\r\nnext\tline\x07"
    assert normalize_comment(text) == "Good service evil here\nnext\tline"


def test_normalizing_many_comments_at_once_treats_each_as_alone():
    texts = [
        "  Good\x00 service\u202e evil\u202c \ud800here\r\nnext\tline\x07",
        "plain",
        "",
        "ends with a carriage return\r",
        "\nstarts on a new line, a\u0304 composed",
        "line\u2028separator",
        "word " * 400,
    ]
    cleaned = normalize_comments(texts)
    assert cleaned[0] == "Good service evil here\nnext\tline"
    assert cleaned[1:5] == [
        "plain",
        "",
        "ends with a carriage return",
        "starts on a new line, ā composed",
    ]
    assert cleaned[5] == "line\nseparator"
    assert len(cleaned[6]) == 1000 and cleaned[6].endswith("…")


def test_long_comments_are_capped_with_an_ellipsis():
    capped = normalize_comment("word " * 400)
    assert len(capped) <= 1000 and capped.endswith("…")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("delivered 2026-06-30 10:15, call 26123456", "delivered 2026-06-30 10:15, call [phone]"),
        ("12.05.2024 +371 2612 3456", "12.05.2024 [phone]"),
    ],
)
def test_dates_next_to_numbers_stay_dates(text, expected):
    assert redact(text) == expected
