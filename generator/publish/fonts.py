"""A private fontconfig configuration, so that only the bundled fonts can reach a document.

Pango finds fonts through fontconfig, which by default sees every font installed on the
machine: a missing glyph would then be drawn from whatever the machine has, and the same
inputs would give different PDFs on different machines. WeasyPrint builds its fontconfig
configuration from ``FONTCONFIG_FILE`` each time a ``FontConfiguration`` is created, so the
renderer points that variable at a generated file naming only our font folders.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

BUNDLED_FAMILIES = frozenset({"Source Sans 3"})
"""Font families shipped in ``templates/fonts`` (a brand may name these without a file)."""

FONT_SUFFIXES = (".ttf", ".otf")

_config_folder: Path | None = None


def fontconfig_text(font_dirs: Sequence[Path]) -> str:
    """Return a fontconfig file that knows only the fonts in ``font_dirs``."""
    dirs = "\n".join(f"  <dir>{escape(str(Path(d).resolve()))}</dir>" for d in font_dirs)
    return (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"{dirs}\n"
        "</fontconfig>\n"
    )


def private_fontconfig_file(font_dirs: Sequence[Path]) -> Path:
    """Write (once per process and set of folders) the fontconfig file for ``font_dirs``."""
    global _config_folder
    missing = [str(d) for d in font_dirs if not Path(d).is_dir()]
    if missing:
        raise FileNotFoundError(f"font folder(s) not found: {', '.join(missing)}")
    text = fontconfig_text(font_dirs)
    if _config_folder is None:
        _config_folder = Path(tempfile.mkdtemp(prefix="rapport-fontconfig-"))
        atexit.register(shutil.rmtree, _config_folder, ignore_errors=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    path = _config_folder / f"fonts-{digest}.conf"
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path


def font_files(folder: Path) -> list[Path]:
    """Return the font files of a folder, sorted, for hashing and checks."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
