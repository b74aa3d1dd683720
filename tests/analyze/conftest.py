"""Shared fixtures of the analysis tests: the real survey exports beside the repository."""

from pathlib import Path

import pytest

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"


@pytest.fixture
def realdata() -> Path:
    """The folder of real exports (shared/realdata beside the clone); skip when it is absent."""
    if not REALDATA.is_dir():
        pytest.skip(f"real survey exports not found at {REALDATA}")
    return REALDATA
