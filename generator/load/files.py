"""Before a file is read: it must be a regular file, inside its folder once links are followed.

A narrative that is a folder or a pipe, a link to /dev/zero, a link that loops or one that leads
out of the workspace would otherwise hang the read, crash it or read what is not the
consultant's to share. Each is a located error naming the file as the workspace names it.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from generator.errors import Location, Problems


def checked_file(path: Path, shown: str, problems: Problems, inside: Path | None = None):
    """Return ``path`` resolved when it is a regular file (within ``inside``), else None."""
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        problems.error(Location(shown), "is a link to a file that does not exist")
        return None
    except (OSError, RuntimeError):
        problems.error(Location(shown), "is a link that leads back to itself")
        return None
    if inside is not None and not resolved.is_relative_to(inside.resolve()):
        problems.error(
            Location(shown), f"is a link to a file outside {inside.name}/; copy the file in"
        )
        return None
    if not stat.S_ISREG(resolved.stat().st_mode):
        problems.error(Location(shown), "is not a regular file (a folder, a device or a pipe)")
        return None
    return resolved


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
