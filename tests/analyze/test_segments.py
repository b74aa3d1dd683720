"""Segment breakdowns: small groups suppressed, and never recoverable by subtraction."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze.plain import Suppressed
from generator.analyze.segments import breakdowns, protect
from generator.analyze.survey import assemble_survey, survey_specs
from generator.responses import Responses
from generator.schema.engagement import Scales

ROW = st.tuples(
    st.sampled_from(["north", "south", "east", "west", "", None]),
    st.sampled_from(["web", "shop", "phone", ""]),
    st.one_of(st.none(), st.integers(0, 10)),
    st.one_of(st.none(), st.integers(1, 5)),
)


def _responses(rows):
    return Responses(
        origins=[str(i) for i in range(len(rows))],
        nps=[r[2] for r in rows],
        items={"speed": [r[3] for r in rows]},
        segments={"region": [r[0] for r in rows], "channel": [r[1] for r in rows]},
    )


def _analyse(rows, threshold):
    responses = _responses(rows)
    specs = survey_specs(responses, Scales(), 0.95)
    return responses, breakdowns(responses.segments, specs, assemble_survey, threshold)


def _true_n(responses, segment_ids, metric):
    """Count, from the raw rows, each group's answers to a metric (the attacker's unknowns)."""
    columns = {"nps": responses.nps, "speed": responses.items["speed"]}
    column = columns.get(metric, [0] * len(responses))  # respondents: everyone counts
    counts = Counter()
    for i, answer in enumerate(column):
        values = tuple(responses.segments[s][i] for s in segment_ids)
        if answer is not None and all(v not in (None, "") for v in values):
            counts[values] += 1
    return counts


def _metric(result, metric):
    if isinstance(result, Suppressed) or metric == "respondents":
        return result
    return result.nps if metric == "nps" else result.items.get("speed")


def _assert_not_recoverable(members, hidden, true_n, threshold):
    if sum(1 for key in members if true_n[key] > 0) < 2:
        return  # a lone group with data is its slice's whole total, shown or not
    holding = [key for key in members if key in hidden and true_n[key] > 0]
    if not holding:
        return
    residual = sum(true_n[key] for key in holding)  # = published total − groups shown
    assert len(holding) >= 2, f"{holding[0]} alone is the total minus the groups shown"
    if any(key not in hidden and true_n[key] > 0 for key in members):
        assert residual >= threshold  # else everything is hidden and only the total is known
    assert all(residual > true_n[key] for key in holding)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(ROW, max_size=80), threshold=st.integers(2, 8))
def test_no_suppressed_group_can_be_recovered_from_the_total_and_the_groups_shown(rows, threshold):
    responses, found = _analyse(rows, threshold)
    for breakdown in found:
        ids = breakdown.segments
        for metric in ("respondents", "nps", "speed"):
            true_n = _true_n(responses, ids, metric)
            results = {g.values: _metric(g.result, metric) for g in breakdown.groups}
            hidden = {key for key, r in results.items() if isinstance(r, Suppressed)}
            for key, result in results.items():
                if metric == "respondents" and not isinstance(result, Suppressed):
                    assert result.respondents == true_n[key] >= threshold
                elif not isinstance(result, Suppressed) and result is not None:
                    assert result.n == true_n[key]
                    assert result.n == 0 or result.n >= threshold
            # Within the whole breakdown, and within each row and column of a crossed one.
            slices = [list(results)]
            for axis in range(len(ids) if len(ids) > 1 else 0):
                for value in {key[axis] for key in results}:
                    slices.append([key for key in results if key[axis] == value])
            for members in slices:
                _assert_not_recoverable(members, hidden, true_n, threshold)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(ROW, max_size=80), threshold=st.integers(2, 8))
def test_groups_below_the_threshold_show_no_numbers_and_all_shares_lie_in_zero_to_one(
    rows, threshold
):
    responses, found = _analyse(rows, threshold)
    for breakdown in found:
        sizes = Counter(
            tuple(responses.segments[s][i] for s in breakdown.segments) for i in range(len(rows))
        )
        for group in breakdown.groups:
            if sizes[group.values] < threshold:
                assert group.result.to_dict() == {"suppressed": True}
            _assert_shares_in_unit_interval(group.result.to_dict())


def _assert_shares_in_unit_interval(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("share") and isinstance(value, float):
                assert 0.0 <= value <= 1.0, key
        if {"count", "n", "value", "low", "high"} <= node.keys():
            for key in ("value", "low", "high"):
                if node[key] is not None:
                    assert 0.0 <= node[key] <= 1.0, key
        for value in node.values():
            _assert_shares_in_unit_interval(value)
    elif isinstance(node, list):
        for value in node:
            _assert_shares_in_unit_interval(value)


def test_a_lone_small_group_takes_the_next_smallest_with_it():
    counts = {"a": 40, "b": 12, "c": 9, "d": 3}
    assert protect(counts, {"d"}, 5) == {"d", "c"}


def test_small_groups_that_together_reach_the_threshold_need_no_cover():
    counts = {"a": 40, "b": 3, "c": 4}
    assert protect(counts, {"b", "c"}, 5) == {"b", "c"}


def test_two_small_groups_below_the_threshold_together_take_a_third():
    counts = {"a": 40, "b": 20, "c": 1, "d": 2}
    assert protect(counts, {"c", "d"}, 5) == {"c", "d", "b"}


def test_ties_are_broken_by_the_group_name():
    counts = {"zeta": 10, "alpha": 10, "tiny": 2}
    assert protect(counts, {"tiny"}, 5) == {"tiny", "alpha"}


def test_crossed_cells_are_protected_along_rows_and_columns():
    counts = {("n", "web"): 30, ("n", "shop"): 2, ("s", "web"): 20, ("s", "shop"): 25}
    slices = [
        list(counts),
        [("n", "web"), ("n", "shop")],
        [("s", "web"), ("s", "shop")],
        [("n", "web"), ("s", "web")],
        [("n", "shop"), ("s", "shop")],
    ]
    hidden = protect(counts, {("n", "shop")}, 5, slices)
    # Row n needs a second hidden cell, and so does each column that then holds one.
    assert ("n", "shop") in hidden and ("n", "web") in hidden
    assert ("s", "shop") in hidden or ("s", "web") in hidden


def test_blank_segment_values_form_no_group():
    rows = [("north", "web", 9, 4)] * 6 + [("", "web", 9, 4)] * 6 + [(None, "web", 9, 4)] * 6
    _, found = _analyse(rows, 5)
    region = next(b for b in found if b.segments == ("region",))
    assert [g.values for g in region.groups] == [("north",)]
