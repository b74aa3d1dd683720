"""`rapport build`: what is written, what is skipped, and what a failure leaves behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from workspace_helpers import copy_demo

from generator.build import BuildOptions, build

CLIENT = "northwind-logistics"
REPORT = f"output/{CLIENT}/{CLIENT}-assessment-2026-q3.pdf"
DECK = f"output/{CLIENT}/{CLIENT}-deck-2026-q3.pdf"
DATA = f"output/{CLIENT}/{CLIENT}-data-2026-q3.xlsx"

# A one-page report keeps these tests about the build, not about the layout: the engagement's
# own template replaces the built-in one, as a consultant's override would.
SMALL_REPORT = """\
{% extends "layout.html" %}
{% block content %}<h1>{{ client.name }}</h1><p>{{ wave.name }}</p>{% endblock %}
"""


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = copy_demo(tmp_path / "ws")
    override = root / "engagements" / CLIENT / "templates" / "report" / "report.html"
    override.parent.mkdir(parents=True)
    override.write_text(SMALL_REPORT, encoding="utf-8")
    return root


def test_build_writes_each_document_and_says_so(workspace, rapport):
    result = rapport("build", CLIENT, workspace=workspace)
    assert result.exit_code == 0, result.output
    assert f"wrote {REPORT} (1 page" in result.output
    assert f"wrote {DECK} (" in result.output
    assert f"wrote {DATA} (" in result.output
    assert (workspace / REPORT).read_bytes().startswith(b"%PDF-")
    assert (workspace / DECK).read_bytes().startswith(b"%PDF-")
    assert (workspace / DATA).read_bytes().startswith(b"PK")


def test_only_builds_the_named_document(workspace, rapport):
    result = rapport("build", "--only", "report", workspace=workspace)
    assert result.exit_code == 0, result.output
    assert (workspace / REPORT).is_file()
    assert not (workspace / DECK).exists()
    assert not (workspace / DATA).exists()


def test_an_unchanged_build_is_skipped_and_a_changed_input_rebuilds(workspace, rapport):
    rapport("build", "--only", "report", workspace=workspace)
    written = (workspace / REPORT).stat().st_mtime_ns

    again = rapport("build", "--only", "report", workspace=workspace)
    assert again.output.strip() == f"up to date: {REPORT}"
    assert (workspace / REPORT).stat().st_mtime_ns == written

    log = workspace / "engagements" / CLIENT / "interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "\n# a note\n", encoding="utf-8")
    changed = rapport("build", "--only", "report", workspace=workspace)
    assert f"wrote {REPORT}" in changed.output


# What a build imports before it knows whether anything is stale: none of the libraries that
# validating, rendering or writing need.
IMPORTS_OF_A_BUILD = """\
import sys
from cli import main
sys.argv = ["rapport", "--workspace", sys.argv[1], "build", "--only", "report"]
try:
    main()
finally:
    heavy = ("pydantic", "jinja2", "markdown_it", "weasyprint", "numpy", "openpyxl", "babel")
    print("imported:", *sorted(m for m in heavy if m in sys.modules))
