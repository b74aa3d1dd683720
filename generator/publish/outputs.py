"""Where a build writes: checked before the first file is written, and left clean.

A read-only ``output/<client>``, an ``output_dir`` under a file, a document's name taken by a
folder or an output folder that is a link out of the workspace would otherwise be found
half-way through a build, as a traceback, with some documents written and others not. Each
is a located error naming the path instead, before anything is touched.

A build that was killed can leave the hidden temporary files of ``write_atomically`` behind;
the next build of that client removes them, under a lock so that a build running at the
same moment keeps its own.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.errors import InputError, Location, Problem

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".tmp"


def shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def folder_problem(root: Path, folder: Path) -> str | None:
    """Say why documents cannot be written in ``folder`` (made if missing), or None."""
    base = root.resolve()
    if not folder.is_relative_to(root):
        return f"{folder} lies outside the workspace"
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            try:
                target = current.resolve(strict=True)
            except (OSError, RuntimeError):
                return f"{shown(root, current)} is a link that leads nowhere; remove it"
            if not target.is_relative_to(base):
                return (
                    f"{shown(root, current)} is a link to {target}, outside the workspace; "
                    "remove the link (documents are written inside the workspace only)"
                )
        if current.exists() and not current.is_dir():
            return (
                f"{shown(root, current)} is a file, not a folder, so {shown(root, folder)} "
                "cannot be made; move the file or set another defaults.output_dir"
            )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(
            prefix=f"{TEMPORARY_PREFIX}rapport-probe.", suffix=TEMPORARY_SUFFIX, dir=folder
        )
        os.close(fd)
        os.unlink(probe)
    except OSError as error:
        return (
            f"{shown(root, folder)} cannot be written ({error.strerror or error}); make it writable"
        )
    return None


def target_problem(root: Path, target: Path) -> str | None:
    """Say why a document cannot replace what is at ``target``, or None."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"{shown(root, target)} cannot be checked ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return f"{shown(root, target)} is a folder; move it away so the document can be written"
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        return f"{shown(root, target)} is not a regular file; move it away"
    return None


def check_outputs(root: Path, targets: Iterable[Path]) -> None:
    """Raise InputError, naming each path, when any of ``targets`` cannot be written."""
    problems: list[Problem] = []
    targets = list(dict.fromkeys(targets))
    for folder in dict.fromkeys(target.parent for target in targets):
        problem = folder_problem(root, folder)
        if problem is not None:
            problems.append(Problem(Location(shown(root, folder)), problem))
    failed = {problem.location.path for problem in problems}
    for target in targets:
        if shown(root, target.parent) in failed:
            continue
        problem = target_problem(root, target)
        if problem is not None:
            problems.append(Problem(Location(shown(root, target)), problem))
    if problems:
        raise InputError(problems)


def leftover_temporaries(folder: Path) -> list[Path]:
    """The hidden temporary files a killed build left in ``folder``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [
        Path(entry.path)
        for entry in entries
        if entry.name.startswith(TEMPORARY_PREFIX)
        and entry.name.endswith(TEMPORARY_SUFFIX)
        and entry.is_file(follow_symlinks=False)
    ]


@contextlib.contextmanager
def output_folders_locked(root: Path, folders: Iterable[Path]) -> Iterator[None]:
    """Hold each existing output folder (inside the workspace) for this build, removing the
    temporary files a killed build left there; a folder another build holds is left alone."""
    with contextlib.ExitStack() as stack:
        for folder in folders:
            inside = folder.is_dir() and folder.resolve().is_relative_to(root.resolve())
            if inside and stack.enter_context(_locked(folder)):
                for leftover in leftover_temporaries(folder):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
        yield


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[bool]:
    """Lock ``folder`` for this process; yield whether the lock was had."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): only one build at a time is assumed
        yield True
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
