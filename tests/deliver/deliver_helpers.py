"""Helpers of the delivery tests: a local SMTP server that records what it is sent, and git."""

from __future__ import annotations

import logging
import socket
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CLIENT = "northwind-logistics"
LOGIN = "iryna"
PASSWORD = "correct horse battery staple"
SENDER = "iryna@melnyk-insight.example"

SMTP_SETTINGS = """
smtp:
  host: 127.0.0.1
  port: {port}
  security: none
  sender: {sender}
  username: {login}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(root: Path, *arguments: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    done = subprocess.run(
        ["git", *identity, "-c", "commit.gpgsign=false", *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@dataclass
class Mailbox:
    """What the SMTP server saw: logins tried, recipients refused, messages accepted."""

    password: str = PASSWORD
    refuse: set[str] = field(default_factory=set)
    logins: list[tuple[str, str]] = field(default_factory=list)
    envelopes: list = field(default_factory=list)

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        login = auth_data.login.decode()
        password = auth_data.password.decode()
        self.logins.append((login, password))
        # handled=False: the server answers "535 5.7.8 Authentication credentials invalid".
        return AuthResult(success=(login, password) == (LOGIN, self.password), handled=False)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 2.0.0 Accepted"


@contextmanager
def smtp_server(port: int, mailbox: Mailbox):
    """Run an SMTP server with AUTH on 127.0.0.1:``port`` while the block runs."""
    from aiosmtpd.controller import Controller

    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=mailbox.authenticate,
        auth_require_tls=False,
    )
    # The server's own log warns about its internals on every login; that is not ours to fix.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(logging.ERROR)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()
        server_log.setLevel(level)


def context_of(root: Path, client: str, language: str | None = None) -> dict:
    """The document context of ``client``, made the way the build makes it."""
    from generator.pipeline import engagement_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client])
    (engagement,) = workspace.engagements
    return engagement_context(workspace, engagement, language=language)


def build_workbook(root: Path, client: str = CLIENT) -> Path:
    """Build the data workbook the way `rapport build --only data` does; return its path."""
    from generator.build import BuildOptions, build

    build(root, [client], BuildOptions(kinds=("data",)))
    (workbook,) = (root / "output" / client).glob(f"{client}-data-*.xlsx")
    return workbook
