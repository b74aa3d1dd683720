"""The priority matrix plots what its axes say, each recommendation once in its impact ×
effort cell, with "Quick wins" on the cell of high impact for low effort; the main story
spells each recommendation out once; no recommendation is named by its id alone."""

from __future__ import annotations

import re

import pytest
from conftest import LANGUAGES
from deck_helpers import ALL_CLIENTS, page_texts, squeeze
from stress_helpers import STRESS
from workspace_helpers import DEMO_CLIENTS

from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations

LEVELS = ("high", "medium", "low")  # the matrix's rows, top down
CODE = re.compile(r"\bR\d+\b")


def catalog(language):
    return load_translations(builtin_templates() / "locale", language)


def spaced(text: str) -> str:
    return " ".join(text.split())


def matrix_rows(text: str, language: str) -> dict[str, str]:
    """Split a matrix slide's text into its rows, keyed by impact."""
    _ = catalog(language).gettext
    labels = {level: spaced(_(f"{level.capitalize()} impact")) for level in LEVELS}
    flat = spaced(text)
    starts = [flat.index(labels[level]) for level in LEVELS]
    key = flat.index(spaced(_("More impact than effort")))
    ends = [*starts[1:], key]
    return {level: flat[s:e] for level, s, e in zip(LEVELS, starts, ends, strict=True)}


def check_matrix(built, client):
    context = built.contexts[client]
    language = context["language"]
    texts = page_texts(built.decks[client])
    slides = [s for s in context["slides"] if s.kind == "matrix"]
    assert slides
    shown: dict[str, list[str]] = {}
    for slide in slides:
        for impact, row in matrix_rows(texts[slide.number - 1], language).items():
            for ident in CODE.findall(row):
                shown.setdefault(ident, []).append(impact)
    for r in context["recommendations"]:
        assert shown.get(r["id"]) == [r["impact"]], (r["id"], shown.get(r["id"]))
    quick = spaced(catalog(language).gettext("Quick wins"))
    first = matrix_rows(texts[slides[0].number - 1], language)
    assert quick in first["high"] and all(quick not in first[i] for i in ("medium", "low"))
    return context, texts, slides


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_each_recommendation_is_plotted_once_in_its_impact_row_and_effort_column(built, client):
    context, _, slides = check_matrix(built, client)
    for slide in slides:
        for row in slide.data["rows"]:
            for cell in row["cells"]:
                for entry in cell["entries"]:
                    r = next(r for r in context["recommendations"] if r["id"] == entry["id"])
                    assert (r["impact"], r["effort"]) == (row["impact"], cell["effort"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stress_matrix_plots_fifteen_recommendations_once(stress, language):
    check_matrix(stress[language], STRESS)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_headline_counts_the_quick_wins_the_matrix_shows(built, client):
    context = built.contexts[client]
    (slide,) = [s for s in context["slides"] if s.kind == "matrix"]
    quick = [r for r in context["recommendations"] if (r["impact"], r["effort"]) == ("high", "low")]
    ahead = [
        r
        for r in context["recommendations"]
        if LEVELS.index(r["impact"]) < 2 - (("low", "medium", "high").index(r["effort"]))
    ]
    count = len(quick) or len(ahead)
    assert re.match(rf"{count}\b", slide.headline), slide.headline


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_main_story_spells_each_recommendation_out_once(built, client):
    context = built.contexts[client]
    texts = page_texts(built.decks[client])
    divider = next(s.number for s in context["slides"] if s.kind == "divider")
    story = squeeze(" ".join(texts[: divider - 1]))
    for r in context["recommendations"]:
        assert r["short"], r["id"]  # the demo gives every recommendation a short name
        assert story.count(squeeze(r["title"])) == 1, r["id"]


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_no_recommendation_is_named_by_its_id_alone(built, client):
    context = built.contexts[client]
    texts = page_texts(built.decks[client])
    by_id = {r["id"]: r for r in context["recommendations"]}
    by_id.update({r["id"]: r for r in context["previous_recommendations"]})
    for slide in context["slides"]:
        if slide.kind == "next" and slide.data.get("markdown"):
            continue  # the consultant's own sentences, which describe the action they tag
        page = squeeze(texts[slide.number - 1])
        for ident in set(CODE.findall(texts[slide.number - 1])):
            title = by_id[ident]["title"]
            # Its short name, its title, or (on the matrix, without a short name) the
            # title's opening words.
            names = [by_id[ident].get("short"), title, " ".join(title.split()[:3])]
            assert any(n and squeeze(n) in page for n in names), (slide.number, ident)
