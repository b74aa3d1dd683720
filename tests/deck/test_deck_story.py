"""The deck argues: the executive summary second, every title a sentence with its number, no
codes in titles, a kicker that never repeats its title, no agenda in a short deck, a source
under every exhibit. Read in the built PDFs."""

from __future__ import annotations

import re

import pytest
from conftest import LANGUAGES
from deck_helpers import ALL_CLIENTS, SLIDE_HEIGHT, glyphs, page_texts, squeeze
from stress_helpers import STRESS
from workspace_helpers import DEMO_CLIENTS

from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations

CODE = re.compile(r"\b[RF]\d+\b")  # a recommendation's or finding's id


def translated(language: str, message: str) -> str:
    return load_translations(builtin_templates() / "locale", language).gettext(message)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_second_slide_is_the_executive_summary_with_the_decision_asked(built, client):
    context = built.contexts[client]
    second = squeeze(page_texts(built.decks[client])[1].upper())
    language = context["language"]
    assert squeeze(translated(language, "Executive summary").upper()) in second
    assert squeeze(translated(language, "Decision asked").upper()) in second
    assert 3 <= len(context["key_messages"]) <= 5
    for message in context["key_messages"]:
        assert squeeze(message.upper()) in second


def story(built, client):
    """Yield (slide, its page's text) for every slide but the title."""
    texts = page_texts(built.decks[client])
    for slide in built.contexts[client]["slides"]:
        if slide.kind not in ("title", "divider"):
            yield slide, texts[slide.number - 1]


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_title_is_a_sentence_with_its_number_and_no_code(built, client):
    for slide, text in story(built, client):
        assert squeeze(slide.headline) in squeeze(text), slide.number
        assert re.search(r"\d", slide.headline), (slide.number, slide.headline)
        assert not CODE.search(slide.headline), (slide.number, slide.headline)
        assert slide.kicker.casefold() != slide.headline.casefold()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_stress_title_carries_its_number(stress, language):
    for slide, _ in story(stress[language], STRESS):
        assert re.search(r"\d", slide.headline), (slide.number, slide.headline)
        assert not CODE.search(slide.headline), (slide.number, slide.headline)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_only_a_deck_of_20_slides_or_more_has_an_agenda(built, client):
    slides = built.contexts[client]["slides"]
    agenda = [slide.number for slide in slides if slide.kind == "agenda"]
    assert agenda == ([3] if len(slides) >= 20 else [])


EXHIBITS = ("summary", "kpis", "changes", "themes", "finding", "matrix", "success", "relationship")
# deck.css: the body box ends 482 pt from the top edge, the footer starts 508 pt from it.
SOURCE_BAND = (SLIDE_HEIGHT - 508.0, SLIDE_HEIGHT - 482.0)  # PDF y, from the bottom


def source_lines(path) -> dict[int, str]:
    """Return the text set between each slide's body box and its footer."""
    lines: dict[int, str] = {}
    for page, char, box, *_ in glyphs(path):
        if SOURCE_BAND[0] <= box[1] and box[3] <= SOURCE_BAND[1]:
            lines[page] = lines.get(page, "") + char
    return lines


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_a_source_line_with_wave_n_and_dates_sits_under_every_exhibit(built, client):
    context = built.contexts[client]
    lines = source_lines(built.decks[client])
    source = translated(context["language"], "Source: %(what)s").split("%")[0].strip()
    wave = context["wave"]
    for slide in context["slides"]:
        if slide.kind not in EXHIBITS:
            continue
        line = lines.get(slide.number, "")
        assert line.startswith(squeeze(source)), (slide.number, slide.kind, line)
        if slide.kind in ("kpis", "changes", "themes", "success"):
            responses = wave["response_rate"]["responses"]
            assert squeeze(wave["name"]) in line and f"n={responses}" in line.replace(
                "\u00a0", ""
            ).replace(" ", ""), (slide.number, line)


def test_a_finding_about_a_change_shows_both_waves_with_its_item_highlighted(built):
    context = built.contexts["northwind-logistics"]
    texts = page_texts(built.decks["northwind-logistics"])
    (slide,) = [s for s in context["slides"] if s.kind == "finding" and s.data.get("chart")][:1]
    chart = slide.data["chart"]
    assert chart["kind"] == "dumbbell"
    highlighted = [row for row in chart["rows"] if row.highlight]
    assert [row.label for row in highlighted] == ["Visibility of work and status"]
    assert (highlighted[0].before, highlighted[0].after) == pytest.approx((2.5, 3.6), abs=0.05)
    page = squeeze(texts[slide.number - 1])
    for wave in (context["previous_wave"], context["wave"]):
        assert squeeze(wave["name"]) in page  # the legend names both waves
    assert squeeze("2.5 → 3.6") in page


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_a_chart_says_how_many_items_it_leaves_out(built, client):
    context = built.contexts[client]
    texts = page_texts(built.decks[client])
    items = [i for i, r in context["wave"]["metrics"]["items"].items() if r and r.get("value")]
    language = context["language"]
    for slide in context["slides"]:
        chart = slide.data.get("chart") if slide.kind == "finding" else None
        if not chart or chart["title"] != translated(language, "Scores by item"):
            continue
        shown = chart.get("rows") or chart.get("bars")
        labels = context["labels"]["items"]
        names = [labels.get(i, i) for i in items]
        assert {b.label for b in shown} <= set(names)
        if chart["kind"] == "bars":  # every item of the wave, or the rest counted
            assert len(shown) + chart["more"] == len(names)
        values = [b.after if chart["kind"] == "dumbbell" else b.value for b in shown]
        assert values == sorted(values, reverse=True)  # best first, so the extremes show
        if chart["more"]:
            words = load_translations(builtin_templates() / "locale", language)
            note = words.ngettext(
                "%(num)s more item in the report", "%(num)s more items in the report", chart["more"]
            ) % {"num": chart["more"]}
            assert squeeze(note) in squeeze(texts[slide.number - 1])


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_the_roadmap_measures_and_earlier_waves_follow_a_divider_after_the_next_steps(
    built, client
):
    kinds = [slide.kind for slide in built.contexts[client]["slides"]]
    divider = kinds.index("divider")
    assert kinds[divider - 1] == "next"
    assert set(kinds[divider + 1 :]) <= {"roadmap", "success", "previous"}
    assert "roadmap" in kinds[divider + 1 :]


def test_a_finding_about_lagging_groups_highlights_those_groups(built):
    context = built.contexts["baltic-home"]
    texts = page_texts(built.decks["baltic-home"])
    (slide,) = [s for s in context["slides"] if "Daugavpils" in s.headline]
    bars = slide.data["chart"]["bars"]
    assert {bar.label for bar in bars if bar.highlight} == {"Daugavpils", "Liepāja"}
    plain = min(b.value for b in bars if not b.highlight)
    assert all(bar.value < plain for bar in bars if bar.highlight)
    assert "Daugavpils" in texts[slide.number - 1]
