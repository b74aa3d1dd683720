"""A build killed at random moments: no broken PDF, the previous one intact, no worker left,
and after the next build no temporary file and a record that matches the files."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_helpers import OUTPUT, SMALL_REPORT, base_files
from workspace_helpers import write_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc"),
]

KILLS = 20  # half with --jobs 1, half with --jobs 2
DOCUMENTS = ("report", "deck")


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", "import cli; cli.main()", "--workspace", str(root), *args]


def build(root: Path, *options: str) -> subprocess.CompletedProcess:
    only = [f"--only={kind}" for kind in DOCUMENTS]
    return subprocess.run(command(root, "build", *only, *options), capture_output=True, text=True)


def forced(jobs: int) -> tuple[str, ...]:
    return ("--force", "--jobs", str(jobs))


def processes_of(root: Path) -> list[int]:
    """The processes still running whose command line names the workspace."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split(") ", 1)[1][0]
        except OSError:
            continue
        if str(root).encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def is_whole_pdf(data: bytes) -> bool:
    from pypdf import PdfReader

    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return False
    import io

    return len(PdfReader(io.BytesIO(data)).pages) > 0


def test_builds_killed_at_random_moments(tmp_path):
    files = base_files()
    # a short deck too, so that --jobs 2 renders two documents at once
    files["engagements/acme/templates/deck/deck.html"] = SMALL_REPORT
    root = write_files(tmp_path / "ws", files)
    first = build(root, *forced(2))
    assert first.returncode == 0, first.stderr
    started = time.monotonic()  # a warm build's length bounds the moments of the kills
    assert build(root, *forced(2)).returncode == 0
    whole_build = time.monotonic() - started
    folder = root / OUTPUT
    previous = {path.name: path.read_bytes() for path in folder.glob("*.pdf")}
    assert len(previous) == 2

    chance = random.Random(20)
    for kill in range(KILLS):
        jobs = 1 + kill % 2
        only = [f"--only={kind}" for kind in DOCUMENTS]
        process = subprocess.Popen(
            command(root, "build", *only, *forced(jobs)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(chance.uniform(0.2, 0.9) * whole_build)
        process.send_signal(signal.SIGKILL)
        process.wait()
        for _ in range(100):  # the kernel ends the workers as their parent dies
            if not processes_of(root):
                break
            time.sleep(0.05)
        assert processes_of(root) == [], "a worker outlived the killed build"
        for path in folder.glob("*.pdf"):
            data = path.read_bytes()
            assert is_whole_pdf(data), f"{path.name} is broken after a kill"
        assert sorted(path.name for path in folder.glob("*.pdf")) == sorted(previous)

    after = build(root)
    assert after.returncode == 0, after.stderr
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    again = build(root)
    assert again.stdout.count("up to date") == 2, again.stdout
