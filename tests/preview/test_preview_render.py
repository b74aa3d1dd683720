"""What the preview renders again after a change, and which files count as the client's inputs."""

from __future__ import annotations

import pytest
from workspace_helpers import copy_demo

from generator.build_inputs import input_label
from generator.preview.render import DocumentRenderer

CLIENT = "kyiv-pharma"


@pytest.fixture
def deck(tmp_path):
    root = copy_demo(tmp_path / "ws", (CLIENT, "baltic-home"))
    pages = tmp_path / "pages"
    pages.mkdir()
    renderer = DocumentRenderer(root, CLIENT, "deck", pages)
    first = renderer.render()
    assert first.problems == () and first.pages
    return root, renderer, first


def test_input_labels_name_only_the_clients_own_inputs(tmp_path):
    root = copy_demo(tmp_path / "ws", (CLIENT, "baltic-home"))
    own = root / "engagements" / CLIENT
    assert input_label(root, CLIENT, own / "narrative" / "vysnovok-F1.md") == (
        "engagement:narrative/vysnovok-F1.md"
    )
    assert input_label(root, CLIENT, root / "rapport.yaml") == "rapport.yaml"
    assert input_label(root, CLIENT, root / "brand" / "logo.svg") == "brand:brand/logo.svg"
    for other in (
        root / "engagements" / "baltic-home" / "engagement.yaml",
        own / "deliveries.yaml",
        own / "narrative" / ".vysnovok-F1.md.swp",
        root / "output" / CLIENT / "deck.pdf",
        root / ".rapport-cache" / "surveys" / "x.msgpack",
        root / "templates" / "email" / "message.html",
    ):
        assert input_label(root, CLIENT, other) is None, other


def test_a_comment_added_to_the_yaml_redraws_nothing(deck):
    root, renderer, first = deck
    engagement = root / "engagements" / CLIENT / "engagement.yaml"
    engagement.write_text("# reviewed\n" + engagement.read_text(encoding="utf-8"), "utf-8")
    again = renderer.render({"engagement:engagement.yaml"})
    assert again.problems == ()
    assert not again.laid_out
    assert again.pages == first.pages


def test_a_new_logo_redraws_the_pages_that_show_it_though_the_html_is_the_same(deck):
    root, renderer, first = deck
    logo = root / "brand" / "logo.svg"
    colours = {"#1f3a5f", "#1F3A5F", "#E07A5F", "#e07a5f"}
    text = logo.read_text(encoding="utf-8")
    used = next(c for c in colours if c in text)
    logo.write_text(text.replace(used, "#00ff00"), encoding="utf-8")
    again = renderer.render({"brand:brand/logo.svg"})
    assert again.laid_out
    assert again.pages[0].file != first.pages[0].file  # the title slide carries the logo


def test_a_change_made_while_the_inputs_were_broken_is_analysed_once_they_are_fixed(
    deck, monkeypatch
):
    import generator.pipeline

    root, renderer, _ = deck
    analysed = []
    real = generator.pipeline.analyze
    monkeypatch.setattr(
        generator.pipeline, "analyze", lambda *a, **k: analysed.append(1) or real(*a, **k)
    )
    folder = root / "engagements" / CLIENT
    finding = folder / "narrative" / "vysnovok-F3.md"
    good = finding.read_text(encoding="utf-8")

    finding.write_text(good + "\nЩе одне речення.\n", encoding="utf-8")
    assert renderer.render({"engagement:narrative/vysnovok-F3.md"}).problems == ()
    assert analysed == []  # the analysis reads no narrative

    finding.write_text(good.replace("kind: finding", "kind: [finding", 1), encoding="utf-8")
    failed = renderer.render({"engagement:narrative/vysnovok-F3.md"})
    assert failed.pages is None
    assert str(failed.problems[0]).startswith(
        f"engagements/{CLIENT}/narrative/vysnovok-F3.md:3:8: YAML syntax"
    )
    log = folder / "interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert renderer.render({"engagement:interactions.yaml"}).pages is None  # still broken
    finding.write_text(good, encoding="utf-8")
    fixed = renderer.render({"engagement:narrative/vysnovok-F3.md"})
    assert fixed.problems == ()
    assert analysed == [1]  # the log changed meanwhile
