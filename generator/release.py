"""`rapport release`: the quarter's deliverables of every client that is due, in one go.

A client is due when its latest wave with responses has not been delivered yet (or when it is
named, or with ``force``). For each due client, in this order and without touching the
others when one fails:

1. the checks ``validate`` makes (every input problem, located), then those ``send`` would
   refuse without a build: no recipient, a recipient without an address, a placeholder left
   from ``rapport new``, a deliveries.yaml that cannot take another entry;
2. the build of its assessment and deck (``build_documents``, all clients at once so that
   ``jobs`` renders documents of several clients in parallel);
3. the message composed by ``deliver.prepare``, skipped when exactly these documents already
   went to exactly these recipients;
4. after one confirmation for the whole batch, each message sent and recorded
   (``deliver.deliver``), or written as an .eml draft beside the documents.

Every client ends with a status: sent, drafted, skipped (with why), refused (with why and its
located problems) or, in a dry run, "to send" / "to draft".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.build import BuildOptions, build_documents, output_name, stale_documents
from generator.build_each import validate_each
from generator.build_inputs import output_folder
from generator.deliver.errors import DeliveryError, RecordError, SmtpSettingsError
from generator.deliver.recipients import Recipient, choose_recipients
from generator.deliver.send import PDF_KINDS, Prepared, SendOptions, deliver, prepare
from generator.errors import InputError, Problem, Problems
from generator.progress import Progress

SENT, DRAFTED, SKIPPED, REFUSED, DECLINED = "sent", "drafted", "skipped", "refused", "not sent"
TO_SEND, TO_DRAFT = "to send", "to draft"
WENT_OUT = {SENT, DRAFTED, SKIPPED, TO_SEND, TO_DRAFT}


@dataclass(frozen=True)
class ReleaseOptions:
    send: bool = False  # e-mail the messages; otherwise write .eml drafts
    dry_run: bool = False  # only say what would be done
    force: bool = False  # rebuild, and deliver again what was already delivered
    jobs: int = 1


@dataclass
class ClientRelease:
    client: str
    status: str
    reason: str = ""
    wave: str | None = None
    documents: list[str] = field(default_factory=list)  # file names
    pages: int | None = None
    recipients: list[Recipient] = field(default_factory=list)
    draft: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def went_out(self) -> bool:
        return self.status in WENT_OUT

    def to_dict(self, root: Path) -> dict[str, Any]:
        return {
            "client": self.client,
            "status": self.status,
            "reason": self.reason or None,
            "wave": self.wave,
            "documents": self.documents,
            "pages": self.pages,
            "recipients": [{"name": r.name, "email": r.email} for r in self.recipients],
            "draft": _shown(root, self.draft) if self.draft else None,
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class Release:
    clients: list[ClientRelease]
    dry_run: bool
    send: bool

    @property
    def ok(self) -> bool:
        return all(c.went_out for c in self.clients)

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.clients for p in c.problems]

    def to_dict(self, root: Path) -> dict[str, Any]:
        """The release as JSON values (docs/json.md, "rapport release --json")."""
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "send": self.send,
            "clients": [c.to_dict(root) for c in self.clients],
        }


Confirm = Callable[[list[ClientRelease]], bool]


def release(
    root: Path,
    clients: Sequence[str],
    options: ReleaseOptions,
    *,
    progress: Progress | None = None,
    confirm: Confirm = lambda batch: True,
    environ: Mapping[str, str] | None = None,
) -> Release:
    """Check, build and deliver (or plan, with ``dry_run``) every due or named client."""
    from generator.validate import select_clients

    progress = progress or Progress()
    slugs = select_clients(root, clients)  # an unknown name is a usage error, before any work
    named = bool(clients)
    progress.phase(f"checking the inputs of {_count(len(slugs), 'client')}")
    workspace, failed = validate_each(root, slugs, None, building=False)
    if options.send and not options.dry_run and workspace is not None:
        _check_server(workspace, environ)
    outcomes = {slug: _refused(slug, problems) for slug, problems in failed.items()}
    engagements = {e.slug: e for e in (workspace.engagements if workspace else [])}
    for slug, engagement in engagements.items():
        outcomes[slug] = _precheck(root, engagement, named, options)
    due = [slug for slug in slugs if outcomes[slug].status in (TO_SEND, TO_DRAFT)]
    if options.dry_run:
        build_options = _build_options(options)
        for slug in due:
            _plan_documents(root, outcomes[slug], build_options)
        return Release([outcomes[s] for s in slugs], dry_run=True, send=options.send)

    if due:
        built = build_documents(root, due, _build_options(options), progress)
        for slug, problems in built.refused.items():
            outcomes[slug] = _refused(slug, problems, outcomes[slug])
    prepared: dict[str, Prepared] = {}
    for slug in [s for s in due if outcomes[s].status in (TO_SEND, TO_DRAFT)]:
        progress.phase(f"composing the message to {slug}")
        outcome = outcomes[slug]
        try:
            ready = prepare(root, slug, _send_options(root, slug, options), environ=environ)
        except InputError as error:
            outcomes[slug] = _refused(slug, error.problems, outcome)
            continue
        except (DeliveryError, RecordError) as error:
            outcomes[slug] = _refusal(outcome, str(error))
            continue
        outcome.documents = [a.name for a in ready.attachments]
        outcome.pages = _pages(ready)
        outcome.recipients = ready.recipients
        earlier = _same_delivery(engagements[slug], ready)
        if earlier and not options.force:
            outcome.status = SKIPPED
            outcome.reason = f"already sent on {earlier} to the same recipients"
            continue
        prepared[slug] = ready

    batch = [outcomes[s] for s in prepared]
    if options.send and batch and not confirm(batch):
        for outcome in batch:
            outcome.status, outcome.reason = DECLINED, "not confirmed"
        prepared = {}
    for index, (slug, ready) in enumerate(prepared.items(), start=1):
        verb = "sending to" if options.send else "writing the draft to"
        progress.item(index, len(prepared), f"{verb} {slug}")
        outcome = outcomes[slug]
        try:
            done = deliver(ready)
        except (DeliveryError, RecordError) as error:
            outcomes[slug] = _refusal(outcome, str(error))
            continue
        outcome.status = SENT if done.sent else DRAFTED
        outcome.draft = done.draft
    progress.clear()
    return Release([outcomes[s] for s in slugs], dry_run=False, send=options.send)


def _precheck(root: Path, engagement, named: bool, options: ReleaseOptions) -> ClientRelease:
    """Whether the client is due, and what ``send`` would refuse before anything is built."""
    from generator.deliver.deliverables import refuse_drafts
    from generator.deliver.record import check_record_file
    from generator.week import read_deliveries

    slug = engagement.slug
    answered = [w.id for w in engagement.spec.waves if engagement.responses.get(w.id)]
    if not answered:
        reason = "no wave with responses yet"
        return (
            _refusal(ClientRelease(slug, REFUSED), reason)
            if named
            else ClientRelease(slug, SKIPPED, reason)
        )
    wave = answered[-1]
    outcome = ClientRelease(slug, TO_SEND if options.send else TO_DRAFT, wave=wave)
    problems = Problems()
    delivered = read_deliveries(engagement, problems)
    if problems.errors:
        return _refused(slug, problems.items, outcome)
    sent_on = [str(e["when"])[:10] for e in delivered if str(e["wave"]) == wave]
    if sent_on and not named and not options.force:
        outcome.status, outcome.reason = SKIPPED, f"{wave} already sent on {sent_on[-1]}"
        return outcome
    try:
        where = f"{engagement.rel_folder}/engagement.yaml"
        outcome.recipients = choose_recipients(engagement.spec.client.contacts, (), where)
        refuse_drafts(root, [], engagement.placeholders, slug)
        if options.send:
            shown = f"{engagement.rel_folder}/deliveries.yaml"
            check_record_file(engagement.folder / "deliveries.yaml", shown)
    except (DeliveryError, RecordError) as error:
        return _refusal(outcome, str(error))
    return outcome


def _check_server(workspace, environ) -> None:
    """Sending needs the server's settings and password, for every client alike: ask once."""
    from generator.deliver.smtp import smtp_password

    if workspace.settings.smtp is None:
        raise SmtpSettingsError(
            "rapport.yaml has no 'smtp:' settings (host, sender, security, username); add them "
            "(see docs/sending.md), or leave out --send to write drafts"
        )
    smtp_password(workspace.settings.smtp, environ)


