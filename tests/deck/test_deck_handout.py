"""The handout: every slide, scaled down on A4, with the speaker notes of findings and
recommendations."""

from __future__ import annotations

import re

import pytest
from deck_helpers import ALL_CLIENTS, page_texts, squeeze
from pypdf import PdfReader

from generator.render.deck.fit import plain

A4 = (595.28, 841.89)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_the_handout_has_an_a4_page_per_slide_with_notes(built, client):
    pages = PdfReader(built.handouts[client]).pages
    # Long notes may run on to a second page of the same slide.
    assert len(pages) >= len([s for s in built.contexts[client]["slides"] if s.notes])
    for page in pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_the_handout_holds_every_speaker_note(built, client):
    context = built.contexts[client]
    text = squeeze(" ".join(page_texts(built.handouts[client])))
    notes = [r["notes"] for r in context["recommendations"] if r.get("notes")]
    notes += [f["notes"] for f in context["findings"] if f.get("notes")]
    for note in notes:
        assert squeeze(plain(note)) in text


def test_the_demo_and_crowded_handouts_have_notes_to_show(built):
    with_notes = [
        r
        for client in ALL_CLIENTS
        for r in built.contexts[client]["recommendations"]
        if r.get("notes")
    ]
    assert len(with_notes) > 20  # the crowded client's, and Baltic Home's


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_every_handout_page_carries_notes_is_marked_internal_and_numbered_as_its_slide(
    built, client
):
    from generator.render.environment import builtin_templates
    from generator.render.i18n import load_translations

    context = built.contexts[client]
    _ = load_translations(builtin_templates() / "locale", context["language"]).gettext
    internal = squeeze(_("Internal: the consultant's speaker notes, not for the client"))
    at_hand = squeeze(_("Numbers at hand"))
    noted = {slide.number: slide for slide in context["slides"] if slide.notes}
    texts = page_texts(built.handouts[client])
    numbers = []
    for text in texts:
        page = squeeze(text)
        assert squeeze(_("No speaker notes for this slide.")) not in page
        footer = re.search(rf"{re.escape(internal)}(\d+)/{len(context['slides'])}$", page)
        assert footer, page[-120:]
        number = int(footer.group(1))
        if number not in numbers:  # the first page of the slide's entry: slide and notes
            numbers.append(number)
            assert squeeze(plain(noted[number].notes[0]["text"]))[:60] in page, number
    assert numbers == sorted(noted)
    # Rapport gives the presenter the numbers of every slide that shows them.
    for slide in noted.values():
        if slide.kind in ("kpis", "changes", "finding"):
            assert any(note["label"] == _("Numbers at hand") for note in slide.notes)
    assert sum(at_hand in squeeze(text) for text in texts) >= 4
