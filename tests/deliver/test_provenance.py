"""The commit a document names is the one its inputs are at, and deliveries.yaml says the same.

Inputs not yet committed, untracked ones included, make the named commit "+dirty"; committing
them makes the documents stale, so a build after the commit writes them again; `send` warns
before sending documents built from uncommitted inputs and records exactly what the PDF says.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from deliver_helpers import CLIENT, PASSWORD, Mailbox, git, smtp_server
from pypdf import PdfReader

REPORT = f"output/{CLIENT}/{CLIENT}-assessment-2026-q3.pdf"
RECORD = f"engagements/{CLIENT}/deliveries.yaml"
WARNING = "warning: the documents were built from inputs not committed to git"


@pytest.fixture(autouse=True)
def smtp_password(monkeypatch):
    monkeypatch.setenv("RAPPORT_SMTP_PASSWORD", PASSWORD)


def _named_commit(root) -> str:
    return PdfReader(root / REPORT).metadata["/RapportSourceCommit"]


def test_an_untracked_client_is_dirty_and_committing_it_rebuilds(workspace, built, rapport):
    shutil.rmtree(workspace / ".git")
    shutil.rmtree(workspace / "output")
    git(workspace, "init", "-q")
    git(workspace, "add", "rapport.yaml", "brand", ".gitignore")
    git(workspace, "commit", "-q", "-m", "Settings only; the client folder is untracked")
    settings_commit = git(workspace, "rev-parse", "HEAD")

    first = rapport("build", CLIENT, workspace=workspace)
    assert first.exit_code == 0, first.output
    assert _named_commit(workspace) == settings_commit + "+dirty"

    git(workspace, "add", "-A")
    git(workspace, "commit", "-q", "-m", "Northwind inputs")
    head = git(workspace, "rev-parse", "HEAD")
    second = rapport("build", CLIENT, workspace=workspace)
    assert second.exit_code == 0, second.output
    assert "up to date" not in second.stdout and f"wrote {REPORT}" in second.stdout
    assert _named_commit(workspace) == head

    with smtp_server(built.port, Mailbox()):
        sent = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert sent.exit_code == 0, sent.output
    assert WARNING not in sent.stdout
    (entry,) = yaml.safe_load((workspace / RECORD).read_text(encoding="utf-8"))
    assert entry["commit"] == _named_commit(workspace) and "dirty" not in entry


def test_documents_from_uncommitted_inputs_are_sent_with_a_warning_and_recorded_so(
    workspace, built, rapport
):
    head = git(workspace, "rev-parse", "HEAD")
    log = workspace / f"engagements/{CLIENT}/interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert rapport("build", CLIENT, workspace=workspace).exit_code == 0
    assert _named_commit(workspace) == head + "+dirty"

    with smtp_server(built.port, Mailbox()):
        sent = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert sent.exit_code == 0, sent.output
    assert WARNING in sent.stdout
    (entry,) = yaml.safe_load((workspace / RECORD).read_text(encoding="utf-8"))
    assert (entry["commit"], entry["dirty"]) == (head, True)


def test_a_document_naming_an_older_commit_is_not_sent(workspace, rapport):
    before = git(workspace, "rev-parse", "HEAD")
    log = workspace / f"engagements/{CLIENT}/interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    assert rapport("build", CLIENT, workspace=workspace).exit_code == 0
    git(workspace, "commit", "-q", "-am", "A note in the log")
    after = git(workspace, "rev-parse", "HEAD")
    result = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert result.exit_code == 1
    assert (
        f"  {REPORT} names the commit {before}+dirty, but its inputs are now at {after}\n"
        in result.stderr
    )
