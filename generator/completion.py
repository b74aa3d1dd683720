"""What the shell completes: client folders and wave ids, read quickly and never failing.

Completion runs on every Tab press, so nothing here validates or imports the pipeline: the
client names are the folders with an engagement.yaml, the wave ids are read from that file
with the plain YAML loader. Anything unreadable completes to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

ENGAGEMENTS = "engagements"
ENGAGEMENT_FILE = "engagement.yaml"
LARGEST_FILE = 5 * 1024 * 1024


def workspace_root(start: Path, given: Path | str | None) -> Path | None:
    """The workspace folder: ``given``, or the first folder upwards with a rapport.yaml."""
    if given:
        return Path(given)
    for folder in (start, *start.parents):
        if (folder / "rapport.yaml").is_file():
            return folder
    return None


def client_names(root: Path | None) -> list[str]:
    if root is None:
        return []
    folder = root / ENGAGEMENTS
    try:
        return sorted(p.name for p in folder.iterdir() if (p / ENGAGEMENT_FILE).is_file())
    except OSError:
        return []


def wave_ids(root: Path | None, clients: Sequence[str]) -> list[str]:
    """The wave ids of ``clients`` (all clients when none is named), newest first, once each."""
    import yaml

    found: list[str] = []
    for client in clients or client_names(root):
        if root is None:
            break
        path = root / ENGAGEMENTS / client / ENGAGEMENT_FILE
        try:
            if path.stat().st_size > LARGEST_FILE:
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeError, yaml.YAMLError):
            continue
        waves = data.get("waves") if isinstance(data, dict) else None
        for wave in waves if isinstance(waves, list) else []:
            ident = wave.get("id") if isinstance(wave, dict) else None
            if isinstance(ident, str) and ident not in found:
                found.append(ident)
    return sorted(found, reverse=True)
