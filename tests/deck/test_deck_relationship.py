"""The relationship slide lists what its headings announce: the overdue follow-ups under the
count of them, the executives under their own heading."""

from __future__ import annotations

import pytest
from deck_helpers import ALL_CLIENTS, page_texts, squeeze

from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_each_overdue_follow_up_is_listed_under_the_overdue_heading(built, client):
    context = built.contexts[client]
    slides = [s for s in context["slides"] if s.kind == "relationship"]
    if not slides:
        pytest.skip("no relationship slide")
    catalog = load_translations(builtin_templates() / "locale", context["language"])
    health = context["relationship"]
    overdue = [f for f in health["open_follow_ups"] if f["overdue"]]
    text = squeeze("".join(page_texts(built.decks[client])[s.number - 1] for s in slides))
    executives = squeeze(catalog.gettext("Last contact with each executive"))
    heading = squeeze(
        catalog.ngettext("%(num)s follow-up overdue", "%(num)s follow-ups overdue", len(overdue))
        % {"num": len(overdue)}
    )
    if overdue:
        assert heading in text
        for follow_up in overdue:
            position = text.index(squeeze(follow_up["action"]))
            assert text.index(heading) < position < text.index(executives)
    names = context["labels"]["contacts"]
    for executive in health["executives"]:
        if executive["days_since"] is not None:
            assert squeeze(names[executive["contact"]] + ":") in text[text.index(executives) :]
