"""What the preview shows now, and the wait for its next version (one per render or attempt)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace

from generator.errors import Problem
from generator.preview.pages import Page


@dataclass(frozen=True)
class Snapshot:
    version: int = 0
    document: str = ""  # "assessment" or "deck", as the page names it
    client: str = ""
    title: str = ""
    rendering: bool = True
    pages: tuple[Page, ...] = ()  # the last good render's
    changed: tuple[int, ...] = ()  # numbers of the pages that differ from the version before
    problems: tuple[Problem, ...] = ()  # why the last attempt failed: shown over the pages
    warnings: tuple[str, ...] = ()
    seconds: float | None = None  # how long the last render took
    rendered_at: float | None = None  # when the pages were last drawn (epoch seconds)
    files: frozenset[str] = field(default_factory=frozenset)  # page pictures that may be served

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "document": self.document,
            "client": self.client,
            "title": self.title,
            "rendering": self.rendering,
            "pages": [page.to_dict() for page in self.pages],
            "changed": list(self.changed),
            "problems": [
                {
                    "location": str(p.location) if p.location.path else "",
                    "message": p.message,
                    "severity": p.severity.value,
                }
                for p in self.problems
            ],
            "warnings": list(self.warnings),
            "seconds": None if self.seconds is None else round(self.seconds, 2),
            "rendered_at": self.rendered_at,
        }


class Board:
    """The current snapshot; readers wait for a newer one."""

    def __init__(self, client: str, document: str):
        self._condition = threading.Condition()
        self._snapshot = Snapshot(client=client, document=document)
        self._closed = False

    @property
    def snapshot(self) -> Snapshot:
        with self._condition:
            return self._snapshot

    def rendering(self) -> None:
        self._update(rendering=True)

    def show(self, pages, problems, warnings, title, seconds) -> Snapshot:
        """Publish an attempt: new pages when it rendered, else its problems over the old."""
        with self._condition:
            old = self._snapshot
            changes: dict = {
                "rendering": False,
                "problems": tuple(problems),
                "warnings": tuple(warnings),
                "seconds": seconds,
                "changed": (),
            }
            if pages is not None:
                before = {page.number: page.file for page in old.pages}
                changes.update(
                    pages=tuple(pages),
                    title=title or old.title,
                    changed=tuple(p.number for p in pages if before.get(p.number) != p.file),
                    # The pictures of the version before stay servable while browsers swap.
                    files=frozenset(p.file for p in pages) | frozenset(p.file for p in old.pages),
                )
                if changes["changed"] or not old.rendered_at:
                    changes["rendered_at"] = time.time()
            self._publish(replace(old, **changes))
            return self._snapshot

    def wait_newer(self, version: int, timeout: float) -> Snapshot | None:
        """Return the snapshot once it is newer than ``version``; None after ``timeout`` or
        when the board is closed."""
        with self._condition:
            self._condition.wait_for(
                lambda: self._closed or self._snapshot.version > version, timeout
            )
            if self._closed or self._snapshot.version <= version:
                return None
            return self._snapshot

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify_all()

    def _update(self, **changes) -> None:
        with self._condition:
            self._publish(replace(self._snapshot, **changes))

    def _publish(self, snapshot: Snapshot) -> None:
        self._snapshot = replace(snapshot, version=self._snapshot.version + 1)
        self._condition.notify_all()
