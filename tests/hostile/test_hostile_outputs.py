"""Outputs that cannot be written, inputs a build must not take on trust, leftovers of kills."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_helpers import CLIENT, OUTPUT, SURVEY, run, snapshot

REPORT = f"{OUTPUT}/{CLIENT}-assessment-q3.pdf"


def build(root: Path, *more: str):
    return run(root, "build", "--only", "report", "--only", "data", *more)


def change_an_input(root: Path) -> None:
    with open(root / SURVEY, "a", encoding="utf-8") as survey:
        survey.write("R99,10,5,Late answer\n")


def refused(result, *lines: str) -> None:
    assert isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for line in lines:
        assert line in result.output.splitlines(), result.output


@contextlib.contextmanager
def read_only(folder: Path):
    """Make ``folder`` read-only for this process, or skip when nothing can make it so."""
    folder.chmod(0o555)
    immutable = False
    try:
        if _writable(folder) and os.geteuid() == 0:  # root ignores the mode bits
            immutable = (
                subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
            )
        if _writable(folder):
            pytest.skip("no way to make a folder read-only here")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return False
    probe.unlink()
    return True


# ---------- Class 4: outputs that cannot be written ----------


def test_a_read_only_output_folder_is_named_and_nothing_is_written(workspace):
    change_an_input(workspace)
    before = snapshot(workspace / OUTPUT)
    with read_only(workspace / OUTPUT):
        result = build(workspace)
        refused(result)
        assert f"{OUTPUT}: {OUTPUT} cannot be written" in result.output
    assert snapshot(workspace / OUTPUT) == before


def test_an_output_dir_under_a_file(workspace):
    (workspace / "notes.txt").write_text("a file, not a folder\n", encoding="utf-8")
    with open(workspace / "rapport.yaml", "a", encoding="utf-8") as settings:
        settings.write("defaults:\n  output_dir: notes.txt/out\n")
    result = build(workspace)
    refused(result)
    assert (
        "notes.txt is a file, not a folder, so notes.txt/out/acme cannot be made" in result.output
    )
    assert (workspace / "notes.txt").read_text(encoding="utf-8") == "a file, not a folder\n"


def test_a_document_name_taken_by_a_folder(workspace):
    change_an_input(workspace)
    (workspace / REPORT).unlink()
    (workspace / REPORT).mkdir()
    data_before = snapshot(workspace / OUTPUT)
    result = build(workspace)
    refused(result, f"{REPORT}: {REPORT} is a folder; move it away so the document can be written")
    # not even the workbook, which could have been written: a build writes all or nothing
    assert snapshot(workspace / OUTPUT) == data_before


def test_an_output_folder_linked_outside_the_workspace(workspace, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    client_output = workspace / OUTPUT
    for path in client_output.iterdir():
        path.unlink()
    client_output.rmdir()
    client_output.symlink_to(outside)
    result = build(workspace)
    refused(result)
    assert f"{OUTPUT}: {OUTPUT} is a link to {outside}, outside the workspace" in result.output
    assert list(outside.iterdir()) == []


# ---------- Class 8: a build validates what it would use before "up to date" ----------


def test_a_survey_become_a_link_out_of_the_workspace_is_not_up_to_date(workspace, tmp_path):
    survey = workspace / SURVEY
    copy = tmp_path / "identical.csv"
    copy.write_bytes(survey.read_bytes())
    survey.unlink()
    survey.symlink_to(copy)
    before = snapshot(workspace / OUTPUT)
    result = build(workspace)
    refused(result)
    assert "up to date" not in result.output
    assert "'data/q3.csv' lies outside acme/" in result.output
    assert snapshot(workspace / OUTPUT) == before


# ---------- Class 9: what counts as an input ----------


def test_a_survey_in_a_dot_folder_is_an_input(workspace):
    engagement = workspace / f"engagements/{CLIENT}/engagement.yaml"
    hidden = workspace / f"engagements/{CLIENT}/data/.exports/q3.csv"
    hidden.parent.mkdir()
    hidden.write_bytes((workspace / SURVEY).read_bytes())
    text = engagement.read_text(encoding="utf-8")
    engagement.write_text(text.replace("data/q3.csv", "data/.exports/q3.csv"), encoding="utf-8")
    assert build(workspace).exit_code == 0
    assert "up to date" in build(workspace).output

    with open(hidden, "a", encoding="utf-8") as survey:
        survey.write("R99,0,1,Changed my mind\n")
    again = build(workspace)
    assert again.exit_code == 0, again.output
    assert f"wrote {REPORT}" in again.output


def test_a_clients_own_email_template_is_no_document_input(workspace):
    from generator.build_inputs import input_digests

    before = input_digests(workspace, CLIENT)
    subject = workspace / f"engagements/{CLIENT}/templates/email/subject.txt"
    subject.parent.mkdir(parents=True)
    subject.write_text("Your results, {{ client.name }}\n", encoding="utf-8")
    assert input_digests(workspace, CLIENT) == before
    assert "up to date" in build(workspace).output


# ---------- Class 13: what a killed build leaves behind ----------


def test_leftover_temporary_files_are_removed_by_the_next_build(workspace):
    folder = workspace / OUTPUT
    leftovers = [
        folder / ".acme-assessment-q3.pdf.k2j4x9.tmp",
        folder / ".rapport-build.json.a1.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"%PDF-1.7 half")
    kept = folder / "notes.tmp"  # not hidden: not one of ours
    kept.write_bytes(b"mine")
    result = build(workspace)
    assert result.exit_code == 0
    assert "up to date" in result.output
    assert not any(path.exists() for path in leftovers)
    assert kept.read_bytes() == b"mine"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_dies_with_its_parent(tmp_path):
    """A process started as --jobs starts its workers, killed, takes its worker with it."""
    import signal
    import textwrap
    import time

    marker = tmp_path / "worker.pid"
    script = textwrap.dedent(
        f"""
        import os, time
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context
        from generator.publish.workers import die_with_parent

        def work():
            open({str(marker)!r}, "w").write(str(os.getpid()))
            time.sleep(60)

        with ProcessPoolExecutor(1, mp_context=get_context("fork"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            pool.submit(work).result()
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(600):
            if marker.exists() and marker.read_text():
                break
            time.sleep(0.05)
        worker = int(marker.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(200):
            if not _alive(worker):
                break
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        if parent.poll() is None:
            parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


# ---------- Class 10: a client's documents read no other client's folder ----------


def test_a_document_reads_no_other_clients_folder(workspace):
    other = workspace / "engagements/other/assets/logo.svg"
    other.parent.mkdir(parents=True)
    other.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    report = workspace / f"engagements/{CLIENT}/templates/report/report.html"
    report.write_text(
        '{% extends "layout.html" %}{% block content %}<img src="https://rapport.invalid/'
        'workspace/engagements/other/assets/logo.svg">{% endblock %}\n',
        encoding="utf-8",
    )
    before = snapshot(workspace / OUTPUT)
    result = build(workspace)
    assert result.exit_code == 1, result.output
    assert "a client's folder is open only to that client's documents" in result.output
    assert "Traceback" not in result.output
    assert snapshot(workspace / OUTPUT) == before
