"""A target reads the same in the assessment and the deck: "Target +30: met (within the margin
of error)" on both, not the qualifier in one and a bare "met" in the other."""

from __future__ import annotations

import re

import pytest
from report_helpers import LANGUAGES, page_texts
from workspace_helpers import build_with_warnings, copy_demo

TARGET = {"en": "Target", "lv": "Mērķis", "uk": "Ціль"}
VERDICT = {"en": "met|not met", "lv": "sasniegts|nav sasniegts", "uk": "досягнуто|не досягнуто"}


def nps_targets(path, language: str) -> set[str]:
    """Return each NPS target sentence (the one signed target value) with its qualifier."""
    text = " ".join(" ".join(page_texts(path)).split())
    pattern = rf"{TARGET[language]} [+−]?\d+: (?:{VERDICT[language]})(?: \([^)]*\))?"
    return {found for found in re.findall(pattern, text) if re.search(r" [+−]", found[:12])}


@pytest.mark.parametrize("client", ("northwind-logistics", "baltic-home"))  # NPS targets
def test_targets_read_the_same_in_report_and_deck(tmp_path, client):
    from generator.build import BuildOptions

    root = copy_demo(tmp_path, (client,))
    build_with_warnings(root, BuildOptions(kinds=("report", "deck")))
    language = LANGUAGES[client]
    out = root / "output" / client
    (report,) = out.glob(f"{client}-assessment-*.pdf")
    (deck,) = [p for p in out.glob(f"{client}-deck-*.pdf") if "notes" not in p.name]
    assert nps_targets(deck, language) == nps_targets(report, language)
