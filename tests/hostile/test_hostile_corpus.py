"""A corpus of bad inputs: each one a located error, exit 1, no traceback, outputs untouched.

Every case changes one thing in a copy of a small workspace whose report and workbook were
built, then runs `validate` and `build` in-process: both must name the place of the problem,
exit with 1, print no traceback and leave the earlier outputs byte for byte as they were.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from hostile_helpers import (
    CLIENT,
    ENGAGEMENT,
    ENTITY_SHEET,
    GRID_SHEET,
    OUTPUT,
    SHEET_HEAD,
    SHEET_TAIL,
    SURVEY,
    SURVEY_ROWS,
    csv_text,
    jpeg,
    laughs,
    moved_sheet,
    png,
    rebuild,
    run,
    snapshot,
    whitespace_sheet,
    xlsx_bytes,
)

E = f"engagements/{CLIENT}"
INTERACTIONS = f"{E}/interactions.yaml"
NARRATIVE = f"{E}/narrative/summary.md"
CLIENT_LOGO = f"{E}/assets/logo.svg"
BRAND_LOGO = "brand/logo.svg"
XLSX = f"{E}/data/q3.xlsx"


class Bad(NamedTuple):
    change: Callable[[Path], None]
    where: str  # the file the message names, as the workspace names it
    says: str  # words of the message
    located: bool = True  # whether the place includes a line or a cell


# ---------- Changes ----------


def put(name: str, content: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return change


def append(name: str, text: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        path.write_bytes(path.read_bytes() + data)

    return change


def edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for each in changes:
            each(root)

    return change


def replaced_by(name: str, kind: str) -> Callable[[Path], None]:
    """``name`` becomes a folder, a pipe or a link of some kind."""

    def change(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            outside = root.parent / f"outside-{path.name}"
            outside.write_bytes(path.read_bytes())
            path.unlink()
        else:
            outside = root.parent / f"outside-{path.name}"
            outside.write_text("x\n", encoding="utf-8")
        if kind == "folder":
            path.mkdir()
            (path / "inner.txt").write_text("x", encoding="utf-8")
        elif kind == "pipe":
            os.mkfifo(path)
        elif kind == "device":
            path.symlink_to("/dev/zero")
        elif kind == "outside":
            path.symlink_to(outside)
        elif kind == "dangling":
            path.symlink_to(path.parent / "gone" / path.name)
        elif kind == "loop":
            path.symlink_to(path.name)
        else:
            raise AssertionError(kind)

    return change


def survey_xlsx(content: bytes) -> Callable[[Path], None]:
    """The wave's export becomes an .xlsx with ``content``."""
    return both(put(XLSX, content), edit(ENGAGEMENT, "file: data/q3.csv", "file: data/q3.xlsx"))


def good_xlsx() -> bytes:
    return xlsx_bytes([[int(v) if v.isdigit() else v for v in row] for row in SURVEY_ROWS])


def survey_csv(rows: list[list[str]] | str | bytes) -> Callable[[Path], None]:
    return put(SURVEY, rows if isinstance(rows, (str, bytes)) else csv_text(rows))


# ---------- The cases ----------

CASES: dict[str, Bad] = {}

# 1. YAML, in every YAML file and in a narrative's front matter

NARRATIVE_TEXT = "---\nkind: executive_summary\ntitle: Summary\n---\nThe summary.\n"
YAML_FILES = {
    "rapport": ("rapport.yaml", ""),
    "engagement": (ENGAGEMENT, ""),
    "interactions": (INTERACTIONS, ""),
    "front matter": (NARRATIVE, "front"),
}
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
)
YAML_ATTACKS = {
    "20,000 nested brackets": ("objectives: " + "[" * 20_000 + "]" * 20_000 + "\n", "YAML syntax"),
    "80 nested brackets": ("objectives: " + "[" * 80 + "]" * 80 + "\n", "nested more than 64"),
    "an alias inside itself": ("objectives: &loop [*loop]\n", "contains it"),
    "a code tag on a mapping": ("x: !!python/object/apply:os.system {a: 1}\n", "is not allowed"),
    "a code tag on a value": ("x: !!python/name:os.system ''\n", "python/name:os.system"),
    "an unknown local tag": ("x: !include other.yaml\n", "'!include'"),
    "a control character": ("x: caf\x92\n", "a control character (U+0092)"),
    "a syntax error": ("x: {a: 1\n", "YAML syntax"),
    "a duplicate key": ("x: 1\nx: 2\n", "duplicate key 'x'"),
    "a tab for indentation": ("x:\n\t- 1\n", "YAML syntax"),
}


