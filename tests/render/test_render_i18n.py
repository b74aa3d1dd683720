"""The catalogs: complete, placeholders kept, plural rules as CLDR/Babel define them."""

from __future__ import annotations

import pytest
from babel.messages.plurals import get_plural

from generator.render import DocumentSettings, builtin_templates, create_environment
from generator.render.i18n import load_translations, read_catalog, untranslated

LOCALE_DIR = builtin_templates() / "locale"


@pytest.mark.parametrize("language", ["uk", "lv"])
def test_every_english_message_is_translated_with_its_placeholders(language):
    problems = untranslated(read_catalog(LOCALE_DIR, "en"), read_catalog(LOCALE_DIR, language))
    assert problems == []


@pytest.mark.parametrize("language", ["en", "uk", "lv"])
def test_plural_forms_are_babels(language):
    catalog = read_catalog(LOCALE_DIR, language)
    expected = get_plural(language)
    assert catalog.num_plurals == expected.num_plurals
    assert catalog.plural_expr.replace(" ", "") == expected.plural_expr.replace(" ", "")


def test_every_string_the_templates_translate_is_in_the_catalog():
    env = create_environment(DocumentSettings())
    catalog = read_catalog(LOCALE_DIR, "en")
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    used = set()
    for path in builtin_templates().rglob("*.html"):
        for _, _, message in env.extract_translations(path.read_text(encoding="utf-8")):
            used.add(message if isinstance(message, str) else message[0])
    assert used, "no translated strings found in the templates"
    assert sorted(used - known) == []


@pytest.mark.parametrize(
    "language, count, expected",
    [
        ("uk", 1, "1 відповідь"),
        ("uk", 3, "3 відповіді"),
        ("uk", 5, "5 відповідей"),
        ("uk", 11, "11 відповідей"),
        ("uk", 21, "21 відповідь"),
        ("uk", 24, "24 відповіді"),
        ("lv", 1, "1 atbilde"),
        ("lv", 21, "21 atbilde"),
        ("lv", 2, "2 atbildes"),
        ("lv", 11, "11 atbildes"),
        ("lv", 0, "0 atbilžu"),
        ("en", 1, "1 response"),
        ("en", 0, "0 responses"),
    ],
)
def test_plural_messages_take_the_right_form(language, count, expected):
    env = create_environment(DocumentSettings(language=language))
    template = env.from_string('{{ ngettext("%(num)s response", "%(num)s responses", count) }}')
    assert template.render(count=count) == expected


def test_translations_are_compiled_once_and_reused():
    first = load_translations(LOCALE_DIR, "lv")
    assert load_translations(LOCALE_DIR, "lv") is first
    assert first.gettext("Confidential") == "Konfidenciāli"
