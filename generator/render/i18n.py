"""The gettext catalogs of the templates: ``templates/locale/<lang>/LC_MESSAGES/*.po``.

Each language's messages may be split over several files (``rapport.po`` for what every
document shares, ``report.po``, ``deck.po`` …); they are read as one catalog. A message may
appear in two files of one language only with the same translation.

Catalogs are compiled in memory when first used (Babel's ``read_po`` then ``write_mo``):
about 2 ms for a catalog (see ``benchmarks/render_bench.py``), so no compiled ``.mo`` file is
kept in the repository or needs a build step. Plural rules come from each catalog's
``Plural-Forms`` header: Ukrainian and Latvian both have three forms.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from generator.errors import RapportError

DOMAIN = "rapport"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


class CatalogError(RapportError):
    """A translation catalog is missing or cannot be read."""


def catalog_path(locale_dir: Path, language: str) -> Path:
    """Return the main catalog file of ``language`` (the one with the plural rules)."""
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_files(locale_dir: Path, language: str) -> list[Path]:
    """Return the main catalog file first, then the others in name order."""
    main = catalog_path(locale_dir, language)
    if not main.is_file():
        raise CatalogError(f"{main}: no translation catalog for language {language!r}")
    others = sorted(p for p in main.parent.glob("*.po") if p.name != main.name)
    return [main, *others]


def _read_po(path: Path, language: str) -> Catalog:
    try:
        with path.open("rb") as file:
            return read_po(file, locale=language, domain=DOMAIN, abort_invalid=True)
    except Exception as error:  # Babel raises PoFileError and ValueError with the line
        raise CatalogError(f"{path}: {error}") from error


def read_catalog(locale_dir: Path, language: str) -> Catalog:
    """Parse and merge the catalog files of ``language``; errors name the file (and line)."""
    main, *others = catalog_files(locale_dir, language)
    catalog = _read_po(main, language)
    for path in others:
        for message in _read_po(path, language):
            if not message.id:
                continue
            known = catalog.get(message.id)
            if known is not None and known.string != message.string:
                key = message.id if isinstance(message.id, str) else message.id[0]
                raise CatalogError(
                    f"{path}:{message.lineno}: {key!r} is translated differently in another file"
                )
            catalog[message.id] = message
    return catalog


@lru_cache(maxsize=32)
def _translations(locale_dir: Path, language: str, mtime_ns: tuple[int, ...]) -> Translations:
    catalog = read_catalog(locale_dir, language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def load_translations(locale_dir: Path, language: str) -> Translations:
    """Return the compiled translations of ``language``, reloaded when a file changes."""
    files = catalog_files(locale_dir, language)
    return _translations(locale_dir, language, tuple(p.stat().st_mtime_ns for p in files))


def placeholders(message: str) -> set[str]:
    """Return the named placeholders of a message: ``%(num)s`` and ``{num}`` forms."""
    return {a or b for a, b in PLACEHOLDER.findall(message)}


def untranslated(reference: Catalog, translated: Catalog) -> list[str]:
    """Return the problems of ``translated`` against the English ``reference`` catalog.

    A message is a problem when it is absent, empty, fuzzy, lacks a plural form, or does
    not keep exactly the placeholders of the English text.
    """
    problems: list[str] = []
    for message in reference:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        found = translated.get(message.id)
        if found is None or found.fuzzy:
            problems.append(f"{key!r}: not translated")
            continue
        strings = found.string if isinstance(found.string, (list, tuple)) else (found.string,)
        if any(not s for s in strings):
            problems.append(f"{key!r}: a form is empty")
            continue
        if isinstance(message.id, (list, tuple)) and len(strings) != translated.num_plurals:
            problems.append(
                f"{key!r}: {len(strings)} plural forms, expected {translated.num_plurals}"
            )
        expected = placeholders(key or "")
        for string in strings:
            if placeholders(string or "") != expected:
                problems.append(
                    f"{key!r}: placeholders {sorted(placeholders(string or ''))} in {string!r}"
                )
    return problems
