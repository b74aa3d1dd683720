"""`rapport release` for people: one aligned row per client, then why each refusal happened."""

from __future__ import annotations

from pathlib import Path

from generator.errors import printable
from generator.release import Release

HEADER = ("client", "documents", "pages", "recipients", "status")


def release_table(done: Release, root: Path) -> str:
    """The summary: what each client got, and its status with the reason in a few words."""
    title = "Release plan (dry run: nothing built or sent)" if done.dry_run else "Release"
    rows = [HEADER]
    for client in done.clients:
        status = client.status
        reason = client.reason.splitlines()[0].rstrip(":") if client.reason else ""
        if client.draft is not None:
            reason = _shown(root, client.draft)
        rows.append(
            (
                client.client,
                str(len(client.documents)) if client.documents else "—",
                str(client.pages) if client.pages is not None else "—",
                _recipients(client.recipients),
                f"{status}: {printable(reason)}" if reason else status,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = [title, ""]
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


def batch_text(batch) -> str:
    """What is about to be sent, to whom, before the one confirmation for the whole batch."""
    lines = []
    for client in batch:
        lines.append(f"{client.client} ({client.wave}): {', '.join(client.documents)}")
        lines += [printable(f"  to {r.name} <{r.email}>") for r in client.recipients]
    return "\n".join(lines)


def refusal_text(done: Release) -> str:
    """Every refused client's reasons: its located problems, or the full refusal message."""
    lines = []
    for client in done.clients:
        if client.went_out:
            continue
        if client.problems:
            lines += [str(p) for p in client.problems]
        elif "\n" in client.reason:
            lines.append(f"{client.client}: {printable(client.reason.splitlines()[0])}")
            lines += [printable(line) for line in client.reason.splitlines()[1:]]
    return "\n".join(lines)


def _recipients(recipients) -> str:
    """The first two names, and how many more: the full list is in the confirmation and JSON."""
    if not recipients:
        return "—"
    named = ", ".join(printable(r.name) for r in recipients[:2])
    more = len(recipients) - 2
    return f"{named} and {more} more" if more > 0 else named


def _shown(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
