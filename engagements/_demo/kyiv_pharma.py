"""Build the kyiv-pharma client folder (ТОВ «Здоров’я Плюс», deliverables in Ukrainian)."""

from __future__ import annotations

from pathlib import Path

from _demo import kyiv_survey as survey
from _demo import logos
from _demo.files import Writer
from _demo.kyiv_engagement import CLIENT, HEADER, THEMES, measures, waves
from _demo.kyiv_findings import RECOMMENDATIONS, RISKS, findings
from _demo.kyiv_prose import INTERACTIONS, narratives
from _demo.sim import mean, number, percent, top_box
from _demo.talk_tracks import talk_tracks

SLUG = "kyiv-pharma"


def figures(waves_: dict[str, list[survey.Ticket]]) -> dict[str, str]:
    """Format the figures the findings and the narrative quote, in Ukrainian."""
    s: dict[str, str] = {}
    for wave, tickets in waves_.items():
        q = wave[-2:]
        s[f"n_{q}"] = str(len(tickets))
        s[f"csat_{q}"] = percent(top_box([t.csat for t in tickets], 5), "uk")
        for channel in survey.CHANNELS:
            group = [t for t in tickets if t.channel == channel]
            s[f"csat_{channel}_{q}"] = percent(top_box([t.csat for t in group], 5), "uk")
            s[f"speed_{channel}_{q}"] = number(mean([t.items["speed"] for t in group]), 1, "uk")
        for item in ("order_info", "resolution"):
            s[f"{item}_{q}"] = number(mean([t.items[item] for t in tickets]), 1, "uk")
        s[f"ces_{q}"] = number(mean([t.ces for t in tickets]), 1, "uk")
    return s


def build(root: Path) -> list[Path]:
    writer = Writer(root / SLUG)
    s = figures(survey.write(writer))
    engagement = (
        HEADER + CLIENT + measures() + waves() + THEMES + findings(s) + RECOMMENDATIONS + RISKS
    )
    writer.yaml("engagement.yaml", engagement)
    writer.yaml("interactions.yaml", INTERACTIONS)
    for name, content in {**narratives(s), **talk_tracks("uk")}.items():
        writer.text(f"narrative/{name}", content)
    writer.text("assets/logo.svg", logos.KYIV_PHARMA)
    return writer.written
