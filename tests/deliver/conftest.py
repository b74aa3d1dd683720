"""Fixtures of the delivery tests: the demo client built once per module and kept in git."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from deliver_helpers import CLIENT, LOGIN, SENDER, SMTP_SETTINGS, free_port, git
from workspace_helpers import copy_demo


@dataclass(frozen=True)
class Built:
    root: Path
    port: int


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """The Northwind demo with SMTP settings, committed to git, then built once per module."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("send") / "ws")
    port = free_port()
    settings = root / "rapport.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + SMTP_SETTINGS.format(port=port, sender=SENDER, login=LOGIN),
        encoding="utf-8",
    )
    (root / ".gitignore").write_text("/output/\n.rapport-cache/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Northwind inputs")
    build(root, [CLIENT], BuildOptions())
    return Built(root, port)


@pytest.fixture
def workspace(built, tmp_path) -> Path:
    """A copy of the built workspace (git history included) that a test may change."""
    return Path(shutil.copytree(built.root, tmp_path / "ws", symlinks=True))
