"""The consultant's week across every client: the portfolio status and the agenda.

Both read the validated workspace, the survey figures they need (``survey_summary``: cached
while no input changes), each client's log and ``deliveries.yaml``, and judge everything as
of one day, ``today``, which the caller passes so that a test, or a consultant planning next
week, can fix it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.analyze.agenda import AgendaEntry, client_agenda
from generator.analyze.portfolio import ClientStatus, Delivery, client_status
from generator.errors import Location, Problems
from generator.load.yamlmarks import read_yaml
from generator.survey_summary import survey_summaries
from generator.workspace import Engagement, Workspace

DELIVERIES = "deliveries.yaml"


def portfolio(root: Path, clients: Sequence[str], today: dt.date) -> list[ClientStatus]:
    """Return every chosen client's status, the one that needs attention most first."""
    return statuses(_workspace(root, clients), today)


def statuses(workspace: Workspace, today: dt.date) -> list[ClientStatus]:
    """Return the status of every engagement of a validated workspace, most urgent first."""
    from generator.deliver.deliverables import sent_files_stale

    root = workspace.root
    found = []
    summaries = survey_summaries(workspace)
    for engagement, sent, summary in zip(
        workspace.engagements, _deliveries(workspace), summaries, strict=True
    ):
        last = None
        if sent:
            entry = sent[-1]
            files = {a["file"]: a["sha256"] for a in entry.get("attachments") or []}
            when = dt.date.fromisoformat(str(entry["when"])[:10])
            last = Delivery(
                when, str(entry["wave"]), sent_files_stale(root, engagement.slug, files)
            )
        found.append(
            client_status(
                engagement.slug,
                engagement.spec,
                engagement.interactions,
                summary,
                last,
                today,
            )
        )
    return sorted(found, key=ClientStatus.attention)


def agenda(root: Path, clients: Sequence[str], today: dt.date, days: int) -> list[AgendaEntry]:
    """Return what is due for the chosen clients from ``today`` to ``days`` days on, by date."""
    workspace = _workspace(root, clients)
    language = workspace.settings.defaults.language
    entries: list[AgendaEntry] = []
    summaries = survey_summaries(workspace)
    for engagement, sent, summary in zip(
        workspace.engagements, _deliveries(workspace), summaries, strict=True
    ):
        entries += client_agenda(
            engagement.slug,
            engagement.spec,
            engagement.interactions,
            {str(entry["wave"]) for entry in sent},
            summary["answered"],
            today,
            days,
            language,
        )
    return sorted(entries, key=lambda e: (e.date, -e.overdue_days, e.client, e.kind, e.text))


def _workspace(root: Path, clients: Sequence[str]) -> Workspace:
    from generator.validate import validate_workspace

    return validate_workspace(root, clients, surveys=False)


def _deliveries(workspace: Workspace) -> list[list[dict[str, Any]]]:
    """Read each engagement's deliveries.yaml (oldest entry first); every problem at once."""
    problems = Problems()
    found = [read_deliveries(e, problems) for e in workspace.engagements]
    problems.raise_if_errors()
    return found


def read_deliveries(engagement: Engagement, problems: Problems) -> list[dict]:
    """The entries of the engagement's deliveries.yaml, oldest first; a problem is added to
    ``problems`` (and nothing returned) when the file is not a list of deliveries."""
    path = engagement.folder / DELIVERIES
    if not path.is_file():
        return []
    shown = f"{engagement.rel_folder}/{DELIVERIES}"
    doc = read_yaml(path, shown, problems)
    if doc is None or doc.data is None:
        return []
    entries = doc.data if isinstance(doc.data, list) else None
    if entries is None:
        problems.error(Location(shown), "expected a list of deliveries ('- when: …' entries)")
        return []
    for index, entry in enumerate(entries):
        if not (isinstance(entry, dict) and "when" in entry and "wave" in entry):
            problems.error(doc.locate((index,)), "a delivery needs 'when' and 'wave'")
            return []
    return entries
