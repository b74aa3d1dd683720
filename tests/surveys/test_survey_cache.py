"""The parse cache: a second build reads the cache, and a damaged entry is read around."""

from __future__ import annotations

import pytest
from survey_helpers import write_xlsx

from generator.load.surveys import cache, read_table, reader


@pytest.fixture
def parses(monkeypatch):
    """Count how often a file is really parsed."""
    calls = []
    real_parse = reader.parse_file

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(reader, "parse_file", counting)
    return calls


def refuse_to_parse(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed again")

    monkeypatch.setattr(reader, "parse_file", refuse)


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch, no_warnings_logged):
    book = write_xlsx(tmp_path / "q2.xlsx", [["id", "nps"], ["R1", 9], ["R2", 10]])
    cache_dir = tmp_path / ".rapport-cache"
    first = read_table(book, "data/q2.xlsx", cache_dir=cache_dir)
    refuse_to_parse(monkeypatch)
    second = read_table(book, "data/q2.xlsx", cache_dir=cache_dir)
    assert second.rows == first.rows == [["R1", 9], ["R2", 10]]
    assert second.columns == first.columns
    assert second.cell_origin(1, 1) == "data/q2.xlsx[Responses]!B3"
    assert list((cache_dir / "surveys").glob(".tmp-*")) == []  # nothing half-written


def test_a_changed_file_or_option_is_parsed_again(tmp_path, parses):
    path = tmp_path / "q.csv"
    path.write_text("id;nps\n1;9\n", encoding="utf-8")
    cache_dir = tmp_path / ".rapport-cache"
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    assert len(parses) == 1
    path.write_text("id;nps\n1;8\n", encoding="utf-8")
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "8"]]
    read_table(path, "data/q.csv", cache_dir=cache_dir, delimiter=",")
    assert len(parses) == 3
    assert len(list((cache_dir / "surveys").glob(f"*{cache.SUFFIX}"))) == 1  # older entries dropped


@pytest.mark.parametrize("damage", [b"", b"not msgpack", b"\x96\xa3tag\xc1garbage"])
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path, parses, monkeypatch, damage):
    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n2,7\n", encoding="utf-8")
    cache_dir = tmp_path / ".rapport-cache"
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    (entry,) = (cache_dir / "surveys").glob(f"*{cache.SUFFIX}")
    entry.write_bytes(damage)
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "9"], ["2", "7"]]
    assert len(parses) == 2
    refuse_to_parse(monkeypatch)
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "9"], ["2", "7"]]


def test_an_entry_for_other_content_is_not_trusted(tmp_path, parses):
    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n", encoding="utf-8")
    cache_dir = tmp_path / ".rapport-cache"
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    (entry,) = (cache_dir / "surveys").glob(f"*{cache.SUFFIX}")
    other = tmp_path / "other.csv"
    other.write_text("id,nps\n5,0\n", encoding="utf-8")
    read_table(other, "data/q.csv", cache_dir=tmp_path / "elsewhere")
    (foreign,) = (tmp_path / "elsewhere" / "surveys").glob(f"*{cache.SUFFIX}")
    entry.write_bytes(foreign.read_bytes())  # a well-formed entry, stored under another key
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "9"]]


def test_no_cache_dir_means_no_cache(tmp_path, parses):
    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n", encoding="utf-8")
    read_table(path, "data/q.csv", cache_dir=None)
    read_table(path, "data/q.csv", cache_dir=None)
    assert len(parses) == 2
    assert cache.SUBFOLDER not in {p.name for p in tmp_path.iterdir()}


class _Canary:
    """Unpickling this object would create a file: proof that an entry ran code."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (str(self.path), "w"))


def test_an_entry_that_would_run_code_is_only_data_to_the_cache(tmp_path, parses):
    import pickle

    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n", encoding="utf-8")
    cache_dir = tmp_path / ".rapport-cache"
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    (entry,) = (cache_dir / "surveys").glob(f"*{cache.SUFFIX}")
    canary = tmp_path / "canary"
    planted = pickle.dumps(_Canary(canary))
    pickle.loads(planted)  # the positive control: unpickled, it does make the file
    assert canary.exists()
    canary.unlink()
    entry.write_bytes(planted)  # a workspace received from elsewhere, with its cache
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "9"]]
    assert not canary.exists()
    assert len(parses) == 2  # the entry was read around and the file parsed again


def test_dates_and_times_come_back_as_they_went_in(tmp_path, monkeypatch):
    import datetime as dt

    cells = [
        ["when", "day", "at", "flag", "score"],
        [dt.datetime(2026, 9, 7, 14, 30, 5), dt.date(2026, 9, 7), dt.time(9, 15), True, 4.5],
    ]
    book = write_xlsx(tmp_path / "q.xlsx", cells)
    cache_dir = tmp_path / ".rapport-cache"
    first = read_table(book, "data/q.xlsx", cache_dir=cache_dir)
    refuse_to_parse(monkeypatch)
    second = read_table(book, "data/q.xlsx", cache_dir=cache_dir)
    assert second.rows == first.rows
    assert [type(v) for v in second.rows[0]] == [type(v) for v in first.rows[0]]
