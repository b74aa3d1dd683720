"""Nothing leaves a slide: continuation slides instead of overflow, two-line headlines,
legible sizes. Checked on the glyphs of the built PDFs (pypdfium2 character boxes)."""

from __future__ import annotations

import re

import pytest
from deck_helpers import (
    ALL_CLIENTS,
    CROWDED,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    glyphs,
    page_texts,
    team_blocks,
)

MARGIN_BAND = 12.0  # no glyph closer than this to a slide's edge
# deck.css: the headline block sits above the body box (136 pt from the top edge), and the
# body box ends 482 pt from the top edge, above the 11 pt footer line.
BODY_TOP, BODY_BOTTOM = 136.0, 482.0
FOOTER_SIZE = round(11 * 4 / 3, 1)  # font sizes are read in the PDF's px units
HEADLINE_LINES = {28.0: 2, 24.0: 3, 20.0: 4}  # headline size (pt) → lines it may take
DIGIT_HEIGHT = 0.644  # height of a digit in Source Sans 3, in em
SMALLEST = 11.0  # pt


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_character_stays_inside_the_slide_and_off_its_edges(built, client):
    outside = [
        (page, char, [round(v) for v in box])
        for page, char, box, *_ in glyphs(built.decks[client])
        if box[0] < MARGIN_BAND
        or box[1] < MARGIN_BAND
        or box[2] > SLIDE_WIDTH - MARGIN_BAND
        or box[3] > SLIDE_HEIGHT - MARGIN_BAND
    ]
    assert outside == []


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_no_text_is_smaller_than_11_pt(built, client):
    # Sizes are read from the height of digits (chart labels are scaled drawings, so their
    # nominal font size says nothing); the title slide is left out for the client's logo.
    small = [
        (page, char, round((box[3] - box[1]) / DIGIT_HEIGHT, 1))
        for page, char, box, *_ in glyphs(built.decks[client])
        if page > 1 and char.isdigit() and (box[3] - box[1]) < DIGIT_HEIGHT * SMALLEST * 0.98
    ]
    assert small == []


def headline_lines(path) -> dict[int, tuple[float, set[float], float]]:
    """Return each slide's headline: its size (pt), its baselines and its lowest point.

    The headline is the text above the body box set at one of the headline sizes."""
    found: dict[int, tuple[float, set[float], float]] = {}
    for page, _, box, size, baseline in glyphs(path):
        points = round(size * 3 / 4, 1)
        if points not in HEADLINE_LINES or box[3] < SLIDE_HEIGHT - BODY_TOP:
            continue
        size_, lines, lowest = found.get(page, (points, set(), SLIDE_HEIGHT))
        found[page] = (max(size_, points), lines | {round(baseline)}, min(lowest, box[1]))
    return found


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_headline_keeps_to_its_lines_above_the_body(built, client):
    headlines = headline_lines(built.decks[client])
    for slide in built.contexts[client]["slides"]:
        if slide.kind in ("title", "divider"):
            continue
        size, lines, lowest = headlines[slide.number]
        assert 1 <= len(lines) <= HEADLINE_LINES[size], (slide.number, slide.headline)
        assert lowest >= SLIDE_HEIGHT - BODY_TOP, (slide.number, slide.headline)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_the_body_of_a_slide_stays_above_its_footer(built, client):
    below = [
        (page, char)
        for page, char, box, size, _ in glyphs(built.decks[client])
        if page > 1 and round(size, 1) != FOOTER_SIZE and box[1] < SLIDE_HEIGHT - BODY_BOTTOM - 2
    ]
    assert below == []


def test_a_crowded_client_continues_on_numbered_slides(built):
    slides = built.contexts[CROWDED]["slides"]
    texts = page_texts(built.decks[CROWDED])
    runs = {}
    for slide in slides:
        teams = tuple(block["audience"] for block in team_blocks(slide))
        runs.setdefault((slide.kind, slide.section, teams), []).append(slide)
    continued = [run for run in runs.values() if len(run) > 1 and run[0].kind != "finding"]
    assert {run[0].kind for run in continued} >= {"matrix", "audience", "roadmap"}
    for run in continued:
        for part, slide in enumerate(run, start=1):
            label = f"({part}/{len(run)})"
            assert slide.headline.endswith(label)
            assert label in re.sub(r"\s+", " ", texts[slide.number - 1])


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_a_figure_is_never_split_from_its_arrow(built, client):
    pages: dict[int, list[tuple[str, float]]] = {}
    for page, char, _, _, baseline in glyphs(built.decks[client]):
        pages.setdefault(page, []).append((char, round(baseline)))
    arrows = 0
    for page, chars in pages.items():
        for index, (char, baseline) in enumerate(chars[1:-1], start=1):
            # An arrow after a figure ("2,8 → 3,5"; not a list's bullet arrow) is on the
            # line of the figure and of what follows it.
            if char != "→" or not chars[index - 1][0].isdigit():
                continue
            arrows += 1
            neighbours = (chars[index - 1], chars[index + 1])
            assert {line for _, line in neighbours} == {baseline}, (page, neighbours)
    assert arrows  # every demo deck compares waves
