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


def section_starts_at_top(path: Path) -> set[int]:
    """Return the page indexes (0-based) whose body opens with a major section's heading,
    read from where its bookmark points (its top within 50 mm of the page's top edge)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    found = set()
    for item in reader.outline:
        if isinstance(item, list) or item.top is None:
            continue
        page = reader.get_destination_page_number(item)
        height = float(reader.pages[page].mediabox.height)
        if height - float(item.top) < 50 / 25.4 * 72:
            found.add(page)
    return found


CONTINUED = {"en": "(continued)", "uk": "(продовження)", "lv": "(turpinājums)"}


def body_lines(text: str) -> list[str]:
    """Return a page's text lines without its running head and foot (the margin boxes, which
    come last in the text)."""
    return [line.strip() for line in text.split("\n") if line.strip()][:-2]


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


def luminance(rgb) -> float:
    """Relative luminance (WCAG 2) of an (r, g, b) colour of 0–255 channels."""

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def logo_colors(root: Path) -> set[tuple[int, int, int]]:
    """Return the colours written in the workspace's and the clients' SVG logos."""
    found = set()
    for logo in [*root.glob("brand/*.svg"), *root.glob("engagements/*/assets/*.svg")]:
        for digits in re.findall(r"#([0-9a-fA-F]{6})\b", logo.read_text(encoding="utf-8")):
            found.add(tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4)))
    return found


def low_contrast_text(
    path: Path, exempt: set = frozenset(), minimum: float = 4.5, scale: float = 2.0
) -> list[str]:
    """Return every character whose colour (from the PDF) reads below ``minimum`` against the
    colour around it on the rendered page. Text on the cover in a colour of ``exempt`` is
    part of a logo, a picture the brand supplies as it is."""
    import ctypes
    from collections import Counter

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(str(path))
    found = []
    try:
        for number, page in enumerate(document, start=1):
            height = page.get_size()[1]
            image = page.render(scale=scale).to_pil().convert("RGB")
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                char = textpage.get_text_range(index, 1)
                if not char.strip():
                    continue
                left, bottom, right, top = textpage.get_charbox(index)
                channels = [ctypes.c_uint() for _ in range(4)]
                raw.FPDFText_GetFillColor(textpage.raw, index, *channels)
                color = tuple(c.value for c in channels[:3])
                if number == 1 and color in exempt:
                    continue
                crop = image.crop(
                    (
                        int(left * scale) - 2,
                        int((height - top) * scale) - 2,
                        int(right * scale) + 2,
                        int((height - bottom) * scale) + 2,
                    )
                )
                width, tall = crop.size
                edge = [crop.getpixel((x, y)) for x in range(width) for y in (0, tall - 1)]
                background = Counter(edge).most_common(1)[0][0]
                ratio = contrast_ratio(color, background)
                if ratio < minimum:
                    found.append(f"page {number}: {char!r} {color} on {background}: {ratio:.2f}")
    finally:
        document.close()
    return found


def empty_share(path: Path, scale: float = 0.5) -> list[float]:
    """Return, per page, the share of the body (between running header and footer) left
    empty below its last ink, measured on the rendered pixels."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    shares = []
    try:
        for page in document:
            image = page.render(scale=scale).to_pil().convert("L")
            width, height = image.size
            top, bottom = int(height * 30 / 297), int(height * (297 - 24) / 297)
            pixels = image.load()
            last = top
            for y in range(bottom - 1, top, -1):
                if any(pixels[x, y] < 235 for x in range(0, width, 2)):
                    last = y
                    break
            shares.append((bottom - last) / (bottom - top))
    finally:
        document.close()
    return shares


def small_text(path: Path, minimum: float, exempt: frozenset[str] = frozenset()) -> list[str]:
    """Return every run of text set smaller than ``minimum`` points, as "page N: size 'text'".

    The size is the font size scaled by the text and page matrices, so text drawn inside a
    chart's SVG is measured as printed. A run on the cover whose text is in ``exempt`` belongs
    to a logo, a picture the brand supplies as it is."""
    import math

    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(path).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            text = " ".join(text.split())
            if not text or (number == 1 and text in exempt):
                return
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            printed = size * math.sqrt(abs(a * d - b * c))
            if printed < minimum - 0.01:
                found.append(f"page {number}: {printed:.2f} pt {text!r}")

        page.extract_text(visitor_text=visit)
    return found


def logo_texts(root: Path) -> frozenset[str]:
    """Return the words written in the workspace's and the clients' SVG logos, spaced as a
    PDF's text extraction may space out their letters too."""
    found = set()
    for logo in [*root.glob("brand/*.svg"), *root.glob("engagements/*/assets/*.svg")]:
        for text in re.findall(r"<text[^>]*>([^<]+)<", logo.read_text(encoding="utf-8")):
            words = " ".join(text.split())
            found |= {words, " ".join(words.replace(" ", ""))}
    return frozenset(found)
