"""Run a rendering in a forked child process with address-space and CPU limits.

A pathological document (deep nesting, enormous CSS values, a huge comment in an auto table)
can make WeasyPrint use unbounded memory or time. The child inherits the parent's imports
(WeasyPrint is imported before forking, so each document does not pay for it again), lowers
its own limits, renders, and sends the result back through a pipe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import signal
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.publish.pdf import AssetRefused, PublishError, RenderedPdf, RenderLimits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

logger = logging.getLogger(__name__)


class RenderLimitExceeded(PublishError):
    """The child process that renders ran out of its memory or CPU allowance."""


def run_isolated(
    render: Callable[[Any], RenderedPdf], job: Any, limits: RenderLimits
) -> RenderedPdf:
    """Call ``render(job)`` in a forked child under ``limits`` and return its result."""
    import weasyprint  # noqa: F401  (imported once here, inherited by every child)

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main, args=(render, job, limits, sender), name="rapport-render"
    )
    child.start()
    sender.close()
    try:
        # Wall-clock guard in case the child blocks without using CPU.
        if not receiver.poll(limits.cpu_seconds * 3 + 30):
            raise RenderLimitExceeded(
                f"rendering did not finish within {limits.cpu_seconds * 3 + 30} s"
            )
        kind, payload = receiver.recv()
    except EOFError:
        kind, payload = "died", None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "ok":
        return payload
    if kind == "refused":
        raise AssetRefused(payload)
    if kind == "memory":
        raise RenderLimitExceeded(
            f"rendering needed more than {limits.memory_mb} MB of memory; "
            "shorten long tables or comments"
        )
    if kind == "error":
        raise PublishError(f"rendering failed: {payload}")
    if child.exitcode == -signal.SIGXCPU:
        raise RenderLimitExceeded(
            f"rendering used more than {limits.cpu_seconds} s of CPU; "
            "shorten long tables or comments"
        )
    if child.exitcode is not None and child.exitcode < 0:
        name = signal.Signals(-child.exitcode).name
        # C libraries often crash rather than report a failed allocation under the cap.
        raise PublishError(
            f"the rendering process crashed ({name}); it may have run out of its "
            f"{limits.memory_mb} MB memory allowance"
        )
    raise PublishError(f"the rendering process ended unexpectedly (exit code {child.exitcode})")


def _child_main(render, job, limits: RenderLimits, sender: Connection) -> None:
    cap = None
    try:
        cap = _lower_limits(limits)
        result = render(job)
        message: tuple[str, Any] = ("ok", result)
    except AssetRefused as refused:
        message = ("refused", refused.refusals)
    except MemoryError:
        message = ("memory", None)
    except RecursionError:
        message = ("error", "the document is nested too deeply")
    except Exception as error:  # sent to the parent, which raises it as a PublishError
        logger.debug("rendering failed in the child:\n%s", traceback.format_exc())
        # Under an address-space limit, C code reports exhaustion in many ways (SystemError,
        # cffi errors): a peak at the cap means memory, whatever the exception says.
        peak = _status_bytes("VmPeak")
        if cap is not None and peak is not None and peak >= cap - 32 * 1024 * 1024:
            message = ("memory", None)
        else:
            message = ("error", f"{type(error).__name__}: {error}")
    try:
        sender.send(message)
    finally:
        sender.close()


def _lower_limits(limits: RenderLimits) -> int | None:
    """Set the child's limits; return the address-space cap in bytes, if one was set."""
    cap = None
    # The child starts with the parent's whole address space, so the allowance is added to it.
    inherited = _status_bytes("VmSize")
    if inherited is not None:
        cap = inherited + limits.memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or limits.cpu_seconds < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, hard))
    return cap


def _status_bytes(field: str) -> int | None:
    """Read a size such as VmSize or VmPeak of this process from /proc (Linux only)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None
