"""deliveries.yaml: what was sent to whom and when, appended after each message sent.

The file belongs to the engagement and goes into git with it, so earlier entries and any
comment the consultant added are kept byte for byte: a new entry is appended as text, never
by rewriting the parsed file. Each entry names the git commit the documents sent say they
were built from (and "dirty: true" when their inputs were not all committed), so the inputs
of what was sent can be found again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.deliver.deliverables import Deliverable
from generator.deliver.errors import RecordError
from generator.deliver.recipients import Recipient
from generator.errors import Problems
from generator.load.yamlmarks import read_yaml
from generator.publish.pdf import write_atomically

DELIVERIES_FILE = "deliveries.yaml"
HEADER = (
    "# What 'rapport send' delivered, oldest first. Written by the tool after each message;\n"
    "# commit it with the engagement.\n"
)


def check_record_file(path: Path, shown: str) -> None:
    """Refuse to send when ``path`` exists but is not a list an entry can be appended to."""
    if not path.exists():
        return
    problems = Problems()
    doc = read_yaml(path, shown, problems)
    if problems.errors:
        raise RecordError(f"{problems.errors[0]}; fix the file before sending")
    if doc is not None and doc.data is not None and not isinstance(doc.data, list):
        raise RecordError(
            f"{shown}: expected a list of deliveries ('- when: …' entries); "
            "fix the file before sending"
        )


def delivery_entry(
    *,
    when: dt.datetime,
    wave: str,
    recipients: Sequence[Recipient],
    subject: str,
    attachments: Sequence[Deliverable],
    commit: str | None,
    dirty: bool,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "when": when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "wave": wave,
        "to": [{"name": r.name, "email": r.email} for r in recipients],
        "subject": subject,
        "attachments": [{"file": a.name, "sha256": a.sha256} for a in attachments],
        "commit": commit,
    }
    if dirty:
        entry["dirty"] = True
    return entry


def entry_text(entry: dict[str, Any]) -> str:
    return yaml.safe_dump(
        [entry], allow_unicode=True, sort_keys=False, default_flow_style=False, width=4096
    )


def append_delivery(path: Path, entry: dict[str, Any], shown: str) -> None:
    """Append ``entry`` to ``path`` (made with a short header when absent), atomically."""
    text = entry_text(entry)
    try:
        existing = path.read_bytes() if path.exists() else HEADER.encode("utf-8")
        if existing and not existing.endswith(b"\n"):
            existing += b"\n"
        separator = b"\n" if existing.strip() else b""
        write_atomically(path, existing + separator + text.encode("utf-8"))
    except OSError as error:
        raise RecordError(
            f"the message was sent, but {shown} could not be written ({error}); "
            f"add this entry to it by hand:\n{text}"
        ) from None
