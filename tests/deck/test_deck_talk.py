"""The speaker-notes handout is a talk track: every slide it shows has what to say, the
question the client will ask and its answer, the numbers at hand where the slide has numbers,
and the way on to the next slide; a slide without a talk track is left out. The client's
handout has every slide, two to an A4 page. The decision asked reaches the executive summary."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from deck_helpers import page_texts, squeeze
from pypdf import PdfReader
from stress_helpers import STRESS
from workspace_helpers import DEMO_CLIENTS, copy_demo

from generator.render.deck.fit import plain
from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations

A4 = (595.28, 841.89)
TRACK = ("What to say", "They will ask", "Answer", "On to the next slide")


def gettext(language):
    return load_translations(builtin_templates() / "locale", language).gettext


def entries(path, slides, language) -> dict[int, str]:
    """The handout's text of each slide's entry (its pages joined), by slide number."""
    _ = gettext(language)
    internal = squeeze(_("Internal: the consultant's speaker notes, not for the client"))
    found: dict[int, str] = {}
    for text in page_texts(path):
        page = squeeze(text)
        number = int(page.rsplit(internal, 1)[1].split("/")[0])
        found[number] = found.get(number, "") + page
    return found


def check_talk_tracks(built, client):
    context = built.contexts[client]
    _ = gettext(context["language"])
    found = entries(built.handouts[client], context["slides"], context["language"])
    tracked = [s for s in context["slides"] if s.notes]
    assert sorted(found) == [s.number for s in tracked]
    for slide in tracked:
        page = found[slide.number]
        for label in TRACK:
            assert squeeze(_(label)) in page, (slide.number, slide.kind, label)
        if slide.kind in ("kpis", "changes", "finding", "themes", "matrix"):
            assert squeeze(_("Numbers at hand")) in page, slide.number
    return context, found


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_slide_in_the_handout_has_a_whole_talk_track(built, client):
    context, found = check_talk_tracks(built, client)
    # The demo has a talk track for every kind of slide of the main story.
    story = {s.kind for s in context["slides"] if s.kind not in ("title", "divider", "agenda")}
    main = {"roadmap", "success", "previous"}
    assert {s.kind for s in context["slides"] if s.notes} >= story - main


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stress_handout_has_whole_talk_tracks(stress, language):
    check_talk_tracks(stress[language], STRESS)


def test_the_talk_track_comes_from_the_slide_kinds_notes_file(built):
    context = built.contexts["northwind-logistics"]
    found = entries(built.handouts["northwind-logistics"], context["slides"], "en")
    (matrix,) = [s for s in context["slides"] if s.kind == "matrix"]
    track = (built.root / "engagements/northwind-logistics/narrative/notes/matrix.md").read_text()
    assert squeeze("Why is nothing rated high impact?") in squeeze(track)
    assert squeeze("Why is nothing rated high impact?") in found[matrix.number]
    assert squeeze("Here is who does what, team by team.") in found[matrix.number]
    # A finding's own notes: what to say on its slide, before the kind's generic track.
    (f3,) = [s for s in context["slides"] if s.kind == "finding" and "Weekly demos" in s.headline]
    own = next(f["notes"] for f in context["findings"] if f["id"] == "F3")
    assert found[f3.number].index(squeeze(plain(own))) < found[f3.number].index("Theyw")


def test_rapport_names_the_next_slide_where_the_consultant_gave_no_transition(built):
    context = built.contexts["northwind-logistics"]
    found = entries(built.handouts["northwind-logistics"], context["slides"], "en")
    (kpis,) = [s for s in context["slides"] if s.kind == "kpis"]
    following = context["slides"][kpis.number]
    assert squeeze(f"Next, slide {following.number}: {following.headline}") in found[kpis.number]


def test_a_talk_track_named_after_no_slide_is_a_located_error(tmp_path):
    from click.testing import CliRunner

    from cli import main

    root = copy_demo(tmp_path / "ws", ["northwind-logistics"])
    notes = root / "engagements/northwind-logistics/narrative/notes"
    (notes / "matrx.md").write_text("---\nquestion: Why?\n---\n\nSay this.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--workspace", str(root), "validate"])
    assert result.exit_code == 1
    assert (
        "engagements/northwind-logistics/narrative/notes/matrx.md:1:1: no kind of slide 'matrx'"
        in result.output
    )
    assert "did you mean 'matrix'" in result.output


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_clients_handout_has_every_slide_two_to_an_a4_page(built, client):
    context = built.contexts[client]
    reader = PdfReader(built.prints[client])
    slides = context["slides"]
    assert len(reader.pages) == (len(slides) + 1) // 2
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5)
    texts = [squeeze(t) for t in page_texts(built.prints[client])]
    for slide in slides:
        page = texts[(slide.number - 1) // 2]
        assert squeeze(slide.headline) in page, slide.number
        if slide.kind != "title":  # the title slide carries no number
            assert squeeze(f"{slide.number}/{len(slides)}") in page
    # The client's confidentiality line, never the consultant's internal mark.
    internal = squeeze(
        gettext(context["language"])("Internal: the consultant's speaker notes, not for the client")
    )
    assert all(internal not in text for text in texts)
    assert all(squeeze(context["confidentiality"].upper())[:20] in text.upper() for text in texts)


def test_the_decision_written_in_the_executive_summary_is_the_decision_asked(built):
    context = built.contexts["northwind-logistics"]
    decision = context["decision"]
    assert decision and decision.startswith("Agree the leaner ceremony schedule")
    second = squeeze(page_texts(built.decks["northwind-logistics"])[1])
    assert squeeze(gettext("en")("Decision asked").upper()) in second.upper()
    assert squeeze(decision) in second


@pytest.mark.parametrize("client", ["baltic-home", "kyiv-pharma"])
def test_without_a_decision_the_actions_due_first_are_asked_for(built, client):
    context = built.contexts[client]
    assert not context["decision"]
    soon = [r for r in context["recommendations"] if r["horizon"] == 30]
    (summary,) = [s for s in context["slides"] if s.kind == "summary"]
    assert summary.data["decision"]
    assert str(len(soon)) in summary.data["decision"]
    assert squeeze(summary.data["decision"]) in squeeze(page_texts(built.decks[client])[1])
