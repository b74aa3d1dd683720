"""`rapport status` and `rapport agenda` for people: aligned plain text, colour when asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.analyze.agenda import AgendaEntry
from generator.analyze.portfolio import ClientStatus, Headline
from generator.render.terminal import difference_text, p_text, percent
from generator.render.vocabulary import shown_change

REASONS = {
    "low_mood": "low mood",
    "stale_concern": "concern open too long",
    "sharp_fall": "mood fell sharply",
    "neutral_mood": "neutral mood",
    "open_concern": "open concern",
    "falling_mood": "mood falling",
    "good_mood": "good mood",
    "no_contacts": "no contact logged",
}
COLORS = {"red": "31", "yellow": "33", "green": "32"}
KINDS = {
    "follow_up": "follow-up",
    "contact": "contact",
    "holiday": "holiday",
    "birthday": "birthday",
    "anniversary": "anniversary",
    "wave": "survey",
    "delivery": "delivery",
}


def status_text(statuses: Sequence[ClientStatus], today: dt.date, *, color: bool) -> str:
    """One line per client, most in need of attention first, then their open concerns."""
    lines = [f"Status on {today.isoformat()}, the clients needing attention first", ""]
    header = ("client", "health", "why", "headline", "concerns", "overdue", "exec")
    rows = [(*header, "next wave", "delivered")]
    for s in statuses:
        rows.append(
            (
                s.client,
                s.health or "—",
                REASONS[s.reason],
                _headline(s.headline),
                ", ".join(f"{c.age_days} d" for c in s.open_concerns) or "none",
                str(s.overdue_follow_ups),
                f"{s.days_since_executive} d" if s.days_since_executive is not None else "never",
                _next_wave(s),
                _delivery(s),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        if color and index and statuses[index - 1].health in COLORS:
            cells[1] = _paint(cells[1], COLORS[statuses[index - 1].health])
        lines.append("  ".join(cells).rstrip())
    concerns = [(s.client, c) for s in statuses for c in s.open_concerns]
    if concerns:
        lines += ["", "Open concerns, oldest first:"]
        for client, concern in concerns:
            lines.append(
                f"  {client}: {concern.text} (raised {concern.raised.isoformat()}, "
                f"{concern.age_days} days ago)"
            )
    return "\n".join(lines)


def agenda_text(entries: Sequence[AgendaEntry], today: dt.date, days: int, *, color: bool) -> str:
    """The entries by date; overdue ones first, marked with how late they are."""
    end = today + dt.timedelta(days=days)
    lines = [f"Agenda from {today.isoformat()} to {end.isoformat()}"]
    if not entries:
        return "\n".join([*lines, "", "Nothing is due."])
    width = max(len(e.client) for e in entries)
    kind_width = max(len(KINDS[e.kind]) for e in entries)
    for entry in entries:
        when = "overdue" if entry.overdue_days else entry.date.strftime("%a %d %b")
        late = f" ({entry.overdue_days} days late)" if entry.overdue_days else ""
        when = _paint(when.ljust(10), "31") if color and entry.overdue_days else when.ljust(10)
        lines.append(
            f"{when}  {entry.client.ljust(width)}  {KINDS[entry.kind].ljust(kind_width)}  "
            f"{entry.text}{late}"
        )
    return "\n".join([lines[0], "", *lines[1:]])


def _headline(headline: Headline | None) -> str:
    if headline is None:
        return "no survey yet"
    if headline.metric == "nps":
        value, spec = f"NPS {headline.value:+.0f}", "+.0f"
    else:
        value, spec = f"CSAT {percent(headline.value)}", "pts"
    value = value.replace("-", "−")
    if headline.change is None or len(headline.history) < 2:
        return value
    # The difference of the two values as every document prints them.
    before, after = headline.history[-2].value, headline.history[-1].value
    shown = shown_change(
        headline.metric, {"previous": before, "current": after, "verdict": headline.verdict}
    )
    difference = shown.difference / 100 if spec == "pts" else shown.difference
    moved = difference_text({"difference": difference}, spec)
    if headline.p_value is None:
        return f"{value} ({moved}, {headline.verdict})"
    return f"{value} ({moved}, {headline.verdict}, {p_text(headline.p_value)})"


def _next_wave(status: ClientStatus) -> str:
    if status.next_wave_due is None:
        return "no cadence"
    late = " (late)" if status.next_wave_overdue else ""
    return f"{status.next_wave_due.isoformat()}{late}"


def _delivery(status: ClientStatus) -> str:
    delivery = status.last_delivery
    if delivery is None:
        return "never"
    state = {True: ", stale", False: "", None: ", unchecked"}[delivery.stale]
    return f"{delivery.wave} on {delivery.when.isoformat()}{state}"


def _paint(text: str, code: str) -> str:
    return f"\033[{code}m{text}\033[0m"
