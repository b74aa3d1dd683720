"""What `rapport send` checks before any server is contacted, and the draft and dry run."""

from __future__ import annotations

import email.policy
import socket
import sys
import types
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
import yaml
from deliver_helpers import CLIENT, LOGIN, PASSWORD, SENDER

from generator.deliver.errors import SendFailed, SmtpSettingsError
from generator.deliver.smtp import send_message, smtp_password
from generator.schema.workspace import Smtp

OUTPUT = f"output/{CLIENT}"
REPORT = f"{CLIENT}-assessment-2026-q3.pdf"
DECK = f"{CLIENT}-deck-2026-q3.pdf"
RECORD = f"engagements/{CLIENT}/deliveries.yaml"


def test_a_deliverable_older_than_its_inputs_is_refused_naming_the_input(workspace, rapport):
    summary = workspace / f"engagements/{CLIENT}/narrative/summary-2026-q3.md"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    result = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert result.exit_code == 1
    changed = "engagement:narrative/summary-2026-q3.md changed since it was built"
    assert result.stderr == (
        "Error: cannot send:\n"
        f"  {OUTPUT}/{REPORT} is older than its inputs: {changed}\n"
        f"  {OUTPUT}/{DECK} is older than its inputs: {changed}\n"
        f"run 'rapport build {CLIENT}' first\n"
    )


def test_a_file_changed_after_the_build_is_refused(workspace, rapport):
    deck = workspace / OUTPUT / DECK
    deck.write_bytes(deck.read_bytes() + b"\n% edited\n")
    result = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert result.exit_code == 1
    assert f"{OUTPUT}/{DECK} has been changed since 'rapport build' wrote it" in result.stderr
    assert REPORT not in result.stderr


def test_a_missing_deliverable_is_refused(workspace, rapport):
    (workspace / OUTPUT / REPORT).unlink()
    (workspace / OUTPUT / f"{CLIENT}-data-2026-q3.xlsx").unlink()
    result = rapport("send", CLIENT, "--dry-run", "--with-data", workspace=workspace)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot send:\n"
        f"  {OUTPUT}/{REPORT} has not been built\n"
        f"  {OUTPUT}/{CLIENT}-data-2026-q3.xlsx has not been built\n"
        f"run 'rapport build {CLIENT}' first\n"
    )


def test_dry_run_shows_recipients_subject_and_sizes_and_sends_nothing(workspace, rapport):
    result = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert result.exit_code == 0, result.output
    spec = yaml.safe_load((workspace / f"engagements/{CLIENT}/engagement.yaml").read_text("utf-8"))
    for contact in spec["client"]["contacts"]:
        shown = f"{contact['name']} <{contact['email']}>"
        assert (shown in result.stdout) == bool(contact.get("recipient")), shown
    assert "Subject:  Northwind: satisfaction assessment and recommendations, Q3 2026 pulse" in (
        result.stdout
    )
    for name in (REPORT, DECK):
        kilobytes = -(-(workspace / OUTPUT / name).stat().st_size // 1024)
        line = next(line for line in result.stdout.splitlines() if name in line)
        assert line.endswith(f"{kilobytes:,} KB")
    assert "Server:   127.0.0.1:" in result.stdout
    assert result.stdout.endswith("dry run: nothing was sent\n")
    assert not (workspace / RECORD).exists()


def test_to_names_contacts_by_id_or_name(workspace, rapport):
    result = rapport(
        "send", CLIENT, "--to", "tbrennan", "--to", "jake walsh", "--dry-run", workspace=workspace
    )
    assert result.exit_code == 0, result.output
    to_lines = [line for line in result.stdout.splitlines() if "@northwind-logistics" in line]
    assert to_lines == [
        "To:       Tom Brennan <tom.brennan@northwind-logistics.example>",
        "          Jake Walsh <jake.walsh@northwind-logistics.example>",
    ]
    unknown = rapport("send", CLIENT, "--to", "ceo", "--dry-run", workspace=workspace)
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith(
        f"Error: no contact 'ceo' in engagements/{CLIENT}/engagement.yaml; the contacts are: "
        "dkessler (Dana Kessler), "
    )


def test_a_draft_is_an_eml_file_a_mail_client_opens(workspace, tmp_path, rapport):
    drafts = tmp_path / "drafts"
    result = rapport("send", CLIENT, "--draft", str(drafts), workspace=workspace)
    assert result.exit_code == 0, result.output
    (path,) = drafts.iterdir()
    assert path.name == f"{CLIENT}-2026-q3.eml"
    message = BytesParser(policy=email.policy.default).parse(path.open("rb"))
    assert message["X-Unsent"] == "1"
    assert message["From"].addresses[0].addr_spec == SENDER
    assert len(message["To"].addresses) == 4
    assert message.get_body(("plain",)) is not None and message.get_body(("html",)) is not None
    attached = {p.get_filename(): p.get_content() for p in message.iter_attachments()}
    assert attached == {name: (workspace / OUTPUT / name).read_bytes() for name in (REPORT, DECK)}
    assert not (workspace / RECORD).exists()


def test_smtp_settings_are_not_a_document_input_but_sending_needs_them(
    workspace, tmp_path, rapport
):
    settings = workspace / "rapport.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text[: text.index("\nsmtp:")] + "\n", encoding="utf-8")

    result = rapport("send", CLIENT, "--yes", workspace=workspace)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: rapport.yaml has no 'smtp:' settings (host, sender, security, username); "
        "add them (see docs/sending.md), or write a draft with --draft DIR\n"
    )
    draft = rapport("send", CLIENT, "--draft", str(tmp_path / "drafts"), workspace=workspace)
    assert draft.exit_code == 0, draft.output
    assert "Server:" not in draft.stdout
    assert not (workspace / RECORD).exists()