"""


def test_an_unchanged_build_decides_before_importing_what_it_would_render_with(workspace, rapport):
    import subprocess
    import sys

    rapport("build", "--only", "report", workspace=workspace)
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_OF_A_BUILD, str(workspace)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"up to date: {REPORT}" in done.stdout
    assert done.stdout.rstrip().endswith("imported:")

    spec = workspace / "engagements" / CLIENT / "engagement.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_OF_A_BUILD, str(workspace)],
        capture_output=True,
        text=True,
    )
    assert f"wrote {REPORT}" in done.stdout
    assert "pydantic" in done.stdout.splitlines()[-1]


def test_force_rebuilds_and_the_bytes_are_the_same(workspace, rapport):
    rapport("build", "--only", "report", workspace=workspace)
    first = (workspace / REPORT).read_bytes()
    forced = rapport("build", "--only", "report", "--force", workspace=workspace)
    assert f"wrote {REPORT}" in forced.output
    assert (workspace / REPORT).read_bytes() == first


def test_a_pdf_edited_by_hand_is_rebuilt(workspace, rapport):
    rapport("build", "--only", "report", workspace=workspace)
    (workspace / REPORT).write_bytes(b"%PDF-1.7 edited")
    result = rapport("build", "--only", "report", workspace=workspace)
    assert f"wrote {REPORT}" in result.output


def test_bad_input_is_reported_with_its_line_and_nothing_is_touched(workspace, rapport):
    rapport("build", "--only", "report", workspace=workspace)
    before = (workspace / REPORT).read_bytes()
    spec = workspace / "engagements" / CLIENT / "engagement.yaml"
    text = spec.read_text(encoding="utf-8")
    line = text.splitlines().index("  report_date: 2026-10-02") + 1
    spec.write_text(text.replace("report_date: 2026-10-02", "report_date: 2026-13-09"), "utf-8")

    result = rapport("build", "--only", "report", workspace=workspace)

    assert result.exit_code == 1
    assert f"engagements/{CLIENT}/engagement.yaml:{line}:16:" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert (workspace / REPORT).read_bytes() == before


def test_an_interrupted_write_leaves_the_previous_pdf(workspace, rapport, monkeypatch):
    rapport("build", "--only", "report", workspace=workspace)
    before = (workspace / REPORT).read_bytes()
    (workspace / "engagements" / CLIENT / "interactions.yaml").touch()
    spec = workspace / "engagements" / CLIENT / "engagement.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(workspace, [CLIENT], BuildOptions(kinds=("report",)))

    assert (workspace / REPORT).read_bytes() == before
    leftovers = [p.name for p in (workspace / REPORT).parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_an_unknown_wave_is_a_usage_error_that_names_the_closest(workspace, rapport):
    result = rapport("build", "--wave", "2026-q4", workspace=workspace)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: no wave '2026-q4' in engagements/{CLIENT}/engagement.yaml "
        "(did you mean '2026-q3'?)\n"
    )
    assert not (workspace / "output").exists()


def test_an_earlier_wave_and_another_language_get_their_own_file(workspace, rapport):
    result = rapport(
        "build", "--only", "report", "--wave", "2026-q1", "--language", "lv", workspace=workspace
    )
    assert result.exit_code == 0, result.output
    assert (workspace / f"output/{CLIENT}/{CLIENT}-assessment-2026-q1-lv.pdf").is_file()


def test_parallel_jobs_give_the_same_files(workspace, tmp_path, rapport):
    rapport("build", workspace=workspace)
    serial = {p: (workspace / p).read_bytes() for p in (REPORT, DECK, DATA)}
    result = rapport("build", "--force", "--jobs", "2", workspace=workspace)
    assert result.exit_code == 0, result.output
    assert {p: (workspace / p).read_bytes() for p in (REPORT, DECK, DATA)} == serial


def _with_a_broken_client(root: Path) -> str:
    """Add Baltic Home with a misspelt impact to the workspace; return the located problem."""
    import shutil

    from workspace_helpers import REPO

    target = root / "engagements" / "baltic-home"
    shutil.copytree(REPO / "engagements" / "baltic-home", target)
    path = target / "engagement.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip() == "impact: high")
    lines[index] = lines[index].replace("impact: high", "impact: hgh")
    path.write_text("".join(lines), encoding="utf-8")
    column = lines[index].index("hgh") + 1
    return f"engagements/baltic-home/engagement.yaml:{index + 1}:{column}: recommendations"


def test_keep_going_builds_every_sound_client_and_lists_the_others(workspace, rapport):
    problem = _with_a_broken_client(workspace)
    stopped = rapport("build", "--only", "report", workspace=workspace)
    assert stopped.exit_code == 1 and stopped.stderr.startswith(problem)
    assert not (workspace / REPORT).exists()

    result = rapport("build", "--only", "report", "--keep-going", workspace=workspace)
    assert result.exit_code == 1
    assert f"wrote {REPORT} (1 page" in result.stdout
    assert result.stdout.endswith("not built: baltic-home (1 error)\n")
    assert result.stderr.startswith(problem) and result.stderr.endswith("\n1 error.\n")
    assert (workspace / REPORT).is_file()
    assert not (workspace / "output" / "baltic-home").exists()


def test_a_document_that_cannot_be_rendered_stops_only_its_client(workspace, rapport):
    import shutil

    broken = workspace / "engagements" / "northwind-copy"
    shutil.copytree(workspace / "engagements" / CLIENT, broken)
    (broken / "templates" / "report" / "report.html").write_text(
        '{% extends "layout.html" %}{% block content %}{{ no_such_value }}{% endblock %}',
        encoding="utf-8",
    )
    result = rapport(
        "build", "--only", "report", "--keep-going", "--jobs", "2", workspace=workspace
    )
    assert result.exit_code == 1
    assert f"wrote {REPORT} (1 page" in result.stdout
    assert result.stdout.endswith("not built: northwind-copy (1 error)\n")
    assert "report/report.html" in result.stderr and "no_such_value" in result.stderr
    assert not list((workspace / "output" / "northwind-copy").glob("*.pdf"))
