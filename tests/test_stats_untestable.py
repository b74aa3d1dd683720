"""Waves the tests cannot compare: every command says "not enough data to test", no traceback."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from workspace_helpers import ENGAGEMENT_YAML

WAVES = """\
waves:
  - id: w1
    name: Wave 1
    fielded: {start: 2026-04-01, end: 2026-04-30}
    sources:
      - file: data/w1.csv
        columns: {respondent_id: id, nps: nps, csat: csat}
  - id: w2
    name: Wave 2
    fielded: {start: 2026-07-01, end: 2026-07-30}
    sources:
      - file: data/w2.csv
        columns: {respondent_id: id, nps: nps, csat: csat}
"""


def _csv(rows: list[tuple[int, int]]) -> str:
    return "id,nps,csat\n" + "".join(f"{i},{n},{c}\n" for i, (n, c) in enumerate(rows))


def _workspace(make_workspace, first, second, threshold=2):
    return make_workspace(
        {
            "rapport.yaml": (
                f"consultant:\n  name: T\ndefaults:\n  anonymity_threshold: {threshold}\n"
            ),
            "engagements/acme/data/w1.csv": _csv(first),
            "engagements/acme/data/w2.csv": _csv(second),
        },
        engagement=ENGAGEMENT_YAML + WAVES,
    )


def _table_line(output: str, metric: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(metric))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ([(9, 5)] * 2, [(3, 2)] * 2),  # as few answers as may be shown, each wave unanimous
        ([(9, 5)] * 40, [(9, 5)] * 40),  # everyone gave the same answer in both waves
    ],
    ids=["two-unanimous-answers-per-wave", "same-answer-everywhere"],
)
def test_stats_says_a_change_cannot_be_tested(make_workspace, rapport, first, second):
    root = _workspace(make_workspace, first, second)
    result = rapport("stats", "acme", workspace=root)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert _table_line(result.stdout, "NPS").endswith("not enough data to test")
    assert _table_line(result.stdout, "CSAT (top-2-box)").endswith("not enough data to test")
    footnote = "* n < 30: a small sample; read with care."
    assert (footnote in result.stdout) == (len(second) < 30)

    data = json.loads(rapport("stats", "acme", "--json", workspace=root).stdout)
    change = data["waves"][-1]["change"]["metrics"]["nps"]
    assert (change["p_value"], change["verdict"]) == (None, "not enough data to test")


def test_an_nps_change_with_no_spread_on_either_side_is_not_called_up(make_workspace, rapport):
    root = _workspace(make_workspace, [(3, 2)] * 40, [(10, 5)] * 40)
    result = rapport("stats", "acme", workspace=root)
    assert result.exit_code == 0
    line = _table_line(result.stdout, "NPS")
    assert "+200  not enough data to test" in line and "up" not in line
    assert "n < 30" not in result.stdout  # nothing it would mark is shown


def test_status_and_the_documents_say_it_too(make_workspace, rapport):
    root = _workspace(make_workspace, [(3, 2)] * 40, [(10, 5)] * 40)
    status = rapport("status", "--today", "2026-10-20", workspace=root)
    assert status.exit_code == 0
    assert "NPS +100 (+200, not enough data to test)" in status.stdout

    built = rapport("build", "acme", workspace=root)
    assert built.exit_code == 0, built.output
    report = root / "output/acme/acme-assessment-w2.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(report).pages)
    summary = text[text.index("NET PROMOTER SCORE") :]
    nps_tile = summary[: summary.index("CUSTOMER SATISFACTION")]
    assert "Not enough data to test" in nps_tile and "Significant" not in nps_tile
    assert "Significant rise (p < 0.001)" in summary  # CSAT from 0% to 100% of 40 is tested
    deck = root / "output/acme/acme-deck-w2.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(deck).pages)
    assert "Net Promoter Score at +100: not enough data to test the change" in text
