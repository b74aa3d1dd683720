"""`rapport send` against a local SMTP server: what arrives, what is recorded, what is refused."""

from __future__ import annotations

import email.policy
import hashlib
from email.parser import BytesParser

import pytest
import yaml
from deliver_helpers import (
    CLIENT,
    LOGIN,
    PASSWORD,
    SENDER,
    Mailbox,
    build_workbook,
    git,
    smtp_server,
)

OUTPUT = f"output/{CLIENT}"
REPORT = f"{CLIENT}-assessment-2026-q3.pdf"
DECK = f"{CLIENT}-deck-2026-q3.pdf"
RECORD = f"engagements/{CLIENT}/deliveries.yaml"


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("RAPPORT_SMTP_PASSWORD", PASSWORD)


def recipients_marked_in(root) -> list[tuple[str, str]]:
    spec = yaml.safe_load((root / f"engagements/{CLIENT}/engagement.yaml").read_text("utf-8"))
    return [(c["name"], c["email"]) for c in spec["client"]["contacts"] if c.get("recipient")]


def parsed(data: bytes):
    return BytesParser(policy=email.policy.default).parsebytes(data)


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_send_delivers_the_pdfs_to_the_recipients_and_records_it(
    workspace, built, rapport, no_warnings_logged
):
    with smtp_server(built.port, Mailbox()) as mailbox:
        result = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert result.exit_code == 0, result.output
    expected = recipients_marked_in(workspace)
    assert mailbox.logins == [(LOGIN, PASSWORD)]
    (envelope,) = mailbox.envelopes
    assert envelope.mail_from == SENDER
    assert envelope.rcpt_tos == [address for _, address in expected]

    message = parsed(envelope.content)
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == expected
    assert message["Subject"] == (
        "Northwind: satisfaction assessment and recommendations, Q3 2026 pulse"
    )
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Please find attached the satisfaction assessment" in text
    assert "<li" in html and "Please find attached the satisfaction assessment" in html
    assert "Iryna Melnyk" in text and "Iryna Melnyk" in html
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attached == {
        REPORT: (workspace / OUTPUT / REPORT).read_bytes(),
        DECK: (workspace / OUTPUT / DECK).read_bytes(),
    }

    (entry,) = yaml.safe_load((workspace / RECORD).read_text(encoding="utf-8"))
    assert entry["wave"] == "2026-q3"
    assert [(r["name"], r["email"]) for r in entry["to"]] == expected
    assert entry["subject"] == message["Subject"]
    assert entry["attachments"] == [
        {"file": REPORT, "sha256": sha256(workspace / OUTPUT / REPORT)},
        {"file": DECK, "sha256": sha256(workspace / OUTPUT / DECK)},
    ]
    assert entry["commit"] == git(workspace, "rev-parse", "HEAD")
    assert "dirty" not in entry
    assert entry["when"].endswith("Z")
    assert f"sent to {len(expected)} recipients; recorded in {RECORD}" in result.stdout


def test_a_later_send_appends_and_keeps_the_earlier_text(workspace, built, rapport):
    earlier = (
        "# Sent by hand before the tool did it.\n"
        "- when: '2026-07-01T08:00:00Z'\n"
        "  wave: 2026-q2\n"
        "  to: [{name: Dana Kessler, email: dana.kessler@northwind-logistics.example}]\n"
    )
    (workspace / RECORD).write_text(earlier, encoding="utf-8")
    with smtp_server(built.port, Mailbox()):
        result = rapport("send", CLIENT, "--to", "dkessler", "--yes", workspace=workspace)
    assert result.exit_code == 0, result.output
    text = (workspace / RECORD).read_text(encoding="utf-8")
    assert text.startswith(earlier)
    first, second = yaml.safe_load(text)
    assert first["wave"] == "2026-q2"
    assert second["to"] == [
        {"name": "Dana Kessler", "email": "dana.kessler@northwind-logistics.example"}
    ]
    # deliveries.yaml is not an input: the documents' inputs are all committed, as they say.
    assert second["commit"] == git(workspace, "rev-parse", "HEAD")
    assert "dirty" not in second
    # The record is no input: the workspace still validates and the PDFs are still current.
    assert rapport("validate", CLIENT, workspace=workspace).exit_code == 0
    assert rapport("send", CLIENT, "--dry-run", workspace=workspace).exit_code == 0


