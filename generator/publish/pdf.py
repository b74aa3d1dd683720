"""HTML to PDF with WeasyPrint: allow-list fetching, fixed metadata, the same bytes every time.

``write_pdf`` renders, checks that nothing was refused, and replaces the target atomically:
a failed or interrupted build leaves the previous PDF as it was. WeasyPrint is imported only
inside the functions that render, so importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__
from generator.errors import RapportError
from generator.publish.fonts import private_fontconfig_file
from generator.publish.urls import VIRTUAL_BASE, Refusal

logger = logging.getLogger(__name__)

VARIANTS = ("pdf/a-3b", "pdf/ua-1")


class PublishError(RapportError):
    """A document could not be rendered or written."""


class AssetRefused(PublishError):
    """The document asked for files or URLs it may not use."""

    def __init__(self, refusals: Sequence[Refusal]):
        self.refusals = list(refusals)
        listed = "\n".join(f"  {refusal}" for refusal in self.refusals)
        super().__init__(
            f"the document refers to {len(self.refusals)} resource(s) outside the templates, "
            f"workspace and engagement folders:\n{listed}"
        )

    def __reduce__(self):
        return (type(self), (self.refusals,))


@dataclass(frozen=True)
class PdfMetadata:
    """What the PDF says about itself; the dates come from the data, never from the clock."""

    title: str
    author: str
    created: dt.date | dt.datetime
    subject: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"
    modified: dt.date | dt.datetime | None = None
    creator: str = f"Rapport {__version__}"
    custom: tuple[tuple[str, str], ...] = ()  # extra Info entries, e.g. the source commit


@dataclass(frozen=True)
class RenderLimits:
    """Resource limits of the child process that renders, as defence in depth."""

    memory_mb: int = 1024  # address space the child may add to what it inherits
    cpu_seconds: int = 120


@dataclass
class RenderedPdf:
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)
    resources: frozenset[Path] = frozenset()  # the files the renderer read (stylesheets, images)


@dataclass(frozen=True)
class PublishedPdf:
    path: Path
    pages: int
    size: int
    sha256: str
    warnings: tuple[str, ...]


def write_pdf(
    html: str,
    target: Path,
    *,
    metadata: PdfMetadata,
    allowed_roots: Mapping[str, Path],
    fonts: Sequence[Path],
    stylesheets: Sequence[str] = (),
    attachments: Sequence[tuple[str, bytes]] = (),
    variant: str | None = None,
    password: str | None = None,
    isolate: bool = False,
    limits: RenderLimits | None = None,
) -> PublishedPdf:
    """Render ``html`` and write it to ``target`` atomically.

    Relative URLs resolve against the virtual base (``builtin/css/base.css``); only files
    under ``allowed_roots`` and ``data:`` URLs are served, and any refusal fails the build
    with ``AssetRefused``. ``fonts`` are the only font folders the renderer sees. ``variant``
    is a WeasyPrint PDF variant (``pdf/a-3b``, ``pdf/ua-1``); ``password`` encrypts the file
    with AES-256 (encrypted files differ at each build: the cipher's salt is random). With
    ``isolate`` the rendering runs in a child process under ``limits``.
    """
    job = _job(html, metadata, allowed_roots, fonts, stylesheets, attachments, variant)
    if isolate:
        from generator.publish.isolation import run_isolated

        rendered = run_isolated(render_pdf_bytes, job, limits or RenderLimits())
    else:
        rendered = render_pdf_bytes(job)
    if password:
        rendered.data = encrypt(rendered.data, password)
    write_atomically(Path(target), rendered.data)
    return PublishedPdf(
        path=Path(target),
        pages=rendered.pages,
        size=len(rendered.data),
        sha256=hashlib.sha256(rendered.data).hexdigest(),
        warnings=tuple(rendered.warnings),
    )


def render_pdf(
    html: str,
    *,
    metadata: PdfMetadata,
    allowed_roots: Mapping[str, Path],
    fonts: Sequence[Path],
    stylesheets: Sequence[str] = (),
) -> RenderedPdf:
    """Render ``html`` in this process as ``write_pdf`` would, and return the bytes unwritten."""
    return render_pdf_bytes(_job(html, metadata, allowed_roots, fonts, stylesheets, (), None))


def _job(html, metadata, allowed_roots, fonts, stylesheets, attachments, variant) -> _Job:
    if variant is not None and variant not in VARIANTS:
        raise PublishError(f"unknown PDF variant {variant!r}; choose one of {', '.join(VARIANTS)}")
    return _Job(
        html=html,
        metadata=metadata,
        roots={name: Path(folder) for name, folder in allowed_roots.items()},
        fonts=[Path(folder) for folder in fonts],
        stylesheets=list(stylesheets),
        attachments=list(attachments),
        variant=variant,
    )


@dataclass
class _Job:
    html: str
    metadata: PdfMetadata
    roots: dict[str, Path]
    fonts: list[Path]
    stylesheets: list[str]
    attachments: list[tuple[str, bytes]]
    variant: str | None = None


def render_pdf_bytes(job: _Job) -> RenderedPdf:
    """Render one document in this process and return its bytes."""
    import weasyprint

    from generator.publish.continuation import mark_continuations
    from generator.publish.fetcher import AllowListFetcher

    fetcher = AllowListFetcher(job.roots)
    font_config = _private_font_configuration(job.fonts)
    captured = _WarningCollector()
    weasy_logger = logging.getLogger("weasyprint")
    weasy_logger.addHandler(captured)
    try:
        document = weasyprint.HTML(
            string=job.html, base_url=VIRTUAL_BASE, url_fetcher=fetcher
        ).render(
            font_config=font_config,
            stylesheets=[
                weasyprint.CSS(
                    string=css, base_url=VIRTUAL_BASE, url_fetcher=fetcher, font_config=font_config
                )
                for css in job.stylesheets
            ],
        )
        mark_continuations(document)
        _set_metadata(document, job.metadata)
        _drop_html_attachments(document)
        if fetcher.refusals:
            raise AssetRefused(fetcher.refusals)
        created = _as_datetime(job.metadata.created)
        attachments = [
            weasyprint.Attachment(
                string=content,
                name=name,
                url_fetcher=fetcher,
                created=created,
                modified=created,
                relationship="Source",
            )
            for name, content in job.attachments
        ]
        data = document.write_pdf(
            pdf_identifier=True,
            attachments=attachments or None,
            pdf_variant=job.variant,
            custom_metadata=bool(job.metadata.custom),
        )
        # An <image> inside an SVG is fetched while drawing and only logged when refused.
        if fetcher.refusals:
            raise AssetRefused(fetcher.refusals)
        return RenderedPdf(data, len(document.pages), captured.messages, frozenset(fetcher.served))
    finally:
        weasy_logger.removeHandler(captured)


def encrypt(data: bytes, password: str) -> bytes:
    """Return the PDF ``data`` encrypted with AES-256; opening it asks for ``password``."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a synced temporary file in the same folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # folders cannot be opened on some systems; the rename still happened
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _private_font_configuration(font_dirs: Sequence[Path]):
    from weasyprint.text.fonts import FontConfiguration

    config_file = private_fontconfig_file(font_dirs)
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config_file)
    try:
        return FontConfiguration()
    finally:
        if previous is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = previous


def _set_metadata(document, metadata: PdfMetadata) -> None:
    # Replace whatever the HTML's <title> and <meta> said: only the caller's values count.
    info = document.metadata
    info.title = metadata.title
    info.authors = [metadata.author]
    info.description = metadata.subject or None
    info.keywords = list(metadata.keywords)
    info.generator = metadata.creator
    info.lang = metadata.language
    info.created = _w3c(metadata.created)
    info.modified = _w3c(metadata.modified or metadata.created)
    info.custom = dict(metadata.custom)


def _drop_html_attachments(document) -> None:
    # <link rel=attachment> and <a rel=attachment> would embed files in the PDF.
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def _w3c(value: dt.date | dt.datetime) -> str:
    moment = _as_datetime(value).astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
