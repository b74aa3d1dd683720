"""`rapport agenda`: what the consultant should do for each client in the coming days.

Each entry has a date, a kind and a stable key (the same entry keeps its key from one week to
the next, so a calendar that imports the agenda again updates it instead of adding a copy):

* ``follow_up``: an open follow-up due within the horizon, or overdue (dated today);
* ``contact``: a contact not reached within their cadence (``contact_every``), due one cadence
  after the last logged contact, or today when none was ever logged;
* ``holiday``: a holiday of the client's country or a contact's own country, for a greeting;
* ``birthday`` and ``anniversary``: when the consultant recorded them for a contact;
* ``wave``: the next survey wave due (``survey_every``);
* ``delivery``: the latest wave with responses, not yet sent to the client, due on the
  report date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyze.calendar import after, holidays_between
from generator.analyze.plain import Plain
from generator.analyze.portfolio import next_wave_due
from generator.analyze.relationship import last_contacts, relationship_health
from generator.schema.engagement import Contact, EngagementFile
from generator.schema.interactions import Interaction


@dataclass(frozen=True)
class AgendaEntry(Plain):
    date: dt.date
    client: str
    kind: str
    text: str
    key: str
    overdue_days: int = 0
    """How many days late it already is (0 when it is due in the horizon)."""


def client_agenda(
    slug: str,
    spec: EngagementFile,
    interactions: Sequence[Interaction],
    delivered_waves: set[str],
    waves_with_responses: Sequence[str],
    today: dt.date,
    days: int,
    language: str,
) -> list[AgendaEntry]:
    """Return one client's entries due up to ``days`` days after ``today``, overdue ones too."""
    end = today + dt.timedelta(days=days)
    entries: list[AgendaEntry] = []

    def add(date: dt.date, kind: str, text: str, key: str) -> None:
        late = (today - date).days
        if date <= end:
            entries.append(
                AgendaEntry(max(date, today), slug, kind, text, f"{slug}/{key}", max(late, 0))
            )

    health = relationship_health(interactions, today)
    for follow_up in health.open_follow_ups:
        if follow_up.due is not None:
            owner = f" ({follow_up.owner})" if follow_up.owner else ""
            add(follow_up.due, "follow_up", f"{follow_up.action}{owner}", _key(follow_up.action))

    last_seen = last_contacts(interactions, today)
    for contact in spec.client.contacts:
        cadence = contact.contact_every or spec.client.contact_every
        if cadence is not None:
            seen = last_seen.get(contact.id)
            due = after(seen, cadence) if seen else today
            since = f"last contact {seen.isoformat()}" if seen else "no contact logged yet"
            add(
                due,
                "contact",
                f"Get in touch with {_who(contact)}: {since}",
                f"contact/{contact.id}",
            )
        entries += _personal_days(slug, contact, today, end)

    for country in _countries(spec):
        for holiday in holidays_between(country, today, end, language):
            add(
                holiday.date,
                "holiday",
                f"{holiday.name} ({country})",
                f"holiday/{country}/{holiday.date}",
            )

    due = next_wave_due(spec)
    if due is not None:
        add(due, "wave", "Field the next survey wave", f"wave/{due.isoformat()}")
    if waves_with_responses and waves_with_responses[-1] not in delivered_waves:
        latest = next(w for w in spec.waves if w.id == waves_with_responses[-1])
        text = f"Send the {latest.name} documents"
        add(spec.engagement.report_date, "delivery", text, f"delivery/{latest.id}")
    return entries


def _personal_days(slug: str, contact: Contact, today: dt.date, end: dt.date) -> list[AgendaEntry]:
    found = []
    for year in range(today.year, end.year + 1):
        if contact.birthday:
            month, day = (int(part) for part in contact.birthday.split("-"))
            date = _on(year, month, day)
            if today <= date <= end:
                text = f"Birthday of {_who(contact)}"
                found.append(
                    AgendaEntry(
                        date, slug, "birthday", text, f"{slug}/birthday/{contact.id}/{year}"
                    )
                )
        if contact.started and contact.started.year < year:
            date = _on(year, contact.started.month, contact.started.day)
            if today <= date <= end:
                years = year - contact.started.year
                text = f"{years} year{'s' * (years != 1)} in the role for {_who(contact)}"
                found.append(
                    AgendaEntry(
                        date, slug, "anniversary", text, f"{slug}/anniversary/{contact.id}/{year}"
                    )
                )
    return found


def _on(year: int, month: int, day: int) -> dt.date:
    """The day in ``year``; 29 February falls on the 28th in other years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def _countries(spec: EngagementFile) -> list[str]:
    named = [spec.client.country, *(c.country for c in spec.client.contacts)]
    return sorted({code for code in named if code})


def _who(contact: Contact) -> str:
    return f"{contact.name}, {contact.role}" if contact.role else contact.name


def _key(text: str) -> str:
    return "follow-up/" + "-".join(text.casefold().split())[:80]
