"""Paths named in YAML must stay inside their folder."""

from __future__ import annotations

from pathlib import Path


class PathOutside(ValueError):
    pass


class PathLoop(PathOutside):
    """A link that leads back to itself: it resolves nowhere, inside or out."""


def resolve_inside(base: Path, relative: str) -> Path:
    """Resolve ``relative`` in ``base``, following symlinks; refuse what lands outside."""
    if Path(relative).is_absolute() or relative.startswith("~"):
        raise PathOutside(f"'{relative}' must be relative to {base.name}/")
    try:
        resolved = (base / relative).resolve()
    except (OSError, RuntimeError):  # a link that loops: Python raises one or the other
        raise PathLoop(f"'{relative}' is a link that leads back to itself") from None
    if not resolved.is_relative_to(base.resolve()):
        raise PathOutside(f"'{relative}' lies outside {base.name}/")
    return resolved
