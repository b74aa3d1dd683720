"""Helpers for the survey tests: the shared real exports, small made-up files, loading a wave."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.errors import Location, Problems
from generator.responses import Responses
from generator.schema.engagement import Scales, Source
from generator.validate.responses import load_responses, load_sus_responses

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


def _reading_options(engagement: Path, language: str, problems: Problems) -> dict:
    """The arguments both loaders take: the ``acme`` engagement, read without a parse cache."""
    return {
        "engagement_dir": engagement,
        "rel_dir": "engagements/acme",
        "default_language": language,
        "locate": locate,
        "problems": problems,
        "cache_dir": None,
    }


def load_wave(
    engagement: Path, sources: list[Source], scales: Scales, language: str = "en"
) -> tuple[Responses, list[str]]:
    """Load a wave's sources; return the responses and every problem as its printed line."""
    problems = Problems()
    responses = load_responses(sources, scales, **_reading_options(engagement, language, problems))
    return responses, [str(p) for p in problems]


def load_sus(engagement: Path, source: Source) -> tuple[Responses, list[str]]:
    """Load a usability test's SUS sheet; return the responses and every problem's line."""
    problems = Problems()
    responses = load_sus_responses(source, **_reading_options(engagement, "en", problems))
    return responses, [str(p) for p in problems]
