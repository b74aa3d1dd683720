"""The agenda as an iCalendar file that a calendar app imports or subscribes to.

Each entry is an all-day event whose UID is derived from the entry's stable key, so importing
next week's file updates the events already there instead of adding copies. DTSTAMP is the
agenda's day, not the clock, so the same agenda gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from generator.analyze.agenda import AgendaEntry
from generator.publish.pdf import write_atomically

PRODUCT = "-//Rapport//Agenda//EN"


def agenda_calendar(entries: Sequence[AgendaEntry], today: dt.date) -> bytes:
    """Return the iCalendar text of ``entries``."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Rapport agenda")
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc)
    for entry in entries:
        event = Event()
        event.add("uid", f"{hashlib.sha256(entry.key.encode()).hexdigest()[:32]}@rapport")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.date)
        event.add("dtend", entry.date + dt.timedelta(days=1))
        late = f" ({entry.overdue_days} days late)" if entry.overdue_days else ""
        event.add("summary", f"{entry.client}: {entry.text}{late}")
        event.add("categories", [entry.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()


def write_calendar(path: Path, entries: Sequence[AgendaEntry], today: dt.date) -> None:
    """Write the agenda to ``path`` through a temporary file, so a reader never sees half."""
    write_atomically(path, agenda_calendar(entries, today))
