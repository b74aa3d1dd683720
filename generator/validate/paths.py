"""Paths named in YAML must stay inside their folder."""

from __future__ import annotations

from pathlib import Path


class PathOutside(ValueError):
    pass


def resolve_inside(base: Path, relative: str) -> Path:
    """Resolve ``relative`` in ``base``, following symlinks; refuse what lands outside."""
    if Path(relative).is_absolute() or relative.startswith("~"):
        raise PathOutside(f"'{relative}' must be relative to {base.name}/")
    resolved = (base / relative).resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise PathOutside(f"'{relative}' lies outside {base.name}/")
    return resolved
