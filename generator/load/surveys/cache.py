"""The parse cache: a table read once is not parsed again until its file changes.

Entries live in the workspace's git-ignored ``.rapport-cache/surveys/``, one file per source,
named by the hash of the file's bytes, the reader version and the options. The format is a
pickle of plain lists, chosen by measurement on 100,000 × 40 cells: it loads in about 0.1 s
(marshal: 0.24 s) and, written without a memo, dumps in 0.06 s; a whole cached load, hash
included, takes 0.2 s (benchmarks/load_surveys.py). Unpickling runs code named in the data,
which is acceptable only because this folder is local and written by Rapport alone; the
survey file itself is never unpickled. A damaged, stale or unreadable entry is ignored and
written again; entries are written to a temporary file and renamed, so a build interrupted
mid-write leaves no half entry behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

from generator.collector import collector_paused
from generator.load.surveys.table import Column, Table

logger = logging.getLogger(__name__)

READER_VERSION = "1"  # raise it whenever a reader or layout rule changes what a table holds
_TAG = "rapport-survey-table"
SUBFOLDER = "surveys"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def cache_key(digest: str, options: tuple) -> str:
    text = repr((READER_VERSION, digest, options))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry_prefix(rel_name: str) -> str:
    return hashlib.sha256(rel_name.encode("utf-8")).hexdigest()[:16]


def entry_path(cache_dir: Path, rel_name: str, key: str) -> Path:
    return cache_dir / SUBFOLDER / f"{_entry_prefix(rel_name)}-{key[:32]}.pickle"


def load(cache_dir: Path, rel_name: str, key: str) -> Table | None:
    """Return the cached table for ``key``, or None when absent, stale or damaged."""
    path = entry_path(cache_dir, rel_name, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            tag, stored_key, meta, columns, rows, numbers = pickle.loads(data)
        if tag != _TAG or stored_key != key:
            raise ValueError("a different entry")
        return Table(
            path=rel_name,
            columns=[Column(*fields) for fields in columns],
            rows=rows,
            numbers=numbers,
            **meta,
        )
    except Exception as exc:  # any damage in the entry: unpickling can raise almost anything
        logger.info("%s: ignoring a damaged cache entry (%s)", rel_name, type(exc).__name__)
        return None


def store(cache_dir: Path, key: str, table: Table) -> None:
    """Write the table's entry atomically and drop older entries of the same file."""
    folder = cache_dir / SUBFOLDER
    target = entry_path(cache_dir, table.path, key)
    meta = {
        "layout": table.layout,
        "header_rows": table.header_rows,
        "sheet": table.sheet,
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "layout_note": table.layout_note,
    }
    columns = [(c.index, c.letter, c.id, c.text, c.subitem, c.import_id) for c in table.columns]
    payload = (_TAG, key, meta, columns, table.rows, table.numbers)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
                # no memo: the rows are plain acyclic lists, and memoizing millions of
                # objects makes the dump five times slower (0.3 s against 0.06 s)
                pickler.fast = True
                pickler.dump(payload)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for old in folder.glob(f"{_entry_prefix(table.path)}-*.pickle"):
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError as exc:
        logger.warning("%s: could not write the parse cache (%s)", table.path, exc)
