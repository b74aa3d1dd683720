"""The deliverables: which template renders each kind of document, and with what context.

``render_document`` turns the shared document context (``context.document_context``) into
the HTML of a report, a deck or a deck handout, in the engagement's brand and language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.render.environment import DocumentSettings, create_environment, render_template

KINDS = ("report", "deck", "handout")


@dataclass(frozen=True)
class DocumentKind:
    name: str
    template: str
    file_label: str  # the word in the file name: <client>-<file_label>-<wave>.pdf
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None


def _report(context: dict[str, Any]) -> dict[str, Any]:
    from generator.render.report_view import report_context

    return report_context(context)


def _deck(context: dict[str, Any]) -> dict[str, Any]:
    from generator.render.deck_view import deck_context

    return deck_context(context)


DOCUMENT_KINDS = {
    "report": DocumentKind("report", "report/report.html", "assessment", _report),
    "deck": DocumentKind("deck", "deck/deck.html", "deck", _deck),
    "handout": DocumentKind("handout", "deck/handout.html", "deck-notes", _deck),
}


def render_document(kind: str, settings: DocumentSettings, context: Mapping[str, Any]) -> str:
    """Render one document's HTML; template errors name the template file and line."""
    document = DOCUMENT_KINDS[kind]
    values = dict(context, document_kind=kind)
    if document.prepare is not None:
        values = document.prepare(values)
    env = create_environment(settings)
    return render_template(env, document.template, values)
