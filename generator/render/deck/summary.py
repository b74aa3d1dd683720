"""The executive summary, the deck's second slide: the answer before the evidence.

Its title is the headline number's sentence; its body the three to five key messages of the
report (the consultant's, else the findings' titles) and the decision asked of the client
(the consultant's ``decision:``, else the actions due within 30 days). Messages that do not fit
continue on a second slide, balanced.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.render.deck.fit import Type, paginate, plain, whole
from generator.render.deck.layout import BODY_HEIGHT, Slide, slide_run
from generator.render.deck.results import lead_sentence
from generator.render.deck.talk import note
from generator.render.deck.words import Words

MESSAGE = Type(20, 26)  # deck.css .messages li
MESSAGES_WIDTH = 500.0 - 44.0  # deck.css .messages, less the number's column
MESSAGE_GAP = 12.0 + 14.0 + 1.0  # its padding and rule
DECISION_WIDTH = 288.0 - 40.0  # deck.css .decision, less its padding


def executive_summary(context: Mapping[str, Any], words: Words) -> list[Slide]:
    """The key messages and the decision asked, on one slide (two when they are long)."""
    messages = [whole(m) for m in context.get("key_messages") or []]
    if not messages:
        messages = [whole(f["title"]) for f in context["findings"]]
    if not messages:
        return []
    entries = [
        {"number": words.fmt.integer(index), "text": text}
        for index, text in enumerate(messages, start=1)
    ]
    pages = paginate(
        entries, lambda e: MESSAGE.height(e["text"], MESSAGES_WIDTH) + MESSAGE_GAP, BODY_HEIGHT
    )
    decision = _decision(context, words)
    section = words._("Executive summary")
    headline = lead_sentence(context["kpis"], words) or messages[0]
    run = slide_run(
        "summary", section, headline, [{"messages": p, "decision": decision} for p in pages]
    )
    summary = context.get("executive_summary")
    if summary is not None and summary.body.strip():  # the report's prose, to speak from
        run[0].notes.append(note("background", words._("Background"), summary.body))
    return run


def _decision(context: Mapping[str, Any], words: Words) -> str | None:
    """What the client is asked to decide: the consultant's words, else the first actions."""
    if context.get("decision"):
        return whole(plain(context["decision"]))
    recommendations = context["recommendations"]
    soon = [r for r in recommendations if r["horizon"] == 30]
    if soon:
        return words.n_(
            "Agree the %(num)s action due within 30 days and who owns it.",
            "Agree the %(num)s actions due within 30 days and who owns each.",
            len(soon),
        )
    if recommendations:
        return words.n_(
            "Agree the %(num)s recommendation and who owns it.",
            "Agree the %(num)s recommendations and who owns each.",
            len(recommendations),
        )
    return None
