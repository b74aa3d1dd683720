"""Archival, accessible and encrypted PDFs, and the provenance written into every PDF."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from pypdf import PdfReader
from test_build_command import CLIENT, REPORT, SMALL_REPORT
from workspace_helpers import copy_demo


@pytest.fixture
def workspace(tmp_path):
    root = copy_demo(tmp_path / "ws")
    override = root / "engagements" / CLIENT / "templates" / "report" / "report.html"
    override.parent.mkdir(parents=True)
    override.write_text(SMALL_REPORT, encoding="utf-8")
    return root


def commit_everything(workspace) -> str:
    """Make ``workspace`` a git repository with one commit; return the commit's id."""
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "data"]):
        subprocess.run([*git, *command], cwd=workspace, check=True)
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=workspace, capture_output=True)
    return done.stdout.decode().strip()


def xmp(path) -> str:
    metadata = PdfReader(path).xmp_metadata
    assert metadata is not None
    return metadata.rdf_root.toxml()


PDF_A = REPORT.replace(".pdf", "-pdfa.pdf")
PDF_UA = REPORT.replace(".pdf", "-pdfua.pdf")


def test_pdf_a_3b_carries_the_data_workbook(workspace, rapport):
    rapport("build", "--only", "report", workspace=workspace)
    normal = (workspace / REPORT).read_bytes()
    result = rapport("build", "--only", "report", "--pdf-variant", "pdf/a-3b", workspace=workspace)
    assert result.exit_code == 0, result.output
    assert f"wrote {PDF_A} (" in result.stdout
    assert (workspace / REPORT).read_bytes() == normal  # the variant has a file of its own
    text = xmp(workspace / PDF_A)
    assert 'pdfaid:part="3"' in text and 'pdfaid:conformance="B"' in text

    name = f"{CLIENT}-data-2026-q3.xlsx"
    attached = PdfReader(workspace / PDF_A).attachments
    assert list(attached) == [name]
    rapport("build", "--only", "data", workspace=workspace)
    assert attached[name] == [(workspace / "output" / CLIENT / name).read_bytes()]


def test_pdf_ua_1_is_tagged_with_its_language(workspace, rapport):
    result = rapport("build", "--only", "report", "--pdf-variant", "pdf/ua-1", workspace=workspace)
    assert result.exit_code == 0, result.output
    assert not (workspace / REPORT).exists()
    assert 'pdfuaid:part="1"' in xmp(workspace / PDF_UA)
    root = PdfReader(workspace / PDF_UA).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"


def test_encrypt_takes_the_password_from_the_environment(workspace, rapport, monkeypatch):
    monkeypatch.delenv("RAPPORT_PDF_PASSWORD", raising=False)
    refused = rapport("build", "--only", "report", "--encrypt", workspace=workspace)
    assert refused.exit_code == 1
    assert "RAPPORT_PDF_PASSWORD" in refused.stderr
    assert not (workspace / REPORT).exists()

    monkeypatch.setenv("RAPPORT_PDF_PASSWORD", "correct horse battery")
    result = rapport("build", "--only", "report", "--encrypt", workspace=workspace)
    assert result.exit_code == 0, result.output
    reader = PdfReader(workspace / REPORT)
    assert reader.is_encrypted
    assert reader.trailer["/Encrypt"]["/V"] == 5  # AES-256
    assert not reader.decrypt("wrong password")
    assert reader.decrypt("correct horse battery")
    assert "Q3 2026 pulse" in reader.pages[0].extract_text()


def test_the_pdf_names_its_data_files_and_commit(workspace, rapport):
    head = commit_everything(workspace)

    rapport("build", "--only", "report", workspace=workspace)
    info = PdfReader(workspace / REPORT).metadata
    assert info["/RapportSourceCommit"] == head
    data = sorted((workspace / "engagements" / CLIENT / "data").glob("*.csv"))
    for path in data:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"data/{path.name} sha256:{digest}" in info["/RapportDataFiles"]

    log = workspace / "engagements" / CLIENT / "interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    rapport("build", "--only", "report", workspace=workspace)
    assert PdfReader(workspace / REPORT).metadata["/RapportSourceCommit"] == head + "+dirty"


def test_the_report_appendix_names_the_commit(tmp_path, rapport):
    workspace = copy_demo(tmp_path / "ws")  # the real report, with its methodology section
    head = commit_everything(workspace)

    def appendix_text() -> str:
        pages = PdfReader(workspace / REPORT).pages
        return "".join("".join(page.extract_text().split()) for page in pages)

    rapport("build", "--only", "report", workspace=workspace)
    assert f"Inputsascommittedinrevision{head}." in appendix_text()
    log = workspace / "engagements" / CLIENT / "interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    rapport("build", "--only", "report", workspace=workspace)
    assert f"Inputsfromrevision{head},withchangesnotyetcommitted." in appendix_text()
