"""Progress of long work (a build of many documents, a release): what is being done, and since when.

The library says what it starts (``phase`` for a step, ``item`` for the k-th of n documents
or messages) and what it did (``line``); a ``Progress`` decides how that looks. The base
class shows only the lines. ``LineProgress`` on a terminal keeps one live line on stderr,
redrawn with the elapsed time while the work goes on, and erased before each line of output,
so the screen ends with the lines alone; on a pipe it writes the lines as they are, with no
control characters, for logs and scripts.

Kept free of heavy imports: the command line creates one before it loads anything else.
"""

from __future__ import annotations

import shutil
import threading
import time
from typing import TextIO

REDRAW_SECONDS = 0.2
CLEAR_LINE = "\r\x1b[2K"


class Progress:
    """Progress that shows only the lines (a library caller that wants nothing else)."""

    def __init__(self, report=None):
        self._report = report

    def phase(self, text: str) -> None:
        """A step that may take a while starts (e.g. "checking 3 clients")."""

    def item(self, index: int, total: int, text: str) -> None:
        """The ``index``-th (1-based) of ``total`` documents or messages starts."""

    def line(self, text: str, *, err: bool = False) -> None:
        """A line of what was done."""
        if self._report is not None:
            self._report(text)

    def clear(self) -> None:
        """Take the live line away (before other output)."""

    def close(self) -> None:
        self.clear()

    def __call__(self, text: str) -> None:  # usable wherever a ``report`` callback is
        self.line(text)


class LineProgress(Progress):
    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        live: bool,
        quiet: bool = False,
        timings: bool = False,
        clock=time.monotonic,
    ):
        super().__init__()
        self._out, self._err = out, err
        self._live, self._quiet, self._timings = live, quiet, timings
        self._clock = clock
        self._lock = threading.RLock()
        self._text: str | None = None
        self._since = clock()
        self._item_since = self._since
        self._item_open = False  # an item started and its line is not written yet
        self._text_since = self._since
        self._shown = False
        self._ticker: threading.Thread | None = None
        self._stopped = threading.Event()

    # --- what the library calls

    def phase(self, text: str) -> None:
        self._show(text, self._since)

    def item(self, index: int, total: int, text: str) -> None:
        self._item_since = self._clock()
        self._item_open = True
        self._show(f"[{index}/{total}] {text}", self._item_since)

    def line(self, text: str, *, err: bool = False) -> None:
        if self._quiet and not err:
            return
        with self._lock:
            self._erase()
            if self._timings and not err and self._item_open:
                text = f"{text} in {self._clock() - self._item_since:.1f} s"
            self._item_open = self._item_open and err
            stream = self._err if err else self._out
            stream.write(text + "\n")
            stream.flush()
            self._draw()

    def clear(self) -> None:
        with self._lock:
            self._erase()
            self._text = None

    def close(self) -> None:
        self._stopped.set()
        self.clear()

    # --- the live line

    def _show(self, text: str, since: float) -> None:
        with self._lock:
            self._text, self._text_since = text, since
            self._draw()
        if not self._live:
            return
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stopped.wait(REDRAW_SECONDS):
            with self._lock:
                if self._text is not None:
                    self._draw()

    def _draw(self) -> None:
        if not self._live or self._text is None:
            return
        elapsed = f"  {self._clock() - self._text_since:5.1f} s"
        width = shutil.get_terminal_size((80, 24)).columns - 1
        text = self._text
        if len(text) + len(elapsed) > width:  # a wrapped line could not be erased
            text = text[: max(0, width - len(elapsed) - 1)] + "…"
        self._err.write(f"{CLEAR_LINE}{text}{elapsed}")
        self._err.flush()
        self._shown = True

    def _erase(self) -> None:
        if self._shown:
            self._err.write(CLEAR_LINE)
            self._err.flush()
            self._shown = False