def _build_options(options: ReleaseOptions) -> BuildOptions:
    return BuildOptions(kinds=PDF_KINDS, jobs=options.jobs, force=options.force, keep_going=True)


def _send_options(root: Path, slug: str, options: ReleaseOptions) -> SendOptions:
    return SendOptions(draft=None if options.send else output_folder(root, slug))


def _plan_documents(root: Path, outcome: ClientRelease, options: BuildOptions) -> None:
    assert outcome.wave is not None
    names = [output_name(outcome.client, kind, outcome.wave) for kind in PDF_KINDS]
    outcome.documents = names
    stale = stale_documents(root, outcome.client, options)
    if stale:
        outcome.reason = f"{_count(len(stale), 'document')} to build"
    else:
        outcome.reason = "documents up to date"


def _same_delivery(engagement, ready: Prepared) -> str | None:
    """The day exactly these files went to exactly these addresses, if they ever did."""
    from generator.week import read_deliveries

    files = {a.name: a.sha256 for a in ready.attachments}
    addresses = {r.email.lower() for r in ready.recipients}
    for entry in reversed(read_deliveries(engagement, Problems())):
        sent = {a.get("file"): a.get("sha256") for a in entry.get("attachments") or []}
        to = {str(r.get("email", "")).lower() for r in entry.get("to") or []}
        if sent == files and to == addresses:
            return str(entry["when"])[:10]
    return None


def _pages(ready: Prepared) -> int | None:
    from pypdf import PdfReader

    total = 0
    for attachment in ready.attachments:
        if attachment.content_type != "application/pdf":
            continue
        try:
            total += len(PdfReader(io.BytesIO(attachment.data)).pages)
        except Exception:  # an encrypted PDF's pages cannot be counted without its password
            return None
    return total


def _refused(slug: str, problems: Sequence[Problem], outcome: ClientRelease | None = None):
    outcome = outcome or ClientRelease(slug, REFUSED)
    errors = [p for p in problems if p.severity.value == "error"]
    outcome.status = REFUSED
    outcome.reason = f"{_count(len(errors), 'error')} in the inputs"
    outcome.problems = list(errors)
    return outcome


def _refusal(outcome: ClientRelease, reason: str) -> ClientRelease:
    outcome.status = REFUSED
    outcome.reason = reason
    return outcome


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


__all__ = ["ClientRelease", "Release", "ReleaseOptions", "release"]
