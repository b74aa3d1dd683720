"""Every fixed word of the e-mail and the data workbook is in the catalogs, in all languages."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_file
from workspace_helpers import REPO

from generator.render import DocumentSettings, builtin_templates, create_environment
from generator.render.i18n import read_catalog

LOCALE_DIR = builtin_templates() / "locale"
PYTHON_SOURCES = ("generator/publish/workbook_tables.py", "generator/deliver/message.py")


def used_messages() -> set[str]:
    env = create_environment(DocumentSettings())
    used: set[str] = set()
    for path in sorted((builtin_templates() / "email").iterdir()):
        for _, _, message in env.extract_translations(path.read_text(encoding="utf-8")):
            used.add(message if isinstance(message, str) else message[0])
    for source in PYTHON_SOURCES:
        for _, message, _, _ in extract_from_file("python", str(REPO / source)):
            used.add(message if isinstance(message, str) else message[0])
    return used


def test_the_email_templates_and_the_workbook_translate_something():
    used = used_messages()
    assert "Kind regards," in used and "Headline metrics" in used and "%(size)s MB" in used


@pytest.mark.parametrize("language", ["en", "uk", "lv"])
def test_every_message_is_in_the_catalog_and_translated(language):
    catalog = read_catalog(LOCALE_DIR, language)
    missing = []
    for message in sorted(used_messages()):
        found = catalog.get(message)
        if found is None or (language != "en" and not found.string):
            missing.append(message)
    assert missing == []
