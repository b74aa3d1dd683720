"""The deliverables: which template renders each kind of document, and with what context.

``render_document`` turns the shared document context (``context.document_context``) into
the HTML of a report, a deck, its speaker notes or its printed handout, in the engagement's
brand and language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.publish.pdf import PdfMetadata
from generator.render.environment import (
    DocumentSettings,
    builtin_templates,
    create_environment,
    render_template,
)
from generator.render.i18n import load_translations
from generator.render.typography import typeset_html

DRAFT_ENTRY = "RapportStatus"
"""The PDF Info entry that says 'draft' while a placeholder is left (``rapport send`` reads it)."""


@dataclass(frozen=True)
class DocumentKind:
    name: str
    template: str
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    typeset: bool = False  # quotes, dashes and no-break spaces of the finished text


def _report(context: dict[str, Any]) -> dict[str, Any]:
    from generator.render.report import report_context

    return report_context(context)


def _deck(context: dict[str, Any]) -> dict[str, Any]:
    from generator.render.deck import deck_context

    return deck_context(context)


DOCUMENT_KINDS = {
    "report": DocumentKind("report", "report/report.html", _report, typeset=True),
    "deck": DocumentKind("deck", "deck/deck.html", _deck),
    "notes": DocumentKind("notes", "deck/handout.html", _deck),
    "handout": DocumentKind("handout", "deck/print.html", _deck),
}


def render_document(kind: str, settings: DocumentSettings, context: Mapping[str, Any]) -> str:
    """Render one document's HTML; template errors name the template file and line."""
    document = DOCUMENT_KINDS[kind]
    values = dict(context, document_kind=kind)
    if document.prepare is not None:
        values = document.prepare(values)
    env = create_environment(settings)
    html = render_template(env, document.template, values)
    return typeset_html(html, settings.language) if document.typeset else html


def document_metadata(context: Mapping[str, Any], kind: str) -> PdfMetadata:
    """What the PDF says about itself: title, author, subject, keywords, language, provenance."""
    _ = load_translations(builtin_templates() / "locale", context["language"]).gettext
    engagement, client, consultant = context["engagement"], context["client"], context["consultant"]
    wave_id = context["analysis"]["current_wave"]
    if wave_id is None:  # a usability study without a survey: named by its latest test
        tests = sorted(context["analysis"]["usability"], key=lambda t: str(t["date"]))
        wave_name = tests[-1]["title"] if tests else engagement["title"]
    else:
        wave_name = context["labels"]["waves"][wave_id]
    what = _("Satisfaction assessment") if kind == "report" else _("Recommendations")
    title = f"{engagement['title']}, {wave_name}"
    if kind != "report":
        title = f"{what}: {title}"
    if kind == "notes":
        title += f" ({_('speaker notes')})"
    if kind == "handout":
        title += f" ({_('handout')})"
    author = consultant["name"] + (f", {consultant['company']}" if consultant["company"] else "")
    draft = context.get("draft", False)
    return PdfMetadata(
        title=f"{_('Draft')}: {title}" if draft else title,
        author=author,
        subject=f"{client['name']}: {what}, {wave_name}",
        keywords=(client["name"], wave_name, "NPS", "CSAT", "CES") + (("draft",) if draft else ()),
        language=context["language"],
        created=engagement["report_date"],
        custom=tuple(_provenance(context)),
    )


def _provenance(context: Mapping[str, Any]):
    """Where the document came from, as PDF Info entries: the commit and each data file."""
    if context.get("draft"):
        yield DRAFT_ENTRY, "draft"
    if context["source_commit"]:
        yield "RapportSourceCommit", context["source_commit"]
    files = "; ".join(f"{f['path']} sha256:{f['sha256']}" for f in context["data_files"])
    if files:
        yield "RapportDataFiles", files
