"""Fixtures of the survey tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def engagement(tmp_path):
    """Create ``ws/engagements/acme/data`` under ``tmp_path``; return the engagement folder."""
    folder = tmp_path / "ws" / "engagements" / "acme"
    (folder / "data").mkdir(parents=True)
    return folder
