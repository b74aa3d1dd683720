"""A stress engagement: what a real client can throw at the documents' layout, all at once.

A 70-character client name with no short name, a 130-character engagement title, one survey
wave only and no NPS question, a 400-word finding narrative, 15 recommendations across all
six teams, one of them with a 250-character title, and 12 risks. It is Northwind's Q3 pulse
under another name, so its numbers are real ones; the documents must show all of it, clipped
nowhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from workspace_helpers import REPO

STRESS = "stress-consortium"
CLIENT_NAME = "Amalgamated Regional Freight, Warehousing and Last-Mile Delivery Group"
TITLE = (
    "Quarterly relationship health and customer satisfaction assessment of the offshore "
    "delivery partnership of Amalgamated and Dnipro."
)
LONG_RECOMMENDATION = (
    "Replace the nightly batch export to the regional dispatch partners with an event stream, "
    "so that route changes, cancelled pick-ups and revised delivery windows reach every driver "
    "and every warehouse supervisor within a minute instead of next morning."
)
TEAMS = ("web", "engineering", "marketing", "operations", "support", "leadership")
ACTIONS = (
    "Publish the weekly release notes in the customer portal, with the tickets they close",
    "Run a half-day shadowing session in a dispatch centre for every new engineer",
    "Tell customers in the order e-mail which delivery window was booked and why",
    "Agree one escalation path for late deliveries, with a named duty manager each day",
    "Answer every support ticket about a missing parcel within four business hours",
    "Review the relationship health summary at the monthly steering meeting",
    "Move the mobile driver app's regression tests into the pull-request pipeline",
)
LEVELS = ("low", "medium", "high")
NARRATIVE_SENTENCE = (
    "The dispatchers we interviewed described the same pattern in their own words: a route "
    "change made in the afternoon reaches the driver only after the nightly export, and by "
    "then the customer has already called twice. "
)

# The lengths the layout must cope with.
assert len(CLIENT_NAME) == 70 and len(TITLE) == 130 and len(LONG_RECOMMENDATION) == 250


def recommendations(count: int = 15) -> list[dict]:
    """Return ``count`` recommendations for the stress client, every team addressed."""
    made = []
    for index in range(count):
        title = LONG_RECOMMENDATION if index == 0 else f"{ACTIONS[index % len(ACTIONS)]}."
        if index >= len(ACTIONS):
            title = f"{ACTIONS[index % len(ACTIONS)]}, starting with the {index}th region."
        made.append(
            {
                "id": f"R{index + 1}",
                "title": title,
                "rationale": "The same problem came up in three of the last four steering calls "
                "and in the comments of the quarter's pulse.",
                "audience": [
                    TEAMS[index % len(TEAMS)],
                    *(["leadership"] if index % 5 == 0 else []),
                ],
                "findings": ["F3" if index % 2 else "F4"],
                "impact": LEVELS[index % 3],
                "effort": LEVELS[(index // 3) % 3],
                "confidence": "medium",
                "horizon": (30, 60, 90)[index % 3],
                "owner": "Delivery manager, platform and release engineering",
                "kpi": "Share of route changes that reach the driver within one minute, "
                "measured weekly on the delivery dashboard",
            }
        )
    return made


def risks(count: int = 12) -> list[dict]:
    """Return ``count`` risks, enough for the risks table to run over a page."""
    return [
        {
            "id": f"K{index + 1}",
            "title": f"{ACTIONS[index % len(ACTIONS)]} is not done by the renewal in region "
            f"{index + 1}, and the client reads it as a promise broken.",
            "likelihood": LEVELS[index % 3],
            "impact": LEVELS[(index + 1) % 3],
            "mitigation": "Name an owner at the next steering call and report progress weekly "
            "on the delivery dashboard until it is done.",
            "owner": "Delivery manager, platform and release engineering",
        }
        for index in range(count)
    ]


def add_stress_client(root: Path, language: str = "en") -> Path:
    """Add the stress client to the workspace at ``root``, its documents in ``language``."""
    source = REPO / "engagements" / "northwind-logistics"
    folder = root / "engagements" / STRESS
    shutil.copytree(source, folder)
    path = folder / "engagement.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))

    spec["client"]["name"] = CLIENT_NAME
    spec["client"].pop("short_name", None)
    spec["client"]["language"] = language
    spec["engagement"]["title"] = TITLE
    spec["targets"].pop("nps", None)
    spec["waves"] = [wave for wave in spec["waves"] if wave["id"] == "2026-q3"]
    for source_spec in spec["waves"][0]["sources"]:
        source_spec["columns"].pop("nps", None)
    spec["findings"] = [finding for finding in spec["findings"] if not finding.get("wave")]
    for finding in spec["findings"]:
        finding["evidence"] = [e for e in finding["evidence"] if e != "metric:nps"]
    spec["recommendations"] = recommendations()
    spec["risks"] = risks()
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")

    narrative = folder / "narrative"
    for stale in ("finding-F1.md", "finding-F2.md", "summary-2026-q1.md"):
        (narrative / stale).unlink(missing_ok=True)
    words = NARRATIVE_SENTENCE * (400 // len(NARRATIVE_SENTENCE.split()) + 1)
    (narrative / "finding-F4.md").write_text(
        f"---\nkind: finding\nfinding: F4\n---\n\n{words.strip()}\n", encoding="utf-8"
    )
    summary = narrative / "summary-2026-q3.md"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace(
            '  - "NPS rose from −11 to +34 between the Q2 and Q3 pulses."\n', ""
        ),
        encoding="utf-8",
    )
    return folder
