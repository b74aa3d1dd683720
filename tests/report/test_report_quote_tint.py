"""One tint means one thing: the quote cards sit on a neutral grey, not the salmon that marks a
group below all respondents or a red status."""

from __future__ import annotations

import pytest
from workspace_helpers import DEMO_CLIENTS

SCALE = 2.0


def card_colors(path) -> list[tuple[int, int, int]]:
    """Return the colour just left of each quote's opening mark, inside its card's padding."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    found = []
    try:
        for page in document:
            height = page.get_size()[1]
            textpage = page.get_textpage()
            image = None
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                previous = textpage.get_text_range(index - 1, 1) if index else "\n"
                if char not in "“„«" or previous not in "\n\r":
                    continue
                image = image or page.render(scale=SCALE).to_pil().convert("RGB")
                left, bottom, _, top = textpage.get_charbox(index)
                x, y = (left - 3) * SCALE, (height - (top + bottom) / 2) * SCALE
                found.append(image.getpixel((int(x), int(y))))
    finally:
        document.close()
    return found


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_quote_cards_have_a_neutral_tint(demo_reports, client):
    _, reports, _ = demo_reports
    colors = card_colors(reports[client])
    cards = [c for c in colors if c != (255, 255, 255)]
    assert cards, "the report quotes its respondents on cards"
    tinted = [c for c in cards if max(c) - min(c) > 12]
    assert tinted == []
