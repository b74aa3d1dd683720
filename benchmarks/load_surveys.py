"""Time the survey readers on a generated export and print a table with the floors beside them.

    python benchmarks/load_surveys.py              # 100,000 responses × 40 columns
    python benchmarks/load_surveys.py --rows 5000  # a quick run
    python benchmarks/load_surveys.py --openpyxl   # also openpyxl read-only (slow: ~1 min)

The files are generated once (seeded) into a temporary folder and reused by later runs.
Every measurement runs in a fresh child process, so "peak MB" is that process's maximum
resident set size (interpreter included) and no run warms another's memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COLUMNS = 40
ITEMS = 28


def header() -> list[str]:
    items = [f"Q{i}_1" for i in range(1, ITEMS + 1)]
    segments = ["Store", "Channel", "CustomerType", "Language", "Region"]
    return [
        "ResponseId",
        "RecordedDate",
        "Q_NPS",
        "Q_CSAT",
        "Q_CES",
        "Q_OVERALL",
        *items,
        *segments,
        "Comment",
    ]


def generate_rows(count: int):
    rng = random.Random(20260701)
    words = [
        "service",
        "staff",
        "delivery",
        "price",
        "quality",
        "wait",
        "queue",
        "friendly",
        "slow",
        "app",
        "website",
        "checkout",
        "refund",
        "helpful",
        "rude",
        "clean",
    ]
    start = dt.datetime(2026, 7, 1)
    for i in range(count):
        row = [
            f"R_{i:08x}{rng.randrange(16**6):06x}",
            start + dt.timedelta(seconds=rng.randrange(90 * 86400)),
            rng.randrange(11),
            rng.randint(1, 5),
            rng.randint(1, 7),
            rng.randint(1, 5),
        ]
        for _ in range(ITEMS):
            roll = rng.random()
            row.append(None if roll < 0.05 else -1 if roll < 0.08 else rng.randint(1, 5))
        row += [
            f"Store {rng.choice('ABCDEFGHIJ')}",
            rng.choice(["web", "store", "app", "phone"]),
            rng.choice(["new", "returning", "loyal"]),
            rng.choice(["en", "lv", "uk"]),
            rng.choice(["North", "South", "East", "West"]),
        ]
        comment = " ".join(rng.choice(words) for _ in range(rng.randint(3, 25)))
        row.append(None if rng.random() < 0.6 else comment)
        yield row


def make_files(folder: Path, rows: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    xlsx, text = folder / f"survey-{rows}.xlsx", folder / f"survey-{rows}.csv"
    if not xlsx.exists():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Responses")
        sheet.append(header())
        for row in generate_rows(rows):
            sheet.append(row)
        workbook.save(xlsx.with_suffix(".part"))
        xlsx.with_suffix(".part").rename(xlsx)
    if not text.exists():
        with open(text.with_suffix(".part"), "w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(header())
            for row in generate_rows(rows):
                writer.writerow(
                    [
                        ""
                        if v is None
                        else v.strftime("%Y-%m-%d %H:%M:%S")
                        if isinstance(v, dt.datetime)
                        else v
                        for v in row
                    ]
                )
        text.with_suffix(".part").rename(text)
    return xlsx, text


def child(what: str, path: str, cache_dir: str) -> None:
    """Run one measurement in this (fresh) process and print seconds and peak memory."""
    sys.path.insert(0, str(REPO))
    import python_calamine  # noqa: F401  (imported before the clock starts, as in a build)

    import generator.validate.responses  # noqa: F401
    from generator.load.surveys import read_table

    source = Path(path)
    started = time.perf_counter()
    if what == "rapport":
        table = read_table(source, f"engagements/bench/{source.name}", cache_dir=Path(cache_dir))
        count = len(table)
    elif what == "rapport-nocache":
        table = read_table(source, f"data/{source.name}", cache_dir=None)
        count = len(table)
    elif what == "responses":
        count = len(map_responses(source, Path(cache_dir)))
    elif what == "calamine":
        from python_calamine import CalamineWorkbook

        with CalamineWorkbook.from_path(path) as workbook:
            count = len(list(workbook.get_sheet_by_index(0).iter_rows())) - 1
    elif what == "openpyxl":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        count = len(list(workbook.worksheets[0].iter_rows(values_only=True))) - 1
        workbook.close()
    elif what == "csv":
        with open(path, newline="", encoding="utf-8") as stream:
            count = len(list(csv.reader(stream))) - 1
    else:
        raise SystemExit(f"unknown measurement {what}")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": count}))


def map_responses(source: Path, cache_dir: Path):
    """Map all 40 columns of the generated file to Responses, as a build does."""
    from generator.errors import Location, Problems
    from generator.schema.engagement import Scale, Scales, Source
    from generator.validate.responses import load_responses

    names = header()
    columns = {
        "respondent_id": names[0],
        "date": names[1],
        "nps": names[2],
        "csat": names[3],
        "ces": names[4],
        "overall": names[5],
        "items": {f"item{i}": name for i, name in enumerate(names[6 : 6 + ITEMS], start=1)},
        "segments": {name.lower(): name for name in names[6 + ITEMS : -1]},
        "comment": names[-1],
    }
    problems = Problems()
    responses = load_responses(
        [Source.model_validate({"file": source.name, "columns": columns})],
        Scales(items=Scale(min=1, max=5, not_applicable=[-1])),
        engagement_dir=source.parent,
        rel_dir="engagements/bench",
        default_language="en",
        locate=lambda index, keys: Location("engagement.yaml"),
        problems=problems,
        cache_dir=cache_dir,
    )
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    return responses


def measure(what: str, path: Path, cache_dir: Path) -> dict:
    command = [sys.executable, __file__, "--child", what, str(path), str(cache_dir)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--openpyxl", action="store_true", help="also time openpyxl read-only")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = Path(tempfile.gettempdir()) / "rapport-bench-surveys"
    folder.mkdir(exist_ok=True)
    started = time.perf_counter()
    xlsx, text = make_files(folder, args.rows)
    print(f"{args.rows:,} responses × {COLUMNS} columns in {folder} ", end="")
    print(f"(ready in {time.perf_counter() - started:.1f} s)\n")
    rows = []
    mappings = []
    for path, floor in ((xlsx, "calamine"), (text, "csv")):
        with tempfile.TemporaryDirectory() as cache:
            cold = measure("rapport", path, Path(cache))
            cached = measure("rapport", path, Path(cache))
            mapped = measure("responses", path, Path(cache))
        base = measure(floor, path, folder)
        rows.append((path, cold, cached, floor, base))
        mappings.append((path, mapped))
        if path is xlsx and args.openpyxl:
            rows.append((path, None, None, "openpyxl", measure("openpyxl", path, folder)))
    line = "{:<6} {:>8} {:>9} {:>11} {:>8}   {:<22} {:>9} {:>8} {:>14}"
    print(
        line.format(
            "format",
            "size MB",
            "cold s",
            "cached s",
            "peak MB",
            "floor",
            "floor s",
            "peak MB",
            "cold / floor",
        )
    )
    for path, cold, cached, floor, base in rows:
        size = path.stat().st_size / 2**20
        ratio = f"{cold['seconds'] / base['seconds']:.2f}×" if cold else "—"
        print(
            line.format(
                path.suffix[1:] if cold else "",
                f"{size:.1f}" if cold else "",
                f"{cold['seconds']:.2f}" if cold else "",
                f"{cached['seconds']:.3f}" if cached else "",
                f"{cold['peak_mb']:.0f}" if cold else "",
                f"{floor} alone",
                f"{base['seconds']:.2f}",
                f"{base['peak_mb']:.0f}",
                ratio,
            )
        )
        if cold and cold["rows"] != args.rows:
            print(f"  ! read {cold['rows']:,} rows, expected {args.rows:,}")
    print("\ncold: parse and write the cache; cached: hash the file and load the cache entry.")
    for path, mapped in mappings:
        print(
            f"{path.suffix[1:]}: cached load + all {COLUMNS} columns mapped to checked Responses: "
            f"{mapped['seconds']:.2f} s, peak {mapped['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