@pytest.mark.parametrize(
    "smtp, at, message",
    [
        (
            "{host: smtp.example.com, sender: a@b.example, security: none}",
            "none}",
            "smtp.security: 'none' sends the login and the deliverables unencrypted, so it is "
            "allowed only for a server on this machine (localhost, 127.0.0.1 or ::1), not for "
            "'smtp.example.com'; use starttls or tls",
        ),
        (
            "{host: smtp.example.com, sender: a@b.example, password: hunter2}",
            "password",
            "'password': secrets do not belong in files kept in git; "
            "set them in an environment variable or the system keyring",
        ),
    ],
)
def test_smtp_settings_are_validated(make_workspace, rapport, smtp, at, message):
    line = f"smtp: {smtp}"
    root = make_workspace({"rapport.yaml": f"consultant:\n  name: Test\n{line}\n"})
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"rapport.yaml:3:{line.index(at) + 1}: {message}"


def test_the_password_comes_from_the_environment_then_the_keyring(monkeypatch):
    settings = Smtp(host="smtp.example.com", sender=SENDER, username=LOGIN)
    assert smtp_password(settings, {"RAPPORT_SMTP_PASSWORD": PASSWORD}) == PASSWORD

    stored = {("rapport:smtp.example.com", LOGIN): "from the keyring"}
    keyring = types.SimpleNamespace(get_password=lambda service, user: stored.get((service, user)))
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    assert smtp_password(settings, {}) == "from the keyring"

    monkeypatch.setitem(sys.modules, "keyring", None)  # not installed
    with pytest.raises(SmtpSettingsError) as refused:
        smtp_password(settings, {})
    assert "set the RAPPORT_SMTP_PASSWORD environment variable" in str(refused.value)
    assert smtp_password(Smtp(host="localhost", sender=SENDER, security="none"), {}) is None


def small_message() -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = SENDER, "x@example.com", "test"
    message.set_content("test")
    return message


def test_an_unknown_server_name_is_one_plain_message():
    settings = Smtp(host="no-such-host.invalid", sender=SENDER)
    with pytest.raises(SendFailed) as failed:
        send_message(settings, small_message(), ["x@example.com"], None)
    assert str(failed.value).startswith(
        "not sent: cannot find the SMTP server 'no-such-host.invalid' ("
    )


def test_a_server_that_never_answers_is_one_plain_message(monkeypatch):
    monkeypatch.setattr("generator.deliver.smtp.TIMEOUT_SECONDS", 0.2)
    with socket.socket() as silent:  # accepts connections, never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        settings = Smtp(host="127.0.0.1", port=port, sender=SENDER, security="none")
        with pytest.raises(SendFailed) as failed:
            send_message(settings, small_message(), ["x@example.com"], None)
    assert str(failed.value) == (
        f"not sent: the SMTP server 127.0.0.1:{port} did not answer within 0.2 seconds"
    )
