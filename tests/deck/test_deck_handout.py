"""The handout: every slide, scaled down on A4, with the speaker notes of findings and
recommendations."""

from __future__ import annotations

import pytest
from deck_helpers import ALL_CLIENTS, page_texts, squeeze
from pypdf import PdfReader

from generator.render.deck.fit import plain

A4 = (595.28, 841.89)


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_the_handout_has_a_page_per_slide_on_a4(built, client):
    pages = PdfReader(built.handouts[client]).pages
    assert len(pages) == len(built.contexts[client]["slides"])
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
