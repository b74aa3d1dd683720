"""Relationship health from the interaction log: mood, open concerns, follow-ups, contact gaps.

Status rule (contacts after ``as_of`` are ignored; moods are 1 angry … 5 delighted):

* **red** — the latest mood is 1 or 2; or a concern still open was first raised more than
  ``stale_after_days`` (default 30) days before ``as_of``; or the mood fell by 2 points or more
  across the last three contacts.
* **yellow** — otherwise, the latest mood is 3; or a concern is open; or the mood fell across
  the last three contacts (the last below the first of the three).
* **green** — otherwise. With no contact logged the status is None ("no_contacts").

The reason is the first rule that applies, as a code (``low_mood``, ``stale_concern``,
``sharp_fall``, ``neutral_mood``, ``open_concern``, ``falling_mood``, ``good_mood``), and the
text of the latest open concern when any is open. A concern's state is its latest entry (by
date, then log order). A follow-up has no id, so the latest entry with the same action text
(ignoring case and spacing) decides whether it is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

from generator.analyze.plain import Plain
from generator.schema.interactions import Channel, FollowUp, Interaction

STALE_AFTER_DAYS = 30
GREEN, YELLOW, RED = "green", "yellow", "red"


@dataclass(frozen=True)
class MoodPoint(Plain):
    date: dt.date
    mood: int
    channel: str
    interaction: str | None


@dataclass(frozen=True)
class OpenConcern(Plain):
    id: str
    text: str
    raised: dt.date
    updated: dt.date
    age_days: int


@dataclass(frozen=True)
class OpenFollowUp(Plain):
    action: str
    owner: str | None
    due: dt.date | None
    logged: dt.date
    overdue: bool
    days_overdue: int | None


@dataclass(frozen=True)
class ExecutiveContact(Plain):
    contact: str
    last_contact: dt.date | None
    days_since: int | None


@dataclass(frozen=True)
class RelationshipHealth(Plain):
    as_of: dt.date
    status: str | None
    reason: str
    reason_text: str | None
    interactions: int
    timeline: tuple[MoodPoint, ...]
    open_concerns: tuple[OpenConcern, ...]
    """Latest-updated first."""
    open_follow_ups: tuple[OpenFollowUp, ...]
    """Overdue first, then by due date."""
    contacts_by_channel: dict[str, int]
    executives: tuple[ExecutiveContact, ...]
    stale_after_days: int


def _open_concerns(log: Sequence[Interaction], as_of: dt.date) -> list[OpenConcern]:
    raised: dict[str, dt.date] = {}
    latest: dict[str, tuple[dt.date, int, str, str]] = {}
    for order, contact in enumerate(log):
        for concern in contact.concerns:
            raised.setdefault(concern.id, contact.date)
            latest[concern.id] = (contact.date, order, concern.text, concern.status)
    still_open = [
        (updated, order, cid, text)
        for cid, (updated, order, text, status) in latest.items()
        if status == "open"
    ]
    still_open.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [
        OpenConcern(cid, text, raised[cid], updated, (as_of - raised[cid]).days)
        for updated, _, cid, text in still_open
    ]


def _open_follow_ups(log: Sequence[Interaction], as_of: dt.date) -> list[OpenFollowUp]:
    latest: dict[str, tuple[dt.date, FollowUp]] = {}
    for contact in log:
        for follow_up in contact.follow_ups:
            latest[" ".join(follow_up.action.casefold().split())] = (contact.date, follow_up)
    found = []
    for logged, follow_up in latest.values():
        if follow_up.done:
            continue
        due = follow_up.due
        overdue = due is not None and due < as_of
        found.append(
            OpenFollowUp(
                action=follow_up.action,
                owner=follow_up.owner,
                due=due,
                logged=logged,
                overdue=overdue,
                days_overdue=(as_of - due).days if overdue and due else None,
            )
        )
    found.sort(key=lambda f: (not f.overdue, f.due or dt.date.max, f.action.casefold()))
    return found


def _status(moods: list[int], concerns: list[OpenConcern], stale_after: int) -> tuple[str, str]:
    last_three = moods[-3:]
    fall = last_three[0] - last_three[-1] if len(last_three) == 3 else 0
    if moods[-1] <= 2:
        return RED, "low_mood"
    if any(c.age_days > stale_after for c in concerns):
        return RED, "stale_concern"
    if fall >= 2:
        return RED, "sharp_fall"
    if moods[-1] == 3:
        return YELLOW, "neutral_mood"
    if concerns:
        return YELLOW, "open_concern"
    if fall > 0:
        return YELLOW, "falling_mood"
    return GREEN, "good_mood"


def last_contacts(interactions: Sequence[Interaction], as_of: dt.date) -> dict[str, dt.date]:
    """Return each contact id's latest logged contact on or before ``as_of``."""
    seen: dict[str, dt.date] = {}
    for contact in interactions:
        if contact.date <= as_of:
            for person in contact.people:
                seen[person] = max(seen.get(person, contact.date), contact.date)
    return seen


def relationship_health(
    interactions: Sequence[Interaction],
    as_of: dt.date,
    executives: Sequence[str] = (),
    stale_after_days: int = STALE_AFTER_DAYS,
) -> RelationshipHealth:
    """Summarise the log as of a date; ``executives`` are the contact ids to track."""
    log = sorted(
        (contact for contact in interactions if contact.date <= as_of), key=lambda c: c.date
    )  # sorted() is stable, so same-day contacts keep their log order
    concerns = _open_concerns(log, as_of)
    by_channel = {channel: 0 for channel in get_args(Channel)}
    for contact in log:
        by_channel[contact.channel] += 1
    last_seen = last_contacts(log, as_of)
    if log:
        status, reason = _status([c.mood for c in log], concerns, stale_after_days)
    else:
        status, reason = None, "no_contacts"
    return RelationshipHealth(
        as_of=as_of,
        status=status,
        reason=reason,
        reason_text=concerns[0].text if concerns else None,
        interactions=len(log),
        timeline=tuple(MoodPoint(c.date, c.mood, c.channel, c.id) for c in log),
        open_concerns=tuple(concerns),
        open_follow_ups=tuple(_open_follow_ups(log, as_of)),
        contacts_by_channel=by_channel,
        executives=tuple(
            ExecutiveContact(
                person,
                last_seen.get(person),
                (as_of - last_seen[person]).days if person in last_seen else None,
            )
            for person in executives
        ),
        stale_after_days=stale_after_days,
    )
