"""Nothing is cut, nothing is dropped: the stress client (a 70-character name, a 130-character
title, a 250-character recommendation, 15 recommendations across six teams, one wave) and the
demo decks, read in the built PDFs."""

from __future__ import annotations

import pytest
import yaml
from conftest import LANGUAGES
from deck_helpers import (
    ALL_CLIENTS,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    glyphs,
    page_texts,
    squeeze,
    team_blocks,
)
from stress_helpers import STRESS

MARGIN_BAND = 12.0


def stress_yaml(built) -> dict:
    path = built.root / "engagements" / STRESS / "engagement.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_no_demo_deck_cuts_text_with_an_ellipsis(built, client):
    cut = [number for number, text in enumerate(page_texts(built.decks[client]), 1) if "…" in text]
    assert cut == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_stress_slide_cuts_text_with_an_ellipsis(stress, language):
    texts = page_texts(stress[language].decks[STRESS])
    assert [number for number, text in enumerate(texts, 1) if "…" in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_title_the_yaml_holds_is_in_the_stress_deck_in_full(stress, language):
    spec = stress_yaml(stress[language])
    text = squeeze(" ".join(page_texts(stress[language].decks[STRESS])))
    wanted = [spec["client"]["name"], spec["engagement"]["title"]]
    # A finding's title may take its figure before its full stop: "… bedded in (3.6)."
    wanted += [finding["title"].rstrip(".") for finding in spec["findings"]]
    wanted += [r["title"] for r in spec["recommendations"]]
    wanted += [r["kpi"] for r in spec["recommendations"]]
    assert len(spec["recommendations"]) == 15
    assert [title for title in wanted if squeeze(title) not in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_of_the_stress_deck_stays_inside_its_slide(stress, language):
    outside = [
        (page, char)
        for page, char, box, *_ in glyphs(stress[language].decks[STRESS])
        if box[0] < MARGIN_BAND
        or box[1] < MARGIN_BAND
        or box[2] > SLIDE_WIDTH - MARGIN_BAND
        or box[3] > SLIDE_HEIGHT - MARGIN_BAND
    ]
    assert outside == []


def items_on(slide) -> int:
    """Count what a continued slide lists: recommendations, matrix entries, cards, rows."""
    data = slide.data
    if slide.kind == "audience":
        return sum(len(block["rows"]) for block in team_blocks(slide))
    if slide.kind == "matrix":
        return sum(len(cell["entries"]) for row in data["rows"] for cell in row["cells"])
    if slide.kind == "roadmap":
        return sum(len(column["cards"]) for column in data["columns"])
    if slide.kind == "success":
        return len(data["targets"]) + len(data["kpis"])
    return len(data.get("rows") or data.get("entries") or data.get("facts") or []) or 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_continuations_are_balanced_and_never_hold_a_lone_item(stress, language):
    slides = stress[language].contexts[STRESS]["slides"]
    runs: dict[tuple[str, str], list] = {}
    for slide in slides:
        if slide.parts > 1:
            runs.setdefault((slide.kind, slide.headline.rsplit(" (", 1)[0]), []).append(slide)
    assert runs  # fifteen recommendations do not fit one slide of each kind
    for (kind, _), run in runs.items():
        counts = [items_on(slide) for slide in run]
        assert min(counts) >= 2, (kind, counts)
        assert max(counts) - min(counts) <= max(2, max(counts) // 2), (kind, counts)
