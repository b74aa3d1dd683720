"""Helpers of the report tests: the PDF's text and outline, and numbers formatted by hand.

The numbers are formatted here without Babel or the report's filters, so a test that finds
them in the PDF checks the report against an independent reading of the analysis.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

LANGUAGES = {"northwind-logistics": "en", "baltic-home": "lv", "kyiv-pharma": "uk"}
MINUS = "\u2212"


def report_pdf(root: Path, client: str) -> Path:
    """Return the one assessment PDF built for ``client``."""
    (path,) = sorted((root / "output" / client).glob(f"{client}-assessment-*.pdf"))
    return path


def page_texts(path: Path) -> list[str]:
    """Return each page's text (pdfium keeps separate boxes on separate lines)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return [normalize(page.get_textpage().get_text_range()) for page in document]
    finally:
        document.close()


def normalize(text: str) -> str:
    """Make every kind of space a plain space and every line end a newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\u00a0\u2009\u202f\u2007\u200a \t]+", " ", text)


def outline(path: Path) -> list[tuple[int, str, int]]:
    """Return the bookmarks as (level, title, page index), in order."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    entries: list[tuple[int, str, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return entries


def rounded(value: float, decimals: int = 0) -> Decimal:
    """Round half up on the decimal text of ``value`` (2.45 → 2.5), as a reader rounds."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def number(value: float, decimals: int, language: str, signed: bool = False) -> str:
    """Format ``value`` for a reader of ``language``: grouping, decimal mark and real minus."""
    amount = rounded(value, decimals)
    digits = f"{abs(amount):,.{decimals}f}"
    if language in ("uk", "lv"):
        digits = digits.replace(",", " ").replace(".", ",")
    if amount < 0:
        return MINUS + digits
    return ("+" + digits) if signed and amount > 0 else digits


def percent(share: float, language: str) -> str:
    return number(share * 100, 0, language) + "%"


def contains_number(text: str, shown: str) -> bool:
    """Whether ``shown`` appears in ``text`` as a whole number, not inside a longer one."""
    pattern = r"(?<![\d,.])" + re.escape(shown) + r"(?![\d]|[,.]\d)"
    return re.search(pattern, text) is not None


# Marks a renderer may change for typesetting: hyphens at line ends, quotes and apostrophes
# made curly, the spaces in between. A text is looked for with these set aside.
_LOOSE = str.maketrans({c: None for c in "-\u2010\u2011\u00ad"} | dict.fromkeys("’‘“”„«»\"'", "'"))


def loose(text: str) -> str:
    """Return ``text`` without spaces or hyphens, every quote mark the same."""
    return "".join(text.split()).translate(_LOOSE)


def pages_with_chars(path: Path, scale: float = 3.0):
    """Yield each page as (image, width, height, chars): its rendering at ``scale`` and every
    character that is not a space with its box in PDF points (left, bottom, right, top)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = []
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if char.strip():
                    chars.append((char, textpage.get_charbox(index)))
            image = page.render(scale=scale).to_pil().convert("L")
            yield image, width, height, chars
    finally:
        document.close()


def drawn(image, box, page_height: float, scale: float = 3.0) -> bool:
    """Whether the character in ``box`` left ink on ``image``: a glyph cut away by a clip
    leaves its box one flat colour."""
    left, bottom, right, top = box
    crop = image.crop(
        (
            int(left * scale) - 1,
            int((page_height - top) * scale) - 1,
            int(right * scale) + 2,
            int((page_height - bottom) * scale) + 2,
        )
    )
    low, high = crop.getextrema()
    return high - low >= 60
