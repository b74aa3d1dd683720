"""Front matter of the Markdown files in narrative/: the consultant's prose."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import Id, Model

# The kinds of slide the deck has (templates/deck/slides/<kind>.html); a talk track in
# narrative/notes/ is named after one of them.
SLIDE_KINDS = (
    "summary",
    "agenda",
    "kpis",
    "changes",
    "themes",
    "finding",
    "matrix",
    "audience",
    "relationship",
    "next",
    "roadmap",
    "success",
    "previous",
)


class NarrativeFrontMatter(Model):
    """The YAML block between '---' lines at the top of a narrative/*.md file."""

    kind: Literal[
        "executive_summary", "finding", "methodology", "next_steps", "briefing", "talk_track"
    ]
    """executive_summary, finding (a finding's narrative), methodology, next_steps,
    briefing (how to work with the client, for the delivery team's briefing), or talk_track
    (a file in narrative/notes/ named after a kind of slide: what to say on it, the body)."""
    finding: Id | None = None
    """With kind: finding — the id of the finding (from engagement.yaml) this text explains."""
    wave: Id | None = None
    """The wave the text was written for; the latest wave when absent."""
    title: str | None = None
    """A heading to print instead of the default one."""
    key_messages: list[str] = []
    """With kind: executive_summary — three to five one-line messages shown beside the KPI tiles."""
    question: str | None = None
    """With kind: talk_track — the question the client will ask on this slide."""
    answer: str | None = None
    """With kind: talk_track — your answer to it."""
    transition: str | None = None
    """With kind: talk_track — the sentence that leads to the next slide."""
    decision: str | None = None
    """With kind: executive_summary — what the client is asked to decide, one sentence (the
    deck's executive summary shows it beside the key messages)."""