def yaml_case(name: str, extra: str) -> Callable[[Path], None]:
    if name == NARRATIVE:
        return put(name, "---\nkind: executive_summary\n" + extra + "---\nText.\n")
    return append(name, "\n" + extra)


for file_label, (file_name, _) in YAML_FILES.items():
    for attack, (text, says) in YAML_ATTACKS.items():
        CASES[f"yaml/{file_label}/{attack}"] = Bad(yaml_case(file_name, text), file_name, says)
    CASES[f"yaml/{file_label}/a billion laughs"] = Bad(
        yaml_case(file_name, LAUGHS), file_name, "once aliases are expanded", located=False
    )
    CASES[f"yaml/{file_label}/a cp1252 byte"] = Bad(
        put(file_name, b"---\nkind: executive_summary\nx: caf\x92\n---\nText.\n")
        if file_name == NARRATIVE
        else append(file_name, b"\nx: caf\x92\n"),
        file_name,
        "not UTF-8 text",
    )
    CASES[f"yaml/{file_label}/5.5 MB"] = Bad(
        put(file_name, "---\n" + "# padding\n" * 600_000 + "---\n")
        if file_name == NARRATIVE
        else append(file_name, "\n" + "# padding\n" * 600_000),
        file_name,
        "larger than",
        located=False,
    )

# 2. Files that are not what they claim

FILE_KINDS = {
    "folder": "not a regular file",
    "pipe": "not a regular file",
    "device": "",
    "outside": "",
    "dangling": "",
    "loop": "leads back to itself",
}
CLAIMED_FILES = {
    "narrative": (NARRATIVE, NARRATIVE, put(NARRATIVE, NARRATIVE_TEXT)),
    "interactions": (INTERACTIONS, INTERACTIONS, None),
    "survey": (SURVEY, ENGAGEMENT, None),
    "client logo": (CLIENT_LOGO, ENGAGEMENT, None),
    "brand logo": (BRAND_LOGO, "rapport.yaml", None),
}
for label, (name, reported, first) in CLAIMED_FILES.items():
    for kind, says in FILE_KINDS.items():
        change = replaced_by(name, kind)
        CASES[f"file/{label}/{kind}"] = Bad(
            both(first, change) if first else change,
            reported,
            says,
            located=reported != name,
        )

# 3. Survey exports as they really break

HEADER, *ROWS = SURVEY_ROWS
CSV_CASES = {
    "a record with 2 of its 4 fields": (
        [HEADER, *ROWS[:4], ["R5", "9"], *ROWS[5:]],
        ":6: this record has 2 of the 4 fields",
    ),
    "cut in the middle of its last record": (
        csv_text(SURVEY_ROWS)[:-12],
        "the file may have been cut off",
    ),
    "cut inside a quoted value": (
        csv_text(SURVEY_ROWS) + 'R99,9,4,"the download stopp',
        "the file ends inside a quoted value",
    ),
    "a quote left open": (
        csv_text(SURVEY_ROWS[:6]) + 'R6,9,4,"open\n' + csv_text(ROWS[6:]),
        "a quoted value is still open",
    ),
    "more values than the header": (
        [HEADER, *ROWS[:3], [*ROWS[3], "surplus"], *ROWS[4:]],
        ":5:5: this row has 5 values but the header names 4 columns",
    ),
    "a ten-megabyte cell": (
        csv_text(SURVEY_ROWS[:3]) + 'R3,9,4,"' + ("word " * 20 + "\n") * 100_000 + '"\n',
        "a value longer than",
    ),
    "a ten-megabyte line": (
        csv_text(SURVEY_ROWS[:3]) + "R3,9,4," + "x" * (10 << 20) + "\n",
        "a line longer than",
    ),
    "binary data": (b"id,nps\n\x00\x01\x02\x03" * 50, "not CSV text (it holds binary data)"),
    "a workbook named .csv": (b"", "not CSV text (it looks like an Excel workbook"),
    "empty": ("", "the file is empty"),
    "only blank lines": ("\n\n\n", "the file is empty"),
    "neither UTF-8 nor a code page": (
        csv_text(SURVEY_ROWS).encode() + b"R13,9,4,\x98\x81\n",
        "declare its encoding",
    ),
    "an NPS of 11": ([HEADER, *ROWS[:2], ["R3", "11", "4", "x"], *ROWS[3:]], ":4:2: "),
    "an NPS that is a word": ([HEADER, *ROWS[:2], ["R3", "nine", "4", "x"], *ROWS[3:]], ":4:2: "),
    "an item off its scale": ([HEADER, ["R1", "9", "9", "x"], *ROWS[1:]], ":2:3: "),
    "a duplicate respondent": ([HEADER, *ROWS, ROWS[0]], ":14:1: "),
    "the mapped column missing": (
        [["id", "NPS score", "speed", "comment"], *ROWS],
        "no column 'nps'",
    ),
}
for label, (content, says) in CSV_CASES.items():
    if label == "a workbook named .csv":
        change = survey_csv(b"")
        change = put(SURVEY, b"PK\x03\x04" + b"\0" * 200)
    else:
        change = survey_csv(content)
    where = ENGAGEMENT if label == "the mapped column missing" else SURVEY
    unlocated = label in ("binary data", "a workbook named .csv", "empty", "only blank lines")
    unlocated = unlocated or label == "neither UTF-8 nor a code page"
    CASES[f"csv/{label}"] = Bad(change, where, says, located=not unlocated)


