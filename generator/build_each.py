"""`build --keep-going`: every client that can be built is built; the others are listed.

Without it one broken client stops the whole build before a page is rendered, which is right
when the consultant is about to send a single client's documents. With it each client is
validated on its own, so a client whose inputs are sound is built whatever the state of the
others, and the problems of the others are reported together at the end, with exit code 1.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import InputError, Problem, Severity

if TYPE_CHECKING:
    from generator.workspace import Workspace


def validate_each(
    root: Path, clients: Sequence[str], wave: str | None, *, building: bool = True
) -> tuple[Workspace | None, dict[str, list[Problem]]]:
    """Validate each client alone: the workspace of those that passed, and the others'
    problems (client → problems); ``building`` as in ``validate_workspace``."""
    from generator.validate import validate_workspace
    from generator.workspace import Workspace

    passed: list[Workspace] = []
    failed: dict[str, list[Problem]] = {}
    for client in clients:
        try:
            passed.append(validate_workspace(root, [client], wave=wave, building=building))
        except InputError as error:
            failed[client] = error.problems
    if not passed:
        return None, failed
    first = passed[0]
    engagements = [e for each in passed for e in each.engagements]
    warnings = [w for each in passed for w in each.warnings]
    return Workspace(first.root, first.settings, engagements, warnings), failed


def refuse_the_rest(failed: Mapping[str, Sequence[Problem]], report: Callable[[str], None]) -> None:
    """Say which clients were not built, then raise every problem of theirs at once."""
    problems: list[Problem] = []
    for client in sorted(failed):
        errors = sum(p.severity is Severity.ERROR for p in failed[client])
        report(f"not built: {client} ({errors} error{'s' * (errors != 1)})")
        problems += [p for p in failed[client] if p not in problems]
    raise InputError(problems)
