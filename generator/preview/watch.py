"""Which of one client's inputs changed, from the platform's file events (inotify, FSEvents…).

Only the folders that hold the client's inputs are watched (its engagement folder, the
templates, the brand files' folders) and the workspace folder itself without its subfolders,
for rapport.yaml. Nothing is polled; other clients, the output and the caches are never seen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

logger = logging.getLogger(__name__)


def watched_folders(root: Path, slug: str) -> tuple[list[Path], list[Path]]:
    """Return (folders watched with their subfolders, folders watched alone)."""
    from generator.build_inputs import brand_files, input_folders

    deep: list[Path] = []
    for label, folder in input_folders(root, slug):
        if label != "generator" and folder.is_dir():
            deep.append(folder)
    deep += [(root / name).parent for name in brand_files(root)]
    chosen: list[Path] = []
    # A folder inside another watched one (the workspace's templates when they are the
    # built-in ones) is watched once.
    for folder in sorted(set(deep) - {root}, key=lambda path: len(path.parts)):
        if not any(folder.is_relative_to(outer) for outer in chosen):
            chosen.append(folder)
    return chosen, [root]


class InputWatcher:
    """Call ``on_change(labels)`` with the inputs of ``slug`` that changed, until stopped."""

    def __init__(self, root: Path, slug: str, on_change: Callable[[set[str]], None]):
        self.root, self.slug, self.on_change = root, slug, on_change
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        deep, shallow = watched_folders(self.root, self.slug)
        for folders, recursive in ((deep, True), (shallow, False)):
            if folders:
                thread = threading.Thread(
                    target=self._watch, args=(folders, recursive), daemon=True, name="watch"
                )
                thread.start()
                self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)

    def _watch(self, folders: list[Path], recursive: bool) -> None:
        import watchfiles

        from generator.build_inputs import input_label

        # ``step``: changes are handed on once 50 ms pass without another, so an editor's
        # write-and-rename arrives as one change.
        for changes in watchfiles.watch(
            *folders,
            recursive=recursive,
            stop_event=self._stop,
            step=50,
            rust_timeout=1000,
            raise_interrupt=False,
        ):
            labels = {
                label
                for _, path in changes
                if (label := input_label(self.root, self.slug, Path(path))) is not None
            }
            if labels:
                logger.debug("changed: %s", ", ".join(sorted(labels)))
                self.on_change(labels)
