"""Write text, CSV and .xlsx files so that two runs give the same bytes."""

from __future__ import annotations

import csv
import io
import re
import textwrap
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

# Every zip entry gets this timestamp: openpyxl stamps the current time otherwise.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
WRAP = 96  # prose line width in the YAML and Markdown files


class Writer:
    """Writes the files of one client folder and remembers what it wrote."""

    def __init__(self, root: Path):
        self.root = root
        self.written: list[Path] = []

    def path(self, rel: str) -> Path:
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        self.written.append(target)
        return target

    def text(self, rel: str, content: str) -> None:
        """Write UTF-8 text with LF line endings and exactly one final newline."""
        self.path(rel).write_bytes((content.strip("\n") + "\n").encode("utf-8"))

    def yaml(self, rel: str, content: str) -> None:
        """Write a hand-formatted YAML file, its folded prose re-wrapped."""
        self.text(rel, reflow_folded(content))

    def csv(
        self,
        rel: str,
        rows: Iterable[Sequence[object]],
        *,
        encoding: str = "utf-8",
        delimiter: str = ",",
        newline: str = "\n",
        quote_all: bool = False,
        bom: bool = False,
        trailing_blank_line: bool = False,
    ) -> None:
        """Write rows the way a survey tool's CSV export lays them out."""
        buffer = io.StringIO(newline="")
        quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
        if trailing_blank_line:
            buffer.write(newline)
        data = buffer.getvalue().encode(encoding)
        self.path(rel).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)

    def xlsx(self, rel: str, workbook: Workbook, *, google_sheets: bool = False) -> None:
        """Save a workbook with fixed properties and zip timestamps.

        With ``google_sheets`` the file is shaped like a Google Sheets download: no document
        properties part and no ``<dimension>`` element in the worksheet.
        """
        raw = io.BytesIO()
        workbook.save(raw)
        self.path(rel).write_bytes(_normalise_zip(raw.getvalue(), google_sheets=google_sheets))


def _normalise_zip(data: bytes, *, google_sheets: bool) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            content = source.read(name)
            if google_sheets and name.startswith("docProps/"):
                continue
            if name == "docProps/core.xml":
                # openpyxl stamps the creation and save times into the core properties.
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>2026-01-01T00:00:00Z\g<3>",
                    content,
                )
            if google_sheets and name == "[Content_Types].xml":
                content = re.sub(rb'<Override PartName="/docProps/[^"]*"[^>]*/>', b"", content)
            if google_sheets and name == "_rels/.rels":
                content = re.sub(rb'<Relationship [^>]*"docProps/[^"]*"[^>]*/>', b"", content)
            if google_sheets and name.startswith("xl/worksheets/sheet"):
                content = re.sub(rb"<dimension [^>]*/>", b"", content, count=1)
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def front_matter(fields: str, body: str) -> str:
    """Join a YAML front-matter block and a Markdown body whose paragraphs are re-wrapped."""
    paragraphs = []
    for paragraph in body.strip().split("\n\n"):
        if paragraph.lstrip().startswith(("-", "#", "|", ">")):
            paragraphs.append(paragraph)
        else:
            # "2. ceturksnī" at the start of a line would turn into a numbered list.
            text = re.sub(r"(\d)\. (?=\w)", "\\1.\u00a0", " ".join(paragraph.split()))
            paragraphs.append(textwrap.fill(text, width=WRAP))
    return f"---\n{fields.strip()}\n---\n\n" + "\n\n".join(paragraphs) + "\n"


def reflow_folded(yaml_text: str) -> str:
    """Re-wrap every folded ``>-`` block, whose lines go ragged once figures are filled in."""
    lines = yaml_text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        if not line.rstrip().endswith(">-"):
            continue
        block = []
        key_indent = len(line) - len(line.lstrip())
        while index < len(lines) and lines[index].strip():
            if len(lines[index]) - len(lines[index].lstrip()) <= key_indent:
                break
            block.append(lines[index])
            index += 1
        if block:
            indent = " " * (len(block[0]) - len(block[0].lstrip()))
            words = " ".join(part.strip() for part in block)
            out += textwrap.wrap(words, width=WRAP, initial_indent=indent, subsequent_indent=indent)
    return "\n".join(out)
