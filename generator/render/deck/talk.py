"""The talk track of each slide, for the speaker-notes handout: what to say, the question
the client will ask and its answer, the numbers at hand, and the way on to the next slide.

What to say comes from the consultant: a finding's or a recommendation's ``notes:``, else
the file narrative/notes/<slide kind>.md (its body), which also gives the question, the
answer and the transition. Rapport adds the numbers (``presenter``) and, where the
consultant wrote none, a transition that names the next slide's message. A slide the
consultant gave nothing to say keeps no notes: the handout holds only the slides that have
a talk track.

Each note is a plain mapping: ``{"kind", "label", "text"}``, ``kind`` one of ``say``,
``question``, ``answer``, ``numbers``, ``background``, ``next``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.render.deck.layout import Slide
from generator.render.deck.words import Words

ORDER = ("say", "question", "answer", "numbers", "background", "next")


def add_talk_tracks(slides: Sequence[Slide], context: Mapping[str, Any], words: Words) -> None:
    """Complete each slide's notes into a talk track, in the order a presenter needs them."""
    tracks = context.get("talk_tracks") or {}
    for index, slide in enumerate(slides):
        track = tracks.get(slide.kind) if slide.part == 1 else None
        if track is not None:
            if track.body.strip() and not any(n["kind"] == "say" for n in slide.notes):
                slide.notes.append(note("say", words._("What to say"), track.body.strip()))
            if track.question:
                slide.notes.append(note("question", words._("They will ask"), track.question))
            if track.answer:
                slide.notes.append(note("answer", words._("Answer"), track.answer))
            if track.transition:
                slide.notes.append(note("next", words._("On to the next slide"), track.transition))
        if not any(n["kind"] == "say" for n in slide.notes):
            slide.notes.clear()
            continue
        following = slides[index + 1] if index + 1 < len(slides) else None
        if following is not None and not any(n["kind"] == "next" for n in slide.notes):
            text = words._(
                "Next, slide %(num)s: %(headline)s",
                num=words.fmt.integer(following.number),
                headline=following.headline,
            )
            slide.notes.append(note("next", words._("On to the next slide"), text))
        slide.notes.sort(key=lambda n: ORDER.index(n["kind"]))


def note(kind: str, label: str | None, text: str) -> dict[str, Any]:
    return {"kind": kind, "label": label, "text": text}
