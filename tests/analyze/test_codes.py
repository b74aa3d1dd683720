"""Coded columns and counting per group: every way of counting gives the row-by-row count."""

import gc
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze import analyze_engagement
from generator.analyze.cells import SegmentCells
from generator.analyze.codes import code_column
from generator.analyze.stats import pair_tally
from generator.errors import RapportError
from generator.schema.engagement import EngagementFile

ANSWER = st.one_of(st.none(), st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0, 99.0]))
NOT_APPLICABLE = (99.0,)


def row_by_row(cell_of, column):
    """(cell, answer) → how many rows, blanks and 'not applicable' left out."""
    return Counter(
        (cell, answer)
        for cell, answer in zip(cell_of, column, strict=True)
        if answer is not None and answer not in NOT_APPLICABLE
    )


def counted_per_cell(cells, column):
    coded = code_column(column, NOT_APPLICABLE)
    found = Counter()
    for point, per_cell in zip(coded.points, cells.tally(coded), strict=True):
        for cell, n in enumerate(per_cell):
            if n:
                found[(cell, point)] = n
    return found


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["a", "b", " ", None]), st.sampled_from(["x", "y"]), ANSWER),
        min_size=1,
        max_size=60,
    ),
    repeat=st.sampled_from([1, 40]),
)
def test_cell_counts_match_a_row_by_row_count_with_few_and_many_rows_per_cell(rows, repeat):
    rows = rows * repeat  # repeated, the same cells hold many rows each
    segments = {"store": [r[0] for r in rows], "channel": [r[1] for r in rows]}
    column = [r[2] for r in rows]
    cells = SegmentCells(segments, len(rows))

    assert counted_per_cell(cells, column) == row_by_row(cells.cell_of, column)


def test_cell_counts_of_a_large_wave_match_a_row_by_row_count():
    rows = 20_000
    segments = {
        "store": [f"store-{i % 7}" if i % 50 else None for i in range(rows)],
        "tier": [("new", "regular", "loyal")[i * 5 % 3] for i in range(rows)],
    }
    column = [
        None if i % 9 == 0 else (1.0, 2.0, 3.0, 4.0, 5.0, 99.0)[i * 7 % 6] for i in range(rows)
    ]
    cells = SegmentCells(segments, rows)

    assert counted_per_cell(cells, column) == row_by_row(cells.cell_of, column)


def test_a_column_with_more_than_255_distinct_answers_is_still_counted():
    column = [float(v % 300) if v % 7 else None for v in range(2_000)]
    segments = {"half": ["first" if i < 1_000 else "second" for i in range(2_000)]}
    cells = SegmentCells(segments, len(column))
    coded = code_column(column)
    assert coded.width == 300 and not isinstance(coded.codes, bytes)

    found = Counter()
    for point, per_cell in zip(coded.points, cells.tally(coded), strict=True):
        for cell, n in enumerate(per_cell):
            found[(cell, point)] += n
    expected = Counter(
        (cell, v) for cell, v in zip(cells.cell_of, column, strict=True) if v is not None
    )
    assert +found == expected


def test_an_answer_off_the_expected_points_is_still_counted():
    coded = code_column([1.0, 2.0, None, 7.5, 2.0, 0.0], excluded=[0.0], expected=[1.0, 2.0, 3.0])
    assert coded.tally([1] * coded.width) == {1.0: 1, 2.0: 1, 7.5: 1}
    assert coded.points == (1.0, 2.0, 7.5)


@pytest.mark.parametrize("distinct", [5, 400])
def test_pairs_match_a_row_by_row_count(distinct):
    xs = [None if i % 11 == 0 else float(i * 7 % distinct) for i in range(3_000)]
    ys = [None if i % 13 == 0 else float(i * 3 % 5) for i in range(3_000)]
    expected = Counter(
        (x, y) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None
    )
    assert pair_tally(xs, ys) == dict(expected)


def test_pairs_of_columns_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="cannot be paired"):
        pair_tally([1.0, 2.0], [1.0])


def test_the_analysis_leaves_the_garbage_collector_as_it_found_it():
    engagement = EngagementFile.model_validate(
        {
            "client": {"name": "Acme"},
            "engagement": {
                "title": "Pulse",
                "period": {"start": "2026-01-01", "end": "2026-03-31"},
                "report_date": "2026-03-31",
            },
        }
    )
    assert gc.isenabled()
    analyze_engagement(engagement, {})
    assert gc.isenabled()
    with pytest.raises(RapportError):
        analyze_engagement(engagement, {}, current_wave="2031-q1")
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_engagement(engagement, {})
        assert not gc.isenabled()
    finally:
        gc.enable()
