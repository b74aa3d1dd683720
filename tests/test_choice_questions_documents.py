"""Choice questions reach every document: stats, the workbook and the report's results."""

from __future__ import annotations

import csv
import json
import shutil

import openpyxl
import pytest
from pypdf import PdfReader
from workspace_helpers import REALDATA

STAR_WARS = REALDATA / "surveymonkey_538_StarWars.csv"
ENGAGEMENT = """\
client:
  name: Lucas Fans
engagement:
  title: Film survey
  period: {start: 2014-06-01, end: 2014-06-30}
  report_date: 2014-07-01
measures:
  choices: {shot_first: Who shot first, seen: Films seen}
waves:
  - id: w1
    name: June 2014
    fielded: {start: 2014-06-03, end: 2014-06-06}
    sources:
      - file: data/sw.csv
        columns:
          respondent_id: RespondentID
          choices: {shot_first: "Which character shot first?"}
          multi:
            seen: {columns: ["Which of the following Star Wars films*"]}
"""


@pytest.fixture
def star_wars(make_workspace):
    if not STAR_WARS.is_file():
        pytest.skip(f"the shared real survey exports are absent ({STAR_WARS})")
    root = make_workspace(engagement=ENGAGEMENT)
    (root / "engagements/acme/data").mkdir(parents=True)
    shutil.copy(STAR_WARS, root / "engagements/acme/data/sw.csv")
    with STAR_WARS.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle))
    return root, rows


def test_stats_prints_each_answer_share_with_its_interval_and_base(star_wars, rapport):
    root, rows = star_wars
    result = rapport("stats", "acme", workspace=root)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    han = sum(1 for r in rows[2:] if r[29] == "Han")
    answered = sum(1 for r in rows[2:] if r[29])
    assert any(line.startswith(f"Who shot first (n = {answered})") for line in lines)
    han_line = next(line for line in lines if line.split()[:1] == ["Han"] and "%" in line)
    assert han_line.split()[-1] == str(han) and f"{round(100 * han / answered)}%" in han_line
    assert any(
        line.startswith("Films seen (n = 835 who answered; several answers allowed)")
        for line in lines
    )
    data = json.loads(rapport("stats", "acme", "--json", workspace=root).stdout)
    seen = data["waves"][-1]["choices"]["seen"]
    assert (seen["kind"], seen["base"], seen["n"]) == ("multi", "answered", 835)


def test_the_workbook_and_the_report_show_the_answers(star_wars, rapport):
    root, _ = star_wars
    built = rapport("build", "acme", "--only", "report", "--only", "data", workspace=root)
    assert built.exit_code == 0, built.output
    workbook = openpyxl.load_workbook(root / "output/acme/acme-data-w1.xlsx")
    sheet = workbook["Choice questions"]
    rows = [row for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ("Question", "Answer", "Share")
    empire = next(r for r in rows if r[1] == "Star Wars: Episode V The Empire Strikes Back")
    assert (empire[0], empire[5], empire[6]) == ("Films seen", 758, 835)
    assert empire[2] == pytest.approx(758 / 835)

    text = " ".join(
        p.extract_text() for p in PdfReader(root / "output/acme/acme-assessment-w1.pdf").pages
    )
    assert "Answers to the choice questions" in text
    assert "Star Wars: Episode V The Empire Strikes Back 91%" in text
    assert "shares of the 835 respondents who chose at least one" in text
