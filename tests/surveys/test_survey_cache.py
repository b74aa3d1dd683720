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
    assert len(list((cache_dir / "surveys").glob("*.pickle"))) == 1  # older entries dropped


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95garbage"])
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path, parses, monkeypatch, damage):
    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n2,7\n", encoding="utf-8")
    cache_dir = tmp_path / ".rapport-cache"
    read_table(path, "data/q.csv", cache_dir=cache_dir)
    (entry,) = (cache_dir / "surveys").glob("*.pickle")
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
    (entry,) = (cache_dir / "surveys").glob("*.pickle")
    other = tmp_path / "other.csv"
    other.write_text("id,nps\n5,0\n", encoding="utf-8")
    read_table(other, "data/q.csv", cache_dir=tmp_path / "elsewhere")
    (foreign,) = (tmp_path / "elsewhere" / "surveys").glob("*.pickle")
    entry.write_bytes(foreign.read_bytes())  # a well-formed entry, stored under another key
    assert read_table(path, "data/q.csv", cache_dir=cache_dir).rows == [["1", "9"]]


def test_no_cache_dir_means_no_cache(tmp_path, parses):
    path = tmp_path / "q.csv"
    path.write_text("id,nps\n1,9\n", encoding="utf-8")
    read_table(path, "data/q.csv", cache_dir=None)
    read_table(path, "data/q.csv", cache_dir=None)
    assert len(parses) == 2
    assert cache.SUBFOLDER not in {p.name for p in tmp_path.iterdir()}
