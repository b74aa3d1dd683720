"""The whole engagement analysed at once, as ``rapport stats --json`` prints it."""

import json
import logging
import random

import pytest

from generator.analyze.engagement import TooFewResponses, analyze_engagement
from generator.analyze.plain import Suppressed
from generator.errors import RapportError
from generator.responses import Responses
from generator.schema.engagement import EngagementFile
from generator.schema.interactions import Interaction

ENGAGEMENT = {
    "client": {
        "name": "Acme Retail",
        "contacts": [
            {"id": "jsmith", "name": "John Smith", "executive": True},
            {"id": "olena", "name": "Олена Коваль"},
        ],
    },
    "engagement": {
        "title": "Customer satisfaction assessment",
        "period": {"start": "2026-01-01", "end": "2026-06-30"},
        "report_date": "2026-07-01",
    },
    "targets": {"nps": 30, "csat": 80, "sus": 70},
    "measures": {"items": {"speed": "Speed", "staff": "Staff"}, "segments": {"store": "Store"}},
    "waves": [
        {
            "id": wave,
            "name": wave.upper(),
            "fielded": {"start": start, "end": end},
            "invited": 400,
            "sources": [{"file": f"data/{wave}.csv", "columns": {}}],
        }
        for wave, start, end in [
            ("q1", "2026-01-10", "2026-01-31"),
            ("q2", "2026-04-10", "2026-04-30"),
            ("q3", "2026-07-10", "2026-07-31"),
        ]
    ],
    "usability_tests": [
        {
            "id": "checkout",
            "title": "Checkout",
            "date": "2026-05-05",
            "tasks": [{"id": "pay", "title": "Pay", "attempts": 8, "successes": 6}],
        }
    ],
    "themes": [
        {
            "id": "delivery",
            "label": "Delivery",
            "keywords": {"en": ["deliver*"], "uk": ["доставк*"]},
        }
    ],
    "recommendations": [
        {
            "id": "R1",
            "title": "Publish delivery times",
            "audience": ["web"],
            "impact": "high",
            "effort": "low",
            "horizon": 30,
            "wave": "q1",
            "status": "done",
        },
        {
            "id": "R2",
            "title": "Train store staff",
            "audience": ["operations"],
            "impact": "medium",
            "effort": "medium",
            "horizon": 60,
        },
    ],
}


