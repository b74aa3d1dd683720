"""`rapport status` and `rapport agenda` across many clients, with a warm parse cache.

Makes a workspace of N clients (copies of the three demo clients, so with their real survey
exports and logs), runs each command once to fill the cache, then times whole processes.
Prints a table: clients, command, best and median seconds, peak memory of the process.
Run: .venv/bin/python benchmarks/status_bench.py [--clients 10 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = ("northwind-logistics", "baltic-home", "kyiv-pharma")
RUN = "import sys; from cli import main; sys.argv = ['rapport', *sys.argv[1:]]; main()"


def workspace(target: Path, clients: int) -> Path:
    shutil.copy2(REPO / "rapport.yaml", target / "rapport.yaml")
    shutil.copytree(REPO / "brand", target / "brand")
    for index in range(clients):
        demo = DEMO[index % len(DEMO)]
        shutil.copytree(REPO / "engagements" / demo, target / "engagements" / f"{demo}-{index}")
    return target


def run(root: Path, arguments: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one whole `rapport` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", RUN, "--workspace", str(root), *arguments],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    commands = {
        "status": ["status", "--today", "2026-10-20"],
        "agenda": ["agenda", "--today", "2026-10-20", "--days", "30"],
    }
    print(f"{'clients':>7}  {'command':<8} {'best s':>7} {'median s':>9} {'peak MB':>8}")
    for count in options.clients:
        with tempfile.TemporaryDirectory() as folder:
            root = workspace(Path(folder), count)
            for arguments in commands.values():
                run(root, arguments)  # fills the parse cache
            for name, arguments in commands.items():
                results = [run(root, arguments) for _ in range(options.runs)]
                seconds = [s for s, _ in results]
                peak = max(m for _, m in results)
                print(
                    f"{count:>7}  {name:<8} {min(seconds):>7.2f} "
                    f"{statistics.median(seconds):>9.2f} {peak:>8.0f}"
                )


if __name__ == "__main__":
    main()
