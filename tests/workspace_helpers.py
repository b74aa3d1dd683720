"""Paths and minimal YAML shared by the tests (a module of its own so its name is unique)."""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"

WORKSPACE_YAML = """\
consultant:
  name: Test Consultant
"""

ENGAGEMENT_YAML = """\
client:
  name: Acme Retail
  contacts:
    - id: jdoe
      name: Jane Doe
      executive: true
engagement:
  title: Customer satisfaction assessment
  period: {start: 2026-07-01, end: 2026-09-30}
  report_date: 2026-10-15
"""


DEMO_CLIENTS = ("northwind-logistics", "baltic-home", "kyiv-pharma")


def copy_demo(target: Path, clients: tuple[str, ...] = ("northwind-logistics",)) -> Path:
    """Copy the demo workspace's settings, brand and the named clients into ``target``."""
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "rapport.yaml", target / "rapport.yaml")
    shutil.copytree(REPO / "brand", target / "brand")
    for client in clients:
        shutil.copytree(REPO / "engagements" / client, target / "engagements" / client)
    return target


def edit_export(path: Path, change: Callable[[list[list[str]]], list[list[str]]]) -> None:
    """Rewrite a .csv export with the rows (header rows included) that ``change`` returns."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(change(rows))
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


@contextmanager
def logged_warnings() -> Iterator[list[logging.LogRecord]]:
    """Collect every record logged at WARNING or above inside the ``with`` block."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.WARNING)
    logging.getLogger().addHandler(handler)
    try:
        yield records
    finally:
        logging.getLogger().removeHandler(handler)


def build_with_warnings(root: Path, options) -> tuple:
    """Build in ``root``; return the result and every warning the renderer reported or logged."""
    from generator.build import build

    with logged_warnings() as records:
        result = build(root, [], options)
    warnings = [w for written in result.written for w in written.warnings]
    return result, warnings + [record.getMessage() for record in records]


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root`` (text dedented); return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root
