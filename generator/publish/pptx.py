"""The PowerPoint deck on disk: the same inputs give the same bytes, and the file is written
whole or not at all.

python-pptx and XlsxWriter date the zip entries and the document properties with the clock;
``reproducible`` rewrites the package (and each chart's embedded workbook inside it) with
every entry dated the report date, the properties' dates fixed to it, entries in a fixed
order and compressed the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.publish.pdf import write_atomically

_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"(<cp:lastPrinted>)[^<]*(</cp:lastPrinted>)")


@dataclass(frozen=True)
class PublishedPptx:
    path: Path
    size: int
    sha256: str
    slides: int


def reproducible(data: bytes, moment: dt.datetime) -> bytes:
    """Return the package with fixed dates in its zip entries and properties."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    when = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = source.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in a fixed order.
        ordered = sorted(names, key=lambda name: (name != "[Content_Types].xml", name))
        for name in ordered:
            content = source.read(name)
            if name.endswith("docProps/core.xml"):
                content = _DATES.sub(rb"\g<1>" + when + rb"\g<3>", content)
                content = _PRINTED.sub(rb"\g<1>" + when + rb"\g<2>", content)
            elif name.endswith(".xlsx"):
                content = reproducible(content, moment)
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def write_pptx(data: bytes, target: Path, moment: dt.datetime, slides: int) -> PublishedPptx:
    """Write the deck atomically (a temporary file renamed over the old one)."""
    fixed = reproducible(data, moment)
    write_atomically(target, fixed)
    return PublishedPptx(target, len(fixed), hashlib.sha256(fixed).hexdigest(), slides)
