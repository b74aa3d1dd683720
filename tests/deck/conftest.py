"""Fixtures of the deck tests: the three demo decks and a crowded one, built once; the stress
client's deck in each language."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from deck_helpers import CROWDED, add_crowded_client, planned_decks
from stress_helpers import STRESS, add_stress_client
from workspace_helpers import DEMO_CLIENTS, copy_demo, logged_warnings

LANGUAGES = ("en", "uk", "lv")


@dataclass
class BuiltDecks:
    root: Path
    decks: dict[str, Path]  # client → deck PDF
    handouts: dict[str, Path]  # client → handout PDF
    contexts: dict[str, dict]  # client → document context with the planned slides
    warnings: list[logging.LogRecord]
    prints: dict[str, Path] = field(default_factory=dict)  # client → the client's handout


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> BuiltDecks:
    """Build every demo client's deck and handout, and the crowded client's, in a copy."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("decks") / "ws", DEMO_CLIENTS)
    add_crowded_client(root)
    with logged_warnings() as records:
        result = build(root, [], BuildOptions(kinds=("deck", "handout"), notes=True))
    decks, handouts, prints = {}, {}, {}
    for published in result.written:
        client = published.path.parent.name
        name = published.path.name
        target = (
            handouts if "-deck-notes-" in name else prints if "-deck-handout-" in name else decks
        )
        target[client] = published.path
    contexts = planned_decks(root, [*DEMO_CLIENTS, CROWDED])
    return BuiltDecks(root, decks, handouts, contexts, records, prints)


@pytest.fixture(scope="session")
def stress(tmp_path_factory) -> dict[str, BuiltDecks]:
    """Build the stress client's deck and handout in each language, keyed by language."""
    from generator.build import BuildOptions, build

    built_decks = {}
    for language in LANGUAGES:
        root = copy_demo(tmp_path_factory.mktemp(f"stress-{language}") / "ws", ())
        add_stress_client(root, language)
        with logged_warnings() as records:
            result = build(root, [], BuildOptions(kinds=("deck",), notes=True))
        decks, handouts = {}, {}
        for published in result.written:
            target = handouts if "-deck-notes-" in published.path.name else decks
            target[STRESS] = published.path
        contexts = planned_decks(root, [STRESS])
        built_decks[language] = BuiltDecks(root, decks, handouts, contexts, records)
    return built_decks
