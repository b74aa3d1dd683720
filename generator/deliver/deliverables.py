"""The files a message carries, and the proof that each is as fresh as its inputs.

``rapport build`` records, for every file it writes (``.rapport-build.json`` in the output
folder), the file's SHA-256 and the SHA-256 of every input it was made from. A file is sent
only when it is there, is the file the build wrote (same hash), and no input has changed
since (``input_digests`` now equals what was recorded).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build import STAMP_FILE, output_name
from generator.build_inputs import (
    COMMIT_LABEL,
    changed_inputs,
    input_digests,
    output_folder,
    recorded_commit,
)
from generator.deliver.errors import DeliverableDraft, DeliverableMissing, DeliverableStale

MAX_NAMED_INPUTS = 3


CONTENT_TYPES = {
    "report": "application/pdf",
    "deck": "application/pdf",
    "data": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Deliverable:
    kind: str
    path: Path
    data: bytes
    sha256: str
    content_type: str
    built_from: str | None = None  # the commit its build recorded, as the PDF names it
    variant: str | None = None  # "pdf/a-3b" or "pdf/ua-1" for a PDF variant

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return len(self.data)


def fresh_deliverables(
    root: Path,
    slug: str,
    wave: str,
    kinds: Sequence[str],
    *,
    wave_option: str | None = None,
    variant: str | None = None,
) -> list[Deliverable]:
    """Read the deliverables of ``wave``; refuse when one is missing or older than its inputs.

    Every problem is listed in one error, which ends with the build command that fixes it
    (``wave_option`` is the --wave the user gave, repeated in that command).
    """
    folder = output_folder(root, slug)
    stamps = _stamps(folder)
    current = input_digests(root, slug)
    found: list[Deliverable] = []
    missing: list[str] = []
    stale: list[str] = []
    for kind in kinds:
        marked = variant if CONTENT_TYPES[kind] == "application/pdf" else None
        path = folder / output_name(slug, kind, wave, variant=marked)
        shown = _shown(root, path)
        if not path.is_file():
            missing.append(f"{shown} has not been built")
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        problem = _staleness(path.name, digest, stamps, current)
        if problem is not None:
            stale.append(f"{shown} {problem}")
            continue
        commit = recorded_commit(current)  # the stamp recorded the same: nothing changed
        found.append(Deliverable(kind, path, data, digest, CONTENT_TYPES[kind], commit, marked))
    if missing or stale:
        error = DeliverableMissing if missing else DeliverableStale
        listed = "\n".join(f"  {line}" for line in [*missing, *stale])
        raise error(f"cannot send:\n{listed}\n{_advice(slug, wave_option, variant)}")
    return found


def refuse_drafts(
    root: Path, deliverables: Sequence[Deliverable], placeholders: Sequence, slug: str
) -> None:
    """Refuse to send a document that says it is a draft, or whose inputs still hold a
    placeholder; list where each placeholder is."""
    drafts = [d for d in deliverables if d.content_type == "application/pdf" and _is_draft(d)]
    if not drafts and not placeholders:
        return
    named = drafts or [d for d in deliverables if d.content_type == "application/pdf"]
    lines = [f"  {_shown(root, d.path)} is a draft" for d in named]
    lines += [f"  {location}: {text}" for location, text in placeholders]
    raise DeliverableDraft(
        "cannot send:\n" + "\n".join(lines) + "\n"
        f"replace the placeholders left from 'rapport new', then run 'rapport build {slug}'"
    )


def _is_draft(deliverable: Deliverable) -> bool:
    """Whether the PDF's metadata says 'draft' (an encrypted PDF's cannot be read here: its
    inputs' placeholders decide)."""
    import io

    from pypdf import PdfReader

    from generator.render.documents import DRAFT_ENTRY

    try:
        reader = PdfReader(io.BytesIO(deliverable.data))
        if reader.is_encrypted:
            return False
        info = reader.metadata or {}
        return info.get(f"/{DRAFT_ENTRY}") == "draft"
    except Exception:  # a PDF pypdf cannot read was still written by the build: not a draft mark
        return False


def _staleness(
    name: str, digest: str, stamps: Mapping[str, Any], current: dict[str, str]
) -> str | None:
    """Say why the file ``name`` with hash ``digest`` may not be sent, or None if it may."""
    entries = [e for e in stamps.values() if isinstance(e, dict) and e.get("file") == name]
    if not entries:
        return "was not written by 'rapport build' (it has no record in the build stamp)"
    written = [e for e in entries if e.get("sha256") == digest]
    if not written:
        return "has been changed since 'rapport build' wrote it"
    recorded = [e["files"] for e in written if isinstance(e.get("files"), dict)]
    if not recorded:
        return "was built by a version of rapport that did not record its inputs"
    changes = min((changed_inputs(r, current) for r in recorded), key=len)
    if not changes:
        return None
    if changes == [COMMIT_LABEL]:
        before = recorded_commit(recorded[0]) or "no commit"
        now = recorded_commit(current) or "no commit"
        return f"names the commit {before}, but its inputs are now at {now}"
    # A changed file also changes the commit (now "+dirty"): the file is what to name.
    named = [label for label in changes if label != COMMIT_LABEL]
    return "is older than its inputs: " + _describe(named, recorded[0], current)


def _describe(
    labels: Sequence[str], recorded: Mapping[str, str], current: Mapping[str, str]
) -> str:
    def how(label: str) -> str:
        if label not in recorded:
            return "added"
        if label not in current or current[label] == "missing":
            return "removed"
        return "changed"

    named = [f"{label} {how(label)}" for label in labels[:MAX_NAMED_INPUTS]]
    more = len(labels) - len(named)
    return ", ".join(named) + (f" and {more} more" if more else "") + " since it was built"


def _advice(slug: str, wave_option: str | None, variant: str | None = None) -> str:
    # A plain build writes the report, the deck and the data workbook.
    wave = f" --wave {wave_option}" if wave_option else ""
    marked = f" --pdf-variant {variant}" if variant else ""
    return f"run 'rapport build {slug}{wave}{marked}' first"


def _stamps(folder: Path) -> dict[str, Any]:
    try:
        stamps = json.loads((folder / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def sent_files_stale(root: Path, slug: str, sent: Mapping[str, str]) -> bool | None:
    """Say whether the files sent (name → SHA-256) are behind what the inputs give now.

    True when a file was rebuilt since it was sent or its inputs changed since it was built;
    None when the build's record of it is gone (the output folder was cleaned), so nobody knows.
    """
    stamps = _stamps(output_folder(root, slug))
    current = input_digests(root, slug)
    for name, digest in sent.items():
        entries = [e for e in stamps.values() if isinstance(e, dict) and e.get("file") == name]
        if not entries:
            return None
        written = [e for e in entries if e.get("sha256") == digest]
        if not written:
            return True
        recorded = [e["files"] for e in written if isinstance(e.get("files"), dict)]
        if not recorded or all(changed_inputs(r, current) for r in recorded):
            return True
    return False
