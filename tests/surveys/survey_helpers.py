"""Helpers for the survey tests: the shared real exports and small made-up files."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.errors import Location

# tests/surveys → tests → the clone; the real exports sit in shared/ beside the clone
REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
ENGAGEMENT_YAML = "engagements/acme/engagement.yaml"


def real_file(name: str) -> Path:
    """Return a file of the shared real exports, or skip when the folder is not there."""
    path = REALDATA / name
    if not path.is_file():
        pytest.skip(f"the shared real survey exports are absent ({REALDATA} has no {name})")
    return path


def write_xlsx(path: Path, rows: list[list], sheet: str = "Responses") -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def locate(index: int, keys: tuple) -> Location:
    """Stand in for engagement.yaml's marks: source i's mapping starts on line 20 + 10·i."""
    return Location(ENGAGEMENT_YAML, 20 + 10 * index + len(keys), 7)


def make_engagement(tmp_path: Path) -> Path:
    """Create ``ws/engagements/acme/data`` under ``tmp_path``; return the engagement folder."""
    folder = tmp_path / "ws" / "engagements" / "acme"
    (folder / "data").mkdir(parents=True)
    return folder
