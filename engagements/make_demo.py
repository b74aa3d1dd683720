"""Regenerate the demo clients' folders: survey exports, YAML, narrative and logos.

Run from anywhere: ``python engagements/make_demo.py`` rewrites the folders beside this script;
``--out DIR`` writes them into DIR instead. The output is the same bytes on every run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _demo import baltic_home, kyiv_pharma, northwind  # noqa: E402

CLIENTS = (northwind, baltic_home, kyiv_pharma)


def generate(out: Path) -> list[Path]:
    """Write every demo client's folder under ``out``; return the files written."""
    written: list[Path] = []
    for client in CLIENTS:
        written += client.build(out)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write the clients into")
    args = parser.parse_args(argv)
    written = generate(args.out)
    size = sum(path.stat().st_size for path in written)
    print(f"wrote {len(written)} files, {size / 1e6:.2f} MB, under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
