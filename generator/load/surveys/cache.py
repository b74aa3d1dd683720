"""The parse cache: a table read once is not parsed again until its file changes.

Entries live in the workspace's git-ignored ``.rapport-cache/surveys/``, one file per source,
named by the hash of the file's bytes, the reader version and the options. The format is
MessagePack: plain lists, strings, numbers and booleans, with dates, times and timestamps as
three extension types of ISO text. It holds data only, so an entry that came with a workspace
from elsewhere (a zip, a shared drive) cannot run anything when it is read: at worst it is
wrong or damaged, and a damaged, stale or unreadable entry is ignored and written again.
Entries are written to a temporary file and renamed, so a build interrupted mid-write leaves no
half entry behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import tempfile
from pathlib import Path

import msgpack

from generator.collector import collector_paused
from generator.load.files import file_digest  # noqa: F401  (the readers ask the cache for it)
from generator.load.surveys.table import Column, Table

logger = logging.getLogger(__name__)

READER_VERSION = "2"  # raise it whenever a reader or layout rule changes what a table holds
_TAG = "rapport-survey-table"
SUBFOLDER = "surveys"


def cache_key(digest: str, options: tuple) -> str:
    text = repr((READER_VERSION, digest, options))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _entry_prefix(rel_name: str) -> str:
    return hashlib.sha256(rel_name.encode("utf-8")).hexdigest()[:16]


SUFFIX = ".msgpack"
# Extension codes of the cell types MessagePack has no type for; their payload is ISO text.
_DATETIME, _DATE, _TIME = 1, 2, 3


def entry_path(cache_dir: Path, rel_name: str, key: str) -> Path:
    return cache_dir / SUBFOLDER / f"{_entry_prefix(rel_name)}-{key[:32]}{SUFFIX}"


def _encode(value: object) -> msgpack.ExtType:
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return msgpack.ExtType(_DATETIME, value.isoformat().encode())
    if isinstance(value, dt.date):
        return msgpack.ExtType(_DATE, value.isoformat().encode())
    if isinstance(value, dt.time):
        return msgpack.ExtType(_TIME, value.isoformat().encode())
    raise TypeError(f"a {type(value).__name__} cannot be cached")


_DECODERS = {_DATETIME: dt.datetime, _DATE: dt.date, _TIME: dt.time}


def _decode(code: int, data: bytes) -> object:
    return _DECODERS[code].fromisoformat(data.decode())


def load(cache_dir: Path, rel_name: str, key: str) -> Table | None:
    """Return the cached table for ``key``, or None when absent, stale or damaged."""
    path = entry_path(cache_dir, rel_name, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            tag, stored_key, meta, columns, rows, numbers = msgpack.unpackb(
                data, ext_hook=_decode, raw=False
            )
        if tag != _TAG or stored_key != key:
            raise ValueError("a different entry")
        return Table(
            path=rel_name,
            columns=[Column(*fields) for fields in columns],
            rows=rows,
            numbers=numbers,
            **meta,
        )
    except Exception as exc:  # any damage in the entry: a wrong shape, type or extension
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
        data = msgpack.packb(payload, default=_encode, use_bin_type=True)
    except (TypeError, OverflowError, ValueError) as exc:  # a cell msgpack cannot hold
        logger.info("%s: not cached (%s)", table.path, exc)
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        for old in folder.glob(f"{_entry_prefix(table.path)}-*"):  # older keys and formats
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
    except OSError as exc:
        logger.warning("%s: could not write the parse cache (%s)", table.path, exc)
