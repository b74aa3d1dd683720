"""Pausing Python's cyclic garbage collector around work that makes many acyclic objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector; reference counting still frees everything.

    Every new container counts towards the collector's thresholds, and each full collection
    walks all live objects. Parsing millions of cells, or keeping 10^5 small results beside
    100,000-row response columns, triggers passes that cost more than the work itself and
    find nothing to free. Use it only where nothing made inside forms a reference cycle.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
