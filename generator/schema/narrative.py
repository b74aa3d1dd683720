"""Front matter of the Markdown files in narrative/: the consultant's prose."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import Id, Model


class NarrativeFrontMatter(Model):
    """The YAML block between '---' lines at the top of a narrative/*.md file."""

    kind: Literal["executive_summary", "finding", "methodology", "next_steps", "briefing"]
    """executive_summary, finding (a finding's narrative), methodology, next_steps, or
    briefing (how to work with the client, for the delivery team's briefing)."""
    finding: Id | None = None
    """With kind: finding — the id of the finding (from engagement.yaml) this text explains."""
    wave: Id | None = None
    """The wave the text was written for; the latest wave when absent."""
    title: str | None = None
    """A heading to print instead of the default one."""
    key_messages: list[str] = []
    """With kind: executive_summary — three to five one-line messages shown beside the KPI tiles."""
    decision: str | None = None
    """With kind: executive_summary — what the client is asked to decide, one sentence (the
    deck's executive summary shows it beside the key messages)."""
