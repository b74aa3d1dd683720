"""Time the whole-engagement analysis on synthetic waves of 40 columns; print a table.

Usage: .venv/bin/python benchmarks/analyze.py [RESPONSES ...]   (default: 10000 100000)

Each wave has NPS, CSAT, CES, overall satisfaction, 30 rated items, 4 segment columns (one
crossed pair gives small groups), a comment and a response date: 40 columns. Two waves are
analysed (so wave-over-wave change is included), seeded, in memory. Seconds are wall-clock
without tracing; peak MB is measured in a second run under tracemalloc (which slows it down).
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.analyze import analyze_engagement  # noqa: E402
from generator.responses import Responses  # noqa: E402
from generator.schema.engagement import EngagementFile  # noqa: E402

ITEMS = [f"item{i:02d}" for i in range(30)]
SEGMENTS = {
    "store": [f"store-{i}" for i in range(12)],
    "channel": ["web", "shop", "phone", "app"],
    "tier": ["new", "regular", "loyal"],
    "region": ["north", "south", "east", "west", "islands"],
}
COMMENTS = [
    "Piegāde kavējās divas dienas, zvaniet +371 2612 3456",
    "Доставка швидка, дякую Олені за допомогу",
    "Staff were friendly but the checkout was slow",
    "Ціна зависока для такої якості",
    "Nothing to add",
    "Delivery arrived on time, write to me at someone@example.com",
]


def engagement() -> EngagementFile:
    return EngagementFile.model_validate(
        {
            "client": {"name": "Bench", "contacts": [{"id": "olena", "name": "Олена Коваль"}]},
            "engagement": {
                "title": "Benchmark",
                "period": {"start": "2026-01-01", "end": "2026-12-31"},
                "report_date": "2026-12-31",
            },
            "waves": [
                {
                    "id": wave,
                    "name": wave,
                    "fielded": {"start": "2026-01-01", "end": "2026-01-31"},
                    "invited": 250_000,
                    "scales": {"ces": {"min": 1, "max": 7}},
                    "sources": [{"file": "data.csv", "columns": {}}],
                }
                for wave in ("w1", "w2")
            ],
            "themes": [
                {
                    "id": "delivery",
                    "label": "Delivery",
                    "keywords": {"lv": ["piegād*"], "uk": ["доставк*"], "en": ["deliver*"]},
                },
                {"id": "price", "label": "Price", "keywords": {"uk": ["ціна", "дорог*"]}},
                {"id": "staff", "label": "Staff", "keywords": {"en": ["staff", "friendly"]}},
                {"id": "checkout", "label": "Checkout", "keywords": {"en": ["checkout"]}},
            ],
        }
    )


def synthetic_wave(n: int, seed: int) -> Responses:
    rng = random.Random(seed)

    def column(low: int, high: int, blank: float = 0.05) -> list[float | None]:
        return [None if rng.random() < blank else float(rng.randint(low, high)) for _ in range(n)]

    return Responses(
        origins=[f"data.csv:{i + 2}" for i in range(n)],
        respondent_ids=[str(i) for i in range(n)],
        dates=["2026-01-15"] * n,
        nps=column(0, 10),
        csat=column(1, 5),
        ces=column(1, 7),
        overall=column(1, 5),
        items={item: column(1, 5, 0.15) for item in ITEMS},
        segments={
            name: [rng.choice(values) for _ in range(n)] for name, values in SEGMENTS.items()
        },
        comments=[rng.choice(COMMENTS) if rng.random() < 0.3 else None for _ in range(n)],
        languages=["en"] * n,
    )


def run(n: int) -> tuple[float, float]:
    model = engagement()
    waves = {"w1": synthetic_wave(n, 1), "w2": synthetic_wave(n, 2)}
    started = time.perf_counter()
    analyze_engagement(model, waves)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    analyze_engagement(model, waves)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 1e6


def main(sizes: list[int]) -> None:
    print(f"{'responses/wave':>15} {'waves':>6} {'columns':>8} {'seconds':>9} {'peak MB':>9}")
    for n in sizes:
        seconds, peak = run(n)
        print(f"{n:>15,} {2:>6} {40:>8} {seconds:>9.2f} {peak:>9.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
