"""Theme keywords against a word-by-word reading of the comment, on generated comments."""

import re
import sys
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze.text import normalize_comment, normalize_comments
from generator.analyze.themes import _CASED_NON_WORD, ThemeCoder, matching_text
from generator.schema.engagement import VerbatimTheme

# Keywords as a consultant writes them: whole words, stems with '*', and phrases.
THEMES = [
    VerbatimTheme(
        id="delivery",
        label="Delivery",
        keywords={"lv": ["piegād*", "kurjer*", "atveda"], "uk": ["доставк*"], "en": ["on time"]},
    ),
    VerbatimTheme(
        id="queues",
        label="Queues",
        keywords={"lv": ["rind*", "kase", "kases", "kasē"], "uk": ["черг*", "каса"]},
    ),
    VerbatimTheme(
        id="staff",
        label="Staff",
        keywords={"en": ["staff", "customer service*", "cashier*"], "lv": ["pārdevēj*"]},
    ),
]
WORDS = [
    "piegāde", "Piegādes", "nepiegāde", "KURJERS", "atveda", "atvedas", "доставка", "Передоставка",
    "on", "time", "ON", "Time", "timely", "rinda", "rindā", "kase", "KASES", "kasē", "kasier",
    "kasēm", "черга", "каса", "касир", "staff", "staffing", "customer", "service", "services",
    "cashier", "Cashiers", "pārdevēja", "labi", "slikti", "and", "nav", "дякую", "tā", "2026",
]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "-", "_", "/", "  \t"]


def reference_themes(comment: str) -> tuple[str, ...]:
    """The themes whose keywords appear word by word: a keyword's words are consecutive words
    of the comment with only whitespace between, equal ignoring case, the last one merely
    starting with the keyword's word when that ends in '*'."""
    words = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"\w+", comment)]

    def found(keyword: str) -> bool:
        parts = keyword.lower().split()
        for first in range(len(words) - len(parts) + 1):
            run = words[first : first + len(parts)]
            gaps = [comment[a[2] : b[1]] for a, b in pairwise(run)]
            if any(gap.strip() for gap in gaps):
                continue
            if all(
                word == part or (part.endswith("*") and word.startswith(part[:-1]))
                for (word, _, _), part in zip(run, parts, strict=True)
            ):
                return True
        return False

    return tuple(
        theme.id
        for theme in THEMES
        if any(found(k) for words_of in theme.keywords.values() for k in words_of)
    )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=14),
)
def test_a_theme_is_found_exactly_when_one_of_its_keywords_is_in_the_comment(pieces):
    comment = "".join(word + separator for word, separator in pieces)
    assert ThemeCoder(THEMES).code(comment) == reference_themes(comment)


# Letters whose case-insensitive matches are irregular: Turkish dotted and dotless i, German
# sharp s and its capital, long s, the Kelvin sign, Greek final sigma and the iota subscript
# (which is no word character), a combining macron, an apostrophe, a hyphen and an underscore.
TRICKY = "aAiIİıkKKsSſßẞσςΣιΙ\u0345ā\u0304eE'’-_ "
TRICKY_THEMES = [
    VerbatimTheme(id="one", label="One", keywords={"en": ["kiss*", "ıs", "ιa"]}),
    VerbatimTheme(id="two", label="Two", keywords={"en": ["straße", "σας", "a’ak*"]}),
    VerbatimTheme(id="three", label="Three", keywords={"en": ["ski ka*", "e-ka", "ā_a*"]}),
    VerbatimTheme(id="four", label="Four", keywords={"en": ["kis* ak", "-ka", "ſa"]}),
]


def searched_themes(themes, comment: str) -> tuple[str, ...]:
    """The themes found by searching the comment for each keyword in turn."""
    text = matching_text(comment)
    found = []
    for theme in themes:
        for keyword in (k for words in theme.keywords.values() for k in words):
            parts = [
                re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)
                for word in matching_text(keyword).split()
            ]
            if re.search(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", text, re.IGNORECASE):
                found.append(theme.id)
                break
    return tuple(found)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=24))
def test_looking_words_up_finds_what_searching_for_every_keyword_finds(comment):
    coder = ThemeCoder(TRICKY_THEMES)
    assert coder.code(comment) == searched_themes(TRICKY_THEMES, comment)


def test_a_keyword_matches_across_the_iota_subscript_as_a_search_does():
    doctor = VerbatimTheme(id="doctor", label="Doctor", keywords={"en": ["ιατρ*"]})
    assert ThemeCoder([doctor]).code("\u0345ατρός") == ("doctor",)


def test_the_iota_subscript_is_the_only_non_word_character_equal_to_a_word_character():
    # Looking words up is exact because no other character breaks a word yet matches a
    # keyword's letter when case is ignored; a new Unicode version could add one.
    word = re.compile(r"\w")
    found = set()
    for code_point in range(sys.maxunicode + 1):
        char = chr(code_point)
        if word.match(char):
            continue
        for other in {char.lower(), char.upper(), char.title(), char.casefold()} - {char}:
            one_letter = len(other) == 1 and word.match(other)
            if one_letter and re.fullmatch(re.escape(other), char, re.IGNORECASE):
                found.add(char)
    assert found == {_CASED_NON_WORD}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=TRICKY + "\n", max_size=16), max_size=8))
def test_coding_comments_together_finds_what_searching_each_one_finds(comments):
    coder = ThemeCoder(TRICKY_THEMES)
    together = coder.code_all_normalized([matching_text(c) for c in comments])
    assert together == [searched_themes(TRICKY_THEMES, c) for c in comments]


def test_a_phrase_is_found_after_any_ending_of_its_first_word_when_that_has_a_star():
    waiting = VerbatimTheme(
        id="waiting", label="Waiting", keywords={"en": ["wait* time", "cash desk", "e-mail"]}
    )
    coder = ThemeCoder([waiting])
    assert coder.code("Waiting time was long") == ("waiting",)
    assert coder.code("the WAIT\n time") == ("waiting",)
    assert coder.code("Cash  desk closed") == ("waiting",)
    assert coder.code("no E-mail came") == ("waiting",)
    assert coder.code("waiter timed out, cashdesk, email") == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=TRICKY + "\0\r\n\t\u2028\u202e\x85\u00ad\u200b", max_size=12)))
def test_normalizing_comments_together_is_normalizing_each_alone(comments):
    assert normalize_comments(comments) == [normalize_comment(c) for c in comments]