def sparse_file(name: str, size: int) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with open(root / name, "wb") as file:
            file.truncate(size)

    return change


CASES["csv/300 MB"] = Bad(sparse_file(SURVEY, 300 << 20), SURVEY, "a survey export may have", False)


def _base_sheet() -> tuple[bytes, bytes]:
    import io
    import zipfile

    original = good_xlsx()
    return original, zipfile.ZipFile(io.BytesIO(original)).read("xl/worksheets/sheet1.xml")


def error_cell(error: str, cell: str = "B4") -> bytes:
    original, sheet = _base_sheet()
    at = sheet.index(f'<c r="{cell}"'.encode())
    end = sheet.index(b"</c>", at) + 4
    cell_xml = f'<c r="{cell}" t="e"><v>{error}</v></c>'.encode()
    return rebuild(original, {"xl/worksheets/sheet1.xml": sheet[:at] + cell_xml + sheet[end:]})


def declared_sizes(original: bytes, size: int) -> bytes:
    """The zip with every member claiming ``size`` unpacked bytes in the central directory."""
    import struct

    data = bytearray(original)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def _xlsx_cases() -> dict[str, tuple[Callable[[], bytes], str, bool]]:
    sheet_name = "xl/worksheets/sheet1.xml"
    return {
        "an NPS cell holding #N/A": (lambda: error_cell("#N/A"), "[Responses]!B4: ", True),
        "an item cell holding #DIV/0!": (
            lambda: error_cell("#DIV/0!", "C5"),
            "[Responses]!C5: the cell holds the spreadsheet error #DIV/0!",
            True,
        ),
        "64 MB of whitespace in its sheet": (
            lambda: rebuild(good_xlsx(), {sheet_name: whitespace_sheet(64)}),
            "without a single tag",
            False,
        ),
        "64 MB of whitespace in its shared strings": (
            lambda: rebuild(
                good_xlsx(),
                {"xl/sharedStrings.xml": b"<sst><si><t>" + b" " * (64 << 20) + b"</t></si></sst>"},
            ),
            "xl/sharedStrings.xml holds more than",
            False,
        ),
        "an entity bomb in its sheet": (
            lambda: rebuild(good_xlsx(), {sheet_name: ENTITY_SHEET}),
            "declares a DOCTYPE",
            False,
        ),
        "an entity bomb in a moved sheet": (
            lambda: moved_sheet(good_xlsx(), "xl/data/answers.bin", ENTITY_SHEET),
            "xl/data/answers.bin declares a DOCTYPE",
            False,
        ),
        "a grid bomb in its sheet": (
            lambda: rebuild(good_xlsx(), {sheet_name: GRID_SHEET}),
            "spans 1,048,576 rows",
            False,
        ),
        "a grid bomb in a moved sheet": (
            lambda: moved_sheet(good_xlsx(), "xl/data/answers.bin", GRID_SHEET),
            "xl/data/answers.bin spans 1,048,576 rows",
            False,
        ),
        "a grid bomb in a sheet named in capitals": (
            lambda: moved_sheet(good_xlsx(), "XL/Worksheets/Answers.XML", GRID_SHEET),
            "Answers.XML spans 1,048,576 rows",
            False,
        ),
        "a DOCTYPE in its relationships": (
            lambda: rebuild(
                good_xlsx(),
                {
                    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><!DOCTYPE r SYSTEM '
                    b'"file:///etc/passwd"><Relationships/>'
                },
            ),
            "declares a DOCTYPE",
            False,
        ),
        "cut in half": (lambda: good_xlsx()[: len(good_xlsx()) // 2], "damaged", False),
        "CSV text named .xlsx": (lambda: csv_text(SURVEY_ROWS).encode(), "looks like CSV", False),
        "HTML named .xlsx": (lambda: b"<html><table></table></html>", "HTML or XML", False),
        "an Excel 97 file": (lambda: b"\xd0\xcf\x11\xe0" + b"\0" * 600, "97", False),
        "a zip without a workbook": (
            lambda: rebuild(good_xlsx(), {}, drop=("xl/workbook.xml",)),
            "without xl/workbook.xml",
            False,
        ),
        "a zip that claims 4 GB inside": (
            lambda: declared_sizes(good_xlsx(), 0xFFFF_FFF0),
            "",
            False,
        ),
        "an empty sheet": (lambda: xlsx_bytes([]), "is empty", False),
        "a sheet of a header only": (
            lambda: rebuild(
                good_xlsx(),
                {
                    sheet_name: SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t>'
                    b"</is></c></row>" + SHEET_TAIL
                },
            ),
            "",
            False,
        ),
    }


for label, (make, says, located) in _xlsx_cases().items():
    where = ENGAGEMENT if label == "a sheet of a header only" else XLSX
    CASES[f"xlsx/{label}"] = Bad(
        lambda root, make=make: survey_xlsx(make())(root), where, says, located or where != XLSX
    )

# 11 and 10. Logos that cannot be used, and SVGs that reach beyond their folder

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
LOGOS = {
    "text named .png": ("logo.png", b"this is not an image\n", "not a PNG image (it is text)"),
    "a 40,000 px PNG": ("logo.png", png(40_000, 40_000, pixels=False), "40,000 × 40,000 px"),
    "a 12,000 px PNG": ("logo.png", png(12_000, 300, pixels=False), "12,000 × 300 px"),
    "a 12,000 px JPEG": ("logo.jpg", jpeg(12_000, 12_000), "12,000 × 12,000 px"),
    "a cut PNG": ("logo.png", png(40, 40)[:-20], "cut short"),
    "a JPEG named .png": ("logo.png", jpeg(40, 40), "a JPEG image named .png"),
    "an empty PNG": ("logo.png", b"", "the file is empty"),
    "a BMP": ("logo.bmp", b"BM" + b"\0" * 60, "cannot be a logo"),
    "an SVG entity bomb": (
        "logo.svg",
        (laughs() + SVG_OPEN + "<text>&lol9;</text></svg>").encode(),
        "declares a DOCTYPE",
    ),
    "an SVG with XXE": (
        "logo.svg",
        b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + SVG_OPEN.encode()
        + b"<text>&x;</text></svg>",
        "declares a DOCTYPE",
    ),
    "an SVG with @import": (
        "logo.svg",
        (SVG_OPEN + "<style>@import url(http://127.0.0.1:9/x.css);</style></svg>").encode(),
        "@import",
    ),
    "an SVG that fetches a URL": (
        "logo.svg",
        (SVG_OPEN + '<image href="http://127.0.0.1:9/pixel.png"/></svg>').encode(),
        "a logo may use only files beside it",
    ),
    "an SVG that reads /etc/passwd": (
        "logo.svg",
        (SVG_OPEN + '<image xlink:href="file:///etc/passwd"/></svg>').encode(),
        "a logo may use only files beside it",
    ),
    "an SVG that reads another client's logo": (
        "logo.svg",
        (SVG_OPEN + '<image href="../../other/assets/logo.svg"/></svg>').encode(),
        "outside the folder its document may read",
    ),
    "an SVG that uses a virtual workspace URL": (
        "logo.svg",
        (
            SVG_OPEN + '<image href="https://rapport.invalid/workspace/engagements/other/'
            'assets/logo.svg"/></svg>'
        ).encode(),
        "a logo may use only files beside it",
    ),
    "an SVG fill from a URL": (
        "logo.svg",
        (SVG_OPEN + '<rect style="fill: url(http://127.0.0.1:9/p)"/></svg>').encode(),
        "a logo may use only files beside it",
    ),
    "HTML named .svg": ("logo.svg", b"<html><body>hi</body></html>", "not an SVG image"),
    "broken XML named .svg": ("logo.svg", b"<svg><g></svg>", "not well-formed"),
}
for label, (file_name, content, says) in LOGOS.items():
    CASES[f"logo/client/{label}"] = Bad(
        both(
            put(f"{E}/assets/{file_name}", content),
            edit(ENGAGEMENT, "logo: assets/logo.svg", f"logo: assets/{file_name}"),
        ),
        ENGAGEMENT,
        says,
    )
    brand_says = says
    if label == "an SVG that reads another client's logo":
        content = content.replace(b"../../other/assets", b"../engagements/other/assets")
        brand_says = "outside the folder its document may read"
    CASES[f"logo/brand/{label}"] = Bad(
        both(
            put(f"brand/{file_name}", content),
            edit("rapport.yaml", "logo: brand/logo.svg", f"logo: brand/{file_name}"),
        ),
        "rapport.yaml",
        brand_says,
    )

# 5. Templates

CASES["template/client override that does not parse"] = Bad(
    put(f"{E}/templates/report/report.html", "{% block content %}{{ client.name }\n"),
    f"{E}/templates/report/report.html",
    "",
)
CASES["template/workspace override that does not parse"] = Bad(
    put("templates/report/report.html", "{% if %}\n"),
    "templates/report/report.html",
    "",
)

# Paths and values of the YAML

CASES["path/survey outside the workspace"] = Bad(
    edit(ENGAGEMENT, "file: data/q3.csv", "file: ../../../etc/passwd"), ENGAGEMENT, "outside"
)
CASES["path/survey by absolute path"] = Bad(
    edit(ENGAGEMENT, "file: data/q3.csv", "file: /etc/passwd"), ENGAGEMENT, ""
)
CASES["path/brand logo outside"] = Bad(
    edit("rapport.yaml", "logo: brand/logo.svg", "logo: ../secret.svg"), "rapport.yaml", "outside"
)
CASES["path/brand logo in a client's folder"] = Bad(
    edit("rapport.yaml", "logo: brand/logo.svg", f"logo: {CLIENT_LOGO}"),
    "rapport.yaml",
    "another client's folder",
)
CASES["path/output folder outside"] = Bad(
    append("rapport.yaml", "defaults:\n  output_dir: ../elsewhere\n"), "rapport.yaml", "outside"
)
CASES["value/a colour that writes CSS"] = Bad(
    append("rapport.yaml", "  colors:\n    primary: 'red; background: url(http://x/)'\n"),
    "rapport.yaml",
    "expected a colour",
)
CASES["value/a font from outside"] = Bad(
    append("rapport.yaml", "  fonts:\n    body: ../../etc/font.ttf\n"), "rapport.yaml", ""
)
CASES["value/a narrative about no finding"] = Bad(
    put(f"{E}/narrative/f9.md", "---\nkind: finding\nfinding: F9\n---\nText\n"),
    f"{E}/narrative/f9.md",
    "no finding 'F9'",
)
CASES["value/a contact in the log that does not exist"] = Bad(
    edit(INTERACTIONS, "people: [jdoe]", "people: [nobody]"), INTERACTIONS, "no contact 'nobody'"
)
CASES["value/a narrative without its closing line"] = Bad(
    put(NARRATIVE, "---\nkind: executive_summary\nText.\n"), NARRATIVE, "no closing '---'"
)
CASES["value/a narrative over 1 MiB"] = Bad(
    put(NARRATIVE, NARRATIVE_TEXT + "word " * 220_000), NARRATIVE, "larger than", located=False
)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 150


LOCATED = re.compile(
    r"^(?P<path>[^:\[]+)(?:\[[^\]]*\]!(?P<cell>[A-Z]+\d+)|:(?P<line>\d+)(?::\d+)?)?: "
)


def _problem_lines(output: str, where: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(where)]


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_located_and_changes_no_output(case, command, workspace):
    bad = CASES[case]
    before = snapshot(workspace / OUTPUT)
    bad.change(workspace)
    result = (
        run(workspace, command)
        if command == "validate"
        else run(workspace, "build", "--only", "report", "--only", "data")
    )
    assert isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = _problem_lines(result.output, bad.where)
    matching = [line for line in lines if bad.says in line]
    assert matching, f"no line names {bad.where!r} and says {bad.says!r}:\n{result.output}"
    if bad.located:
        place = LOCATED.match(matching[0])
        assert place and (place["line"] or place["cell"]), matching[0]
    assert snapshot(workspace / OUTPUT) == before


# The values are checked against the mapping, which `inspect` does not have.
VALUE_CASES = ("an NPS of 11", "an NPS that is a word", "an item off its scale", "a duplicate")
EXPORT_CASES = [
    name
    for name, bad in CASES.items()
    if name.startswith(("csv/", "xlsx/"))
    and bad.where in (SURVEY, XLSX)
    and not name.split("/", 1)[1].startswith(VALUE_CASES)
]


@pytest.mark.parametrize("case", EXPORT_CASES)
def test_inspect_locates_a_broken_export(case, workspace):
    bad = CASES[case]
    bad.change(workspace)
    result = run(workspace, "inspect", str(workspace / bad.where))
    assert isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if bad.says in line], result.output
