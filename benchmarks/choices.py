"""Time mapping and analysing one export with and without its choice questions; print a table.

Usage: .venv/bin/python benchmarks/choices.py [RESPONSES] [--repeat N]   (default 100000)

The export (.csv, written once into the temp folder) has the 40 columns of
``benchmarks/analyze.py`` — NPS, CSAT, CES, overall satisfaction, 30 rated items, 4 segment
columns, a comment and a date — plus 5 single-choice questions and 3 multi-select questions
in the three vendor layouts: one cell of joined choices (Google Forms), six option
columns holding the option's text (SurveyMonkey) and five holding 1 or blank (Qualtrics
Q9_1…). "without" maps the scored columns and segments only — the analysis as it was before
choice questions existed; "with" maps the same plus the 8 choice questions. Each run reads
the export from the parse cache (filled by a first, untimed run), applies the mapping and
analyses the wave; best and median of ``--repeat`` runs, wall-clock.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.analyze import analyze_engagement  # noqa: E402
from generator.errors import Location, Problems  # noqa: E402
from generator.schema.engagement import EngagementFile  # noqa: E402
from generator.validate.responses import load_responses  # noqa: E402

ITEMS = [f"item{i}" for i in range(30)]
COMMENTS = ["Delivery was late", "Friendly staff", "Too expensive", "Nothing to add", ""]
SEGMENTS = {"store": 12, "channel": 4, "tier": 3, "region": 5}
SINGLE = {f"single{i}": [f"answer {k}" for k in range(3 + i)] for i in range(5)}
TOOLS = ["Python", "R", "SQL", "Excel", "Tableau", "SPSS", "Stata", "Julia"]
FILMS = [f"Episode {k}" for k in range(1, 7)]
FOODS = [f"Q9_{k}" for k in range(1, 6)]


def write_export(path: Path, n: int) -> None:
    rng = random.Random(5)
    header = ["id", "date", "nps", "csat", "ces", "overall", *ITEMS, *SEGMENTS, "comment"]
    header += [*SINGLE, "tools"]
    header += [f"Seen / {film}" for film in FILMS] + FOODS
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(n):
            row = [i, "2026-01-15", rng.randint(0, 10), rng.randint(1, 5), rng.randint(1, 7)]
            row.append(rng.randint(1, 5))
            row += [rng.randint(1, 5) if rng.random() > 0.15 else "" for _ in ITEMS]
            row += [f"{name}-{rng.randrange(k)}" for name, k in SEGMENTS.items()]
            row.append(f"{rng.choice(COMMENTS)} {i}" if rng.random() < 0.3 else "")
            row += [rng.choice(a) if rng.random() > 0.05 else "" for a in SINGLE.values()]
            row.append(", ".join(rng.sample(TOOLS, rng.randint(0, 4))))
            row += [film if rng.random() < 0.6 else "" for film in FILMS]
            row += ["1" if rng.random() < 0.4 else "" for _ in FOODS]
            writer.writerow(row)


def engagement(with_choices: bool) -> EngagementFile:
    columns: dict = {
        "respondent_id": "id",
        "date": "date",
        "comment": "comment",
        "nps": "nps",
        "csat": "csat",
        "ces": "ces",
        "overall": "overall",
        "items": {item: item for item in ITEMS},
        "segments": {name: name for name in SEGMENTS},
    }
    if with_choices:
        columns["choices"] = {name: name for name in SINGLE}
        columns["multi"] = {
            "tools": {"column": "tools"},
            "films": {"columns": ["Seen*"]},
            "foods": {"columns": ["Q9_*"], "base": "shown"},
        }
    return EngagementFile.model_validate(
        {
            "client": {"name": "Bench"},
            "engagement": {
                "title": "Benchmark",
                "period": {"start": "2026-01-01", "end": "2026-12-31"},
                "report_date": "2026-12-31",
            },
            "measures": {
                "items": {item: item for item in ITEMS},
                "segments": {name: name for name in SEGMENTS},
                **(
                    {"choices": {name: name for name in [*SINGLE, *columns["multi"]]}}
                    if with_choices
                    else {}
                ),
            },
            "waves": [
                {
                    "id": "w1",
                    "name": "w1",
                    "fielded": {"start": "2026-01-01", "end": "2026-01-31"},
                    "scales": {"ces": {"min": 1, "max": 7}},
                    "sources": [{"file": "export.csv", "columns": columns}],
                }
            ],
        }
    )


def once(model: EngagementFile, folder: Path) -> float:
    wave = model.waves[0]
    problems = Problems()
    started = time.perf_counter()
    responses = load_responses(
        wave.sources,
        wave.scales,
        engagement_dir=folder,
        rel_dir="",
        default_language="en",
        locate=lambda index, keys: Location("engagement.yaml"),
        problems=problems,
        cache_dir=folder / "cache",
    )
    analyze_engagement(model, {"w1": responses})
    elapsed = time.perf_counter() - started
    if problems.errors:
        raise SystemExit("\n".join(str(p) for p in problems.errors))
    return elapsed


def main(n: int, repeat: int, only_without: bool = False) -> None:
    folder = Path(tempfile.gettempdir()) / f"rapport-bench-choices-40-{n}"
    folder.mkdir(exist_ok=True)
    export = folder / "export.csv"
    if not export.exists():
        write_export(export, n)
    line = "{:<34} {:>9} {:>9} {:>9}"
    print(line.format(f"{n:,} responses, one wave", "best s", "median s", "ratio"))
    results = {}
    plans = (("without choice questions", False), ("with 5 choice + 3 multi", True))
    plans = plans[:1] if only_without else plans
    for label, with_choices in plans:
        model = engagement(with_choices)
        once(model, folder)  # fills the parse cache
        times = [once(model, folder) for _ in range(repeat)]
        results[label] = (min(times), statistics.median(times))
    base = results["without choice questions"][0]
    for label, (best, median) in results.items():
        print(line.format(label, f"{best:.2f}", f"{median:.2f}", f"{best / base:.2f}×"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument(
        "--without-only",
        action="store_true",
        help="time the mapping without choice questions only (e.g. on an earlier checkout)",
    )
    args = parser.parse_args()
    main(args.size, args.repeat, args.without_only)
