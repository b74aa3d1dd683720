"""Build the baltic-home client folder (SIA „Mājas Stils”, deliverables in Latvian)."""

from __future__ import annotations

from pathlib import Path

from _demo import baltic_survey as survey
from _demo import baltic_usability, logos
from _demo.baltic_engagement import engagement_yaml
from _demo.baltic_log import INTERACTIONS
from _demo.baltic_prose import narratives
from _demo.files import Writer
from _demo.sim import mean, nps, number, signed
from _demo.talk_tracks import talk_tracks

SLUG = "baltic-home"
REGIONAL = ("Daugavpils", "Liepāja")


def figures(waves: dict[str, list[survey.Shopper]], sus: list[float]) -> dict[str, str]:
    """Format the figures the findings and the narrative quote, in Latvian."""
    s = {"sus": number(sum(sus) / len(sus), 1, "lv")}
    for wave, shoppers in waves.items():
        q = wave[-2:]

        def item(name, keep=lambda shopper: True, shoppers=shoppers):
            return number(mean([x.items[name] for x in shoppers if keep(x)]), 1, "lv")

        s[f"n_{q}"] = f"{len(shoppers):,}".replace(",", "\u00a0")
        s[f"nps_{q}"] = signed(nps([x.nps for x in shoppers]))
        s[f"nps_web_{q}"] = signed(nps([x.nps for x in shoppers if x.channel == survey.WEB]))
        s[f"nps_store_{q}"] = signed(nps([x.nps for x in shoppers if x.channel == survey.IN_STORE]))
        for name in ("webshop", "delivery", "staff"):
            s[f"{name}_{q}"] = item(name)
        s[f"wait_riga_{q}"] = item("checkout_wait", lambda x: x.store in survey.RIGA)
        s[f"wait_other_{q}"] = item("checkout_wait", lambda x: x.store not in survey.RIGA)
        s[f"availability_regional_{q}"] = item("availability", lambda x: x.store in REGIONAL)
        s[f"availability_other_{q}"] = item(
            "availability", lambda x: x.store not in REGIONAL and x.items["availability"]
        )
    # The sentence depends on where the latest NPS landed against the +30 target.
    if nps([x.nps for x in waves["2026-q3"]]) >= 30:
        s["target_q3"] = "Mērķis (+30) ir sasniegts."
    else:
        s["target_q3"] = "Tomēr mērķis (+30) vēl nav sasniegts."
    return s


def build(root: Path) -> list[Path]:
    writer = Writer(root / SLUG)
    waves = survey.write(writer)
    sus = baltic_usability.write(writer)
    s = figures(waves, sus)
    writer.yaml("engagement.yaml", engagement_yaml(s))
    writer.yaml("interactions.yaml", INTERACTIONS)
    for name, content in {**narratives(s), **talk_tracks("lv")}.items():
        writer.text(f"narrative/{name}", content)
    writer.text("assets/logo.svg", logos.BALTIC_HOME)
    return writer.written
