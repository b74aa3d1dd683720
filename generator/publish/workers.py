"""Worker processes that die with the build that started them.

``--jobs N`` renders in forked workers. When the build is killed (Ctrl-C twice, a closed
terminal, ``kill -9``), workers left running would go on writing PDFs after the build's
record of them is gone. Each worker therefore asks the kernel to kill it when its parent
dies (``PR_SET_PDEATHSIG`` on Linux) or, elsewhere, watches its parent and leaves when it
is gone.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Run in a new worker: end it as soon as process ``parent`` is gone."""
    if not _kernel_kills_on_parent_death():
        threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _kernel_kills_on_parent_death() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
