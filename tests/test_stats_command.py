"""`rapport stats` on the demo clients: the numbers match a count made here from the raw exports."""

from __future__ import annotations

import csv
import json
import math
import re
import statistics

import openpyxl
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
    assert unknown.exit_code == 2  # a usage error: the wave does not exist
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


BALTIC = REPO / "engagements/baltic-home"


def baltic_wave(wave_id):
    """The wave's declaration in engagement.yaml: its sources, column mapping and labels."""
    engagement = yaml.safe_load((BALTIC / "engagement.yaml").read_text(encoding="utf-8"))
    return next(wave for wave in engagement["waves"] if wave["id"] == wave_id)


def score(raw, labels):
    """A cell as the consultant's mapping scores it: a number, a labelled point, or None."""
    if raw is None or str(raw).strip() == "":
        return None
    if isinstance(raw, str) and raw.strip() in labels:
        point = labels[raw.strip()]
        return None if point == "n/a" else point
    return int(raw)


def surveymonkey_rows(source):
    """Data rows of a SurveyMonkey .xlsx keyed by 'Question' or 'Question / Sub-question'.

    SurveyMonkey writes two header rows: the question, and under it each matrix row's label
    (the question cell is left empty over the matrix's later columns).
    """
    sheet = openpyxl.load_workbook(BALTIC / source["file"], read_only=True)[source["sheet"]]
    questions, subs, *data = sheet.iter_rows(values_only=True)
    names, question = [], None
    for asked, sub in zip(questions, subs, strict=True):
        question = asked or question
        matrix = asked is None or (sub not in (None, "Response", "Open-Ended Response"))
        names.append(f"{question} / {sub}" if matrix and sub else question)
    return [dict(zip(names, row, strict=True)) for row in data]


def plain_csv_rows(source):
    with (BALTIC / source["file"]).open(encoding=source["encoding"], newline="") as handle:
        return list(csv.DictReader(handle, delimiter=source["delimiter"]))


def baltic_q3():
    """Every Q3 response from both exports, as (nps, csat, staff rating)."""
    survey, tablets = baltic_wave("2026-q3")["sources"]
    labels = survey["labels"]
    columns = survey["columns"]
    responses = [
        (
            score(row[columns["nps"]], labels),
            score(row[columns["csat"]], labels),
            score(row[columns["items"]["staff"]], labels),
        )
        for row in surveymonkey_rows(survey)
    ]
    columns = tablets["columns"]
    responses += [
        (score(row[columns["nps"]], {}), score(row[columns["csat"]], {}), None)
        for row in plain_csv_rows(tablets)
    ]
    return responses


def nps_of(scores):
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    return promoters, detractors, 100 * (promoters - detractors) / len(scores)


def baltic_q2_nps():
    (source,) = baltic_wave("2026-q2")["sources"]
    sheet = openpyxl.load_workbook(BALTIC / source["file"], read_only=True)[source["sheet"]]
    header, *data = sheet.iter_rows(values_only=True)
    column = header.index(source["columns"]["nps"])
    scores = [row[column] for row in data if row[column] is not None]
    return len(scores), *nps_of(scores)


def test_baltic_q3_matches_a_count_from_the_surveymonkey_and_tablet_exports(rapport):
    responses = baltic_q3()
    nps_scores = [nps for nps, _, _ in responses if nps is not None]
    promoters, detractors, nps = nps_of(nps_scores)
    satisfied = [csat for _, csat, _ in responses if csat is not None]
    top_two = sum(s >= 4 for s in satisfied) / len(satisfied)
    staff = [rating for _, _, rating in responses if rating is not None]

    result = rapport("stats", "baltic-home", "--json", workspace=REPO)
    assert result.exit_code == 0, result.output
    wave = json.loads(result.stdout)["waves"][-1]
    assert wave["id"] == "2026-q3"
    metrics = wave["metrics"]
    assert wave["response_rate"]["responses"] == metrics["respondents"] == len(responses)
    assert (metrics["nps"]["n"], metrics["nps"]["promoters"], metrics["nps"]["detractors"]) == (
        len(nps_scores),
        promoters,
        detractors,
    )
    assert math.isclose(metrics["nps"]["value"], nps)
    assert (metrics["csat"]["n"], metrics["csat"]["count"]) == (
        len(satisfied),
        sum(s >= 4 for s in satisfied),
    )
    assert math.isclose(metrics["csat"]["value"], top_two)
    assert metrics["items"]["staff"]["n"] == len(staff)
    assert math.isclose(metrics["items"]["staff"]["value"], statistics.fmean(staff))

    table = rapport("stats", "baltic-home", workspace=REPO).stdout
    _, _, _, q2_nps = baltic_q2_nps()
    value, _, n, change, _ = table_row(table, "NPS")
    assert (value, n) == (f"{nps:+.0f}", str(len(nps_scores)))
    assert change == f"{nps - q2_nps:+.0f}".replace("-", "−")
    value, _, n, _, _ = table_row(table, "CSAT (top-2-box)")
    assert (value, n) == (f"{top_two * 100:.0f}%", str(len(satisfied)))
    value, _, n, _, _ = table_row(table, "Personāla laipnība un kompetence")
    assert (value, n) == (f"{statistics.fmean(staff):.2f}", str(len(staff)))
    assert table_row(table, "Response rate")[1] == f"{len(responses)} of 16410"


def table_row(table, label):
    """The fields after ``label`` in its row of the stats table (columns are 2+ spaces apart)."""
    row = next(line for line in table.splitlines() if line.strip().startswith(label + "  "))
    return re.split(r"\s{2,}", row.strip())[1:]


def test_baltic_q2_nps_matches_the_google_forms_export(rapport):
    n, promoters, detractors, nps = baltic_q2_nps()

    result = rapport("stats", "baltic-home", "--wave", "2026-q2", "--json", workspace=REPO)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["current_wave"] == "2026-q2"
    metrics = found["waves"][-1]["metrics"]["nps"]
    assert (metrics["n"], metrics["promoters"], metrics["detractors"]) == (n, promoters, detractors)
    assert math.isclose(metrics["value"], nps)

    table = rapport("stats", "baltic-home", "--wave", "2026-q2", workspace=REPO).stdout
    nps_line = next(row for row in table.splitlines() if row.startswith("NPS "))
    assert nps_line.split()[1:2] == [f"{nps:+.0f}"]
    assert str(n) in nps_line.split()
