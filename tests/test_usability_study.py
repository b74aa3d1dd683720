"""A usability study without a survey builds: SUS with its median, each participant's score.

The SUS scores are computed here with Brooke's formula from the raw answers of 36 real judges
(shared/realdata's SIDABI study), not with the code under test.
"""

from __future__ import annotations

import csv
import shutil
import statistics

import openpyxl
import pytest
from pypdf import PdfReader
from workspace_helpers import REALDATA

SUS_FILE = REALDATA / "sus_folador_usability-db-en.csv"
ENGAGEMENT = """\
client:
  name: SIDABI
engagement:
  title: Usability assessment
  period: {start: 2020-01-01, end: 2020-03-31}
  report_date: 2020-04-15
usability_tests:
  - id: sidabi
    title: SIDABI library system
    date: 2020-02-10
    sus:
      file: data/sus.csv
      columns:
        respondent_id: evaluator
        sus: ["#5", "#6", "#7", "#8", "#9", "#10", "#11", "#12", "#13", "#14"]
"""


def _brooke(rows) -> list[float]:
    scores = []
    for row in rows:
        answers = [int(a) for a in row[4:14]]
        odd = sum(a - 1 for a in answers[0::2])
        even = sum(5 - a for a in answers[1::2])
        scores.append(2.5 * (odd + even))
    return scores


@pytest.fixture
def study(make_workspace):
    if not SUS_FILE.is_file():
        pytest.skip(f"the shared real survey exports are absent ({SUS_FILE})")
    root = make_workspace(engagement=ENGAGEMENT)
    (root / "engagements/acme/data").mkdir(parents=True)
    shutil.copy(SUS_FILE, root / "engagements/acme/data/sus.csv")
    with SUS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";") if row][1:]
    return root, rows


def test_a_usability_study_without_a_survey_builds(study, rapport):
    root, rows = study
    scores = _brooke(rows)
    assert rapport("validate", "acme", workspace=root).exit_code == 0

    stats = rapport("stats", "acme", workspace=root)
    assert stats.exit_code == 0, stats.output
    line = next(line for line in stats.stdout.splitlines() if line.startswith("SUS"))
    assert f"{statistics.fmean(scores):.1f} (" in line
    assert f"median {statistics.median(scores):.1f}" in line

    built = rapport("build", "acme", workspace=root)
    assert built.exit_code == 0, built.output
    report = root / "output/acme/acme-assessment-sidabi.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "SYSTEM USABILITY SCALE (SUS)" in text and "SIDABI library system" in text
    assert (root / "output/acme/acme-deck-sidabi.pdf").is_file()

    sheet = openpyxl.load_workbook(root / "output/acme/acme-data-sidabi.xlsx")["SUS by participant"]
    found = list(sheet.iter_rows(values_only=True))[1:]
    by_participant = {r[1]: r[2] for r in found}
    assert [by_participant[row[0]] for row in rows] == pytest.approx(scores)
    assert by_participant["Median"] == pytest.approx(statistics.median(scores))
    assert by_participant["Mean"] == pytest.approx(statistics.fmean(scores))
