"""`rapport stats` on the demo clients: the numbers match a count made here from the raw exports."""

from __future__ import annotations

import csv
import json
import math
import statistics

import yaml
from workspace_helpers import REPO

NORTHWIND_Q3 = "Northwind relationship pulse Q3 2026_September 21, 2026_16.22.csv"


def northwind_q3_rows():
    path = REPO / "engagements/northwind-logistics/data" / NORTHWIND_Q3
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))[2:]  # question text and ImportId rows
    # The engagement drops preview runs (Status 1) and keeps finished responses only.
    return [r for r in rows if r["Status"] != "1" and r["Finished"] == "1"]


def test_stats_json_matches_a_count_from_the_raw_export(rapport):
    result = rapport("stats", "northwind-logistics", "--json", workspace=REPO)
    assert result.exit_code == 0, result.output
    wave = json.loads(result.stdout)["waves"][-1]
    assert wave["id"] == "2026-q3"

    rows = northwind_q3_rows()
    scores = [int(r["Q1"]) for r in rows if r["Q1"].strip()]
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    nps = wave["metrics"]["nps"]
    assert (nps["n"], nps["promoters"], nps["detractors"]) == (len(scores), promoters, detractors)
    assert math.isclose(nps["value"], 100 * (promoters - detractors) / len(scores))

    satisfied = [int(r["Q3"]) for r in rows if r["Q3"].strip()]
    csat = wave["metrics"]["csat"]
    assert csat["n"] == len(satisfied)
    assert math.isclose(csat["value"], sum(s >= 4 for s in satisfied) / len(satisfied))
    assert wave["response_rate"]["responses"] == len(rows)


def test_stats_table_prints_the_same_headline(rapport):
    rows = northwind_q3_rows()
    scores = [int(r["Q1"]) for r in rows if r["Q1"].strip()]
    nps = 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)
    result = rapport("stats", "northwind-logistics", workspace=REPO)
    assert result.exit_code == 0
    nps_line = next(line for line in result.stdout.splitlines() if line.startswith("NPS "))
    assert nps_line.split()[1:2] == [f"{nps:+.0f}"]
    assert f"{len(scores)}" in nps_line.split()


def test_stats_of_an_earlier_wave_and_an_unknown_wave(rapport):
    earlier = rapport("stats", "kyiv-pharma", "--wave", "2026-q2", "--json", workspace=REPO)
    assert earlier.exit_code == 0
    assert json.loads(earlier.stdout)["current_wave"] == "2026-q2"
    unknown = rapport("stats", "kyiv-pharma", "--wave", "2031-q1", workspace=REPO)
    assert unknown.exit_code == 1
    assert "2031-q1" in unknown.stderr and "Traceback" not in unknown.output


def test_kyiv_ces_and_csat_match_the_limesurvey_export(rapport):
    engagement = yaml.safe_load((REPO / "engagements/kyiv-pharma/engagement.yaml").read_text())
    (source,) = engagement["waves"][-1]["sources"]
    points = source["labels"]  # the consultant's own mapping of the effort answers
    path = REPO / "engagements/kyiv-pharma" / source["file"]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["lastpage"] == "3"]
    effort = [points[r["CES"]] for r in rows if r["CES"]]
    satisfied = [int(r["CSAT"]) for r in rows if r["CSAT"]]

    result = rapport("stats", "kyiv-pharma", "--json", workspace=REPO)
    metrics = json.loads(result.stdout)["waves"][-1]["metrics"]
    assert metrics["ces"]["n"] == len(effort)
    assert math.isclose(metrics["ces"]["value"], statistics.fmean(effort))
    assert math.isclose(metrics["ces"]["share"]["value"], sum(e >= 5 for e in effort) / len(effort))
    assert metrics["csat"]["n"] == len(satisfied)
    assert math.isclose(metrics["csat"]["value"], sum(s >= 4 for s in satisfied) / len(satisfied))
