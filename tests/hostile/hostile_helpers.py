"""A small buildable workspace and the makers of hostile files the hostile-input tests share."""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

from click.testing import CliRunner

CLIENT = "acme"
ENGAGEMENT = f"engagements/{CLIENT}/engagement.yaml"
SURVEY = f"engagements/{CLIENT}/data/q3.csv"
OUTPUT = f"output/{CLIENT}"

RAPPORT_YAML = """\
consultant:
  name: Test Consultant
  company: Test Insight
brand:
  logo: brand/logo.svg
"""

ENGAGEMENT_YAML = """\
client:
  name: Acme Retail
  logo: assets/logo.svg
  contacts:
    - id: jdoe
      name: Jane Doe
      email: jane@acme.example
      executive: true
      recipient: true
engagement:
  title: Customer satisfaction assessment
  period: {start: 2026-07-01, end: 2026-09-30}
  report_date: 2026-10-15
measures:
  items: {speed: Delivery speed}
waves:
  - id: q3
    name: Q3 pulse
    fielded: {start: 2026-07-01, end: 2026-07-31}
    sources:
      - file: data/q3.csv
        columns: {respondent_id: id, nps: nps, items: {speed: speed}, comment: comment}
"""

SURVEY_ROWS = [
    ["id", "nps", "speed", "comment"],
    *[[f"R{i}", str(i % 11), str(1 + i % 5), f"Comment {i}"] for i in range(1, 13)],
]

INTERACTIONS_YAML = """\
interactions:
  - date: 2026-07-02
    channel: call
    people: [jdoe]
    mood: 4
    summary: Kick-off call
"""

# A one-page report keeps the build quick; the built-in deck and workbook are not built here.
SMALL_REPORT = """\
{% extends "layout.html" %}
{% block content %}<h1>{{ client.name }}</h1><p>{{ wave.name }}</p>
{% if client.logo %}<img src="{{ client.logo }}" alt="">{% endif %}
{% if consultant.logo %}<img src="{{ consultant.logo }}" alt="">{% endif %}{% endblock %}
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" fill="#1f3a5f"/></svg>'
)


def csv_text(rows: list[list[str]]) -> str:
    return "".join(",".join(row) + "\n" for row in rows)


def base_files() -> dict[str, str | bytes]:
    return {
        "rapport.yaml": RAPPORT_YAML,
        "brand/logo.svg": SVG,
        ENGAGEMENT: ENGAGEMENT_YAML,
        f"engagements/{CLIENT}/interactions.yaml": INTERACTIONS_YAML,
        f"engagements/{CLIENT}/assets/logo.svg": SVG,
        SURVEY: csv_text(SURVEY_ROWS),
        f"engagements/{CLIENT}/templates/report/report.html": SMALL_REPORT,
    }


def run(root: Path, *args: str):
    """Run the command line in-process in workspace ``root``; exceptions become the result."""
    from cli import main

    return CliRunner().invoke(main, ["--workspace", str(root), *args])


def copy_workspace(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


# ---------- Hostile files ----------


def png(width: int, height: int, *, pixels: bool = True) -> bytes:
    """A valid PNG header of the given size (grey, 8 bits) with a tiny IDAT."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * (width + 1) * min(height, 4)) if pixels else b""
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int) -> bytes:
    """The markers of a JPEG up to its frame header: enough to state its size."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9 + sof


def laughs(levels: int = 9) -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">'
        for i in range(1, levels + 1)
    )
    return f"<!DOCTYPE svg [{entities}]>"


def xlsx_bytes(rows: list[list], sheet: str = "Responses") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rebuild(original: bytes, replace: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    """The zip ``original`` with members replaced, added (``replace``) or left out (``drop``)."""
    source = zipfile.ZipFile(io.BytesIO(original))
    replace = dict(replace)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, replace.pop(info.filename, source.read(info.filename)))
        for name, data in replace.items():
            target.writestr(name, data)
    return out.getvalue()


def moved_sheet(original: bytes, part: str, content: bytes) -> bytes:
    """The workbook with its sheet moved to ``part`` (relationships rewritten) holding
    ``content``: the reader follows the relationships, so must every check."""
    source = zipfile.ZipFile(io.BytesIO(original))
    rels = source.read("xl/_rels/workbook.xml.rels")
    rels = rels.replace(b"/xl/worksheets/sheet1.xml", b"/" + part.encode())
    return rebuild(
        original,
        {"xl/_rels/workbook.xml.rels": rels, part: content},
        drop=("xl/worksheets/sheet1.xml",),
    )


SHEET_HEAD = (
    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"

ENTITY_SHEET = (
    b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
    b"</sheetData></worksheet>"
)

GRID_SHEET = (
    SHEET_HEAD + b'<row r="1"><c r="A1"><v>1</v></c></row>'
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' + SHEET_TAIL
)


def whitespace_sheet(megabytes: int) -> bytes:
    return SHEET_HEAD + b" " * (megabytes << 20) + SHEET_TAIL
