"""Pixels of the cover and of a chart page, against reviewed images.

The pages are rendered small with pdfium and compared with tests/report/golden/*.png by mean
absolute difference, so a broken layout, a lost chart or a wrong colour fails while a
renderer's anti-aliasing does not. After an intended change of the design, look at the new
pages, then write new golden images with:

    RAPPORT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/report/test_report_pixels.py

On a failure the page as rendered is written beside the test's temporary files and named in
the message.

The pixels also depend on the renderer: WeasyPrint, pydyf and pdfium come from the lock file,
Pango and HarfBuzz from the operating system. ``golden/renderer.json`` records the versions the
images were drawn with; a page that differs on a machine with other system libraries is skipped
with both sets of versions named, since the difference is not this project's to judge.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
from importlib.metadata import version
from pathlib import Path

import pytest
from report_helpers import outline

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
SCALE = 0.5  # 36 dpi: 298 × 421 pixels for an A4 page
TOLERANCE = 2.0  # mean absolute difference per channel, 0–255


SYSTEM_LIBRARIES = ("pango", "harfbuzz")


def renderer() -> dict[str, str]:
    """Return the versions of the libraries that decide how a page looks."""
    from weasyprint.text.ffi import pango

    pango_version = pango.pango_version()
    harfbuzz = ctypes.CDLL(ctypes.util.find_library("harfbuzz") or "libharfbuzz.so.0")
    harfbuzz.hb_version_string.restype = ctypes.c_char_p
    return {
        "weasyprint": version("weasyprint"),
        "pydyf": version("pydyf"),
        "pypdfium2": version("pypdfium2"),
        "pango": f"{pango_version // 10000}.{pango_version // 100 % 100}.{pango_version % 100}",
        "harfbuzz": harfbuzz.hb_version_string().decode(),
    }


def render_page(pdf: Path, index: int):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[index].render(scale=SCALE).to_pil().convert("RGB")
    finally:
        document.close()


def mean_difference(first, second) -> float:
    from PIL import ImageChops, ImageStat

    if first.size != second.size:
        return 255.0
    return sum(ImageStat.Stat(ImageChops.difference(first, second)).mean) / 3


def check_against_golden(image, name: str, tmp_path: Path) -> None:
    golden = GOLDEN / f"{name}.png"
    recorded = GOLDEN / "renderer.json"
    if os.environ.get("RAPPORT_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        image.save(golden, optimize=True)
        recorded.write_text(json.dumps(renderer(), indent=2, sort_keys=True) + "\n")
    from PIL import Image

    assert golden.is_file(), f"no golden image {golden}; see this module's docstring"
    expected = Image.open(golden).convert("RGB")
    difference = mean_difference(image, expected)
    if difference > TOLERANCE:
        actual = tmp_path / f"{name}.actual.png"
        image.save(actual)
        drawn_with, here = json.loads(recorded.read_text()), renderer()
        changed = {
            library: f"{drawn_with.get(library)} → {now}"
            for library, now in here.items()
            if drawn_with.get(library) != now
        }
        message = f"{name} differs from its golden image by {difference:.2f}; see {actual}"
        if changed:
            message += f"; the renderer changed since the goldens were drawn: {changed}"
        if any(library in changed for library in SYSTEM_LIBRARIES):
            pytest.skip(message)
        pytest.fail(message)


def test_the_goldens_name_the_renderer_they_were_drawn_with():
    assert set(json.loads((GOLDEN / "renderer.json").read_text())) == set(renderer())


def test_the_cover_looks_as_reviewed(demo_reports, tmp_path):
    _, pdfs, _ = demo_reports
    check_against_golden(render_page(pdfs["northwind-logistics"], 0), "cover-en", tmp_path)


def test_the_scores_over_time_page_looks_as_reviewed(demo_reports, tmp_path):
    _, pdfs, _ = demo_reports
    pdf = pdfs["northwind-logistics"]
    (page,) = [page for level, title, page in outline(pdf) if title == "Scores over time"]
    check_against_golden(render_page(pdf, page), "scores-over-time-en", tmp_path)


def test_a_changed_page_is_caught(demo_reports):
    """The comparison is sensitive enough: the cover is not the chart page."""
    _, pdfs, _ = demo_reports
    pdf = pdfs["northwind-logistics"]
    assert mean_difference(render_page(pdf, 0), render_page(pdf, 3)) > 10 * TOLERANCE
