"""What every command shares: examples in --help, --quiet/--verbose, --json, exit codes
(130 on Ctrl-C), progress on a terminal and on a pipe, and shell completion."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from test_build_command import CLIENT, DECK, REPORT, SMALL_REPORT
from workspace_helpers import REPO, copy_demo

from cli import main

RAPPORT = Path(sys.executable).parent / "rapport"
JSON_COMMANDS = {"validate", "build", "inspect", "stats", "status", "agenda", "release"}


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = copy_demo(tmp_path / "ws")
    override = root / "engagements" / CLIENT / "templates" / "report" / "report.html"
    override.parent.mkdir(parents=True)
    override.write_text(SMALL_REPORT, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_ends_its_help_with_examples_and_has_quiet_and_verbose(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    lines = result.stdout.rstrip("\n").splitlines()
    start = lines.index("  Examples:")
    examples = [line.strip() for line in lines[start + 1 :]]
    assert 2 <= len(examples) <= 3
    assert all(e.startswith(("rapport ", 'eval "$(rapport ')) for e in examples)
    options = {o for p in main.commands[name].params for o in p.opts}
    assert {"--quiet", "--verbose"} <= options
    assert ("--json" in options) == (name in JSON_COMMANDS)


def test_quiet_prints_nothing_on_success_and_verbose_times_each_document(workspace, rapport):
    quiet = rapport("build", "--only", "report", "--quiet", workspace=workspace)
    assert quiet.exit_code == 0 and quiet.output == ""
    assert (workspace / REPORT).is_file()
    verbose = rapport("build", "--only", "report", "--force", "-v", workspace=workspace)
    assert verbose.exit_code == 0
    (line,) = [x for x in verbose.stdout.splitlines() if x.startswith("wrote ")]
    assert line.startswith(f"wrote {REPORT} (1 page") and line.endswith(" s")
    both = rapport("build", "-q", "-v", workspace=workspace)
    assert both.exit_code == 2 and "--quiet and --verbose" in both.stderr


def test_build_json_lists_what_was_written_and_what_was_current(workspace, rapport):
    first = rapport("build", "--only", "report", "--json", workspace=workspace)
    assert first.exit_code == 0
    done = json.loads(first.stdout)
    assert set(done) == {"ok", "written", "up_to_date", "refused"}
    (written,) = done["written"]
    assert written["path"] == REPORT and written["client"] == CLIENT
    assert written["kind"] == "report" and written["pages"] == 1
    assert (
        written["sha256"]
        == __import__("hashlib").sha256((workspace / REPORT).read_bytes()).hexdigest()
    )
    assert set(written) == {"client", "kind", "path", "pages", "size", "sha256", "warnings"}
    again = json.loads(rapport("build", "--only", "report", "--json", workspace=workspace).stdout)
    assert again["written"] == [] and again["up_to_date"] == [
        {"client": CLIENT, "kind": "report", "path": REPORT}
    ]


def test_input_problems_come_as_json_with_their_place(workspace, rapport):
    path = workspace / "engagements" / CLIENT / "engagement.yaml"
    path.write_text(path.read_text().replace("impact: high", "impact: hgh", 1))
    for command in ("validate", "build"):
        result = rapport(command, "--json", workspace=workspace)
        assert result.exit_code == 1
        done = json.loads(result.stdout)
        assert done["ok"] is False
        (problem,) = done["problems"]
        assert problem["file"] == f"engagements/{CLIENT}/engagement.yaml"
        assert problem["severity"] == "error" and problem["line"] > 1
        assert problem["text"].startswith(f"{problem['file']}:{problem['line']}:")
        assert "expected one of low, medium, high, got 'hgh'" in problem["message"]


def test_validate_inspect_and_status_json(rapport):
    checked = json.loads(rapport("validate", "--json", workspace=REPO).stdout)
    assert checked["ok"] is True
    assert {e["client"] for e in checked["engagements"]} >= {CLIENT, "baltic-home"}
    assert set(checked["engagements"][0]) == {"client", "folder", "summary", "draft"}
    export = next((REPO / "engagements" / CLIENT / "data").glob("*.csv"))
    described = rapport("inspect", str(export), "--json")
    assert described.exit_code == 0
    data = json.loads(described.stdout)
    assert data["format"] == "qualtrics" and data["responses"] > 0
    assert {"letter", "label", "kind", "scale", "distinct", "samples"} == set(data["columns"][0])
    assert data["paste"].splitlines()[0] == "measures:"
    status = json.loads(rapport("status", "--json", "--today", "2026-10-20", workspace=REPO).stdout)
    assert status["today"] == "2026-10-20" and status["clients"]


def test_an_unknown_client_or_wave_is_a_usage_error(rapport):
    client = rapport("stats", "northwind", workspace=REPO)
    assert client.exit_code == 2
    assert "did you mean 'northwind-logistics'?" in client.stderr
    wave = rapport("stats", CLIENT, "--wave", "2026-q5", workspace=REPO)
    assert wave.exit_code == 2
    assert "no wave '2026-q5'" in wave.stderr and "did you mean" in wave.stderr


def test_ctrl_c_inside_a_command_exits_with_130(workspace, monkeypatch):
    import generator.build

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.build, "build_documents", interrupted)
    result = CliRunner().invoke(main, ["--workspace", str(workspace), "build"])
    assert result.exit_code == 130
    assert result.stderr == "interrupted: nothing more was done\n"


def test_build_open_shows_the_written_pdfs(workspace, rapport, monkeypatch):
    opened = []
    monkeypatch.setattr(click, "launch", lambda url, **kwargs: opened.append(url))
    result = rapport("build", "--only", "report", "--open", workspace=workspace)
    assert result.exit_code == 0
    assert opened == [str(workspace / REPORT)]


def test_send_names_the_pdf_variant_it_attaches(workspace, rapport):
    built = rapport("build", "--pdf-variant", "pdf/ua-1", workspace=workspace)
    assert built.exit_code == 0, built.output
    plain = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert plain.exit_code == 1
    assert f"{REPORT} has not been built" in plain.stderr
    sent = rapport("send", CLIENT, "--dry-run", "--pdf-variant", "pdf/ua-1", workspace=workspace)
    assert sent.exit_code == 0, sent.output
    deck = Path(DECK).name.replace(".pdf", "-pdfua.pdf")
    (line,) = [x for x in sent.stdout.splitlines() if deck in x]
    assert line.endswith("(PDF/UA-1, accessible)")


def test_the_completion_script_and_what_it_completes(workspace):
    for shell, marker in [
        ("bash", "complete -o"),
        ("zsh", "#compdef rapport"),
        ("fish", "complete"),
    ]:
        script = CliRunner().invoke(main, ["completion", shell])
        assert script.exit_code == 0 and marker in script.stdout
        assert "_RAPPORT_COMPLETE" in script.stdout

    def complete(words: str) -> list[str]:
        env = {
            "_RAPPORT_COMPLETE": "bash_complete",
            "COMP_WORDS": f"rapport --workspace {workspace} {words}",
            "COMP_CWORD": str(2 + len(words.split())),  # the index of the last word
        }
        done = subprocess.run([RAPPORT], env={**os.environ, **env}, capture_output=True, text=True)
        return [line.split(",", 1)[1] for line in done.stdout.splitlines()]

    assert complete("build nor") == [CLIENT]
    assert complete(f"stats {CLIENT} --wave 2026-q") == ["2026-q3", "2026-q2", "2026-q1"]


def _on_a_terminal(args: list[str], *, stop_after: str | None = None) -> tuple[int, str]:
    """Run rapport with stdout and stderr on a pseudo-terminal; with ``stop_after``, press
    Ctrl-C once that text has appeared. Return the exit code and everything shown."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "LINES": "40"}
    process = subprocess.Popen(
        [RAPPORT, *args], stdin=terminal, stdout=terminal, stderr=terminal, env=env
    )
    os.close(terminal)
    shown = b""
    interrupted = False
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            shown += chunk
        if stop_after and not interrupted and stop_after.encode() in shown:
            process.send_signal(signal.SIGINT)
            interrupted = True
        if process.poll() is not None and not ready:
            break
    os.close(controller)
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


