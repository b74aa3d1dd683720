"""The teams' slides: each team's recommendations, what to do and why, by when, who owns it
and how it is measured.

A team whose list fills a slide has slides of its own; teams with shorter lists share them,
each under its own title. Rows are measured with the boxes of templates/deck/slides/
audience.html and deck.css.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.render.context import AUDIENCES
from generator.render.deck.fit import Type, paginate, plain, whole
from generator.render.deck.layout import BODY, BODY_HEIGHT, CELL, Slide, slide_run, spread
from generator.render.deck.talk import note
from generator.render.deck.words import Words

T = TypeVar("T")

# A team's slide (deck/slides/audience.html): chip 60 pt, what and why 476 pt, a 32 pt gap,
# owner, horizon and KPI 280 pt; rows have 10 pt above and below and a rule. Teams sharing a
# slide each have a title line over their rows (and its rule), with a gap between teams.
REC_TITLE = Type(16, 21, bold=True)
REC_MAIN = 476.0
REC_META = 280.0
REC_PADDING = 21.0
MAX_SEARCHED_TEAMS = 8
TEAM_TITLE = BODY.leading + 6 + 2
TEAM_GAP = 16.0


@dataclass
class Team:
    """One team's recommendations, split into what each of its slides shows."""

    audience: str
    name: str
    count: int
    pages: list[list[dict[str, Any]]]
    compact: bool  # the rationale is left out so that the list takes fewer slides

    @property
    def alone(self) -> bool:
        """Whether the team needs a slide (or several) of its own."""
        return self.compact or len(self.pages) > 1

    @property
    def height(self) -> float:
        return sum(r["height"] for r in self.pages[0])


