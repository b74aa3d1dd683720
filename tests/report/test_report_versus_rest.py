"""The report's segment tables mark a group that differs from the rest, and give n and interval."""

from __future__ import annotations

import json
import random

from pypdf import PdfReader
from workspace_helpers import ENGAGEMENT_YAML

WAVE = """\
measures:
  segments: {store: Store}
waves:
  - id: w1
    name: Wave 1
    fielded: {start: 2026-07-01, end: 2026-07-30}
    sources:
      - file: data/w1.csv
        columns: {respondent_id: id, nps: nps, csat: csat, segments: {store: store}}
"""


def _export() -> str:
    rng = random.Random(3)
    lines = ["id,store,nps,csat"]
    for i in range(300):
        store = ["Riga", "Tartu", "Vilnius"][i % 3]
        nps = rng.randint(8, 10) if store == "Riga" else rng.randint(0, 10)
        lines.append(f"{i},{store},{nps},{rng.randint(1, 5)}")
    return "\n".join(lines) + "\n"


def test_a_group_that_differs_from_the_rest_is_marked_with_its_key(make_workspace, rapport):
    root = make_workspace(
        {"engagements/acme/data/w1.csv": _export()}, engagement=ENGAGEMENT_YAML + WAVE
    )
    stats = rapport("stats", "acme", "--json", workspace=root)
    groups = json.loads(stats.stdout)["waves"][-1]["segments"][0]["groups"]
    riga = next(g for g in groups if g["values"] == ["Riga"])["versus_rest"]["nps"]
    assert riga["verdict"] == "higher" and riga["correction"] == "Holm"

    built = rapport("build", "acme", "--only", "report", workspace=root)
    assert built.exit_code == 0, built.output
    pages = PdfReader(root / "output/acme/acme-assessment-w1.pdf").pages
    text = next(p.extract_text() for p in pages if "How the scores differ" in p.extract_text())
    assert "▲ ▼ higher or lower than the rest of the respondents" in text
    assert "Holm-corrected" in text
    assert text.count("▲") == 2  # the key and Riga's NPS
    assert text.count("n 100") == 6  # every group's score has its n (3 groups × NPS, CSAT)
