"""The planner's measuring: shortened texts keep to their lines, pages keep to their height."""

from __future__ import annotations

from generator.render.charts.svg import text_width
from generator.render.deck.fit import Type, paginate, plain
from generator.render.deck.layout import BODY_WIDTH, slide_run

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


def test_a_long_headline_is_whole_and_set_smaller_to_keep_above_the_body():
    from generator.render.deck.layout import HEADLINES

    for text, expected in ((LONG[:60], ""), (LONG, "headline-3"), (LONG * 2, "headline-4")):
        slides = slide_run("roadmap", "Roadmap", text, [{}, {}, {}])
        assert [s.headline[-5:] for s in slides] == ["(1/3)", "(2/3)", "(3/3)"]
        for slide in slides:
            assert slide.headline.startswith(" ".join(text.split()))
            assert slide.headline_class == expected
            style, most, _ = next(h for h in HEADLINES if h[2] == expected)
            assert len(lines_of(slide.headline, BODY_WIDTH - 8, style)) <= most


def test_a_single_slide_has_no_number():
    (slide,) = slide_run("agenda", "", "Agenda", [{}])
    assert slide.headline == "Agenda"


def test_lines_are_counted_at_least_as_many_as_the_estimate_needs():
    style = Type(14, 18)
    word = "Verkehrsinfrastrukturfinanzierungsgesellschaft"  # wider than the box
    width = style.width(word) / 2.5
    assert style.lines(word, width) == 3


def test_a_chip_before_the_text_takes_room_on_its_first_line():
    style = Type(15, 20)
    text = "Send the tech leads to two customers"
    width = style.width(text) + 1  # the text alone just fits one line
    assert style.lines(text, width) == 1
    assert style.lines(text, width, indent=30) == 2
    # A first word that does not fit beside the chip starts the second line.
    assert style.lines("Verkehrsinfrastruktur", style.width("Verkehrsinfrastruktur"), 30) == 2


def test_measured_widths_are_close_above_the_estimates_of_the_charts():
    # The deck measures with the font's own advances; the charts' table errs wider.
    for text in ("Веб-команда і керівництво: 2 рекомендації", "Mārketings un vadība", LONG):
        measured = Type(28, 32, bold=True).width(text)
        assert text_width(text, 28, bold=True) * 0.8 <= measured <= text_width(text, 28, True)


def recommendation(ident: str, audience: str) -> dict:
    return {
        "id": ident,
        "title": f"Recommendation {ident} for the {audience} team, in a few words.",
        "rationale": "Because the comments ask for it.",
        "horizon": 30,
        "owner": "Jane Doe",
        "kpi": "A measure",
        "notes": None,
        "audience": [audience],
    }


def test_teams_with_short_lists_share_a_slide_and_a_long_list_has_its_own():
    from generator.render.deck.teams import audiences
    from generator.render.deck.words import Words

    by_audience = {
        "web": [recommendation("R1", "web")],
        "support": [recommendation(f"R{n}", "support") for n in range(2, 12)],
        "leadership": [recommendation("R12", "leadership")],
    }
    slides = audiences({"recommendations_by_audience": by_audience}, Words("en"))
    teams = [[block["audience"] for block in slide.data["blocks"]] for slide in slides]
    support = len(slides) - 1
    assert support >= 2  # ten recommendations do not fit one slide
    # The two short lists share the first slide, each under its title; support follows.
    assert teams == [["web", "leadership"]] + [["support"]] * support
    assert slides[0].data["titled"] and not slides[1].data["titled"]
    assert slides[0].headline == (
        "Web team and leadership: 2\u00a0recommendations, the first within 30\u00a0days"
    )
    assert slides[1].headline.endswith(f"(1/{support})")
    shown = [row["id"] for slide in slides[1:] for row in slide.data["blocks"][0]["rows"]]
    assert shown == [f"R{n}" for n in range(2, 12)]


def test_pages_keep_to_their_capacity_and_order():
    heights = [40, 60, 30, 90, 10, 80]
    pages = paginate(heights, lambda h: h, 100)
    assert [h for page in pages for h in page] == heights
    assert all(sum(page) <= 100 for page in pages)
    assert len(pages) == 4  # as few as in order they can be


def test_continuations_are_balanced_and_never_hold_a_lone_item():
    assert [len(p) for p in paginate([1.0] * 15, lambda h: h, 14)] == [8, 7]
    assert [len(p) for p in paginate([1.0] * 19, lambda h: h, 9)] == [7, 7, 5]  # not 9 / 9 / 1


def test_markdown_is_measured_as_the_text_a_reader_sees():
    assert plain("- **Agree** the [schedule](https://x.example) by 9 October.") == (
        "Agree the schedule by 9 October."
    )


def team_of(name: str, height: float):
    from generator.render.deck.teams import Team

    return Team(name, name.title(), 1, [[{"id": name, "height": height}]], compact=False)


def test_teams_share_the_fewest_slides_filled_most_evenly():
    from generator.render.deck.layout import BODY_HEIGHT
    from generator.render.deck.teams import TEAM_GAP, TEAM_TITLE, share

    pair = BODY_HEIGHT - 2 * TEAM_TITLE - TEAM_GAP  # what two teams' rows may take together
    engineering, marketing = team_of("engineering", 0.6 * pair), team_of("marketing", 0.3 * pair)
    support, leadership = team_of("support", 0.6 * pair), team_of("leadership", 0.45 * pair)
    groups = share([engineering, marketing, support, leadership])
    names = [[team.audience for team in group] for group in groups]
    # Three slides at least: marketing is the only team that fits with any other. Putting
    # it with engineering (the first that has room) would leave leadership alone on a
    # slide more than half empty; with leadership, every slide is more than half full.
    assert sorted(names) == [["engineering"], ["marketing", "leadership"], ["support"]]


def test_a_significant_change_of_a_mean_never_reads_as_no_change():
    from generator.render.deck.words import Words

    words = Words("en")
    rise = {"previous": 4.2605, "current": 4.3339, "difference": 0.0734, "verdict": "up"}
    assert words.change("item", rise) == ("4.26", "4.33", "+0.07")
    flat = {"previous": 3.84, "current": 3.83, "difference": -0.01, "verdict": "none"}
    assert words.change("item", flat) == ("3.8", "3.8", "0.0")
    points = {"previous": 0.62, "current": 0.70, "difference": 0.08, "verdict": "up"}
    assert words.change("csat", points) == ("62%", "70%", "+8\u00a0pts")
