"""Every message the deck prints is in the catalogs, translated into Ukrainian and Latvian.

The templates' messages are checked by tests/render/test_render_i18n.py; the deck planner
writes its headlines in Python (it must measure them), so its messages are found here by
reading generator/render/deck/*.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import generator.render
from generator.render.deck.words import NBSP, Words
from generator.render.environment import builtin_templates
from generator.render.i18n import read_catalog, untranslated

LOCALE_DIR = builtin_templates() / "locale"
PLANNER = sorted((Path(generator.render.__file__).parent / "deck").glob("*.py"))


def planner_messages() -> set[str | tuple[str, str]]:
    """Return the literal messages passed to ``_`` and ``n_`` in the planner's modules."""
    found: set[str | tuple[str, str]] = set()
    for path in PLANNER:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            literals = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.attr == "_" and literals and isinstance(literals[0], str):
                found.add(literals[0])
            elif node.func.attr == "n_" and len(literals) >= 2:
                found.add((literals[0], literals[1]))
    return found


def test_the_planner_modules_are_found():
    messages = planner_messages()
    assert "Agenda" in messages
    assert ("%(num)s action due within 30 days", "%(num)s actions due within 30 days") in messages


@pytest.mark.parametrize("language", ["uk", "lv"])
def test_every_planner_message_is_translated(language):
    english = read_catalog(LOCALE_DIR, "en")
    translated = read_catalog(LOCALE_DIR, language)
    missing = []
    for message in planner_messages():
        key = message if isinstance(message, str) else message[0]
        entry = english.get(key)
        if entry is None or (isinstance(message, tuple) and entry.id != message):
            missing.append(message)
    assert missing == []
    assert untranslated(english, translated) == []


@pytest.mark.parametrize(
    "language, count, expected",
    [
        ("uk", 1, "1 дія – протягом 30 днів"),
        ("uk", 3, "3 дії – протягом 30 днів"),
        ("uk", 5, "5 дій – протягом 30 днів"),
        ("lv", 1, "1 darbība – 30 dienu laikā"),
        ("lv", 3, "3 darbības – 30 dienu laikā"),
        ("en", 1, "1 action due within 30 days"),
        ("en", 2, "2 actions due within 30 days"),
    ],
)
def test_headlines_take_the_plural_form_of_their_number(language, count, expected):
    words = Words(language)
    singular, plural = "%(num)s action due within 30 days", "%(num)s actions due within 30 days"
    assert words.n_(singular, plural, count).replace(NBSP, " ") == expected


@pytest.mark.parametrize(
    "language, say, expected",
    [
        (
            "uk",
            lambda w: w._(
                "Biggest rise: %(item)s, %(before)s → %(after)s",
                item="Ввічливість",
                before="2,8",
                after="3,5",
            ),
            "Найбільше зростання: Ввічливість, 2,8 → 3,5",
        ),
        ("lv", lambda w: w.difference("csat", 0.08), "+8 punkti"),
        ("uk", lambda w: w.difference("csat", 0.12), "+12 пунктів"),
        ("en", lambda w: w._("n = %(n)s", n="540"), "n = 540"),
        ("uk", lambda w: w.p_value(0.0004), "p < 0,001"),
        ("lv", lambda w: w.n_("Within %(num)s day", "Within %(num)s days", 30), "30 dienu laikā"),
    ],
)
def test_a_figure_stays_on_one_line_with_its_arrow_unit_or_sign(language, say, expected):
    text = say(Words(language))
    assert text.replace(NBSP, " ") == expected
    # Ordinary spaces are left only between words: none inside a figure and what it goes with.
    inside = r"\d [^\W\d]|\d →|→ \d|\b[np] [=<]|[=<] \d|\. п\.|\. p\."
    assert re.findall(inside, text) == []


def test_a_team_list_reads_as_a_phrase():
    assert Words("en").names(["Web team", "Leadership"]) == "Web team and leadership"
    assert Words("uk").names(["Веб-команда", "Підтримка", "Керівництво"]) == (
        "Веб-команда, підтримка і керівництво"
    )
    assert Words("lv").names(["Mārketings", "Vadība"]) == "Mārketings un vadība"
    assert Words("en").names(["Marketing", "IT"]) == "Marketing and IT"


def test_a_literal_percent_is_written_once():
    assert Words("en")._("Task success, %%, with its confidence interval") == (
        "Task success, %, with its confidence interval"
    )
