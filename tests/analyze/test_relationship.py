"""Relationship health from the interaction log."""

import datetime as dt

from generator.analyze.relationship import relationship_health
from generator.schema.interactions import Interaction

AS_OF = dt.date(2026, 6, 30)


def contact(day, mood, channel="call", people=("ceo",), concerns=(), follow_ups=(), **extra):
    return Interaction.model_validate(
        {
            "date": day,
            "channel": channel,
            "people": list(people),
            "mood": mood,
            "summary": "catch-up",
            "concerns": list(concerns),
            "follow_ups": list(follow_ups),
            **extra,
        }
    )


def test_good_recent_moods_without_concerns_are_green():
    log = [contact("2026-06-01", 4), contact("2026-06-15", 5, "video")]
    health = relationship_health(log, AS_OF, ["ceo", "cfo"])
    assert (health.status, health.reason, health.reason_text) == ("green", "good_mood", None)
    assert health.contacts_by_channel["call"] == 1 and health.contacts_by_channel["video"] == 1
    assert [(e.contact, e.days_since) for e in health.executives] == [("ceo", 15), ("cfo", None)]


def test_an_open_concern_turns_yellow_and_is_the_reason():
    concern = {"id": "transparency", "text": "Offshore team is not transparent enough"}
    log = [contact("2026-06-20", 4, concerns=[concern])]
    health = relationship_health(log, AS_OF)
    assert health.status == "yellow" and health.reason == "open_concern"
    assert health.reason_text == "Offshore team is not transparent enough"
    assert health.open_concerns[0].age_days == 10


def test_a_concern_open_longer_than_thirty_days_turns_red():
    concern = {"id": "transparency", "text": "Not transparent"}
    log = [contact("2026-05-01", 4, concerns=[concern]), contact("2026-06-25", 4)]
    health = relationship_health(log, AS_OF)
    assert (health.status, health.reason) == ("red", "stale_concern")


def test_the_latest_entry_of_a_concern_decides_whether_it_is_open():
    raised = {"id": "sla", "text": "Tickets wait too long"}
    resolved = {"id": "sla", "text": "Tickets answered within a day", "status": "resolved"}
    log = [
        contact("2026-06-20", 4, concerns=[resolved]),
        contact("2026-04-01", 3, concerns=[raised]),
    ]
    health = relationship_health(log, AS_OF)
    assert health.open_concerns == ()
    assert health.status == "green"


def test_low_latest_mood_is_red_and_a_falling_mood_yellow_or_red_by_how_far_it_fell():
    assert relationship_health([contact("2026-06-01", 2)], AS_OF).status == "red"
    falling = [contact("2026-05-01", 5), contact("2026-05-20", 4), contact("2026-06-10", 4)]
    health = relationship_health(falling, AS_OF)
    assert (health.status, health.reason) == ("yellow", "falling_mood")
    sharp = [contact("2026-05-01", 5), contact("2026-05-20", 4), contact("2026-06-10", 3)]
    health = relationship_health(sharp, AS_OF)
    assert (health.status, health.reason) == ("red", "sharp_fall")
    recovered = [contact("2026-05-01", 2), contact("2026-05-20", 3), contact("2026-06-10", 4)]
    assert relationship_health(recovered, AS_OF).status == "green"


def test_follow_ups_open_and_overdue_as_of_the_date():
    agreed = {"action": "Send the Q2 dashboard", "owner": "me", "due": "2026-06-15"}
    later = {"action": "Book the workshop", "due": "2026-07-10"}
    done = {"action": "send the  Q2 dashboard", "done": True}
    log = [contact("2026-06-01", 4, follow_ups=[agreed, later])]
    health = relationship_health(log, AS_OF)
    assert [(f.action, f.overdue, f.days_overdue) for f in health.open_follow_ups] == [
        ("Send the Q2 dashboard", True, 15),
        ("Book the workshop", False, None),
    ]
    log.append(contact("2026-06-20", 4, follow_ups=[done]))
    assert [f.action for f in relationship_health(log, AS_OF).open_follow_ups] == [
        "Book the workshop"
    ]


def test_contacts_after_the_date_and_an_empty_log():
    assert relationship_health([contact("2026-07-05", 1)], AS_OF).status is None
    empty = relationship_health([], AS_OF)
    assert (empty.status, empty.reason, empty.interactions) == (None, "no_contacts", 0)
    assert relationship_health([contact("2026-06-01", 4, id="kickoff")], AS_OF).to_dict()[
        "timeline"
    ] == [{"date": "2026-06-01", "mood": 4, "channel": "call", "interaction": "kickoff"}]
