"""The deck as an editable PowerPoint file, written from the same slide plan as the PDF deck.

``render_pptx`` plans the slides with ``generator.render.deck.deck_context`` (the same
slides, order, headlines, numbers and continuations as the PDF) and writes each one with the
function its kind maps to in ``SLIDE_WRITERS``. A kind without a writer is an error, never a
slide silently left out. The result is the package's bytes; ``generator.publish.pptx`` makes
them reproducible and writes the file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from generator.errors import RapportError
from generator.render.pptx import slides_story as story
from generator.render.pptx import slides_tables as tables

SLIDE_WRITERS: dict[str, Callable[..., None]] = {
    "title": story.title,
    "summary": story.summary,
    "agenda": story.agenda,
    "kpis": story.kpis,
    "changes": tables.changes,
    "themes": story.themes,
    "finding": story.finding,
    "matrix": tables.matrix,
    "audience": tables.audience,
    "relationship": story.relationship,
    "next": story.next_steps,
    "divider": story.divider,
    "roadmap": tables.roadmap,
    "success": tables.success,
    "previous": tables.previous,
}


class UnknownSlideKind(RapportError):
    """The deck's plan has a kind of slide the PowerPoint writer does not know."""


def render_pptx(
    context: Mapping[str, Any],
    brand,
    *,
    template: Path | None = None,
    folders: Mapping[str, Path] | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """Plan the deck from the document ``context`` and write it as a .pptx.

    ``template`` is the consultant's .pptx/.potx (None: the built-in one in ``brand``'s
    colours and fonts); ``folders`` maps the virtual roots of the logos' URLs to folders.
    Return the package's bytes and the planned deck context.
    """
    from generator.render.deck import deck_context
    from generator.render.deck.words import Words
    from generator.render.pptx.frame import Deck
    from generator.render.pptx.template import Palette, geometry, open_presentation

    planned = deck_context(dict(context, document_kind="pptx"))
    missing = sorted({s.kind for s in planned["slides"]} - SLIDE_WRITERS.keys())
    if missing:
        raise UnknownSlideKind(
            f"the PowerPoint deck has no writer for the slide kind(s) {', '.join(missing)}"
        )
    presentation = open_presentation(brand, template)
    deck = Deck(
        presentation,
        geometry(presentation),
        Palette(brand, themed=template is not None),
        Words(planned["language"]),
        planned,
        dict(folders or {}),
    )
    for slide in planned["slides"]:
        SLIDE_WRITERS[slide.kind](deck, slide)
    _properties(presentation, planned)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue(), planned


def _properties(presentation, context: Mapping[str, Any]) -> None:
    """Title, author, subject and language as the PDF deck states them; fixed dates."""
    import datetime as dt

    from generator.render.documents import document_metadata

    metadata = document_metadata(context, "deck")
    properties = presentation.core_properties
    properties.title = metadata.title
    properties.author = metadata.author
    properties.subject = metadata.subject
    properties.keywords = ", ".join(metadata.keywords)
    properties.language = metadata.language
    properties.last_modified_by = metadata.author
    properties.revision = 1
    properties.comments = ""
    properties.category = "draft" if context.get("draft") else ""
    day = metadata.created
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    moment = dt.datetime(day.year, day.month, day.day, 12, 0, 0)
    properties.created = properties.modified = moment
    properties.last_printed = moment
