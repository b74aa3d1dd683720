"""`rapport preview` on the command line: its help, and the mistakes it reports."""

from __future__ import annotations

import socket

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
