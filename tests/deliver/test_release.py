"""`rapport release`: three clients, one of them broken, through a real SMTP server on loopback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from deliver_helpers import (
    LOGIN,
    PASSWORD,
    SENDER,
    SMTP_SETTINGS,
    Mailbox,
    free_port,
    git,
    smtp_server,
)
from test_build_command import SMALL_REPORT
from workspace_helpers import REPO, copy_demo

from cli import main

GOOD = ("kyiv-pharma", "northwind-logistics")
BROKEN = "baltic-home"
WAVE = "2026-q3"


def _break(root: Path) -> str:
    """Misspell an impact in Baltic Home's engagement.yaml; return the located problem's start."""
    path = root / "engagements" / BROKEN / "engagement.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip() == "impact: high")
    lines[index] = lines[index].replace("impact: high", "impact: hgh")
    path.write_text("".join(lines), encoding="utf-8")
    column = lines[index].index("hgh") + 1
    return f"engagements/{BROKEN}/engagement.yaml:{index + 1}:{column}: recommendations"


@pytest.fixture
def three_clients(tmp_path) -> tuple[Path, int, str]:
    """The three demo clients with small one-page documents, SMTP settings and git; Baltic
    Home broken. Returns the root, the SMTP port and Baltic Home's located problem."""
    root = copy_demo(tmp_path / "ws", (*GOOD, BROKEN))
    for client in (*GOOD, BROKEN):
        for template in ("report/report.html", "deck/deck.html"):
            override = root / "engagements" / client / "templates" / template
            override.parent.mkdir(parents=True, exist_ok=True)
            override.write_text(SMALL_REPORT, encoding="utf-8")
    port = free_port()
    settings = root / "rapport.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + SMTP_SETTINGS.format(port=port, sender=SENDER, login=LOGIN),
        encoding="utf-8",
    )
    problem = _break(root)
    (root / ".gitignore").write_text("/output/\n.rapport-cache/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "three clients")
    return root, port, problem


def run(root: Path, *args: str, answer: str | None = None):
    env = {"RAPPORT_SMTP_PASSWORD": PASSWORD}
    return CliRunner().invoke(
        main, ["--workspace", str(root), "release", *args], input=answer, env=env
    )


def recipients_of(root: Path, client: str) -> list[str]:
    import yaml

    spec = yaml.safe_load((root / "engagements" / client / "engagement.yaml").read_text())
    return [c["email"] for c in spec["client"]["contacts"] if c.get("recipient")]


def test_release_sends_the_sound_clients_refuses_the_broken_one_and_never_sends_twice(
    three_clients,
):
    root, port, problem = three_clients
    with smtp_server(port, Mailbox()) as mailbox:
        first = run(root, "--send", answer="y\n")
        assert first.exit_code == 1, first.output
        assert len(mailbox.envelopes) == 2
        sent_to = sorted(sorted(e.rcpt_tos) for e in mailbox.envelopes)
        assert sent_to == sorted(sorted(recipients_of(root, c)) for c in GOOD)

        # One confirmation for the batch, after a list of every recipient.
        assert first.stderr.count("Send 2 messages?") == 1
        for client in GOOD:
            assert f"{client} ({WAVE}): {client}-assessment-{WAVE}.pdf" in first.stderr
            for address in recipients_of(root, client):
                assert f"<{address}>" in first.stderr
        assert not any(f"<{a}>" in first.stderr for a in recipients_of(root, BROKEN))

        rows = {line.split()[0]: line for line in first.stdout.splitlines() if "  " in line}
        for client in GOOD:
            assert rows[client].endswith("sent")
            assert (root / "engagements" / client / "deliveries.yaml").is_file()
        assert rows[BROKEN].endswith("refused: 1 error in the inputs")
        assert problem in first.stderr
        assert not (root / "engagements" / BROKEN / "deliveries.yaml").exists()
        assert not (root / "output" / BROKEN).exists()

        recorded = {c: (root / "engagements" / c / "deliveries.yaml").read_bytes() for c in GOOD}
        second = run(root, "--send", answer="y\n")
        assert second.exit_code == 1  # Baltic Home is still refused
        assert len(mailbox.envelopes) == 2  # nothing sent twice
        assert "Send" not in second.stderr  # nothing to confirm
        rows = {line.split()[0]: line for line in second.stdout.splitlines() if "  " in line}
        for client in GOOD:
            assert f"skipped: {WAVE} already sent on " in rows[client]
            assert (root / "engagements" / client / "deliveries.yaml").read_bytes() == recorded[
                client
            ]

        # Named, a client is looked at closely: the same files to the same people are skipped.
        named = run(root, "northwind-logistics", "--send", "--yes")
        assert named.exit_code == 0, named.output
        assert "already sent on" in named.stdout and "to the same recipients" in named.stdout
        assert len(mailbox.envelopes) == 2
        forced = run(root, "northwind-logistics", "--send", "--yes", "--force")
        assert forced.exit_code == 0, forced.output
        assert len(mailbox.envelopes) == 3


def test_declining_the_confirmation_sends_and_records_nothing(three_clients):
    root, port, _ = three_clients
    with smtp_server(port, Mailbox()) as mailbox:
        result = run(root, *GOOD, "--send", answer="n\n")
    assert result.exit_code == 1
    assert mailbox.envelopes == []
    assert "not sent: not confirmed" in result.stdout
    assert not any((root / "engagements" / c / "deliveries.yaml").exists() for c in GOOD)


def test_drafts_by_default_and_a_dry_run_builds_nothing(three_clients):
    root, _, _ = three_clients
    plan = run(root, "--dry-run")
    assert plan.exit_code == 1  # the plan already knows Baltic Home would be refused
    assert plan.stdout.startswith("Release plan (dry run: nothing built or sent)")
    assert "to draft: 2 documents to build" in plan.stdout
    assert not (root / "output").exists()

    drafted = run(root, *GOOD)
    assert drafted.exit_code == 0, drafted.output
    for client in GOOD:
        draft = root / "output" / client / f"{client}-{WAVE}.eml"
        assert f"drafted: output/{client}/{client}-{WAVE}.eml" in drafted.stdout
        assert b"X-Unsent: 1" in draft.read_bytes()
        assert not (root / "engagements" / client / "deliveries.yaml").exists()

    again = run(root, "--dry-run", *GOOD)
    assert "to draft: documents up to date" in again.stdout


def test_the_json_has_the_documented_fields(three_clients):
    root, _, problem = three_clients
    result = run(root, "--json", *GOOD, BROKEN)
    assert result.exit_code == 1
    done = json.loads(result.stdout)
    assert set(done) == {"ok", "dry_run", "send", "clients"}
    assert (done["ok"], done["dry_run"], done["send"]) == (False, False, False)
    by_client = {c["client"]: c for c in done["clients"]}
    assert list(by_client) == [*GOOD, BROKEN]  # in the order named
    fields = {
        "client", "status", "reason", "wave", "documents", "pages", "recipients", "draft",
        "problems",
    }  # fmt: skip
    assert all(set(c) == fields for c in done["clients"])
    northwind = by_client["northwind-logistics"]
    assert northwind["status"] == "drafted"
    assert northwind["documents"] == [
        f"northwind-logistics-assessment-{WAVE}.pdf",
        f"northwind-logistics-deck-{WAVE}.pdf",
    ]
    assert northwind["pages"] == 2
    assert northwind["draft"] == f"output/northwind-logistics/northwind-logistics-{WAVE}.eml"
    assert {"name", "email"} == set(northwind["recipients"][0])
    broken = by_client[BROKEN]
    assert broken["status"] == "refused"
    (located,) = broken["problems"]
    assert located["text"].startswith(problem)
    assert located["file"] == f"engagements/{BROKEN}/engagement.yaml"
    assert located["severity"] == "error" and isinstance(located["line"], int)


def test_an_unknown_client_is_a_usage_error(three_clients):
    root, _, _ = three_clients
    result = run(root, "northwind-logistic")
    assert result.exit_code == 2
    assert "(did you mean 'northwind-logistics'?)" in result.stderr
    assert not (root / "output").exists()


def test_sending_without_a_password_stops_before_anything_is_built(three_clients):
    root, _, _ = three_clients
    result = CliRunner().invoke(
        main,
        ["--workspace", str(root), "release", "--send", "--yes"],
        env={"RAPPORT_SMTP_PASSWORD": ""},
    )
    assert result.exit_code == 1
    assert "no password for the SMTP login 'iryna'" in result.stderr
    assert not (root / "output").exists()


def test_a_client_without_recipients_is_refused_before_its_build(tmp_path):
    root = copy_demo(tmp_path / "ws", ("northwind-logistics",))
    path = root / "engagements" / "northwind-logistics" / "engagement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("recipient: true", "recipient: false"))
    result = CliRunner().invoke(main, ["--workspace", str(root), "release"])
    assert result.exit_code == 1
    assert "refused: no contact in engagements/northwind-logistics/engagement.yaml" in result.stdout
    assert not (root / "output").exists()
    shutil.rmtree(root)


def test_the_demo_workspace_plans_every_client(rapport):
    result = rapport("release", "--dry-run", workspace=REPO)
    assert result.exit_code == 0, result.output
    for client in (*GOOD, BROKEN):
        assert f"\n{client} " in result.stdout
