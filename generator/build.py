"""`rapport build`: every requested deliverable, from validated inputs to PDFs on disk.

Everything requested is loaded, validated and analysed before the first page is rendered, so
a bad input fails the build with every problem listed and no file touched. Each document is
skipped when a fingerprint of all its inputs (engagement folder, rapport.yaml, templates,
the tool itself, the options) matches the one recorded when the file was last written.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from generator.build_inputs import (
    data_files,
    file_digest,
    fingerprint,
    input_digests,
    output_folder,
    source_commit,
)
from generator.errors import RapportError
from generator.publish.pdf import PdfMetadata, PublishedPdf, write_pdf
from generator.render.documents import DOCUMENT_KINDS
from generator.workspace import Engagement, Workspace

STAMP_FILE = ".rapport-build.json"
PDF_KINDS = ("report", "deck")


@dataclass(frozen=True)
class BuildOptions:
    kinds: tuple[str, ...] = PDF_KINDS
    wave: str | None = None
    language: str | None = None
    jobs: int = 1
    force: bool = False
    notes: bool = False  # also the deck handout with speaker notes
    variant: str | None = None  # "pdf/a-3b" or "pdf/ua-1"
    encrypt: bool = False  # AES-256 with the password in RAPPORT_PDF_PASSWORD


@dataclass
class PlannedDocument:
    kind: str
    client: str
    stamp_key: str
    target: Path
    fingerprint: str
    inputs: dict[str, str]
    html: str | None = None
    metadata: PdfMetadata | None = None


@dataclass
class BuildResult:
    written: list[PublishedPdf] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)


def document_kinds(options: BuildOptions) -> tuple[str, ...]:
    kinds = list(options.kinds)
    if options.notes and "deck" in kinds:
        kinds.append("handout")
    return tuple(kinds)


def build(
    root: Path,
    clients: Sequence[str],
    options: BuildOptions,
    report: Callable[[str], None] = lambda line: None,
) -> BuildResult:
    """Build the requested documents of ``clients`` (all when empty) under ``root``."""
    from generator.validate import select_clients

    slugs = select_clients(root, clients)
    result = BuildResult()
    stale = []
    for slug in slugs:
        inputs = input_digests(root, slug)
        for kind in document_kinds(options):
            planned = _plan(root, slug, kind, options, inputs)
            if not options.force and _is_current(planned):
                result.up_to_date.append(planned.target)
                report(f"up to date: {_shown(root, planned.target)}")
            else:
                stale.append(planned)
    if not stale:
        return result

    password = _password(options)
    workspace = _validated(root, sorted({p.client for p in stale}))
    _render_all(workspace, stale, options)
    for published in _publish_all(workspace, stale, options, password):
        result.written.append(published)
        report(_written_line(root, published))
        for warning in published.warnings:
            report(f"  warning: {warning}")
    return result


PASSWORD_VARIABLE = "RAPPORT_PDF_PASSWORD"


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


def _validated(root: Path, slugs: Sequence[str]) -> Workspace:
    from generator.validate import validate_workspace

    return validate_workspace(root, slugs)


def output_name(engagement_slug: str, kind: str, wave: str, language_suffix: str = "") -> str:
    label = DOCUMENT_KINDS[kind].file_label
    return f"{engagement_slug}-{label}-{wave}{language_suffix}.pdf"


def _plan(
    root: Path, slug: str, kind: str, options: BuildOptions, inputs: dict[str, str]
) -> PlannedDocument:
    # The file name holds the wave and language, known for sure only after analysis; until
    # then the document is found through its stamp, keyed by kind and options.
    key = "|".join(
        [kind, f"wave={options.wave or ''}", f"language={options.language or ''}"]
        + ([f"variant={options.variant}"] if options.variant else [])
        + (["encrypted"] if options.encrypt else [])
    )
    folder = output_folder(root, slug)
    entry = _stamps(folder).get(key, {})
    target = folder / entry.get("file", f"{slug}-{DOCUMENT_KINDS[kind].file_label}.pdf")
    digest = fingerprint(inputs, kind, options)
    return PlannedDocument(kind, slug, key, target, digest, inputs)


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


def _render_all(workspace: Workspace, planned: list[PlannedDocument], options) -> None:
    """Analyse each engagement once and render its planned documents' HTML."""
    from generator.pipeline import analyze
    from generator.render.context import document_context
    from generator.render.documents import render_document
    from generator.render.environment import DocumentSettings

    by_slug = {e.slug: e for e in workspace.engagements}
    commit = source_commit(workspace.root)
    analyses: dict[str, tuple[dict, dict]] = {}
    for document in planned:
        engagement = by_slug[document.client]
        if document.client not in analyses:
            analysis = analyze(workspace, engagement, options.wave).to_dict()
            if analysis["current_wave"] is None:
                raise RapportError(f"{engagement.rel_folder}: no wave has responses to report")
            language = options.language or engagement.language
            context = document_context(
                workspace,
                engagement,
                analysis,
                language=language,
                data_files=data_files(engagement),
                source_commit=commit,
            )
            analyses[document.client] = (analysis, context)
        analysis, context = analyses[document.client]
        language = context["language"]
        suffix = f"-{language}" if language != engagement.language else ""
        name = output_name(engagement.slug, document.kind, analysis["current_wave"], suffix)
        document.target = workspace.output_dir / engagement.slug / name
        settings = DocumentSettings(
            language=language,
            country=engagement.spec.client.country,
            brand=workspace.settings.brand,
            workspace_dir=workspace.root,
            engagement_dir=engagement.folder,
        )
        document.html = render_document(document.kind, settings, context)
        document.metadata = _metadata(workspace, engagement, context, document.kind)


