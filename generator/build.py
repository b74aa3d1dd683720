"""`rapport build`: every requested deliverable, from validated inputs to files on disk.

Everything requested is loaded, validated and analysed before the first page is rendered, so
a bad input fails the build with every problem listed and no file touched. Each document is
skipped when a fingerprint of all its inputs (engagement folder, rapport.yaml, templates,
the tool itself, the options) matches the one recorded when the file was last written.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.build_each import refuse_the_rest, validate_each
from generator.build_inputs import (
    file_digest,
    fingerprint,
    input_digests,
    output_folder,
    recorded_commit,
)
from generator.errors import Location, Problem, RapportError
from generator.progress import Progress
from generator.publish.outputs import check_outputs, output_folders_locked
from generator.publish.workers import die_with_parent

if TYPE_CHECKING:
    from generator.workspace import Workspace

STAMP_FILE = ".rapport-build.json"
DEFAULT_KINDS = ("report", "deck", "data")
FILE_NAMES = {  # kind → (word in the file name, suffix)
    "report": ("assessment", ".pdf"),
    "deck": ("deck", ".pdf"),
    "notes": ("deck-notes", ".pdf"),  # the consultant's speaker notes, internal
    "handout": ("deck-handout", ".pdf"),  # the slides two to an A4 page, for the client
    "data": ("data", ".xlsx"),
    "pptx": ("deck", ".pptx"),
}
PDF_KINDS = ("report", "deck", "notes", "handout")
PASSWORD_VARIABLE = "RAPPORT_PDF_PASSWORD"
# A variant has a file of its own: the normal PDF beside it stays as it was.
VARIANT_SUFFIXES = {"pdf/a-3b": "-pdfa", "pdf/ua-1": "-pdfua"}
VARIANT_NAMES = {"pdf/a-3b": "PDF/A-3b, archival", "pdf/ua-1": "PDF/UA-1, accessible"}


@dataclass(frozen=True)
class BuildOptions:
    kinds: tuple[str, ...] | None = None  # None: the workspace's default set (default_kinds)
    wave: str | None = None
    language: str | None = None
    jobs: int = 1
    force: bool = False
    notes: bool = False  # also the deck handout with speaker notes
    variant: str | None = None  # "pdf/a-3b" or "pdf/ua-1"
    encrypt: bool = False  # AES-256 with the password in RAPPORT_PDF_PASSWORD
    keep_going: bool = False  # build every client that can be built; list the others' problems


@dataclass
class PlannedDocument:
    kind: str
    client: str
    stamp_key: str
    target: Path
    fingerprint: str
    inputs: dict[str, str]
    context: dict[str, Any] | None = None


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    size: int
    sha256: str
    pages: int | None = None  # PDFs' pages, the PowerPoint deck's slides
    warnings: tuple[str, ...] = ()
    unit: str = "page"
    client: str = ""
    kind: str = ""


@dataclass(frozen=True)
class CurrentFile:
    """A document left as it was: nothing it is made from has changed."""

    path: Path
    client: str
    kind: str


@dataclass
class BuildResult:
    written: list[WrittenFile] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    current: list[CurrentFile] = field(default_factory=list)
    refused: dict[str, list[Problem]] = field(default_factory=dict)  # with keep_going only

    def pdfs(self) -> list[Path]:
        """Every PDF the build wrote or found up to date, in the order of the build."""
        found = [w.path for w in self.written] + [c.path for c in self.current]
        return [path for path in found if path.suffix == ".pdf"]

    def to_dict(self, root: Path) -> dict[str, Any]:
        """The result as JSON values (docs/json.md, "rapport build --json")."""
        return {
            "ok": not self.refused,
            "written": [
                {
                    "client": w.client,
                    "kind": w.kind,
                    "path": _shown(root, w.path),
                    "pages": w.pages,
                    "size": w.size,
                    "sha256": w.sha256,
                    "warnings": list(w.warnings),
                }
                for w in self.written
            ],
            "up_to_date": [
                {"client": c.client, "kind": c.kind, "path": _shown(root, c.path)}
                for c in self.current
            ],
            "refused": [
                {"client": client, "problems": [p.to_dict() for p in problems]}
                for client, problems in sorted(self.refused.items())
            ],
        }


Report = Callable[[str], None] | Progress


def build(
    root: Path,
    clients: Sequence[str],
    options: BuildOptions,
    report: Report = lambda line: None,
) -> BuildResult:
    """Build the requested documents of ``clients`` (all when empty) under ``root``.

    ``report`` gets a line per document; a ``Progress`` also hears what starts. With
    ``options.keep_going`` the clients that could not be built are listed at the end and
    their problems raised together (``build_documents`` returns them instead).
    """
    result = build_documents(root, clients, options, report)
    if result.refused:
        refuse_the_rest(result.refused, _progress(report))
    return result


def stale_documents(root: Path, slug: str, options: BuildOptions) -> list[Path]:
    """The documents of ``slug`` a build with ``options`` would write (the others are current);
    named as when last built, or by kind until the first build names them."""
    inputs = input_digests(root, slug, {})
    planned = [_plan(root, slug, kind, options, inputs) for kind in _kinds(root, options)]
    return [p.target for p in planned if options.force or not _is_current(p)]


def _progress(report: Report) -> Progress:
    return report if isinstance(report, Progress) else Progress(report)


def build_documents(
    root: Path, clients: Sequence[str], options: BuildOptions, report: Report
) -> BuildResult:
    """Build as ``build`` does, but return the refused clients' problems in the result."""
    from generator.load.workspace import select_clients

    progress = _progress(report)
    slugs = select_clients(root, clients)
    if not slugs:
        progress.line("no clients yet: make one with 'rapport new NAME'")
    with output_folders_locked(root, [output_folder(root, slug) for slug in slugs]):
        return _build(root, slugs, options, progress)


