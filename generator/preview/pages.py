"""The rendered PDF's pages as pictures, each named by a digest of its pixels.

A page whose pixels did not change keeps its name, so the browser keeps the picture it has
and only the changed pages are encoded and fetched again. The pictures go to the preview's
own temporary folder, never to the workspace's output.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCALE = 1.5  # 108 dpi: sharp at a browser's 96 px per inch, and quick to draw
POINTS_TO_CSS_PIXELS = 96 / 72


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    file: str  # the picture's name in the pages folder
    width: float  # the page's size in CSS pixels (its size on paper at 96 px per inch)
    height: float
    text: str  # what the page says, for searching it and for screen readers

    def to_dict(self) -> dict:
        return {
            "number": self.number,
            "src": f"/pages/{self.file}",
            "width": round(self.width),
            "height": round(self.height),
            "text": self.text,
        }


def draw_pages(pdf: bytes, folder: Path) -> list[Page]:
    """Draw every page of ``pdf`` into ``folder`` (only those not there already)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                width, height = page.get_size()
                image = page.render(scale=SCALE).to_pil()
                digest = hashlib.sha256(f"{image.size}".encode() + image.tobytes()).hexdigest()
                name = f"page-{digest[:20]}.png"
                if not (folder / name).is_file():
                    _write_png(image, folder / name)
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
            finally:
                page.close()
            pages.append(
                Page(
                    index + 1,
                    name,
                    width * POINTS_TO_CSS_PIXELS,
                    height * POINTS_TO_CSS_PIXELS,
                    text.replace("\r\n", "\n"),
                )
            )
    finally:
        document.close()
    return pages


def prune(folder: Path, keep: Iterable[str]) -> None:
    """Delete the pictures no longer shown."""
    kept = set(keep)
    for path in folder.glob("page-*.png"):
        if path.name not in kept:
            path.unlink(missing_ok=True)


def _write_png(image, target: Path) -> None:
    # A browser that asks for a page while it is written gets the whole file or none.
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)  # speed over size: the pictures stay local
    fd, temporary = tempfile.mkstemp(prefix=".page-", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "wb") as file:
        file.write(buffer.getvalue())
    os.replace(temporary, target)
