"""Writing a PDF never leaves a broken file and never loses the previous one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from render_helpers import publish, render_sample_html

import generator.publish.pdf as pdf_module

pytestmark = pytest.mark.slow


def test_a_failed_render_keeps_the_previous_pdf_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-1.7 previous build")

    def fail_midway(document, *args, **kwargs):
        raise RuntimeError("interrupted while writing")

    import weasyprint.document

    monkeypatch.setattr(weasyprint.document.Document, "write_pdf", fail_midway)
    with pytest.raises(RuntimeError, match="interrupted"):
        publish(render_sample_html("en"), target)
    assert target.read_bytes() == b"%PDF-1.7 previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_failure_while_writing_the_file_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(b"previous")

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_module.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        pdf_module.write_atomically(target, b"%PDF new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_isolated_render_gives_the_same_bytes(tmp_path):
    html = render_sample_html("uk")
    inline = publish(html, tmp_path / "inline.pdf")
    isolated = publish(html, tmp_path / "isolated.pdf", isolate=True)
    assert isolated.sha256 == inline.sha256
    assert isolated.pages == inline.pages


def test_an_isolated_render_reports_a_refusal(tmp_path):
    from generator.publish.pdf import AssetRefused

    html = '<html><body><img src="file:///etc/passwd"></body></html>'
    with pytest.raises(AssetRefused, match="/etc/passwd"):
        publish(html, tmp_path / "x.pdf", isolate=True)
    assert not (tmp_path / "x.pdf").exists()


MEMORY_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from render_helpers import publish
from generator.publish.pdf import PublishError, RenderLimits
rows = "".join(f"<tr><td>{{'x' * 200}} {{i}}</td><td>{{i}}</td></tr>" for i in range(800))
html = f"<html><body><table>{{rows}}</table></body></html>"
try:
    publish(html, Path(sys.argv[1]), isolate=True, limits=RenderLimits(memory_mb=16))
except PublishError as error:
    print(error)
"""


def test_a_render_over_its_memory_allowance_fails_cleanly(tmp_path):
    # A fresh interpreter: in a process that has rendered before, freed heap that the child
    # inherits can be reused without growing the address space, which blurs the allowance.
    tests = str(Path(__file__).resolve().parent)
    repo = str(Path(__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT.format(tests=tests), str(tmp_path / "x.pdf")],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": repo},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "16 MB" in out.stdout
    assert not (tmp_path / "x.pdf").exists()
