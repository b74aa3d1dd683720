"""The planner's measuring: shortened texts keep to their lines, pages keep to their height."""

from __future__ import annotations

import pytest

from generator.render.charts.svg import text_width
from generator.render.deck.fit import Type, paginate, plain
from generator.render.deck.layout import BODY_WIDTH, HEADLINE, slide_run

LONG = (
    "Replace the nightly batch export to the dispatch partners with an event stream so that "
    "route changes reach drivers within a minute instead of the next morning, and tell them"
)


def lines_of(text: str, width: float, style: Type) -> list[str]:
    """Break ``text`` greedily the way a browser does, with the estimated widths."""
    lines: list[str] = []
    for word in text.split():
        if lines and style.width(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


@pytest.mark.parametrize("max_lines", [1, 2, 3])
def test_a_shortened_text_keeps_to_its_lines_and_ends_with_an_ellipsis(max_lines):
    style = Type(15, 20)
    short = style.clamp(LONG, 300, max_lines)
    assert short.endswith("…")
    assert len(lines_of(short, 300, style)) <= max_lines
    assert LONG.startswith(short[:-1].rstrip(",;:.–—-"))


def test_a_text_that_fits_is_left_whole():
    assert Type(15, 20).clamp("Next steps", 300, 1) == "Next steps"


def test_a_continuation_keeps_its_number_within_two_headline_lines():
    slides = slide_run("roadmap", "Roadmap", LONG, [{}, {}, {}])
    assert [s.headline[-5:] for s in slides] == ["(1/3)", "(2/3)", "(3/3)"]
    for slide in slides:
        assert len(lines_of(slide.headline, BODY_WIDTH - 8, HEADLINE)) <= 2


def test_a_single_slide_has_no_number():
    (slide,) = slide_run("agenda", "", "Agenda", [{}])
    assert slide.headline == "Agenda"


def test_lines_are_counted_at_least_as_many_as_the_estimate_needs():
    style = Type(14, 18)
    word = "Verkehrsinfrastrukturfinanzierungsgesellschaft"  # wider than the box
    width = text_width(word, 14) / 2.5
    assert style.lines(word, width) == 3


def test_pages_keep_to_their_capacity_and_order():
    heights = [40, 60, 30, 90, 10, 80]
    pages = paginate(heights, lambda h: h, 100)
    assert [h for page in pages for h in page] == heights
    assert all(sum(page) <= 100 for page in pages)
    assert pages == [[40, 60], [30], [90, 10], [80]]


def test_markdown_is_measured_as_the_text_a_reader_sees():
    assert plain("- **Agree** the [schedule](https://x.example) by 9 October.") == (
        "Agree the schedule by 9 October."
    )