def _build(
    root: Path, slugs: Sequence[str], options: BuildOptions, progress: Progress
) -> BuildResult:
    result = BuildResult()
    stale = []
    memo: dict = {}  # what the clients share is hashed once
    for slug in slugs:
        inputs = input_digests(root, slug, memo)
        for kind in _kinds(root, options):
            planned = _plan(root, slug, kind, options, inputs)
            if not options.force and _is_current(planned):
                result.up_to_date.append(planned.target)
                result.current.append(CurrentFile(planned.target, slug, kind))
                progress.line(f"up to date: {_shown(root, planned.target)}")
            else:
                stale.append(planned)
    if not stale:
        return result
    # Only now that a document must be written is the validation (pydantic, the survey
    # readers, the analysis) worth importing.
    from generator.validate import validate_workspace

    password = _password(options)
    chosen = sorted({p.client for p in stale})
    progress.phase(f"checking the inputs of {_clients(len(chosen))}")
    if options.keep_going:
        workspace, failed = validate_each(root, chosen, options.wave)
    else:
        workspace = validate_workspace(root, chosen, wave=options.wave, building=True)
        failed = {}
    stale = [p for p in stale if p.client not in failed]
    if workspace is not None and stale:
        for client, problem in _analyse_all(workspace, stale, options, progress).items():
            failed[client] = [problem]
        stale = [p for p in stale if p.client not in failed]
    if workspace is not None and stale:
        # Every place a file goes is checked before the first one is written.
        folders = {p.target.parent for p in stale}
        check_outputs(root, [p.target for p in stale] + [f / STAMP_FILE for f in folders])
    published = (
        _publish_all(workspace, stale, options, password, progress) if workspace else iter(())
    )
    for document, written in published:
        if isinstance(written, RapportError):
            # Only with --keep-going: a document that cannot be rendered stops its client.
            failed.setdefault(document.client, []).append(
                Problem(Location(_shown(root, document.target)), str(written))
            )
            continue
        _record(document, written)
        written = replace(written, client=document.client, kind=document.kind)
        result.written.append(written)
        progress.line(_written_line(root, written))
        if document.context and document.context.get("draft") and document.kind in PDF_KINDS:
            progress.line(
                f"  draft: placeholders of 'rapport new' are left in the inputs "
                f"('rapport validate {document.client}' lists them); 'rapport send' refuses it"
            )
        for warning in written.warnings:
            progress.line(f"  warning: {warning}", err=True)
    result.refused = failed
    return result


def _clients(count: int) -> str:
    return f"{count} client{'s' * (count != 1)}"


def default_kinds(root: Path) -> tuple[str, ...]:
    """The report, the deck and the workbook; and the PowerPoint deck when rapport.yaml sets
    ``defaults.pptx: true``."""
    from generator.build_inputs import quick_settings

    defaults = quick_settings(root).get("defaults")
    wants_pptx = isinstance(defaults, dict) and defaults.get("pptx") is True
    return DEFAULT_KINDS + (("pptx",) if wants_pptx else ())


def _kinds(root: Path, options: BuildOptions) -> list[str]:
    kinds = list(dict.fromkeys(options.kinds or default_kinds(root)))
    if options.notes and "deck" in kinds:
        kinds.insert(kinds.index("deck") + 1, "notes")
    return kinds


def _password(options: BuildOptions) -> str | None:
    if not options.encrypt:
        return None
    password = os.environ.get(PASSWORD_VARIABLE, "")
    if len(password) < 8:
        raise RapportError(
            f"--encrypt takes the password from the environment variable {PASSWORD_VARIABLE} "
            "(at least 8 characters); it is not set or too short"
        )
    return password


