"""Property tests: the YAML loader and the CSV reader, given any bytes, either read them or
raise an InputError that names the file, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import InputError, Problems
from generator.load.surveys import read_table
from generator.load.yamlmarks import read_yaml

FAST = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Bytes that look like what the readers meet: YAML and CSV punctuation, quotes, line breaks,
# code page bytes, a BOM, control characters; and plain random bytes.
PIECES = st.sampled_from(
    [
        b"a",
        b":",
        b" ",
        b"\n",
        b"\r",
        b"\t",
        b"-",
        b"[",
        b"]",
        b"{",
        b"}",
        b"&x",
        b"*x",
        b"!",
        b"!!python/object/apply:os.system",
        b"<<",
        b'"',
        b"'",
        b",",
        b";",
        b"|",
        b">",
        b"#",
        b"\x92",
        b"\xc4",
        b"\xef\xbb\xbf",
        b"\x00",
        b"\x1b",
        b"---",
        b"9",
        b"10",
        b"\xff\xfe",
    ]
)
TEXTISH = st.lists(PIECES, max_size=60).map(b"".join)
ANY_BYTES = st.one_of(TEXTISH, st.binary(max_size=400))


@FAST
@given(data=ANY_BYTES)
def test_yaml_loader_on_any_bytes(tmp_path_factory, data):
    path = Path(tmp_path_factory.mktemp("yaml")) / "engagement.yaml"
    path.write_bytes(data)
    problems = Problems()
    document = read_yaml(path, "engagements/acme/engagement.yaml", problems)
    if document is None:
        assert problems.errors, "a file that was not read has a reason"
    for problem in problems.errors:
        assert problem.location.path == "engagements/acme/engagement.yaml"
        assert problem.message


@FAST
@given(data=ANY_BYTES)
def test_csv_reader_on_any_bytes(tmp_path_factory, data):
    path = Path(tmp_path_factory.mktemp("csv")) / "q3.csv"
    path.write_bytes(data)
    try:
        table = read_table(path, "data/q3.csv")
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.location.path == "data/q3.csv"
            assert problem.message
    else:
        assert len(table.numbers) == len(table.rows)
        assert all(len(row) == len(table.columns) for row in table.rows)
