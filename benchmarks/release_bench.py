"""Time `rapport release` of many clients, drafts only, with --jobs 1 and --jobs 2.

    .venv/bin/python benchmarks/release_bench.py [--clients 20]

The workspace is made of copies of the three demo clients (each copy its own client folder),
so every document is a real 16–22 page assessment or deck. Each row is one release in a fresh
process, from a cold start (no output, no parse cache) or with everything already built; the
table gives seconds, seconds per client and the speed-up of --jobs 2.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAPPORT = Path(sys.executable).parent / "rapport"
DEMO = ("northwind-logistics", "baltic-home", "kyiv-pharma")


def make_workspace(root: Path, clients: int) -> None:
    shutil.copy2(REPO / "rapport.yaml", root / "rapport.yaml")
    shutil.copytree(REPO / "brand", root / "brand")
    for index in range(clients):
        demo = DEMO[index % len(DEMO)]
        shutil.copytree(REPO / "engagements" / demo, root / "engagements" / f"{demo}-{index:02d}")


def release(root: Path, jobs: int) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [RAPPORT, "--workspace", str(root), "release", "--quiet", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"release failed:\n{done.stderr}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    arguments = parser.parse_args()
    rows = []
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            make_workspace(root, arguments.clients)
            cold = release(root, jobs)
            again = release(root, jobs)  # documents up to date, drafts written again
            rows.append((jobs, cold, again))
    n = arguments.clients
    print(f"release of {n} clients ({2 * n} PDFs), drafts only")
    print(f"{'jobs':>4}  {'cold s':>8}  {'s/client':>8}  {'up to date s':>12}  {'speed-up':>8}")
    base = rows[0][1]
    for jobs, cold, again in rows:
        print(f"{jobs:>4}  {cold:8.1f}  {cold / n:8.2f}  {again:12.1f}  {base / cold:7.2f}×")


if __name__ == "__main__":
    main()
