"""Hand the message to the mail server, and say plainly why when that fails.

The password is never read from YAML: it comes from ``RAPPORT_SMTP_PASSWORD`` or, when the
``keyring`` package is installed, from the system keyring (service ``rapport:<host>``, user
the SMTP username). Every recipient is checked with the server before the message itself is
transferred, so a refused address stops the whole message: nobody gets it, and nothing is
recorded as sent.
"""

from __future__ import annotations

import logging
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping, Sequence
from email.message import EmailMessage

from generator.deliver.errors import SendFailed, SmtpSettingsError
from generator.deliver.message import message_bytes
from generator.schema.workspace import Smtp

logger = logging.getLogger(__name__)

PASSWORD_VARIABLE = "RAPPORT_SMTP_PASSWORD"
TIMEOUT_SECONDS = 30


def keyring_service(settings: Smtp) -> str:
    return f"rapport:{settings.host}"


def smtp_password(settings: Smtp, environ: Mapping[str, str] | None = None) -> str | None:
    """Return the login password, or None when the server needs no login."""
    if settings.username is None:
        return None
    environ = os.environ if environ is None else environ
    password = environ.get(PASSWORD_VARIABLE)
    if password:
        return password
    password = _from_keyring(settings)
    if password:
        return password
    raise SmtpSettingsError(
        f"no password for the SMTP login '{settings.username}': set the {PASSWORD_VARIABLE} "
        f"environment variable, or store it in the system keyring with "
        f"'keyring set {keyring_service(settings)} {settings.username}'"
    )


def _from_keyring(settings: Smtp) -> str | None:
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(keyring_service(settings), settings.username)
    except Exception as error:  # a keyring without a usable backend raises its own errors
        logger.info("the system keyring could not be read: %s", error)
        return None


def server_name(settings: Smtp) -> str:
    return f"{settings.host}:{settings.effective_port}"


def send_message(
    settings: Smtp, message: EmailMessage, recipients: Sequence[str], password: str | None
) -> None:
    """Deliver ``message`` to ``recipients`` through the server, or raise SendFailed."""
    try:
        client = _connect(settings)
    except (OSError, smtplib.SMTPException) as error:
        raise SendFailed(explain(error, settings)) from None
    try:
        _secure_and_log_in(client, settings, password)
        _transmit(client, settings.sender, message, recipients)
    except (OSError, smtplib.SMTPException) as error:
        raise SendFailed(explain(error, settings)) from None
    finally:
        _close(client)


def _connect(settings: Smtp) -> smtplib.SMTP:
    host, port = settings.host, settings.effective_port
    if settings.security == "tls":
        return smtplib.SMTP_SSL(
            host, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
        )
    return smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)


def _secure_and_log_in(client: smtplib.SMTP, settings: Smtp, password: str | None) -> None:
    client.ehlo()
    if settings.security == "starttls":
        if not client.has_extn("starttls"):
            raise smtplib.SMTPNotSupportedError("STARTTLS")
        client.starttls(context=ssl.create_default_context())
        client.ehlo()
    if settings.username is not None:
        client.login(settings.username, password or "")


def _transmit(
    client: smtplib.SMTP, sender: str, message: EmailMessage, recipients: Sequence[str]
) -> None:
    data = message_bytes(message)  # CRLF line ends: smtplib adds them to text, not to bytes
    code, reply = client.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for address in recipients:
        code, reply = client.rcpt(address)
        if code not in (250, 251):
            refused[address] = (code, reply)
    if refused:
        client.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = client.data(data)
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


def _close(client: smtplib.SMTP) -> None:
    # Once the server has accepted the message, a failing goodbye changes nothing.
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def explain(error: BaseException, settings: Smtp) -> str:
    """Turn a connection or SMTP error into one sentence that says what to check."""
    server = server_name(settings)
    reason = _reason(error, settings, server)
    return f"not sent: {reason}"


def _reason(error: BaseException, settings: Smtp, server: str) -> str:
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return (
            f"the SMTP server {server} refused the login of '{settings.username}' "
            f"({_reply(error.smtp_code, error.smtp_error)}); check smtp.username in "
            f"rapport.yaml and the password in {PASSWORD_VARIABLE} or the keyring"
        )
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = "; ".join(
            f"{address} ({_reply(code, reply)})"
            for address, (code, reply) in error.recipients.items()
        )
        return f"the SMTP server {server} refused the recipient {refused}"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return (
            f"the SMTP server {server} refused the sender address {settings.sender} "
            f"({_reply(error.smtp_code, error.smtp_error)}); check smtp.sender in rapport.yaml"
        )
    if isinstance(error, smtplib.SMTPNotSupportedError):
        if "STARTTLS" in str(error):
            return (
                f"the SMTP server {server} does not offer STARTTLS; check smtp.security "
                "(tls for port 465) and smtp.port"
            )
        return (
            f"the SMTP server {server} does not accept a login here; check smtp.security, "
            "or leave out smtp.username if it needs none"
        )
    if isinstance(error, smtplib.SMTPDataError):
        reply = _reply(error.smtp_code, error.smtp_error)
        return f"the SMTP server {server} rejected the message ({reply})"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"the SMTP server {server} answered {_reply(error.smtp_code, error.smtp_error)}"
    if isinstance(error, smtplib.SMTPServerDisconnected):
        # smtplib reports a read that timed out as a closed connection; say what it was.
        if isinstance(error.__context__, TimeoutError):
            return f"the SMTP server {server} did not answer within {TIMEOUT_SECONDS} seconds"
        return f"the SMTP server {server} closed the connection unexpectedly"
    if isinstance(error, socket.gaierror):
        return (
            f"cannot find the SMTP server '{settings.host}' ({error.strerror}); "
            "check smtp.host in rapport.yaml and the network connection"
        )
    if isinstance(error, ConnectionRefusedError):
        return (
            f"cannot connect to the SMTP server {server}: the connection was refused; "
            "check smtp.host and smtp.port in rapport.yaml"
        )
    if isinstance(error, (TimeoutError, socket.timeout)):
        return f"the SMTP server {server} did not answer within {TIMEOUT_SECONDS} seconds"
    if isinstance(error, ssl.SSLCertVerificationError):
        return (
            f"the certificate of the SMTP server {server} is not trusted ({error.verify_message})"
        )
    if isinstance(error, ssl.SSLError):
        return (
            f"the encrypted connection to {server} failed ({error.reason or error}); "
            "check smtp.security: tls for port 465, starttls for port 587"
        )
    if isinstance(error, OSError):
        return f"cannot reach the SMTP server {server}: {error.strerror or error}"
    return f"the SMTP server {server} failed: {error}"


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(f"{code} {text}".split())
