"""How long `rapport --help` takes against importing click alone (the floor).

Prints a table: command, best and median seconds over N runs, ratio to the floor.
Run: .venv/bin/python benchmarks/cli_startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMANDS = {
    "python -c 'import click' (floor)": [sys.executable, "-c", "import click"],
    "rapport --help": [
        sys.executable,
        "-c",
        "import sys; from cli import main; sys.argv=['rapport','--help']; main()",
    ],
    "rapport validate (demo)": [
        sys.executable,
        "-c",
        "import sys; from cli import main; sys.argv=['rapport','validate']; main()",
    ],
}


def timings(command: list[str], runs: int) -> list[float]:
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result.append(time.perf_counter() - start)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    floor = None
    print(f"{'command':<36} {'best s':>8} {'median s':>9} {'× floor':>8}")
    for name, command in COMMANDS.items():
        values = timings(command, runs)
        best = min(values)
        floor = floor or best
        print(f"{name:<36} {best:>8.3f} {statistics.median(values):>9.3f} {best / floor:>8.2f}")


if __name__ == "__main__":
    main()
