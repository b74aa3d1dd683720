"""What Northwind's people wrote in the pulse's open question, chosen from how they answered."""

from __future__ import annotations

import random

OPAQUE = [
    "We find out a sprint slipped only when it ends. I'd like to see progress during the sprint, "
    "not after it.",
    "Status reports are a wall of ticket numbers. I can't tell what is done, what is blocked and "
    "what is at risk.",
    "Start doing sprint demos again. We haven't seen working software since January.",
    "Hard to know who is working on what. The Jira board is out of date most of the time.",
    "Stop surprising us at release time.",
    "More visibility, please - a simple dashboard of what's in flight would help a lot.",
    "Great engineers, but the process is a black box from where I sit.",
    "Tell us early when something is at risk. Bad news on day 2 is fine, on day 10 it is not.",
    "I spend my Monday mornings chasing status instead of planning.",
]
TIME_ZONES = [
    "By the time Kyiv answers a question our day is over. We lose a day on every clarification.",
    "We need a few hours of real overlap. Async only works when the tickets are perfect, and they "
    "aren't.",
    "Questions asked after 11am Chicago time get answered tomorrow. That adds up.",
]
COMMUNICATION = [
    "Communicate decisions, not just tasks - we often learn about design changes from the code.",
    "Meeting notes would help; half of what we agree on the calls gets lost.",
]
BUSINESS = [
    "They still don't fully get how dispatchers use the product day to day. A visit to one of "
    "our customers would help.",
    "Keep asking 'why' - the best work this quarter came when the team challenged the spec.",
]
QUALITY = [
    "Keep doing the code reviews - what lands in main is consistently good.",
    "Keep the automated tests coming; regressions are rare now.",
    "Olena's team on the routing engine is excellent.",
    "Keep the on-call support during releases; it made the 4.1 launch painless.",
]
DEMO_PRAISE = [
    "The weekly demo is the best change this year. I finally see what's being built before it "
    "ships.",
    "The delivery dashboard answers most of my questions before I ask them.",
    "Overlap hours made a real difference - questions get answered the same day now.",
    "Much better visibility. Keep the Friday demos.",
    "Keep the dashboard up to date and we're good.",
    "Night and day compared with the spring. Thank you for listening.",
]
SLOWER = [
    "Feels like we ship a bit less since all the new ceremonies. Keep the demos short.",
    "Velocity dipped over the summer. I'd like to understand whether that's the process or the "
    "staffing.",
    "Stop adding meetings - the demo is great, the extra syncs less so.",
    "The overlap hours are great, but the late shift seems to eat into focus time.",
]
MULTILINE = {
    "2026-q1": "Start: a weekly demo with the product owners.\nStop: status reports nobody reads.\n"
    "Keep: the code reviews.",
    "2026-q3": "Keep: the Friday demo and the dashboard.\nStart: showing the velocity trend next "
    "to the dashboard so we can talk about it openly.",
}


class Commenter:
    """Chooses comments; each wave's one multi-line answer is given once."""

    def __init__(self) -> None:
        self.multiline_given: set[str] = set()

    def __call__(
        self,
        rng: random.Random,
        wave: str,
        department: str,
        items: dict[str, int | None],
        likely: int,
    ) -> str:
        """Return the comment one respondent leaves, or an empty string (about half say nothing)."""
        if wave in MULTILINE and wave not in self.multiline_given and likely <= 6:
            self.multiline_given.add(wave)
            return MULTILINE[wave]
        return _pick(rng, wave, items, likely)


def _pick(rng: random.Random, wave: str, items: dict[str, int | None], likely: int) -> str:
    if rng.random() > 0.55:
        return ""
    scored = {k: v for k, v in items.items() if v is not None and v > 0}
    lowest = min(scored, key=lambda k: (scored[k], k))
    late = wave == "2026-q3"
    if likely >= 9:
        pool = DEMO_PRAISE + QUALITY if late else QUALITY + BUSINESS[1:]
    elif lowest == "transparency" and not late:
        pool = OPAQUE
    elif lowest == "delivery_speed" and late:
        pool = SLOWER
    elif lowest == "responsiveness":
        pool = TIME_ZONES if not late else SLOWER
    elif lowest == "communication":
        pool = COMMUNICATION
    elif lowest == "business_understanding":
        pool = BUSINESS
    else:
        pool = DEMO_PRAISE + SLOWER if late else OPAQUE + TIME_ZONES
    return rng.choice(pool)
