"""`rapport preview` on the command line: its help, and the mistakes it reports."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from preview_helpers import wait_until_drawn
from workspace_helpers import copy_demo


def test_the_help_gives_examples(rapport):
    result = rapport("preview", "--help")
    assert result.exit_code == 0
    assert "rapport preview northwind-logistics" in result.output
    assert "--deck --port 8800" in result.output


def test_an_unknown_client_is_a_usage_error(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    result = rapport("preview", "kyiv", workspace=root)
    assert result.exit_code == 2
    assert "no client 'kyiv' in engagements/" in result.output


def test_a_port_in_use_is_reported(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = rapport("preview", "kyiv-pharma", "--port", str(port), workspace=root)
    assert result.exit_code == 1
    assert f"Error: cannot listen on 127.0.0.1:{port} (Address already in use)" in result.output
    assert not (root / "output").exists()


def test_the_command_serves_until_ctrl_c_and_leaves_nothing_behind(tmp_path):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    before = set(Path(tempfile.gettempdir()).glob("rapport-preview-kyiv-pharma-*"))
    rapport = Path(sys.executable).parent / "rapport"
    process = subprocess.Popen(
        [str(rapport), "--workspace", str(root), "preview", "kyiv-pharma", "--deck", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first = process.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)", first).group(1)
        assert first.startswith("Previewing the deck of kyiv-pharma")
        assert wait_until_drawn(url)["problems"] == []
        assert re.fullmatch(r"\d+ pages, \d+ changed \(\d+\.\d s\)\n", process.stdout.readline())
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors
    assert "Traceback" not in errors
    assert set(Path(tempfile.gettempdir()).glob("rapport-preview-kyiv-pharma-*")) == before
    assert not (root / "output").exists()
