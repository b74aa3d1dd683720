"""What a user waits for: whole `rapport` processes against whole `weasyprint` processes.

    .venv/bin/python benchmarks/process_bench.py [--runs 5] [--quick] [--rows 1000000]

Each row times two commands side by side, alternating them run after run so that a machine
shared with others slows both alike, and prints the median of each, the ratio of the medians,
the spread of the per-pair ratios (lowest–highest) and the peak resident memory of the slower
process tree (``os.wait4``: the largest single process, workers included). Rows:

- one report / one deck, ``rapport build C --only … --force`` against ``weasyprint`` on the
  same final HTML (the same fonts through the same fontconfig file);
- the demo deck against marp-cli on a 15-slide bullet deck (only where ``marp`` is installed);
- the whole demo with ``--jobs 2`` against ``--jobs 1`` (a speed-up: higher is better);
- a build with nothing changed against a full build;
- one wave of ``--rows`` responses, a segment of 1,000 groups and 22 segment columns, each
  against a full build of the demo (skipped with ``--quick``).

Every workspace is a copy of the demo in a temporary folder; each is built once before it is
timed, so the parse cache is warm as on a consultant's second build of the day.
"""

from __future__ import annotations

import argparse
import copy
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RAPPORT = str(BIN / "rapport")
WEASYPRINT = str(BIN / "weasyprint")
CLIENTS = ("northwind-logistics", "baltic-home", "kyiv-pharma")
CLIENT = "northwind-logistics"
Q3 = "data/Northwind relationship pulse Q3 2026_September 21, 2026_16.22.csv"
MARP_DECK = "\n\n---\n\n".join(
    ["---\nmarp: true\npaginate: true\n---\n\n# Relationship health, Q3 2026"]
    + [
        f"## Finding {n}: visibility of work rose after weekly demos\n\n"
        + "\n".join(
            f"- Point {n}.{k}: a sentence of evidence with its number, n = 65" for k in range(5)
        )
        for n in range(1, 15)
    ]
)


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    output: str


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """One whole process: wall seconds, CPU seconds and peak RSS of its process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
        cwd=REPO,
    )
    output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{output}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def side_by_side(runs: int, ours: list[str], floor: list[str], env=None) -> tuple[list, list]:
    """Alternate the two commands ``runs`` times (the first pair warms the disk cache)."""
    run(ours, env), run(floor, env)
    pairs = [(run(ours, env), run(floor, env)) for _ in range(runs)]
    return [a for a, _ in pairs], [b for _, b in pairs]


def row(label: str, ours: list[Run], floor: list[Run], goal: str, speedup=False) -> None:
    ours_s = statistics.median(r.seconds for r in ours)
    floor_s = statistics.median(r.seconds for r in floor)
    ratios = [
        (b.seconds / a.seconds if speedup else a.seconds / b.seconds)
        for a, b in zip(ours, floor, strict=True)
    ]
    ratio = floor_s / ours_s if speedup else ours_s / floor_s
    cpu = statistics.median(r.cpu for r in ours) / statistics.median(r.cpu for r in floor)
    peak = max(r.peak_mb for r in ours)
    print(
        f"{label:<44} {ours_s:>7.2f}s {floor_s:>7.2f}s {ratio:>6.2f}x "
        f"{min(ratios):>5.2f}–{max(ratios):<5.2f} {cpu:>6.2f}x {peak:>7.0f}  {goal}"
    )


def header(title: str) -> None:
    print(f"\n{title}")
    print(
        f"{'work':<44} {'ours':>8} {'against':>8} {'ratio':>7} {'spread':>11} "
        f"{'cpu':>7} {'peak MB':>7}  goal"
    )


# ---------- Workspaces ----------


def demo_workspace(folder: Path, clients=CLIENTS, commit: bool = True) -> Path:
    """A copy of the demo clients; committed to git as a consultant keeps it."""
    root = folder / "ws"
    root.mkdir(parents=True)
    shutil.copy2(REPO / "rapport.yaml", root)
    shutil.copytree(REPO / "brand", root / "brand")
    for client in clients:
        shutil.copytree(REPO / "engagements" / client, root / "engagements" / client)
    if commit:
        git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
        subprocess.run([*git, "init", "-q"], cwd=root, check=True)
        subprocess.run([*git, "add", "."], cwd=root, check=True)
        subprocess.run([*git, "commit", "-q", "-m", "demo"], cwd=root, check=True)
    return root


def rapport(root: Path, *arguments: str) -> list[str]:
    return [RAPPORT, "--workspace", str(root), "build", *arguments]


def final_html(root: Path, client: str, kind: str, site: Path) -> Path:
    """Write the HTML rapport hands WeasyPrint, its virtual URLs pointing into ``site``."""
    script = (
        "import sys; from pathlib import Path\n"
        "from generator.pipeline import document_settings, engagement_context\n"
        "from generator.render.documents import render_document\n"
        "from generator.validate import validate_workspace\n"
        "from generator.build_inputs import input_digests, recorded_commit\n"
        "root = Path(sys.argv[1])\n"
        "commit = recorded_commit(input_digests(root, sys.argv[2]))\n"
        "w = validate_workspace(root, [sys.argv[2]])\n"
        "(e,) = w.engagements\n"
        "c = engagement_context(w, e, source_commit=commit)\n"
        "s = document_settings(w, e, c['language'])\n"
        "sys.stdout.write(render_document(sys.argv[3], s, c))\n"
    )
    html = subprocess.run(
        [sys.executable, "-c", script, str(root), client, kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    site.mkdir(exist_ok=True)
    builtin = REPO / "templates"
    for name, target in (
        ("builtin", builtin),
        ("workspace", root),
        ("engagement", root / "engagements" / client),
    ):
        link = site / name
        link.unlink(missing_ok=True)
        link.symlink_to(target, target_is_directory=True)
    path = site / f"{client}-{kind}.html"
    path.write_text(html.replace("https://rapport.invalid/", site.as_uri() + "/"), "utf-8")
    return path


def fontconfig_env() -> dict[str, str]:
    """The private fontconfig file rapport renders with, so both sides see the same fonts."""
    sys.path.insert(0, str(REPO))
    from generator.publish.fonts import private_fontconfig_file

    return {"FONTCONFIG_FILE": str(private_fontconfig_file([REPO / "templates" / "fonts"]))}


def pages(output: str, word: str) -> int:
    found = re.search(rf"-{word}-[^ ]+ \((\d+) pages?", output)
    return int(found.group(1)) if found else 0


def scaled_client(root: Path, rows: int, groups: int = 0, extra_segments: int = 0) -> str:
    """Northwind's Q3 wave grown to ``rows`` answers; with ``groups`` its Department holds that
    many groups; with ``extra_segments`` that many more segment columns (3–6 groups each)."""
    folder = root / "engagements" / CLIENT
    source = folder / Q3
    with source.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    head, body = records[:3], [r for r in records[3:] if r[2] == "0" and r[6] == "1"]
    names = head[0]
    rid, department = names.index("ResponseId"), names.index("Department")
    extra = [f"Field{n}" for n in range(1, extra_segments + 1)]
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names + extra)
        writer.writerow(head[1] + extra)
        writer.writerow(head[2] + [f'{{"ImportId":"{name}"}}' for name in extra])
        for index in range(rows):
            record = list(body[index % len(body)])
            record[rid] = f"R_{index:015d}"
            if groups:
                record[department] = f"Store {index % groups + 1:04d}"
            record += [f"v{(index // (n + 1)) % (3 + n % 4)}" for n in range(extra_segments)]
            writer.writerow(record)
    spec_path = folder / "engagement.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    for name in extra:
        spec["measures"]["segments"][name.lower()] = f"Embedded field {name[5:]}"
    wave = copy.deepcopy(spec["waves"][-1])
    wave["sources"][0]["columns"]["segments"].update({n.lower(): n for n in extra})
    spec["waves"][-1] = wave
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), "utf-8")
    return CLIENT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="pairs of runs per row")
    parser.add_argument("--quick", action="store_true", help="leave out the rows of scale")
    parser.add_argument("--rows", type=int, default=1_000_000, help="responses of the big wave")
    options = parser.parse_args()
    runs = options.runs
    folder = Path(tempfile.mkdtemp(prefix="rapport-process-bench-"))
    try:
        root = demo_workspace(folder / "demo")
        run(rapport(root))  # fills the parse cache
        env = fontconfig_env()
        load = os.getloadavg()[0]
        print(f"{os.cpu_count()} cores, load average {load:.1f}; {runs} alternating pairs per row")

        header("one document: rapport build against weasyprint on the same HTML")
        site = folder / "site"
        for kind, goal in (("report", "≤ 1.15x"), ("deck", "≤ 1.20x")):
            html = final_html(root, CLIENT, kind, site)
            ours, floor = side_by_side(
                runs,
                rapport(root, CLIENT, "--only", kind, "--force"),
                [WEASYPRINT, str(html), str(site / f"{kind}.pdf")],
                env,
            )
            row(f"{CLIENT} {kind}", ours, floor, goal)
        if shutil.which("marp"):
            deck = site / "marp.md"
            deck.write_text(MARP_DECK, encoding="utf-8")
            ours, floor = side_by_side(
                runs,
                rapport(root, CLIENT, "--only", "deck", "--force"),
                ["marp", "--pdf", "--allow-local-files", str(deck), "-o", str(site / "m.pdf")],
            )
            row("demo deck against marp-cli, 15 slides", ours, floor, "≤ 0.75x")
        else:
            print("demo deck against marp-cli: skipped, marp is not installed")

        header("the whole demo (3 clients, 9 documents)")
        jobs2, jobs1 = side_by_side(
            runs, rapport(root, "--force", "--jobs", "2"), rapport(root, "--force")
        )
        row("--jobs 2 against --jobs 1 (speed-up)", jobs2, jobs1, "≥ 1.80x", speedup=True)
        unchanged, full = side_by_side(runs, rapport(root), rapport(root, "--force"))
        row("nothing changed against a full build", unchanged, full, "≤ 0.01x")
        if options.quick:
            return

        header("at scale, each against a full build of the demo (--jobs 1)")
        for label, shape, goal in (
            (f"one wave of {options.rows:,} responses", (options.rows, 0, 0), "≤ 600 MB"),
            ("a segment of 1,000 groups (20,000 answers)", (20_000, 1_000, 0), "≤ 2x, 300 MB"),
            ("22 segment columns (2,000 answers)", (2_000, 0, 20), "≤ 1.5x"),
        ):
            big = demo_workspace(folder / label.split()[2], clients=(CLIENT,), commit=False)
            scaled_client(big, *shape)
            run(rapport(big))  # the first build parses the export into the cache
            ours, floor = side_by_side(
                max(1, runs // 2), rapport(big, "--force"), rapport(root, "--force")
            )
            row(label, ours, floor, goal)
            print(f"{'':<44} report: {pages(ours[-1].output, 'assessment')} pages")
            shutil.rmtree(big.parent)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
