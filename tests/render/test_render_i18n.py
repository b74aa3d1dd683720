"""The catalogs: complete, placeholders kept, plural forms as a native reader expects them.

The catalogs carry GNU gettext's standard Plural-Forms for each language. Babel's CLDR rules
(which have changed between releases) are not the reference: what counts is that each number
takes the form a native reader writes, which these tests spell out word for word."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from generator.render import DocumentSettings, builtin_templates, create_environment
from generator.render.i18n import load_translations, read_catalog, untranslated

LOCALE_DIR = builtin_templates() / "locale"


@pytest.mark.parametrize("language", ["uk", "lv"])
def test_every_english_message_is_translated_with_its_placeholders(language):
    problems = untranslated(read_catalog(LOCALE_DIR, "en"), read_catalog(LOCALE_DIR, language))
    assert problems == []


COUNTS = (0, 1, 2, 5, 11, 12, 21, 22, 25, 100, 101, 111)
RESPONSES = {
    "en": ("response", "responses"),
    "uk": ("відповідь", "відповіді", "відповідей"),
    "lv": ("atbilde", "atbildes", "atbilžu"),
}
# The word each count takes, as a native reader writes it after the figure.
NATIVE = {
    "en": "responses response responses responses responses responses responses responses "
    "responses responses responses responses",
    "uk": "відповідей відповідь відповіді відповідей відповідей відповідей відповідь відповіді "
    "відповідей відповідей відповідь відповідей",
    "lv": "atbilžu atbilde atbildes atbildes atbildes atbildes atbilde atbildes atbildes "
    "atbildes atbilde atbildes",
}


@pytest.mark.parametrize("language", ["en", "uk", "lv"])
def test_each_count_takes_the_form_a_native_reader_expects(language):
    env = create_environment(DocumentSettings(language=language))
    template = env.from_string('{{ ngettext("%(num)s response", "%(num)s responses", count) }}')
    rendered = [template.render(count=count) for count in COUNTS]
    words = NATIVE[language].split()
    expected = [f"{count} {word}" for count, word in zip(COUNTS, words, strict=True)]
    assert rendered == expected


@pytest.mark.parametrize("language", ["en", "uk", "lv"])
def test_every_catalog_of_a_language_has_one_plural_rule_and_all_its_forms(language):
    catalogs = [read_po(path.open("rb")) for path in sorted((LOCALE_DIR / language).rglob("*.po"))]
    assert {(c.num_plurals, c.plural_expr) for c in catalogs} == {
        (catalogs[0].num_plurals, catalogs[0].plural_expr)
    }
    assert catalogs[0].num_plurals == len(RESPONSES[language])
    for catalog in catalogs:
        for message in catalog:
            if message.id and message.pluralizable:
                assert len(message.string) == catalog.num_plurals, message.id
                # English is the source language: an empty form reads as the msgid.
                assert language == "en" or all(message.string), message.id


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


def test_translations_are_compiled_once_and_reused():
    first = load_translations(LOCALE_DIR, "lv")
    assert load_translations(LOCALE_DIR, "lv") is first
    assert first.gettext("Confidential") == "Konfidenciāli"