def test_progress_is_a_live_line_on_a_terminal_and_plain_lines_on_a_pipe(workspace):
    args = ["--workspace", str(workspace), "build", "--only", "report", "--only", "deck"]
    code, shown = _on_a_terminal(args)
    assert code == 0, shown
    assert "rapport build: reading the workspace" in shown  # before anything is imported
    assert "\r\x1b[2K[1/2] " + REPORT in shown and "\r\x1b[2K[2/2] " + DECK in shown
    assert f"wrote {REPORT} (1 page" in shown

    piped = subprocess.run([RAPPORT, *args, "--force"], capture_output=True, text=True)
    assert piped.returncode == 0
    assert "\x1b" not in piped.stdout + piped.stderr and "\r" not in piped.stdout + piped.stderr
    assert [line.split(" (")[0] for line in piped.stdout.splitlines()] == [
        f"wrote {REPORT}",
        f"wrote {DECK}",
    ]
    assert piped.stderr == ""


def test_ctrl_c_during_a_build_exits_with_130_and_keeps_the_previous_pdf(workspace):
    args = ["--workspace", str(workspace), "build", "--only", "deck"]
    assert subprocess.run([RAPPORT, *args], capture_output=True).returncode == 0
    before = (workspace / DECK).read_bytes()
    (workspace / "engagements" / CLIENT / "engagement.yaml").open("a").write("\n# changed\n")
    code, shown = _on_a_terminal(args, stop_after="[1/1]")
    assert code == 130, shown
    assert "interrupted: nothing more was done" in shown
    assert (workspace / DECK).read_bytes() == before
    assert not [p for p in (workspace / DECK).parent.iterdir() if p.suffix == ".tmp"]
