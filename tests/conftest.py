"""Shared fixtures: workspaces made from a dict of files, and the command line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from workspace_helpers import WORKSPACE_YAML, write_files

from cli import main


@pytest.fixture
def make_workspace(tmp_path):
    """Return a function that writes ``{relative path: text or bytes}`` into a new workspace."""

    def make(files: dict[str, str | bytes] | None = None, *, engagement: str | None = None) -> Path:
        root = tmp_path / "ws"
        contents: dict[str, str | bytes] = {"rapport.yaml": WORKSPACE_YAML}
        if engagement is not None:
            contents["engagements/acme/engagement.yaml"] = engagement
        contents.update(files or {})
        return write_files(root, contents)

    return make


@pytest.fixture
def rapport():
    """Run the command line in-process; returns click's Result (exit_code, stdout, stderr)."""

    def run(*args: str, workspace: Path | None = None):
        options = ["--workspace", str(workspace)] if workspace is not None else []
        return CliRunner().invoke(main, [*options, *args], catch_exceptions=False)

    return run


@pytest.fixture
def no_warnings_logged(caplog):
    """Fail a happy-path test when anything was logged at WARNING or above."""
    caplog.set_level(logging.WARNING)
    yield
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
