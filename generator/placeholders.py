"""Placeholders that `rapport new` writes, found wherever they are left in a client's inputs.

Every placeholder the skeleton writes is a sentence between double square brackets,
``[[Write the executive summary here.]]``, in the client's language: no consultant writes that
in a text meant for a client, so it is found without a list of the skeleton's sentences. The
sentences of earlier skeletons, written without brackets, are recognised as they were written.

A document built while a placeholder is left is a draft: it carries a "DRAFT" mark on every
page and "draft" in its metadata, `validate` warns about each placeholder at its place, and
`send` refuses the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from generator.errors import Location
from generator.load.yamlmarks import MarkedDocument

OPEN, CLOSE = "[[", "]]"
_MARKED = re.compile(r"\[\[(?:(?!\]\]|\[\[)[^\n]){1,300}\]\]")
EARLIER_SKELETONS = ("Write the executive summary here, in Markdown.",)
"""Placeholders written by earlier versions of `rapport new`, before the brackets."""

_FOUND = re.compile(_MARKED.pattern + "|" + "|".join(re.escape(text) for text in EARLIER_SKELETONS))


def mark(text: str) -> str:
    """Return ``text`` as a placeholder, e.g. for the skeleton's templates."""
    return f"{OPEN}{text}{CLOSE}"


def placeholders_in(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (line, column, placeholder) of each placeholder in ``text``, both 1-based."""
    for match in _FOUND.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        yield line, match.start() - (before.rfind("\n") + 1) + 1, match.group(0)


def has_placeholder(text: str) -> bool:
    return _FOUND.search(text) is not None


def in_document(doc: MarkedDocument) -> list[tuple[Location, str]]:
    """Every placeholder in the string values of a YAML document, located by its value."""
    found: list[tuple[Location, str]] = []

    def walk(value: Any, keys: tuple) -> None:
        if isinstance(value, str):
            found.extend((doc.locate(keys), text) for _, _, text in placeholders_in(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*keys, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*keys, index))

    walk(doc.data, ())
    return found


def in_markdown(path: str, body: str, first_line: int) -> list[tuple[Location, str]]:
    """Every placeholder in a Markdown body that starts on line ``first_line`` of ``path``."""
    return [
        (Location(path, first_line + line - 1, column), text)
        for line, column, text in placeholders_in(body)
    ]


def describe(found: Sequence[tuple[Location, str]]) -> str:
    """'1 placeholder' / '3 placeholders', for a build's line about a draft."""
    return f"{len(found)} placeholder{'s' * (len(found) != 1)}"
