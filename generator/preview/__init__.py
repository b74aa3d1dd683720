"""`rapport preview`: one client's assessment or deck in a browser, redrawn as its inputs change.

The browser shows pictures of the pages WeasyPrint lays out, not the HTML: a browser neither
paginates nor runs WeasyPrint's paged-media rules (running headers, page counters, the
table of contents' page numbers, where a table breaks), so only the pictures show the PDF
the build will write. A render runs after each change to one of the client's inputs; the
browser is told through server-sent events and fetches the pages that changed.

``start_preview`` runs it in the background (the tests and the benchmark use it);
``preview`` runs it until Ctrl+C, for the command line.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import RapportError, Severity
from generator.preview.board import Board
from generator.preview.pages import prune
from generator.preview.render import Attempt, DocumentRenderer

logger = logging.getLogger(__name__)

DOCUMENTS = {"report": "assessment", "deck": "deck"}
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class PreviewOptions:
    kind: str = "report"  # or "deck"
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT  # 0: any free port
    wave: str | None = None
    language: str | None = None


class PreviewError(RapportError):
    pass


class RunningPreview:
    """A preview serving in background threads; ``stop()`` (or leaving ``with``) ends it and
    deletes its pictures."""

    def __init__(self, root: Path, slug: str, options: PreviewOptions, report: Callable):
        from generator.preview.server import PreviewServer
        from generator.preview.watch import InputWatcher

        self.slug, self.options, self._report = slug, options, report
        self.pages_dir = Path(tempfile.mkdtemp(prefix=f"rapport-preview-{slug}-"))
        self.board = Board(slug, DOCUMENTS[options.kind])
        self.renderer = DocumentRenderer(
            root,
            slug,
            options.kind,
            self.pages_dir,
            wave=options.wave,
            language=options.language,
        )
        try:
            self.server = PreviewServer((options.host, options.port), self.board, self.pages_dir)
        except OSError as error:
            shutil.rmtree(self.pages_dir, ignore_errors=True)
            raise PreviewError(
                f"cannot listen on {options.host}:{options.port} ({error.strerror}); "
                "choose another port with --port"
            ) from None
        self._changes: queue.Queue[set[str] | None] = queue.Queue()
        self._changes.put(None)  # the first render: everything
        self.watcher = InputWatcher(root, slug, self._changes.put)
        self._threads = [
            threading.Thread(target=self.server.serve_forever, daemon=True, name="serve"),
            threading.Thread(target=self._render_loop, daemon=True, name="render"),
        ]
        self._stopping = threading.Event()

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> RunningPreview:
        self.watcher.start()
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._changes.put(set())  # wakes the render loop
        self.watcher.stop()
        self.board.close()
        self.server.shutdown()
        self.server.server_close()
        self._threads[1].join(timeout=60)  # a render under way finishes first
        shutil.rmtree(self.pages_dir, ignore_errors=True)

    def __enter__(self) -> RunningPreview:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _render_loop(self) -> None:
        while not self._stopping.is_set():
            changed = self._next_changes()
            if self._stopping.is_set():
                return
            self.board.rendering()
            attempt = self.renderer.render(changed)
            shown = self.board.show(
                attempt.pages, attempt.problems, attempt.warnings, attempt.title, attempt.seconds
            )
            prune(self.pages_dir, shown.files)
            self._report_attempt(attempt, shown.changed)

    def _next_changes(self) -> set[str] | None:
        """Wait for a change, then take every change queued meanwhile: one render for all."""
        first = self._changes.get()
        merged = None if first is None else set(first)
        while True:
            try:
                more = self._changes.get_nowait()
            except queue.Empty:
                return merged
            merged = None if merged is None or more is None else merged | more

    def _report_attempt(self, attempt: Attempt, changed: tuple[int, ...]) -> None:
        if attempt.pages is None:
            errors = [p for p in attempt.problems if p.severity is Severity.ERROR]
            self._report(f"not updated, {len(errors)} problem(s) ({attempt.seconds:.1f} s):")
            for problem in attempt.problems:
                self._report(f"  {problem}" if problem.location.path else f"  {problem.message}")
            return
        redrawn = f"{len(changed)} changed" if changed else "nothing changed"
        self._report(f"{len(attempt.pages)} pages, {redrawn} ({attempt.seconds:.1f} s)")


def start_preview(
    root: Path,
    client: str,
    options: PreviewOptions,
    report: Callable[[str], None] = lambda line: None,
) -> RunningPreview:
    """Check ``client`` exists, then serve its preview in the background."""
    from generator.validate import select_clients

    if options.kind not in DOCUMENTS:
        raise PreviewError(f"no document {options.kind!r} to preview")
    select_clients(root, [client])
    return RunningPreview(root, client, options, report).start()


def preview(
    root: Path,
    client: str,
    options: PreviewOptions,
    report: Callable[[str], None] = lambda line: None,
    until: threading.Event | None = None,
) -> None:
    """Serve the preview of ``client`` until Ctrl+C (or ``until`` is set)."""
    running = start_preview(root, client, options, report)
    try:
        document = DOCUMENTS[options.kind]
        report(f"Previewing the {document} of {client} at {running.url} (Ctrl+C to stop)")
        if options.host not in ("127.0.0.1", "localhost", "::1"):
            report(f"  anyone who can reach {options.host} sees this client's {document}")
        (until or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()


__all__ = ["PreviewError", "PreviewOptions", "RunningPreview", "preview", "start_preview"]
