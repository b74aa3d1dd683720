"""Who receives the deliverables: the contacts marked ``recipient: true``, or those named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.deliver.errors import RecipientError
from generator.schema.engagement import Contact


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str
    email: str
    role: str | None = None


def choose_recipients(
    contacts: Sequence[Contact], names: Sequence[str], where: str
) -> list[Recipient]:
    """Return the contacts named (by id or full name), else those marked as recipients.

    ``where`` names the engagement file for messages. A contact without an e-mail address,
    an unknown name or an empty choice is an error: a message never goes out half addressed.
    """
    if names:
        chosen = [_find(contacts, name, where) for name in names]
    else:
        chosen = [c for c in contacts if c.recipient]
        if not chosen:
            raise RecipientError(
                f"no contact in {where} is marked 'recipient: true'; mark who receives "
                "the deliverables, or name them with --to"
            )
    without = [c for c in chosen if not c.email]
    if without:
        listed = ", ".join(f"{c.name} ({c.id})" for c in without)
        raise RecipientError(f"no e-mail address for {listed} in {where}")
    unique: dict[str, Recipient] = {}
    for contact in chosen:
        assert contact.email is not None
        unique.setdefault(
            contact.email.lower(), Recipient(contact.id, contact.name, contact.email, contact.role)
        )
    return list(unique.values())


def _find(contacts: Sequence[Contact], name: str, where: str) -> Contact:
    wanted = " ".join(name.split()).casefold()
    for contact in contacts:
        if wanted in (contact.id.casefold(), " ".join(contact.name.split()).casefold()):
            return contact
    known = ", ".join(f"{c.id} ({c.name})" for c in contacts) or "none"
    raise RecipientError(f"no contact '{name}' in {where}; the contacts are: {known}")