def test_a_refused_login_is_one_message_and_nothing_is_recorded(
    workspace, built, rapport, monkeypatch
):
    monkeypatch.setenv("RAPPORT_SMTP_PASSWORD", "wrong")
    with smtp_server(built.port, Mailbox()) as mailbox:
        result = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"Error: not sent: the SMTP server 127.0.0.1:{built.port} refused the login of 'iryna' "
        "(535 "
    )
    assert "RAPPORT_SMTP_PASSWORD" in result.stderr
    assert mailbox.envelopes == []
    assert not (workspace / RECORD).exists()


def test_an_unreachable_server_is_one_message_and_nothing_is_recorded(workspace, built, rapport):
    result = rapport("send", CLIENT, "--yes", workspace=workspace)  # nothing listens
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: not sent: cannot connect to the SMTP server 127.0.0.1:{built.port}: the "
        "connection was refused; check smtp.host and smtp.port in rapport.yaml\n"
    )
    assert not (workspace / RECORD).exists()


def test_a_refused_recipient_stops_the_whole_message(workspace, built, rapport):
    refused = "marcus.ortiz@northwind-logistics.example"
    with smtp_server(built.port, Mailbox(refuse={refused})) as mailbox:
        result = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"refused the recipient {refused} (550 5.1.1 No such mailbox here)" in result.stderr
    assert mailbox.envelopes == []
    assert not (workspace / RECORD).exists()


def test_nothing_is_sent_without_confirmation(workspace, built, rapport_with_input):
    with smtp_server(built.port, Mailbox()) as mailbox:
        result = rapport_with_input("n\n", "send", CLIENT, workspace=workspace)
    assert result.exit_code == 1
    assert "Send it? [y/N]" in result.output
    assert mailbox.envelopes == []
    assert not (workspace / RECORD).exists()


def test_with_data_attaches_the_workbook_as_built(workspace, built, rapport):
    workbook = build_workbook(workspace)
    with smtp_server(built.port, Mailbox()) as mailbox:
        result = rapport("send", CLIENT, "--with-data", "--yes", workspace=workspace)
    assert result.exit_code == 0, result.output
    message = parsed(mailbox.envelopes[0].content)
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert parts[workbook.name].get_content() == workbook.read_bytes()
    assert parts[workbook.name].get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "and the data workbook" in message.get_body(("plain",)).get_content()
    (entry,) = yaml.safe_load((workspace / RECORD).read_text(encoding="utf-8"))
    assert {"file": workbook.name, "sha256": sha256(workbook)} in entry["attachments"]


def test_outside_git_the_commit_is_recorded_as_null(workspace, built, rapport):
    import shutil

    shutil.rmtree(workspace / ".git")
    # The documents named a commit that no longer holds their inputs: they are built again.
    assert rapport("send", CLIENT, "--dry-run", workspace=workspace).exit_code == 1
    assert rapport("build", CLIENT, workspace=workspace).exit_code == 0
    with smtp_server(built.port, Mailbox()):
        result = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert result.exit_code == 0, result.output
    (entry,) = yaml.safe_load((workspace / RECORD).read_text(encoding="utf-8"))
    assert entry["commit"] is None


@pytest.fixture
def rapport_with_input():
    from click.testing import CliRunner

    from cli import main

    def run(text: str, *args: str, workspace):
        runner = CliRunner()
        return runner.invoke(main, ["--workspace", str(workspace), *args], input=text)

    return run
