"""Build the northwind-logistics client folder."""

from __future__ import annotations

from pathlib import Path

from _demo import logos, northwind_survey
from _demo.files import Writer
from _demo.northwind_comments import Commenter
from _demo.northwind_engagement import engagement_yaml
from _demo.northwind_log import INTERACTIONS
from _demo.northwind_prose import narratives
from _demo.sim import mean, nps, number, pearson, percent, signed, top_box
from _demo.talk_tracks import talk_tracks

SLUG = "northwind-logistics"


def figures(answers: dict[str, northwind_survey.Answers]) -> dict[str, str]:
    """Format the figures the findings and the narrative quote, per wave."""
    s: dict[str, str] = {}
    for plan in northwind_survey.PLANS:
        a = answers[plan.id]
        q = plan.id[-2:]
        s[f"n_{q}"] = str(len(a.nps))
        s[f"invited_{q}"] = str(plan.invited)
        s[f"rate_{q}"] = percent(100 * len(a.nps) / plan.invited, "en")
        s[f"nps_{q}"] = signed(nps(a.nps))
        s[f"csat_{q}"] = percent(top_box(a.csat, 5), "en")
        s[f"transparency_{q}"] = number(mean(a.items["transparency"]), 1, "en")
        s[f"responsiveness_{q}"] = number(mean(a.items["responsiveness"]), 1, "en")
        s[f"delivery_{q}"] = number(mean(a.items["delivery_speed"]), 1, "en")
        s[f"quality_{q}"] = number(mean(a.items["code_quality"]), 1, "en")
        s[f"business_{q}"] = number(mean(a.items["business_understanding"]), 1, "en")
        engineering = [
            v
            for v, d in zip(a.items["transparency"], a.departments, strict=True)
            if d == "Engineering"
        ]
        s[f"engineering_n_{q}"] = str(len(engineering))
        s[f"transparency_engineering_{q}"] = number(mean(engineering), 1, "en")
        s[f"r_transparency_{q}"] = number(pearson(a.items["transparency"], a.overall), 2, "en")
    return s


def build(root: Path) -> list[Path]:
    writer = Writer(root / SLUG)
    answers = northwind_survey.write(writer, Commenter())
    s = figures(answers)
    writer.yaml("engagement.yaml", engagement_yaml(s))
    writer.yaml("interactions.yaml", INTERACTIONS)
    for name, content in {**narratives(s), **talk_tracks("en")}.items():
        writer.text(f"narrative/{name}", content)
    writer.text("assets/logo.svg", logos.NORTHWIND)
    return writer.written