def output_name(
    slug: str, kind: str, wave: str, language_suffix: str = "", variant: str | None = None
) -> str:
    """Return e.g. ``baltic-home-assessment-2026-q3.pdf`` (``-uk`` before the suffix when the
    document is not in the client's own language, then ``-pdfa`` or ``-pdfua`` for a PDF
    variant)."""
    word, suffix = FILE_NAMES[kind]
    marked = VARIANT_SUFFIXES[variant] if variant and suffix == ".pdf" else ""
    return f"{slug}-{word}-{wave}{language_suffix}{marked}{suffix}"


# ---------- Skipping what has not changed ----------


def _plan(
    root: Path, slug: str, kind: str, options: BuildOptions, inputs: dict[str, str]
) -> PlannedDocument:
    # The file name holds the wave and language, known for sure only after analysis; until
    # then the document is found through its stamp, keyed by kind and options.
    key = "|".join(
        [kind, f"wave={options.wave or ''}", f"language={options.language or ''}"]
        + ([f"variant={options.variant}"] if options.variant and kind in PDF_KINDS else [])
        + (["encrypted"] if options.encrypt and kind in PDF_KINDS else [])
    )
    folder = output_folder(root, slug)
    word, suffix = FILE_NAMES[kind]
    target = folder / _stamps(folder).get(key, {}).get("file", f"{slug}-{word}{suffix}")
    return PlannedDocument(kind, slug, key, target, fingerprint(inputs, kind, options), inputs)


def _stamps(folder: Path) -> dict:
    try:
        return json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _is_current(planned: PlannedDocument) -> bool:
    entry = _stamps(planned.target.parent).get(planned.stamp_key)
    return (
        entry is not None
        and entry.get("inputs") == planned.fingerprint
        and planned.target.is_file()
        and entry.get("sha256") == file_digest(planned.target)
    )


def _record(document: PlannedDocument, written: WrittenFile) -> None:
    """Remember the inputs of a written file: an unchanged build skips it, `send` checks it."""
    folder = document.target.parent
    stamps = _stamps(folder)
    stamps[document.stamp_key] = {
        "file": document.target.name,
        "inputs": document.fingerprint,
        "sha256": written.sha256,
        "files": document.inputs,
    }
    text = json.dumps(stamps, indent=2, sort_keys=True) + "\n"
    from generator.publish.pdf import write_atomically

    write_atomically(folder / STAMP_FILE, text.encode("utf-8"))


# ---------- Analyse ----------


def _analyse_all(
    workspace: Workspace, planned: list[PlannedDocument], options, progress: Progress
) -> dict[str, Problem]:
    """Analyse each engagement once and name each document's file (its wave and language
    are known only now); the HTML is rendered where the PDF is, in the workers.

    With ``options.keep_going`` an engagement that cannot be analysed is left out and its
    problem returned (client → problem); otherwise the first one is raised.
    """
    from generator.pipeline import engagement_context

    by_slug = {e.slug: e for e in workspace.engagements}
    contexts: dict[str, dict] = {}
    failed: dict[str, Problem] = {}
    for document in planned:
        engagement = by_slug[document.client]
        if document.client in failed:
            continue
        try:
            if document.client not in contexts:
                progress.phase(f"analysing {document.client}")
                contexts[document.client] = engagement_context(
                    workspace,
                    engagement,
                    wave=options.wave,
                    language=options.language,
                    # The commit fingerprinted with the inputs, so the stamp and PDF agree.
                    source_commit=recorded_commit(document.inputs),
                )
            _name(workspace, engagement, document, contexts[document.client], options.variant)
        except RapportError as error:
            if not options.keep_going:
                raise
            failed[document.client] = Problem(Location(engagement.rel_folder), str(error))
    return failed


def document_period(context) -> str:
    """What a usability study without a survey names its documents by: its latest test."""
    tests = sorted(context["analysis"]["usability"], key=lambda t: str(t["date"]))
    return tests[-1]["id"] if tests else "report"


def _name(
    workspace: Workspace, engagement, document: PlannedDocument, context, variant: str | None
) -> None:
    """Give one document its context and its file name."""
    document.context = context
    language = context["language"]
    suffix = f"-{language}" if language != engagement.language else ""
    wave = context["analysis"]["current_wave"] or document_period(context)
    name = output_name(engagement.slug, document.kind, wave, suffix, variant)
    document.target = workspace.output_dir / engagement.slug / name


# ---------- Render and publish ----------


@dataclass(frozen=True)
class _Job:
    """What a worker needs to make one document: it inherits this through the fork."""

    workspace: Workspace
    document: PlannedDocument
    variant: str | None
    password: str | None


# The jobs of the build under way; forked workers find theirs here by index, so no
# analysis is pickled on its way to them.
_JOBS: list[_Job] = []


