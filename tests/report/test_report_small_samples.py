"""The anonymity minimum holds for the whole sample and each item's n, not only for segments.

An aspect that two Northwind respondents rated in Q3 is printed nowhere with a number (no mean,
no interval, no n), and the report says it was left out; a wave under the minimum is refused
with a located line, not rendered as a document of dashes.
"""

from __future__ import annotations

import json
import re

import pytest
from report_helpers import page_texts
from workspace_helpers import copy_demo, edit_export

CLIENT = "northwind-logistics"
EXPORTS = {
    "2026-q2": "Northwind relationship pulse Q2 2026_June 15, 2026_10.07.csv",
    "2026-q3": "Northwind relationship pulse Q3 2026_September 21, 2026_16.22.csv",
}
ITEM_COLUMN, ITEM_LABEL = "Q2_6", "Understanding of our business"
HEADER_ROWS = 3  # Qualtrics: column names, question texts, import ids


def _analysed(rows: list[list[str]], row: list[str]) -> bool:
    """Whether the engagement's filters keep this row (no preview, finished)."""
    header = rows[0]
    return row[header.index("Status")] != "1" and row[header.index("Finished")] == "1"


def _export(root, wave: str):
    return root / "engagements" / CLIENT / "data" / EXPORTS[wave]


def keep_ratings(root, wave: str, column: str, count: int) -> None:
    """Leave ``count`` answers in ``column`` of the wave's export, 'not applicable' elsewhere."""

    def change(rows):
        kept = 0
        index = rows[0].index(column)
        for row in rows[HEADER_ROWS:]:
            if _analysed(rows, row) and row[index] not in ("", "-99"):
                kept += 1
                if kept > count:
                    row[index] = "-99"
        return rows

    edit_export(_export(root, wave), change)


def keep_responses(root, wave: str, count: int) -> None:
    """Leave ``count`` analysed responses in the wave's export."""

    def change(rows):
        analysed = [row for row in rows[HEADER_ROWS:] if _analysed(rows, row)]
        return rows[:HEADER_ROWS] + analysed[:count]

    edit_export(_export(root, wave), change)


@pytest.fixture(scope="module")
def two_ratings(tmp_path_factory):
    """Northwind built with only two Q3 ratings of one aspect: {file name: its text}."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("small"))
    keep_ratings(root, "2026-q3", ITEM_COLUMN, 2)
    build(root, [CLIENT], BuildOptions(notes=True))
    folder = root / "output" / CLIENT
    return {pdf.name: " ".join(page_texts(pdf)) for pdf in sorted(folder.glob("*.pdf"))}


@pytest.mark.slow
def test_an_aspect_rated_by_two_is_printed_with_no_number(two_ratings):
    assert len(two_ratings) == 3  # the report, the deck and its handout
    for name, text in two_ratings.items():
        flat = re.sub(r"\s+", " ", text)
        after = [flat[m.end() : m.end() + 12] for m in re.finditer(ITEM_LABEL, flat)]
        # Only findings name it as evidence ("Survey aspect: …"), followed by words.
        numbered = [rest for rest in after if re.match(r"\s*(?:[\d−–-]|n =|few pairs)", rest)]
        assert numbered == [], name


@pytest.mark.slow
def test_the_report_says_which_aspect_was_left_out_and_why(two_ratings):
    (report,) = [text for name, text in two_ratings.items() if "-assessment-" in name]
    flat = re.sub(r"\s+", " ", report)
    assert f"Not shown, as fewer than 5 respondents rated it: {ITEM_LABEL}." in flat
    assert (
        "The same holds for the whole sample: a score or aspect that fewer than 5 respondents "
        "answered is not shown." in flat
    )


def wave_line(root, wave: str) -> int:
    """The line of the wave's id in Northwind's engagement.yaml."""
    text = (root / "engagements" / CLIENT / "engagement.yaml").read_text(encoding="utf-8")
    return text[: text.index(f"  - id: {wave}\n")].count("\n") + 1


def test_a_wave_under_the_minimum_is_refused_at_its_place(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws")
    keep_responses(root, "2026-q3", 3)
    line = wave_line(root, "2026-q3")
    problem = (
        f"engagements/northwind-logistics/engagement.yaml:{line}:9: wave 2026-q3 has 3 responses, "
        "fewer than the anonymity minimum of 5 (defaults.anonymity_threshold in rapport.yaml): "
        "none of its results can be shown; build an earlier wave with --wave 2026-q2"
    )
    checked = rapport("validate", CLIENT, workspace=root)
    assert (checked.exit_code, checked.stderr) == (1, problem + "\n1 error.\n")
    built = rapport("build", CLIENT, workspace=root)
    assert (built.exit_code, built.stderr) == (1, problem + "\n1 error.\n")
    assert not (root / "output" / CLIENT).exists()
    earlier = rapport("stats", CLIENT, "--wave", "2026-q2", workspace=root)
    assert earlier.exit_code == 0, earlier.output


def test_an_earlier_wave_under_the_minimum_is_left_out_of_the_comparison(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws")
    keep_responses(root, "2026-q2", 4)
    checked = rapport("validate", CLIENT, workspace=root)
    assert checked.exit_code == 0
    assert (
        f"engagements/northwind-logistics/engagement.yaml:{wave_line(root, '2026-q2')}:9: "
        "warning: wave 2026-q2 has 4 "
        "responses, fewer than the anonymity minimum of 5 (defaults.anonymity_threshold in "
        "rapport.yaml): it is left out of the comparisons"
    ) in checked.stderr.splitlines()
    result = rapport("stats", CLIENT, "--json", workspace=root)
    analysis = json.loads(result.stdout)
    assert [w["id"] for w in analysis["waves"]] == ["2026-q1", "2026-q3"]
    assert analysis["waves"][-1]["change"]["previous_wave"] == "2026-q1"
