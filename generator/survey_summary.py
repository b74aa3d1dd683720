"""The survey figures `status` and `agenda` need, kept in the cache while no input changes.

A whole analysis of one client takes a tenth of a second or more; the status line needs only
the waves that were answered and each wave's NPS and CSAT with their change. Those are written
to ``.rapport-cache/status/<client>.json`` under a key made of everything they depend on: the
engagement file, every wave's exports, rapport.yaml and Rapport's own code. When the key still
matches, the exports are not even read.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import generator
from generator.errors import Problems
from generator.workspace import Engagement, Workspace

FOLDER = "status"
METRICS = ("nps", "csat")


def survey_summaries(workspace: Workspace) -> list[dict[str, Any]]:
    """Return, per engagement, ``{"answered": [wave ids], "waves": [...]}``; every problem of
    the exports that had to be read is raised at once."""
    from generator.analyze.engagement import TooFewResponses
    from generator.pipeline import analyze
    from generator.publish.pdf import write_atomically
    from generator.validate import CACHE_DIR, read_survey_data

    folder = workspace.root / CACHE_DIR / FOLDER
    problems = Problems()
    found = []
    for engagement in workspace.engagements:
        key = _key(workspace, engagement)
        path = folder / f"{engagement.slug}.json"
        cached = _read(path)
        if cached.get("key") == key:
            found.append(cached["summary"])
            continue
        before = len(problems.errors)
        read_survey_data(engagement, problems, workspace.root / CACHE_DIR)
        if len(problems.errors) > before:
            found.append({"answered": [], "waves": []})
            continue
        try:
            analysis = analyze(workspace, engagement).to_dict() if engagement.responses else None
        except TooFewResponses:  # nothing of the latest wave may be shown
            analysis = None
        summary = _summary(engagement, analysis)
        write_atomically(path, json.dumps({"key": key, "summary": summary}).encode())
        found.append(summary)
    problems.raise_if_errors()
    return found


def _summary(engagement: Engagement, analysis: dict[str, Any] | None) -> dict[str, Any]:
    answered = [w.id for w in engagement.spec.waves if engagement.responses.get(w.id)]
    waves = []
    for wave in (analysis or {}).get("waves", []):
        change = (wave.get("change") or {}).get("metrics") or {}
        waves.append(
            {
                "id": wave["id"],
                "name": wave["name"],
                "metrics": {m: wave["metrics"].get(m) for m in METRICS},
                "change": {"metrics": {m: change.get(m) for m in METRICS}} if change else None,
            }
        )
    return {"answered": answered, "waves": waves}


def _key(workspace: Workspace, engagement: Engagement) -> str:
    digest = hashlib.sha256(_code_digest().encode())
    for path in (workspace.root / "rapport.yaml", engagement.folder / "engagement.yaml"):
        digest.update(_content(path))
    for wave in engagement.spec.waves:
        for source in wave.sources:
            digest.update(source.file.encode() + b"\0" + _content(engagement.folder / source.file))
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"missing"


@functools.cache
def _code_digest() -> str:
    """Rapport's version and source: a changed analysis never serves figures of the old one."""
    digest = hashlib.sha256(generator.__version__.encode())
    package = Path(generator.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and isinstance(data.get("summary"), dict) else {}
