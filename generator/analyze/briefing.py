"""What the delivery team needs to know about the client's people: working hours that overlap.

Hours are compared on one given day, in real time-zone rules, so that summer time is right
for the week the briefing is read (Chicago and Kyiv are 8 hours apart most of the year, 7 for a
few weeks in spring and autumn).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.analyze.plain import Plain


@dataclass(frozen=True)
class Overlap(Plain):
    start: dt.time
    """In the team's local time."""
    end: dt.time
    minutes: int


def _window(day: dt.date, hours: str, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start, end = (
        dt.time.fromisoformat(part if part != "24:00" else "23:59") for part in hours.split("-")
    )
    return dt.datetime.combine(day, start, zone), dt.datetime.combine(day, end, zone)


def overlap(
    day: dt.date, team_zone: str, team_hours: str, contact_zone: str, contact_hours: str
) -> Overlap | None:
    """Return the part of the team's working ``day`` the contact also works, or None."""
    team_start, team_end = _window(day, team_hours, ZoneInfo(team_zone))
    best: tuple[dt.datetime, dt.datetime] | None = None
    for shift in (-1, 0, 1):  # the contact's day may begin on the team's day before or after
        start, end = _window(day + dt.timedelta(days=shift), contact_hours, ZoneInfo(contact_zone))
        begins, ends = max(start, team_start), min(end, team_end)
        if begins < ends and (best is None or ends - begins > best[1] - best[0]):
            best = (begins, ends)
    if best is None:
        return None
    local = ZoneInfo(team_zone)
    begins, ends = (moment.astimezone(local) for moment in best)
    return Overlap(begins.time(), ends.time(), int((ends - begins).total_seconds() // 60))
