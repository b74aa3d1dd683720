"""The closing slides: relationship health for the account team, next steps and contact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.charts import MoodPoint
from generator.render.deck.fit import paginate, plain, whole
from generator.render.deck.layout import (
    BODY,
    BODY_HEIGHT,
    CELL,
    CHART_FONT,
    FIGURE_CAPTION,
    FIGURE_TITLE,
    SMALL,
    Slide,
    chip_width,
    slide_run,
    take,
)
from generator.render.deck.words import Words

MOOD_WIDTH = 470.0  # the chart column; the chart is drawn at this width, labels at CHART_FONT
MOOD_HEIGHT = 262.0
TEXT_COLUMN = 330.0  # beside the chart; the relationship's text column
NEXT_COLUMN = 480.0
STATUS_HEIGHT = 26.0 + 18.0
CONCERN_RULE = 17.0  # the concern's left rule and padding
ACTION_GAP = 10.0  # under each of the next 30 days' actions


def relationship(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """Status and its reason, the mood over time, open concerns and follow-ups."""
    health = context["relationship"]
    timeline = health.get("timeline") or []
    if not health.get("status") or not timeline:
        return []
    points = [
        MoodPoint(dt.date.fromisoformat(str(p["date"])), int(p["mood"]), p["channel"])
        for p in timeline
    ]
    start = min(p.date for p in points)
    end = max(dt.date.fromisoformat(str(health["as_of"])), max(p.date for p in points))
    if end <= start:
        end = start + dt.timedelta(days=1)
    chart = {
        "points": points,
        "start": start,
        "end": end,
        "draw_width": MOOD_WIDTH,
        "font_size": CHART_FONT,
        "height": min(MOOD_HEIGHT, BODY_HEIGHT - FIGURE_TITLE - FIGURE_CAPTION),
        "width": f"{MOOD_WIDTH:.1f}",
    }
    entries = _entries(context, health, words)
    first, rest = take(entries, lambda e: e["height"], BODY_HEIGHT)
    pages = [{"chart": chart, "status": health["status"], "entries": first}]
    if rest:
        pages += [
            {"chart": None, "status": health["status"], "entries": page}
            for page in paginate(rest, lambda e: e["height"], BODY_HEIGHT)
        ]
    section = words._("Relationship health")
    return slide_run("relationship", section, _headline(health, words), pages)


def _entries(context, health: Mapping[str, Any], words: Words) -> list[dict[str, Any]]:
    width = TEXT_COLUMN
    status = words.health_word(health["status"])
    entries: list[dict[str, Any]] = [{"kind": "status", "text": status, "height": STATUS_HEIGHT}]
    for concern in health.get("open_concerns") or []:
        text = whole(concern["text"])
        age = words.n_("open for %(num)s day", "open for %(num)s days", concern["age_days"])
        meta = SMALL.lines(f"{concern['raised']} · {age}", width - CONCERN_RULE) * SMALL.leading
        entries.append(
            {
                "kind": "concern",
                "text": text,
                "raised": concern["raised"],
                "age": age,
                "height": BODY.height(text, width - CONCERN_RULE) + meta + 14,
            }
        )
    # The heading counts the overdue follow-ups and each one is listed under it: what, who
    # owns it and how late it is.
    overdue = [f for f in health.get("open_follow_ups") or [] if f.get("overdue")]
    if overdue:
        text = words.n_("%(num)s follow-up overdue", "%(num)s follow-ups overdue", len(overdue))
        entries.append({"kind": "overdue", "text": text, "height": BODY.height(text, width) + 10})
    for follow_up in overdue:
        action = whole(follow_up["action"])
        late = words.n_("%(num)s day overdue", "%(num)s days overdue", follow_up["days_overdue"])
        meta = f"{follow_up['owner']} · {late}" if follow_up.get("owner") else late
        height = CELL.height(action, width - CONCERN_RULE) + SMALL.height(meta, width) + 10
        entries.append({"kind": "follow_up", "text": action, "meta": meta, "height": height})
    contacts = context["labels"]["contacts"]
    reached = [e for e in health.get("executives") or [] if e.get("days_since") is not None]
    if reached:
        text = words._("Last contact with each executive")
        entries.append(
            {"kind": "executives", "text": text, "height": BODY.height(text, width) + 10}
        )
    for executive in reached:
        name = contacts.get(executive["contact"], executive["contact"])
        since = words.n_(
            "%(num)s day since the last contact",
            "%(num)s days since the last contact",
            executive["days_since"],
        )
        text = f"{name}: {since}"
        entries.append({"kind": "executive", "text": text, "height": SMALL.height(text, width) + 4})
    return entries


def _headline(health: Mapping[str, Any], words: Words) -> str:
    """Say what the status rests on (the rule of generator/analyze/relationship.py)."""
    reason = health.get("reason")
    if reason == "stale_concern":
        age = max((c["age_days"] for c in health.get("open_concerns") or []), default=0)
        return words.n_(
            "Relationship at risk: a concern has been open for %(num)s day",
            "Relationship at risk: a concern has been open for %(num)s days",
            age,
        )
    if reason == "low_mood":
        return words._("Relationship at risk: the mood at the last contact was low")
    if reason == "sharp_fall":
        return words._("Relationship at risk: the mood fell sharply over the last contacts")
    if reason == "neutral_mood":
        return words._("Relationship needs attention: the last contact was only neutral")
    if reason == "open_concern":
        return words._("Relationship needs attention: a concern is still open")
    if reason == "falling_mood":
        return words._("Relationship needs attention: the mood is falling")
    return words._("The relationship is healthy")


# ----- next steps -----


def next_steps(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The consultant's next steps (else the 30-day actions), the contact card last."""
    text = context.get("next_steps_text")
    blocks = _markdown_blocks(text.body if text is not None else "")
    pages: list[dict[str, Any]]
    if blocks:
        groups = paginate(
            blocks, lambda b: BODY.height(plain(b), NEXT_COLUMN - 22) + 10, BODY_HEIGHT
        )
        pages = [{"markdown": _join_blocks(group), "actions": []} for group in groups]
    else:
        actions: list[dict[str, Any]] = []
        for r in context["recommendations"]:
            if r["horizon"] != 30:
                continue
            chip = chip_width(r["id"])
            # Its short name where it has one: the teams' slides have just spelled it out.
            title = whole(r.get("short") or r["title"])
            owner = r.get("owner") or None
            height = BODY.height(title, NEXT_COLUMN, indent=chip)
            height += (SMALL.height(owner, NEXT_COLUMN) if owner else 0.0) + ACTION_GAP
            actions.append({"id": r["id"], "title": title, "owner": owner, "height": height})
        room = BODY_HEIGHT - BODY.leading - 6  # under "In the next 30 days"
        pages = [
            {"markdown": None, "actions": page}
            for page in paginate(actions, lambda a: a["height"], room)
        ]
    for page in pages:
        page["contact"] = False
    pages[-1]["contact"] = True
    soon = sum(1 for r in context["recommendations"] if r["horizon"] == 30)
    headline = words._("Next steps")
    if soon:
        headline = words.n_(
            "Next steps: %(num)s action starts within 30 days",
            "Next steps: %(num)s actions start within 30 days",
            soon,
        )
    elif not (pages[0]["markdown"] or pages[0]["actions"]):
        headline = words._("Questions and next steps")  # the contact card alone
    return slide_run("next", words._("Next steps"), headline, pages)


def _markdown_blocks(body: str) -> list[str]:
    """Split Markdown into paragraphs and single list items, to spread over slides."""
    blocks: list[str] = []
    for paragraph in body.strip().split("\n\n"):
        if not paragraph.strip():
            continue
        lines = paragraph.strip("\n").splitlines()
        if _is_list_line(lines[0]):
            for line in lines:
                if _is_list_line(line) or not blocks:
                    blocks.append(line)
                else:  # a list item's continuation line
                    blocks[-1] += "\n" + line
        else:
            blocks.append(paragraph.strip("\n"))
    return blocks


def _is_list_line(line: str) -> bool:
    stripped = line.lstrip()
    if stripped[:2] in ("- ", "* ", "+ "):
        return True
    number, _, rest = stripped.partition(" ")
    return bool(rest) and number[:-1].isdigit() and number[-1:] in (".", ")")


def _join_blocks(blocks: Sequence[str]) -> str:
    """Join blocks back, keeping consecutive list items in one list."""
    out, previous = "", ""
    for block in blocks:
        if out:
            both_items = _is_list_line(block) and _is_list_line(previous)
            out += "\n" if both_items else "\n\n"
        out += block
        previous = block
    return out