def _metadata(workspace: Workspace, engagement: Engagement, context: dict, kind: str):
    from generator.render.environment import builtin_templates
    from generator.render.i18n import load_translations

    _ = load_translations(builtin_templates() / "locale", context["language"]).gettext
    wave_name = context["labels"]["waves"][context["analysis"]["current_wave"]]
    what = _("Satisfaction assessment") if kind == "report" else _("Recommendations")
    title = f"{engagement.spec.engagement.title}, {wave_name}"
    if kind != "report":
        title = f"{what}: {title}"
    if kind == "handout":
        title += f" ({_('speaker notes')})"
    consultant = workspace.settings.consultant
    author = consultant.name + (f", {consultant.company}" if consultant.company else "")
    return PdfMetadata(
        title=title,
        author=author,
        subject=f"{engagement.spec.client.name}: {what}, {wave_name}",
        keywords=(engagement.spec.client.name, wave_name, "NPS", "CSAT", "CES"),
        language=context["language"],
        created=engagement.spec.engagement.report_date,
        custom=tuple(_provenance(context)),
    )


def _provenance(context: dict):
    """Where the document came from, as PDF Info entries: the commit and each data file."""
    if context["source_commit"]:
        yield "RapportSourceCommit", context["source_commit"]
    files = "; ".join(f"{f['path']} sha256:{f['sha256']}" for f in context["data_files"])
    if files:
        yield "RapportDataFiles", files


def _publish_job(
    document: PlannedDocument, roots: dict, fonts: list, variant: str | None, password: str | None
) -> PublishedPdf:
    assert document.html is not None and document.metadata is not None
    return write_pdf(
        document.html,
        document.target,
        metadata=document.metadata,
        allowed_roots=roots,
        fonts=fonts,
        variant=variant,
        password=password,
    )


def _publish_all(
    workspace: Workspace, planned: list[PlannedDocument], options: BuildOptions, password
) -> Iterable[PublishedPdf]:
    from generator.render.environment import builtin_templates

    builtin = builtin_templates()
    by_slug = {e.slug: e for e in workspace.engagements}
    fonts = [builtin / "fonts"]

    def roots(document: PlannedDocument) -> dict:
        return {
            "builtin": builtin,
            "workspace": workspace.root,
            "engagement": by_slug[document.client].folder,
        }

    extra = (options.variant, password)
    if options.jobs <= 1 or len(planned) == 1:
        outcomes = (_publish_job(d, roots(d), fonts, *extra) for d in planned)
        for document, published in zip(planned, outcomes, strict=True):
            _record(document, published)
            yield published
        return
    with ProcessPoolExecutor(max_workers=options.jobs, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(_publish_job, d, roots(d), fonts, *extra) for d in planned]
        for document, future in zip(planned, futures, strict=True):
            published = future.result()
            _record(document, published)
            yield published


def _record(document: PlannedDocument, published: PublishedPdf) -> None:
    """Remember the inputs' fingerprint of a written file, so an unchanged build skips it."""
    from generator.publish.pdf import write_atomically

    folder = document.target.parent
    stamps = _stamps(folder)
    stamps[document.stamp_key] = {
        "file": document.target.name,
        "inputs": document.fingerprint,
        "sha256": published.sha256,
        "files": document.inputs,
    }
    text = json.dumps(stamps, indent=2, sort_keys=True) + "\n"
    write_atomically(folder / STAMP_FILE, text.encode("utf-8"))


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _written_line(root: Path, published: PublishedPdf) -> str:
    pages = f"{published.pages} page{'s' * (published.pages != 1)}"
    return f"wrote {_shown(root, published.path)} ({pages}, {published.size // 1024:,} KB)"
