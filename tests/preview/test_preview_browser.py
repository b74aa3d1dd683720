"""The preview in a real browser: it follows the edits without being reloaded."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from preview_helpers import RENDER_CEILING
from workspace_helpers import copy_demo

from generator.preview import PreviewOptions, start_preview

pytestmark = pytest.mark.slow

CLIENT = "kyiv-pharma"
WAIT = {"timeout": RENDER_CEILING * 1000}
NEW_SENTENCE = "Цей абзац переписано під час перегляду."


def test_the_page_follows_a_finding_then_shows_a_broken_yaml_then_recovers(tmp_path, browser):
    root = copy_demo(tmp_path / "ws", (CLIENT,))
    folder = root / "engagements" / CLIENT
    finding = folder / "narrative" / "vysnovok-F3.md"
    engagement = folder / "engagement.yaml"
    good_yaml = engagement.read_text(encoding="utf-8")

    with start_preview(root, CLIENT, PreviewOptions(port=0)) as running:
        page = browser.new_page()
        page.goto(running.url)
        expect(page.locator("#status")).to_contain_text("drawn", **WAIT)
        pages = page.locator(".page")
        count = pages.count()
        assert count > 5
        assert page.title().startswith("Оцінка задоволеності клієнтів")
        # Marks this very page: a reload would lose it.
        page.evaluate("window.notReloaded = true")
        before = page.eval_on_selector_all(".page img", "imgs => imgs.map(i => i.src)")

        text = finding.read_text(encoding="utf-8")
        body = text.index("---", 3) + len("---\n\n")
        finding.write_text(text[:body] + NEW_SENTENCE + " " + text[body:], encoding="utf-8")

        changed = page.locator(".page", has=page.locator(".page-text", has_text=NEW_SENTENCE))
        expect(changed).to_have_count(1, **WAIT)
        expect(page.locator("#status")).to_contain_text("drawn", **WAIT)
        number = int(changed.get_attribute("id").removeprefix("page-"))
        after = page.eval_on_selector_all(".page img", "imgs => imgs.map(i => i.src)")
        assert after[number - 1] != before[number - 1]  # its picture was drawn again
        assert after[: number - 1] == before[: number - 1]  # the pages before it were not
        assert changed.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")

        lines = good_yaml.splitlines()
        broken_line = next(i for i, line in enumerate(lines) if line.strip().startswith("impact:"))
        lines[broken_line] = lines[broken_line].replace("impact:", "impact: [high", 1)
        engagement.write_text("\n".join(lines) + "\n", encoding="utf-8")

        problems = page.locator("#problem-list")
        location = re.compile(rf"engagements/{CLIENT}/engagement\.yaml:{broken_line + 2}:\d+: YAML")
        expect(problems).to_contain_text(location, **WAIT)
        expect(page.locator("#problems")).to_be_visible()
        # The last good render stays underneath, the new sentence with it.
        expect(pages).to_have_count(count)
        expect(changed).to_have_count(1)

        engagement.write_text(good_yaml, encoding="utf-8")
        expect(page.locator("#problems")).to_be_hidden(**WAIT)
        expect(page.locator("#status")).to_contain_text("drawn", **WAIT)
        expect(changed).to_have_count(1)
        assert page.evaluate("window.notReloaded") is True
        page.close()

    assert not (root / "output").exists()
