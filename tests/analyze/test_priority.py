"""Recommendation priority, ranking and the status of earlier waves' recommendations."""

from generator.analyze.priority import recommendation_plan
from generator.schema.engagement import Recommendation


def rec(id, impact, effort, confidence="medium", audience=("web",), horizon=30, **extra):
    return Recommendation(
        id=id,
        title=f"Do {id}",
        audience=list(audience),
        impact=impact,
        effort=effort,
        confidence=confidence,
        horizon=horizon,
        **extra,
    )


def test_score_is_impact_times_confidence_over_effort():
    plan = recommendation_plan(
        [
            rec("R1", "high", "low", "high"),  # 3 × 3 ÷ 1 = 9
            rec("R2", "low", "high", "low"),  # 1 × 1 ÷ 3 = 1/3
            rec("R3", "medium", "medium"),  # 2 × 2 ÷ 2 = 2
        ],
        ["q1"],
    )
    assert [(r.id, r.rank, r.score) for r in plan.ranked] == [
        ("R1", 1, 9.0),
        ("R3", 2, 2.0),
        ("R2", 3, 1 / 3),
    ]


def test_equal_scores_are_ranked_by_id_in_natural_order():
    recs = [rec("R10", "high", "high"), rec("R2", "medium", "medium"), rec("R1", "low", "low")]
    plan = recommendation_plan(list(reversed(recs)), ["q1"])
    assert [r.id for r in plan.ranked] == ["R1", "R2", "R10"]  # all score 2


def test_grouping_by_audience_and_horizon():
    plan = recommendation_plan(
        [
            rec("R1", "high", "low", audience=("web", "marketing"), horizon=30),
            rec("R2", "high", "medium", audience=("support",), horizon=90),
        ],
        ["q1"],
    )
    assert [r.id for r in plan.by_audience["web"]] == ["R1"]
    assert [r.id for r in plan.by_audience["marketing"]] == ["R1"]
    assert plan.by_audience["leadership"] == ()
    assert {h: [r.id for r in rs] for h, rs in plan.by_horizon.items()} == {
        "30": ["R1"],
        "60": [],
        "90": ["R2"],
    }


def test_earlier_waves_recommendations_are_listed_with_their_status():
    recs = [
        rec("R1", "high", "low", wave="q1", status="done"),
        rec("R2", "high", "low", wave="q2", status="in_progress"),
        rec("R3", "high", "low", wave="q3"),
        rec("R4", "high", "low"),
        rec("R5", "high", "low", wave="q4"),
    ]
    plan = recommendation_plan(recs, ["q1", "q2", "q3", "q4"], current_wave="q3")
    assert [r.id for r in plan.ranked] == ["R3", "R4"]
    assert [(r.id, r.wave, r.status) for r in plan.previous] == [
        ("R1", "q1", "done"),
        ("R2", "q2", "in_progress"),
    ]
    assert plan.previous_by_status["done"] == 1 and plan.previous_by_status["proposed"] == 0