def _wave(seed, n=200):
    rng = random.Random(seed)
    stores = ["Riga"] * (n // 2) + ["Kyiv"] * (n // 2 - 3) + ["Tartu"] * 3
    return Responses(
        origins=[f"data/w.csv:{i + 2}" for i in range(n)],
        nps=[rng.choice([None, *range(11)]) for _ in range(n)],
        csat=[rng.choice([1, 2, 3, 4, 5]) for _ in range(n)],
        overall=[rng.choice([1, 2, 3, 4, 5]) for _ in range(n)],
        items={
            "speed": [rng.choice([None, 1, 2, 3, 4, 5]) for _ in range(n)],
            "staff": [rng.choice([1, 2, 3, 4, 5]) for _ in range(n)],
        },
        segments={"store": stores},
        comments=[
            rng.choice([None, "Delivery was slow", "Доставка повільна, Олена допомогла"])
            for _ in range(n)
        ],
        languages=["en"] * n,
    )


def _analysis(**options):
    engagement = EngagementFile.model_validate(ENGAGEMENT)
    sus_rows = [
        [4, 2, 4, 1, 4, 2, 5, 2, 4, 2],
        [3] * 10,
        [5, 1] * 5,
        [4, 1, 5, 2, 5, 1, 4, 2, 3, 1],
    ]
    usability = {"checkout": Responses(origins=["s"] * 4, sus=sus_rows)}
    log = [
        Interaction.model_validate(
            {
                "date": "2026-06-10",
                "channel": "video",
                "people": ["jsmith"],
                "mood": 4,
                "summary": "Review",
            }
        )
    ]
    waves = {"q1": _wave(1), "q2": _wave(2)}
    return analyze_engagement(engagement, waves, usability, log, **options)


def _suppressed_nodes(node):
    if isinstance(node, dict):
        if node.get("suppressed") is True:
            yield node
        for value in node.values():
            yield from _suppressed_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _suppressed_nodes(value)


def test_the_json_structure_is_complete_and_serialisable(caplog):
    with caplog.at_level(logging.WARNING):
        plain = _analysis().to_dict()
    assert not caplog.records
    text = json.dumps(plain, allow_nan=False, ensure_ascii=False)
    assert json.loads(text) == plain
    assert list(plain) == [
        "schema_version",
        "client",
        "title",
        "settings",
        "current_wave",
        "waves",
        "usability",
        "relationship",
        "recommendations",
    ]
    assert plain["current_wave"] == "q2"  # q3 has no responses yet
    assert [w["id"] for w in plain["waves"]] == ["q1", "q2"]
    assert plain["waves"][0]["change"] is None
    assert plain["waves"][1]["change"]["previous_wave"] == "q1"
    assert plain["settings"]["as_of"] == "2026-07-01"


def test_suppressed_groups_carry_no_numbers_anywhere():
    plain = _analysis().to_dict()
    hidden = list(_suppressed_nodes(plain))
    assert hidden, "Tartu has 3 respondents and must be hidden"
    assert all(node == {"suppressed": True} for node in hidden)
    store = plain["waves"][1]["segments"][0]
    tartu = next(g for g in store["groups"] if g["values"] == ["Tartu"])
    assert tartu["result"] == {"suppressed": True}


def test_targets_usability_recommendations_and_relationship_are_included():
    analysis = _analysis()
    current = analysis.waves[-1]
    nps_check = next(t for t in current.targets if t.metric == "nps")
    assert nps_check.value == current.metrics.nps.value and nps_check.target == 30
    csat_check = next(t for t in current.targets if t.metric == "csat")
    assert csat_check.value == pytest.approx(100 * current.metrics.csat.value)
    checkout = analysis.usability[0]
    assert checkout.sus.value == pytest.approx((80 + 50 + 100 + 85) / 4)
    assert checkout.target.met is True
    assert checkout.tasks[0].success.value == 0.75
    assert [r.id for r in analysis.recommendations.ranked] == ["R2"]
    assert [r.id for r in analysis.recommendations.previous] == ["R1"]
    assert analysis.relationship.executives[0].days_since == 21
    quotes = [q for t in current.themes.overall.themes for q in t.quotes]
    assert all("Олена" not in q for q in quotes)


def test_an_earlier_wave_can_be_chosen_and_an_unknown_one_is_refused():
    assert [w.id for w in _analysis(current_wave="q1").waves] == ["q1"]
    with pytest.raises(RapportError, match="no wave 'q9'"):
        _analysis(current_wave="q9")


def test_a_wave_under_the_anonymity_minimum_is_refused_when_it_is_the_one_reported():
    engagement = EngagementFile.model_validate(ENGAGEMENT)
    waves = {"q1": _wave(1), "q2": _wave(2, n=4)}
    with pytest.raises(TooFewResponses, match="wave q2 has 4 responses, fewer than the ano"):
        analyze_engagement(engagement, waves)
    assert [w.id for w in analyze_engagement(engagement, waves, current_wave="q1").waves] == ["q1"]
    with pytest.raises(TooFewResponses, match="--wave q1$"):
        analyze_engagement(engagement, waves, current_wave="q2")


def test_a_score_that_fewer_than_the_minimum_answered_is_suppressed_for_the_whole_sample():
    wave = _wave(1)
    wave.items["speed"] = [4, 5] + [None] * (len(wave) - 2)
    result = analyze_engagement(EngagementFile.model_validate(ENGAGEMENT), {"q1": wave})
    items = result.waves[-1].metrics.items
    assert isinstance(items["speed"], Suppressed) and items["staff"].n == len(wave)
    assert "speed" not in {d.item for d in result.waves[-1].drivers.drivers}
