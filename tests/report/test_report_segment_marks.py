"""The segment tables flag a small sample as the rest of the report does, and explain their
hidden-cell mark on the table that shows it."""

from __future__ import annotations

import re

import pytest
from report_helpers import LANGUAGES, page_texts
from workspace_helpers import DEMO_CLIENTS

SMALL_SAMPLE = 30  # rapport.yaml's default, which the demo keeps
FLAG = {"en": "small sample", "lv": "maza izlase", "uk": "мала вибірка"}
HIDDEN = r"—\s*\*"  # a hidden cell: a dash and the mark, on one line or two
# Only the segment tables print a score's n as "n 26" (elsewhere it is "n = 26").


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_group_under_30_is_flagged_as_a_small_sample(demo_reports, client):
    _, reports, _ = demo_reports
    flag = FLAG[LANGUAGES[client]]
    shown, unflagged = 0, []
    for text in page_texts(reports[client]):
        for match in re.finditer(r"(?<!\w)n (\d+)(.{0,40})", text, re.S):
            if int(match.group(1)) < SMALL_SAMPLE:
                shown += 1
                if flag not in " ".join(match.group(2).split()):
                    unflagged.append(match.group(0))
    assert unflagged == []
    if client != "kyiv-pharma":
        assert shown, "the demo shows small groups in its segment tables"


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_hidden_mark_is_explained_on_its_page(demo_reports, client):
    """A table's key stands at its foot on every page it covers, so a page may carry the key
    of a table whose hidden cells are on the next; a report with no mark carries no key."""
    _, reports, _ = demo_reports
    pages = page_texts(reports[client])
    marked = [re.search(HIDDEN, text) is not None for text in pages]
    # The key: the mark, then a sentence (longer than any row label) on its line or the next.
    explained = [
        re.search(r"^\*[ \n]*[^\W\d_][^\n]{50,}", text, re.M) is not None for text in pages
    ]
    pairs = enumerate(zip(marked, explained, strict=True), start=1)
    assert [number for number, (mark, key) in pairs if mark and not key] == []
    assert any(marked) or not any(explained)
