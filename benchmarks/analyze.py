"""Time the whole-engagement analysis on synthetic waves of 40 columns; print a table.

Usage: .venv/bin/python benchmarks/analyze.py [RESPONSES ...] [--repeat N] [--no-load]
       (default sizes: 10000 100000)

Each wave has NPS, CSAT, CES, overall satisfaction, 30 rated items, 4 segment columns (one
crossed pair gives small groups), a comment and a response date: 40 columns. Two waves are
analysed (so wave-over-wave change is included), seeded, in memory: per wave 4 one-way and
6 crossed breakdowns, 215 groups × 34 metrics. Three responses in ten have a comment, four in
five of them worded differently (in a real export nearly all are), coded into 7 themes of 6–8
keywords in three languages (dictionaries as large as the demo engagements'). Seconds are
wall-clock without tracing, best and median of ``--repeat`` runs, each from cold caches as in
a build; peak MB is measured in one more run under tracemalloc (which slows it down).

The last column relates the analysis of one wave to loading one wave: the same number of
responses × 40 columns read as .xlsx from the parse cache, in a fresh process
(``benchmarks/load_surveys.py``'s generated export; the first run writes and parses it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.analyze import analyze_engagement  # noqa: E402
from generator.analyze.distributions import (  # noqa: E402
    _log_beta,
    _log_t_density_at_zero,
    t_quantile,
)
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
DETAILS = [
    "the courier called late",
    "the parcel was damaged",
    "a long queue at the cash desk",
    "the staff were helpful",
    "prices went up again",
    "the app crashed at payment",
    "the refund took two weeks",
    "my size was missing",
    "will come again",
    "rinda pie kases bija gara",
    "pārdevēja bija ļoti laipna",
    "cena par augstu",
    "apmaksa neizdevās",
    "izmērs nebija pieejams",
    "paldies",
    "черга на касі",
    "продавець був ввічливий",
    "ціна зависока",
    "оплата не пройшла",
    "дякую",
]
"""Phrases added to each comment so that, as in a real export, most are worded differently."""
KEYWORDS = {
    "delivery": ["piegād*", "kurjer*", "atveda", "доставк*", "кур'єр*", "deliver*", "courier*"],
    "queues": ["rind*", "kase", "kases", "черг*", "кас*", "queue*", "wait*", "cash desk"],
    "staff": ["personāl*", "pārdevēj*", "продав*", "персонал*", "staff", "friendly"],
    "availability": ["pieejam*", "izmēr*", "наявн*", "розмір*", "size*", "stock", "missing"],
    "checkout": ["apmaks*", "kļūd*", "оплат*", "помилк*", "checkout", "payment*", "crash*"],
    "returns": ["atgriez*", "apmain*", "поверн*", "обмін*", "return*", "refund*"],
    "prices": ["cena", "cenas", "dārg*", "ціна", "дорог*", "price*", "expensive"],
}


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
                {"id": theme, "label": theme.title(), "keywords": {"en": keywords}}
                for theme, keywords in KEYWORDS.items()
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
        comments=[comment(rng) if rng.random() < 0.3 else None for _ in range(n)],
        languages=["en"] * n,
    )


def comment(rng: random.Random) -> str:
    return " ".join([rng.choice(COMMENTS), *rng.sample(DETAILS, rng.randint(2, 5))])


def cold_start() -> None:
    """Forget the t quantiles computed so far, so every run pays for them as a build does."""
    t_quantile.cache_clear()
    _log_beta.cache_clear()
    _log_t_density_at_zero.cache_clear()


def run(n: int, repeat: int) -> tuple[float, float, float]:
    """Best and median seconds of ``repeat`` cold runs, and peak MB under tracing."""
    model = engagement()
    waves = {"w1": synthetic_wave(n, 1), "w2": synthetic_wave(n, 2)}
    times = []
    for _ in range(repeat):
        cold_start()
        started = time.perf_counter()
        analyze_engagement(model, waves)
        times.append(time.perf_counter() - started)
    cold_start()
    tracemalloc.start()
    analyze_engagement(model, waves)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(times), statistics.median(times), peak / 1e6


def cached_load_seconds(n: int) -> float:
    """Read an n × 40 .xlsx from the parse cache in a fresh process (parsing it first if new)."""
    import load_surveys

    folder = Path(tempfile.gettempdir()) / "rapport-bench-surveys"
    folder.mkdir(exist_ok=True)
    xlsx, _ = load_surveys.make_files(folder, n)
    cache = folder / "parse-cache"
    load_surveys.measure("rapport", xlsx, cache)  # no-op when already cached
    return load_surveys.measure("rapport", xlsx, cache)["seconds"]


def main(sizes: list[int], repeat: int, with_load: bool) -> None:
    line = "{:>15} {:>6} {:>7} {:>9} {:>9} {:>8} {:>14} {:>19}"
    print(
        line.format(
            "responses/wave",
            "waves",
            "best s",
            "median s",
            "s / wave",
            "peak MB",
            "cached load s",
            "wave / cached load",
        )
    )
    for n in sizes:
        best, median, peak = run(n, repeat)
        per_wave = best / 2
        load = cached_load_seconds(n) if with_load else None
        print(
            line.format(
                f"{n:,}",
                2,
                f"{best:.2f}",
                f"{median:.2f}",
                f"{per_wave:.2f}",
                f"{peak:.1f}",
                f"{load:.2f}" if load else "—",
                f"{per_wave / load:.1f}×" if load else "—",
            )
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (default 3)")
    parser.add_argument("--no-load", action="store_true", help="skip timing the cached load")
    args = parser.parse_args()
    main(args.sizes, args.repeat, not args.no_load)
