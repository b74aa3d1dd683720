"""Nothing the consultant wrote is cut: every title, name and recommendation of the stress
engagement is printed whole, every one of its characters drawn inside the page.

The stress engagement has a 70-character client name with no short name, a 130-character
title, a 250-character recommendation title and 15 recommendations; a box of fixed size
clips such text (the glyphs stay in the PDF's text but are not drawn), so each character's
box is checked on the rendered page for ink.
"""

from __future__ import annotations

import yaml
from report_helpers import drawn, loose, pages_with_chars


def written_texts(root) -> dict[str, str]:
    """Return the titles and names of the stress engagement's YAML that the report prints."""
    from stress_helpers import STRESS

    spec = yaml.safe_load(
        (root / "engagements" / STRESS / "engagement.yaml").read_text(encoding="utf-8")
    )
    texts = {
        "client name": spec["client"]["name"],
        "engagement title": spec["engagement"]["title"],
    }
    for wave in spec["waves"]:
        texts[f"wave {wave['id']}"] = wave["name"]
    for finding in spec["findings"]:
        texts[f"finding {finding['id']}"] = finding["title"]
    for recommendation in spec["recommendations"]:
        texts[f"recommendation {recommendation['id']}"] = recommendation["title"]
        texts[f"owner of {recommendation['id']}"] = recommendation["owner"]
        texts[f"measure of {recommendation['id']}"] = recommendation["kpi"]
    return texts


def test_every_written_title_and_name_is_drawn_whole_inside_the_page(stress_report):
    root, pdf = stress_report
    texts = written_texts(root)
    found: dict[str, int] = dict.fromkeys(texts, 0)
    problems: list[str] = []
    for number, (image, width, height, chars) in enumerate(pages_with_chars(pdf), start=1):
        chars = [(loose(char), box) for char, box in chars]
        chars = [(char, box) for char, box in chars if char]
        page_text = "".join(char for char, _ in chars)
        for name, text in texts.items():
            needle = loose(text)
            start = page_text.find(needle)
            while start >= 0:
                found[name] += 1
                for char, box in chars[start : start + len(needle)]:
                    left, bottom, right, top = box
                    if not (left >= 0 and bottom >= 0 and right <= width and top <= height):
                        problems.append(f"page {number}: {char!r} of the {name} is off the page")
                    elif not drawn(image, box, height):
                        problems.append(f"page {number}: {char!r} of the {name} is not drawn")
                start = page_text.find(needle, start + 1)
    assert [name for name, count in found.items() if not count] == []
    assert problems == []
