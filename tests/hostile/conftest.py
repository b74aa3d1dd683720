"""Fixtures of the hostile-input tests: one small workspace built once, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import base_files, copy_workspace, run
from workspace_helpers import write_files


@pytest.fixture(scope="session")
def built_workspace(tmp_path_factory) -> Path:
    """A workspace whose report and workbook have been built (do not change it: copy it)."""
    root = write_files(tmp_path_factory.mktemp("hostile") / "ws", base_files())
    result = run(root, "build", "--only", "report", "--only", "data")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def workspace(built_workspace, tmp_path) -> Path:
    """A fresh copy of the built workspace, outputs included."""
    return copy_workspace(built_workspace, tmp_path / "ws")
