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

from generator.build import VARIANT_NAMES
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
    variant: str | None = None  # attach the PDF/A or PDF/UA files of 'build --pdf-variant'


@dataclass
class SendResult:
    composed: Composed
    sent: bool = False
    draft: Path | None = None
    entry: dict[str, Any] | None = field(default=None)


@dataclass
class Prepared:
    """A message checked and composed, ready to be shown, then sent or saved as a draft."""

    slug: str
    wave: str
    options: SendOptions
    composed: Composed
    smtp: Smtp | None
    password: str | None
    record_path: Path
    record_shown: str
    built_from: str | None
    draft_documents: bool  # sent on purpose with --allow-draft
    rel_folder: str

    @property
    def sending(self) -> bool:
        return not self.options.dry_run and self.options.draft is None

    @property
    def recipients(self) -> list[Recipient]:
        return self.composed.recipients

    @property
    def attachments(self) -> list[Deliverable]:
        return self.composed.attachments


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
    prepared = prepare(root, client, options, environ=environ)
    for line in summary_lines(prepared.composed, prepared.smtp if options.draft is None else None):
        report(line)
    for line in warning_lines(prepared):
        report(line)
    if options.dry_run:
        report("dry run: nothing was sent")
        return SendResult(prepared.composed)
    if prepared.sending and not confirm():
        report("not sent")
        return SendResult(prepared.composed)
    return deliver(prepared, report=report)


def prepare(
    root: Path,
    client: str,
    options: SendOptions,
    *,
    environ: Mapping[str, str] | None = None,
) -> Prepared:
    """Check everything that can be checked without the server, and compose the message."""
    from generator.pipeline import engagement_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client], wave=options.wave, building=True)
    (engagement,) = workspace.engagements
    context = engagement_context(workspace, engagement, wave=options.wave)
    wave = context["analysis"]["current_wave"]
    where = f"{engagement.rel_folder}/engagement.yaml"
    recipients = choose_recipients(engagement.spec.client.contacts, options.to, where)
    kinds = PDF_KINDS + (("data",) if options.with_data else ())
    attachments = fresh_deliverables(
        root, engagement.slug, wave, kinds, wave_option=options.wave, variant=options.variant
    )
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
    return Prepared(
        slug=engagement.slug,
        wave=wave,
        options=options,
        composed=composed,
        smtp=smtp,
        password=password,
        record_path=record_path,
        record_shown=record_shown,
        built_from=next((a.built_from for a in attachments if a.built_from), None),
        draft_documents=options.allow_draft and engagement.draft,
        rel_folder=engagement.rel_folder,
    )


def warning_lines(prepared: Prepared) -> list[str]:
    """What the consultant should know before the message goes: drafts, uncommitted inputs."""
    lines = []
    if prepared.draft_documents:
        lines.append("warning: the documents are drafts, marked so on every page (--allow-draft)")
    if prepared.built_from and prepared.built_from.endswith(DIRTY):
        lines.append(
            "warning: the documents were built from inputs not committed to git; "
            f"deliveries.yaml will say 'dirty: true' (commit {prepared.rel_folder} and "
            "rebuild to send documents whose inputs can be found again)"
        )
    return lines


def deliver(prepared: Prepared, *, report: Callable[[str], None] = lambda line: None) -> SendResult:
    """Write the draft, or send the message and record it in deliveries.yaml."""
    result = SendResult(prepared.composed)
    options = prepared.options
    if options.draft is not None:
        result.draft = write_draft(
            prepared.composed, options.draft, f"{prepared.slug}-{prepared.wave}"
        )
        report(f"wrote {result.draft} (a draft: nothing was sent)")
        return result
    assert prepared.smtp is not None and not options.dry_run
    built_from = prepared.built_from
    commit = built_from.removesuffix(DIRTY) if built_from else None
    dirty = bool(built_from and built_from.endswith(DIRTY))
    when = dt.datetime.now(dt.timezone.utc)
    recipients = prepared.recipients
    send_message(
        prepared.smtp, prepared.composed.message, [r.email for r in recipients], prepared.password
    )
    result.sent = True
    result.entry = delivery_entry(
        when=when,
        wave=prepared.wave,
        recipients=recipients,
        subject=prepared.composed.subject,
        attachments=prepared.attachments,
        commit=commit,
        dirty=dirty,
    )
    append_delivery(prepared.record_path, result.entry, prepared.record_shown)
    count = len(recipients)
    report(f"sent to {count} recipient{'s' * (count != 1)}; recorded in {prepared.record_shown}")
    return result


def summary_lines(composed: Composed, smtp: Smtp | None) -> list[str]:
    """What the message will be: sender, recipients, subject, attachments with sizes, server."""
    sender = composed.message["From"]
    lines = [f"From:     {sender if sender else '(no sender address)'}"]
    lines += _listed("To:", [_recipient(r) for r in composed.recipients])
    lines.append(f"Subject:  {printable(composed.subject)}")
    width = max(len(a.name) for a in composed.attachments)
    lines += _listed(
        "Attached:",
        [
            f"{a.name:<{width}}  {_size(a.size):>9}"
            + (f"  ({VARIANT_NAMES[a.variant]})" if a.variant else "")
            for a in composed.attachments
        ],
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


__all__ = [
    "Deliverable",
    "Prepared",
    "SendOptions",
    "SendResult",
    "deliver",
    "prepare",
    "send",
    "summary_lines",
]
