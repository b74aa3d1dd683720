"""`rapport send`: the wave's deliverables by e-mail to the client's recipients, then a record.

Everything that can be checked is checked before the server is contacted: the inputs are
valid, each deliverable exists, is as fresh as its inputs and is not a draft (no placeholder
of `rapport new` is left), every recipient has an address,
the SMTP settings and password are there, and deliveries.yaml can take another entry. Only
then is the summary shown and, once confirmed, the message sent and recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.deliver.deliverables import Deliverable, fresh_deliverables, refuse_drafts
from generator.deliver.errors import SmtpSettingsError
from generator.deliver.message import Composed, compose_message, write_draft
from generator.deliver.recipients import Recipient, choose_recipients
from generator.deliver.record import (
    DELIVERIES_FILE,
    append_delivery,
    check_record_file,
    delivery_entry,
)
from generator.deliver.smtp import send_message, server_name, smtp_password
from generator.errors import printable
from generator.schema.workspace import Smtp

PDF_KINDS = ("report", "deck")
DIRTY = "+dirty"


@dataclass(frozen=True)
class SendOptions:
    wave: str | None = None
    to: tuple[str, ...] = ()  # contact ids or names; default: the contacts marked recipient
    with_data: bool = False
    dry_run: bool = False
    draft: Path | None = None  # write an .eml into this folder instead of sending
    allow_draft: bool = False  # send documents marked as drafts, on purpose (a review copy)


@dataclass
class SendResult:
    composed: Composed
    sent: bool = False
    draft: Path | None = None
    entry: dict[str, Any] | None = field(default=None)


def send(
    root: Path,
    client: str,
    options: SendOptions,
    *,
    report: Callable[[str], None] = lambda line: None,
    confirm: Callable[[], bool] = lambda: True,
    environ: Mapping[str, str] | None = None,
) -> SendResult:
    """Send (or, with ``dry_run`` / ``draft``, only show or save) the wave's deliverables."""
    from generator.pipeline import engagement_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client], wave=options.wave, building=True)
    (engagement,) = workspace.engagements
    context = engagement_context(workspace, engagement, wave=options.wave)
    wave = context["analysis"]["current_wave"]
    where = f"{engagement.rel_folder}/engagement.yaml"
    recipients = choose_recipients(engagement.spec.client.contacts, options.to, where)
    kinds = PDF_KINDS + (("data",) if options.with_data else ())
    attachments = fresh_deliverables(root, engagement.slug, wave, kinds, wave_option=options.wave)
    if not options.allow_draft:
        refuse_drafts(root, attachments, engagement.placeholders, engagement.slug)
    sending = not options.dry_run and options.draft is None
    smtp = workspace.settings.smtp
    if sending and smtp is None:
        raise SmtpSettingsError(
            "rapport.yaml has no 'smtp:' settings (host, sender, security, username); "
            "add them (see docs/sending.md), or write a draft with --draft DIR"
        )
    sender = smtp.sender if smtp is not None else workspace.settings.consultant.email
    composed = compose_message(
        workspace,
        engagement,
        context,
        recipients,
        attachments,
        sender=sender,
        with_data=options.with_data,
    )
    record_path = engagement.folder / DELIVERIES_FILE
    record_shown = f"{engagement.rel_folder}/{DELIVERIES_FILE}"
    password = None
    if sending:
        assert smtp is not None
        check_record_file(record_path, record_shown)
        password = smtp_password(smtp, environ)
    for line in summary_lines(composed, smtp if options.draft is None else None):
        report(line)
    if options.allow_draft and engagement.draft:
        report("warning: the documents are drafts, marked so on every page (--allow-draft)")
    built_from = next((a.built_from for a in attachments if a.built_from), None)
    if built_from and built_from.endswith(DIRTY):
        report(
            "warning: the documents were built from inputs not committed to git; "
            f"deliveries.yaml will say 'dirty: true' (commit {engagement.rel_folder} and "
            "rebuild to send documents whose inputs can be found again)"
        )
    result = SendResult(composed)
    if options.dry_run:
        report("dry run: nothing was sent")
        return result
    if options.draft is not None:
        result.draft = write_draft(composed, options.draft, f"{engagement.slug}-{wave}")
        report(f"wrote {result.draft} (a draft: nothing was sent)")
        return result
    assert smtp is not None
    if not confirm():
        report("not sent")
        return result
    commit = built_from.removesuffix(DIRTY) if built_from else None
    dirty = bool(built_from and built_from.endswith(DIRTY))
    when = dt.datetime.now(dt.timezone.utc)
    send_message(smtp, composed.message, [r.email for r in recipients], password)
    result.sent = True
    result.entry = delivery_entry(
        when=when,
        wave=wave,
        recipients=recipients,
        subject=composed.subject,
        attachments=attachments,
        commit=commit,
        dirty=dirty,
    )
    append_delivery(record_path, result.entry, record_shown)
    count = len(recipients)
    report(f"sent to {count} recipient{'s' * (count != 1)}; recorded in {record_shown}")
    return result


def summary_lines(composed: Composed, smtp: Smtp | None) -> list[str]:
    """What the message will be: sender, recipients, subject, attachments with sizes, server."""
    sender = composed.message["From"]
    lines = [f"From:     {sender if sender else '(no sender address)'}"]
    lines += _listed("To:", [_recipient(r) for r in composed.recipients])
    lines.append(f"Subject:  {printable(composed.subject)}")
    width = max(len(a.name) for a in composed.attachments)
    lines += _listed(
        "Attached:", [f"{a.name:<{width}}  {_size(a.size):>9}" for a in composed.attachments]
    )
    if smtp is not None:
        login = f", login {smtp.username}" if smtp.username else ""
        lines.append(f"Server:   {server_name(smtp)} ({smtp.security}{login})")
    return lines


def _listed(label: str, values: list[str]) -> list[str]:
    return [f"{label if i == 0 else '':<9} {value}" for i, value in enumerate(values)]


def _recipient(recipient: Recipient) -> str:
    return printable(f"{recipient.name} <{recipient.email}>")


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{-(-size // 1024):,} KB"


__all__ = ["Deliverable", "SendOptions", "SendResult", "send", "summary_lines"]
