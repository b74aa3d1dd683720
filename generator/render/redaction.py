"""Personal data kept out of the documents: what the templates get is redacted once, here.

Survey comments are redacted when the analysis quotes them. The other texts a client reads
that may hold what someone said or wrote are redacted as the document context is made, so the
report, the deck, the handout and the workbook all print the same redacted words:

* focus-group quotes and theme summaries: e-mail addresses, phone numbers, card numbers, IBANs
  and the names of the client's people listed in engagement.yaml;
* open concerns and follow-ups from the contact log, and the relationship status's reason:
  contact and payment details only. They are the consultant's own notes about the client's
  people, whose names the relationship section prints anyway beside their last contact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.analyze.engagement import staff_names
from generator.analyze.text import redact, redact_contact_details
from generator.schema.engagement import EngagementFile


def redacted_focus_groups(spec: EngagementFile, language: str) -> list[dict[str, Any]]:
    """The focus groups as plain values, their quotes and summaries redacted."""
    names = staff_names(spec)
    country = spec.client.country

    def clean(text: str | None) -> str | None:
        return None if text is None else redact(text, names, language, country)

    groups = []
    for group in spec.focus_groups:
        plain = group.model_dump()
        plain["themes"] = [
            {
                **theme,
                "summary": clean(theme["summary"]),
                "quotes": [clean(quote) for quote in theme["quotes"]],
            }
            for theme in plain["themes"]
        ]
        groups.append(plain)
    return groups


def redacted_relationship(
    health: Mapping[str, Any] | None, language: str, country: str | None
) -> Mapping[str, Any] | None:
    """The relationship health with the contact log's texts free of contact details."""
    if not health:
        return health

    def clean(text: str | None) -> str | None:
        return None if text is None else redact_contact_details(text, language, country)

    def each(entries: Sequence[Mapping[str, Any]], key: str) -> list[dict[str, Any]]:
        return [{**entry, key: clean(entry[key])} for entry in entries]

    return {
        **health,
        "reason_text": clean(health.get("reason_text")),
        "open_concerns": each(health.get("open_concerns") or [], "text"),
        "open_follow_ups": each(health.get("open_follow_ups") or [], "action"),
    }
