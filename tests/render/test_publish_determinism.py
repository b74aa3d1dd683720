"""Same inputs, same bytes: separate processes, hash seeds, time zones and folders."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from render_helpers import publish, render_sample_html
publish(render_sample_html("lv"), Path(sys.argv[1]))
"""


def render_in_process(target: Path, cwd: Path, seed: str, tz: str) -> bytes:
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "TZ": tz,
        "PYTHONPATH": str(REPO),
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    script = SCRIPT.format(tests=str(REPO / "tests" / "render"))
    subprocess.run(
        [sys.executable, "-c", script, str(target)],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target.read_bytes()


def test_two_processes_write_identical_bytes(tmp_path):
    first_dir, second_dir = tmp_path / "a", tmp_path / "b" / "deeper"
    first_dir.mkdir()
    second_dir.mkdir(parents=True)
    first = render_in_process(first_dir / "one.pdf", first_dir, "1", "UTC")
    second = render_in_process(second_dir / "two.pdf", second_dir, "4242", "Pacific/Chatham")
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_no_real_path_reaches_the_pdf(tmp_path):
    target = tmp_path / "one.pdf"
    data = render_in_process(target, tmp_path, "7", "UTC")
    import zlib

    streams = [data]
    # Look inside compressed streams too: a path could hide in an object stream.
    for chunk in data.split(b"stream\n")[1:]:
        body = chunk.split(b"\nendstream")[0]
        try:
            streams.append(zlib.decompress(body))
        except zlib.error:
            continue
    for blob in streams:
        assert str(REPO).encode() not in blob
        assert b"file://" not in blob