def audiences(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """Each team's recommendations, the teams in the schema's order.

    A team whose list fills a slide has its own (continued on "(2/3)" slides when longer).
    Teams with shorter lists share slides, each under its own title (see ``share``), so
    that a team with one or two recommendations does not get a slide that is mostly empty.
    """
    by_audience = context["recommendations_by_audience"]
    spelled: dict[str, str] = {}  # recommendation id → the team whose slide spells it out
    teams = [
        _team(audience, by_audience[audience], words, spelled)
        for audience in AUDIENCES
        if by_audience.get(audience)
    ]
    slots = [[team] for team in teams if team.alone]
    slots += share([team for team in teams if not team.alone])
    slots.sort(key=lambda slot: teams.index(slot[0]))
    return [slide for slot in slots for slide in _team_slides(slot, words)]


def share(teams: Sequence[Team]) -> list[list[Team]]:
    """Put teams that fit on shared slides: as few slides as possible, then the grouping
    whose slides are the most evenly filled (the least sum of squared empty heights).

    Every grouping is tried (there are 203 for the schema's six teams); the teams keep
    their order on a slide. With more teams than that search allows, each team goes on
    the first slide with room for it.
    """
    if len(teams) > MAX_SEARCHED_TEAMS:
        slots: list[list[Team]] = []
        for team in teams:
            slot = next((s for s in slots if team_height([*s, team]) <= BODY_HEIGHT), None)
            if slot is None:
                slots.append([team])
            else:
                slot.append(team)
        return slots
    best: tuple[tuple[int, float], list[list[Team]]] | None = None
    for groups in _groupings(list(teams)):
        if any(team_height(group) > BODY_HEIGHT for group in groups):
            continue
        empty = sum((BODY_HEIGHT - team_height(group)) ** 2 for group in groups)
        if best is None or (len(groups), empty) < best[0]:
            best = ((len(groups), empty), groups)
    return best[1] if best else []


def _groupings(items: list[T]) -> Iterator[list[list[T]]]:
    """Yield every way of splitting ``items`` into groups, each keeping the items' order."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for groups in _groupings(rest):
        yield [[first], *groups]
        for index in range(len(groups)):
            yield [*groups[:index], [first, *groups[index]], *groups[index + 1 :]]


def team_height(teams: Sequence[Team]) -> float:
    """The height of teams sharing a slide: their rows, and a title over each when several."""
    rows = sum(team.height for team in teams)
    if len(teams) < 2:
        return rows
    return rows + len(teams) * TEAM_TITLE + (len(teams) - 1) * TEAM_GAP


def _team(
    audience: str, entries: Sequence[Mapping[str, Any]], words: Words, spelled: dict[str, str]
) -> Team:
    # The rationale is shown while the team's list fits one slide; a longer list keeps
    # to what, when, who and how it is measured, so that it takes fewer slides.
    name = words.audience_name(audience)
    for compact in (False, True):
        rows = recommendation_rows(entries, words, compact, spelled)
        pages = paginate(rows, lambda r: r["height"], BODY_HEIGHT)
        if len(pages) == 1:
            break
    for entry in entries:
        spelled.setdefault(entry["id"], name)
    return Team(audience, name, len(entries), pages, compact)


def _team_slides(teams: Sequence[Team], words: Words) -> list[Slide]:
    """The slides of one team (a run when its list is long), or of teams sharing one."""
    if not teams:
        return []
    section = words._("Recommendations by team")
    names = [team.name for team in teams]
    titled = len(teams) > 1
    if titled:
        pages = [{"titled": True, "blocks": [_block(team, team.pages[0]) for team in teams]}]
        count = len({row["id"] for team in teams for row in team.pages[0]})
    else:
        pages = [{"titled": False, "blocks": [_block(teams[0], page)]} for page in teams[0].pages]
        count = teams[0].count
    first = min(row["horizon"] for team in teams for page in team.pages for row in page)
    counted = words.n_(
        "%(num)s recommendation, %(within)s",
        "%(num)s recommendations, the first %(within)s",
        count,
        within=words.n_("within %(num)s day", "within %(num)s days", first),
    )
    headline = f"{words.names(names)}: {counted}"
    kicker = words._("Recommendations · %(audience)s", audience=" · ".join(names))
    run = slide_run("audience", section, headline, pages, kicker)
    for slide in run:
        rows = [row for block in slide.data["blocks"] for row in block["rows"]]
        used = sum(row["height"] for row in rows)
        if titled:
            used = team_height(teams)
        slide.data["row_padding"] = REC_PADDING / 2 + spread(used, len(rows))
        noted: set[str] = set()
        for block in slide.data["blocks"]:
            for row in block["rows"]:
                if row["notes"] and row["id"] not in noted:
                    name = f"{row['id']} {row['short'] or row['title']}"
                    label = f"{words._('What to say')} · {name}"
                    slide.notes.append(note("say", label, row["notes"]))
                    noted.add(row["id"])
    return run


def _block(team: Team, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"audience": team.audience, "name": team.name, "rows": rows}


def recommendation_rows(
    recommendations: Sequence[Mapping[str, Any]],
    words: Words,
    compact: bool = False,
    spelled: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """A team's recommendations: what and why on the left; when, owner and KPI on the right.

    A recommendation an earlier team's slide has spelled out (``spelled``: id → that team's
    name) is named here by its short name and points there, so the story says it once."""
    from generator.render.deck.recommendations import first_words

    owner_label, kpi_label = words._("Owner"), words._("Measure of success")
    rows = []
    for r in recommendations:
        title = whole(r["title"])
        why = ""
        if r.get("rationale") and not compact:
            why = whole(plain(r["rationale"]))
        when = words.n_("Within %(num)s day", "Within %(num)s days", r["horizon"])
        owner = r.get("owner") or ""
        kpi = r.get("kpi") or ""
        elsewhere = (spelled or {}).get(r["id"])
        if elsewhere:
            title = whole(r.get("short") or first_words(r["title"]))
            why = words._("Shared with %(team)s, where it is set out", team=elsewhere)
            kpi = ""
        main = REC_TITLE.height(title, REC_MAIN) + (CELL.height(why, REC_MAIN) + 4 if why else 0)
        side = CELL.height(f"{when} · {owner_label}: {owner}" if owner else when, REC_META)
        side += CELL.height(f"{kpi_label}: {kpi}", REC_META) + 2 if kpi else 0
        rows.append(
            {
                "id": r["id"],
                "title": title,
                "short": r.get("short"),
                "why": why,
                "when": when,
                "horizon": r["horizon"],
                "owner": owner,
                "kpi": kpi,
                "notes": None if elsewhere else r.get("notes"),
                "shared": elsewhere,
                "height": max(main, side) + REC_PADDING,
            }
        )
    return rows