def _publish_all(
    workspace: Workspace,
    planned: list[PlannedDocument],
    options: BuildOptions,
    password,
    progress: Progress,
) -> Iterator[tuple[PlannedDocument, WrittenFile | RapportError]]:
    """Render and write every document, here or in ``options.jobs`` worker processes; with
    ``options.keep_going`` a document that fails is given with its error instead.

    The HTML, the PDF and the workbook of a document are all made by the process that
    writes it, so with two workers both cores render from the first document on.
    """
    jobs = [_Job(workspace, document, options.variant, password) for document in planned]
    parallel = options.jobs > 1 and len(planned) > 1
    with ExitStack() as stack:
        futures = []
        if parallel:
            _JOBS[:] = jobs
            stack.callback(_JOBS.clear)
            pool = stack.enter_context(
                ProcessPoolExecutor(
                    max_workers=min(options.jobs, len(planned)),
                    mp_context=get_context("fork"),
                    initializer=die_with_parent,
                    initargs=(os.getpid(),),
                )
            )
            # A failure stops the documents not yet started.
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            futures = [pool.submit(_make_job, index) for index in range(len(jobs))]
        # Reported in the planned order, whichever finishes first.
        stopped: set[str] = set()
        for index, document in enumerate(planned, start=1):
            if document.client in stopped and not parallel:
                continue
            progress.item(index, len(planned), _shown(workspace.root, document.target))
            try:
                yield document, futures[index - 1].result() if parallel else _make(jobs[index - 1])
            except RapportError as error:
                if not options.keep_going:
                    raise
                stopped.add(document.client)
                yield document, error


def _make_job(index: int) -> WrittenFile:
    return _make(_JOBS[index])


def _make(job: _Job) -> WrittenFile:
    """Render one document from its context and write it atomically."""
    from generator.publish.workbook import workbook_data

    document = job.document
    assert document.context is not None
    if document.kind == "data":
        return _write_file(document.target, workbook_data(document.context))
    if document.kind == "pptx":
        return _make_pptx(job)
    from generator.pipeline import document_roots, document_settings, font_folders
    from generator.publish.pdf import write_pdf
    from generator.render.documents import document_metadata, render_document

    engagement = next(e for e in job.workspace.engagements if e.slug == document.client)
    settings = document_settings(job.workspace, engagement, document.context["language"])
    html = render_document(document.kind, settings, document.context)
    attachments = []
    if job.variant == "pdf/a-3b" and document.kind == "report":
        # An archival report carries its numbers as the source workbook.
        name = document.target.name.replace("-assessment-", "-data-")
        name = name.removesuffix(f"{VARIANT_SUFFIXES[job.variant]}.pdf") + ".xlsx"
        attachments.append((name, workbook_data(document.context)))
    published = write_pdf(
        html,
        document.target,
        metadata=document_metadata(document.context, document.kind),
        allowed_roots=document_roots(job.workspace, engagement),
        fonts=font_folders(),
        attachments=attachments,
        variant=job.variant,
        password=job.password,
    )
    return WrittenFile(
        published.path, published.size, published.sha256, published.pages, published.warnings
    )


def _make_pptx(job: _Job) -> WrittenFile:
    """The deck as a PowerPoint file, from the same slide plan as the PDF deck."""
    import datetime as dt

    from generator.publish.pptx import write_pptx
    from generator.render.environment import builtin_templates
    from generator.render.pptx import render_pptx

    document, workspace = job.document, job.workspace
    assert document.context is not None
    engagement = next(e for e in workspace.engagements if e.slug == document.client)
    brand = workspace.settings.brand
    template = workspace.root / brand.pptx_template if brand.pptx_template else None
    folders = {
        "builtin": builtin_templates(),
        "workspace": workspace.root,
        "engagement": engagement.folder,
    }
    data, planned = render_pptx(document.context, brand, template=template, folders=folders)
    day = document.context["engagement"]["report_date"]
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    moment = dt.datetime(day.year, day.month, day.day, 12, 0, 0)
    published = write_pptx(data, document.target, moment, planned["slide_count"])
    return WrittenFile(
        published.path, published.size, published.sha256, published.slides, unit="slide"
    )


def _write_file(target: Path, data: bytes) -> WrittenFile:
    from generator.publish.pdf import write_atomically

    write_atomically(target, data)
    return WrittenFile(target, len(data), hashlib.sha256(data).hexdigest())


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _written_line(root: Path, written: WrittenFile) -> str:
    size = f"{written.size // 1024:,} KB"
    if written.pages is not None:
        size = f"{written.pages} {written.unit}{'s' * (written.pages != 1)}, {size}"
    return f"wrote {_shown(root, written.path)} ({size})"
