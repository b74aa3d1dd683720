"""The built decks: slide size, one page per planned slide, what each slide must show."""

from __future__ import annotations

import re

import pytest
from deck_helpers import (
    ALL_CLIENTS,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    page_texts,
    planned_decks,
    squeeze,
    strip_to_survey,
    team_blocks,
    team_slide_count,
)
from pypdf import PdfReader
from workspace_helpers import DEMO_CLIENTS, copy_demo

from generator.render.context import AUDIENCES
from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations


def test_the_build_logs_no_warning(built):
    assert [r.getMessage() for r in built.warnings] == []
    assert sorted(built.decks) == sorted(ALL_CLIENTS)
    assert sorted(built.handouts) == sorted(ALL_CLIENTS)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_page_is_a_960_by_540_slide(built, client):
    for page in PdfReader(built.decks[client]).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (SLIDE_WIDTH, SLIDE_HEIGHT), abs=0.01
        )


def expected_slides(context: dict) -> int:
    """Count the slides a small engagement needs, one per section, from the data alone."""
    wave = context["wave"]
    themes = ((wave.get("themes") or {}).get("overall") or {}).get("themes") or []
    has_recommendations = bool(context["recommendations"])
    measured = any(t.get("target") for t in context["kpis"]) or any(
        r.get("kpi") for r in context["recommendations"]
    )
    relationship = context["relationship"]
    backup = has_recommendations + measured + bool(context["previous_recommendations"])
    body = sum(
        (
            bool(backup),  # the divider before the roadmap, measures and earlier waves
            1,  # headline numbers
            bool(wave.get("change") and context["previous_wave"]),
            any(t["count"] for t in themes),
            len(context["findings"]),
            has_recommendations,  # priority matrix
            team_slide_count(context, context["language"]),
            backup,
            bool(relationship.get("status") and relationship.get("timeline")),
            1,  # next steps and contact
        )
    )
    opening = 1 + bool(context["key_messages"] or context["findings"])  # title, summary
    return opening + body + (opening + body + 1 >= 20)  # an agenda in a long deck


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_demo_deck_has_one_slide_per_section_and_finding(built, client):
    pages = len(PdfReader(built.decks[client]).pages)
    assert pages == expected_slides(built.contexts[client])


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_each_planned_slide_is_one_page_showing_its_headline(built, client):
    slides = built.contexts[client]["slides"]
    texts = page_texts(built.decks[client])
    assert len(texts) == len(slides)
    for slide, text in zip(slides, texts, strict=True):
        headline = slide.data["title"] if slide.kind == "title" else slide.headline
        assert squeeze(headline) in squeeze(text), slide.number


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_recommendation_is_placed_on_the_priority_matrix(built, client):
    context = built.contexts[client]
    texts = page_texts(built.decks[client])
    matrix = " ".join(texts[s.number - 1] for s in context["slides"] if s.kind == "matrix")
    for recommendation in context["recommendations"]:
        assert re.search(rf"\b{re.escape(recommendation['id'])}\b", matrix), recommendation["id"]


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_recommendation_is_on_each_of_its_teams_slides(built, client):
    context = built.contexts[client]
    texts = page_texts(built.decks[client])
    by_team: dict[str, str] = {}
    for slide in context["slides"]:
        for block in team_blocks(slide):
            team = block["audience"]
            by_team[team] = by_team.get(team, "") + " " + texts[slide.number - 1]
            if len(team_blocks(slide)) > 1:  # teams sharing a slide each have a title
                assert squeeze(block["name"].upper()) in squeeze(texts[slide.number - 1].upper())
    assert sorted(by_team) == sorted(
        a for a in AUDIENCES if context["recommendations_by_audience"].get(a)
    )
    for recommendation in context["recommendations"]:
        for team in recommendation["audience"]:
            assert re.search(rf"\b{re.escape(recommendation['id'])}\b", by_team[team]), (
                recommendation["id"],
                team,
            )


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_p_values_are_left_to_the_speaker_notes(built, client):
    p_value = re.compile(r"\bp\s*[<=]\s*0")
    deck = " ".join(page_texts(built.decks[client])).replace("\u00a0", " ")
    assert not p_value.search(deck)
    handout = " ".join(page_texts(built.handouts[client])).replace("\u00a0", " ")
    assert p_value.search(handout)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_a_roadmap_horizon_without_actions_says_so(built, client):
    context = built.contexts[client]
    translations = load_translations(builtin_templates() / "locale", context["language"])
    empty = {30, 60, 90} - {r["horizon"] for r in context["recommendations"]}
    texts = page_texts(built.decks[client])
    roadmap = " ".join(texts[s.number - 1] for s in context["slides"] if s.kind == "roadmap")
    said = squeeze(translations.gettext("No actions due")) in squeeze(roadmap)
    assert said == bool(empty)


@pytest.mark.parametrize(
    "client, language, letters",
    [("baltic-home", "lv", "āēīūčšžņļķģ"), ("kyiv-pharma", "uk", "їіє’")],
)
def test_latvian_and_ukrainian_decks_speak_their_language(built, client, language, letters):
    text = " ".join(page_texts(built.decks[client]))
    translations = load_translations(builtin_templates() / "locale", language)
    for message in ("Executive summary", "Decision asked", "Priorities", "Next steps"):
        translated = translations.gettext(message)
        assert translated != message
        assert squeeze(translated.upper()) in squeeze(text.upper())
    assert set(letters) <= set(text.lower())


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_slides_use_only_the_brand_font(built, client):
    fonts = set()
    for page in PdfReader(built.decks[client]).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    assert fonts and all(name.startswith("Source-Sans-3") for name in fonts), fonts


def test_slides_without_data_are_left_out(tmp_path):
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path / "ws", DEMO_CLIENTS)
    strip_to_survey(root, "northwind-logistics")
    result = build(root, ["northwind-logistics"], BuildOptions(kinds=("deck",)))
    (deck,) = [p.path for p in result.written]
    context = planned_decks(root, ["northwind-logistics"])["northwind-logistics"]
    kinds = [slide.kind for slide in context["slides"]]
    expected = ["title", "summary", "kpis", "changes", "themes", "next", "divider", "success"]
    assert kinds == expected
    assert len(PdfReader(deck).pages) == len(kinds) == expected_slides(context)
