"""Time from saving a finding's narrative to the refreshed preview, for the demo clients.

    .venv/bin/python benchmarks/preview_bench.py [--repeat 3] [--clients kyiv-pharma ...]

For each demo client's assessment and deck, a preview runs on a copy of the workspace; a word
is added to a finding's Markdown, and the clock stops when the preview has told the browser
(server-sent events) and the changed pages' pictures have been fetched, as a browser would.
Beside it: WeasyPrint alone laying out the same HTML, in the same process, the floor any
refresh pays. Medians of ``--repeat`` edits.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from workspace_helpers import DEMO_CLIENTS, copy_demo  # noqa: E402

from generator.preview import PreviewOptions, start_preview  # noqa: E402

GOAL_SECONDS = 1.5


class Events:
    """The preview's event stream, read as a browser's EventSource reads it."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
        self.connection.request("GET", "/events")
        self.stream = self.connection.getresponse()
        self.url = url

    def next_drawn(self, after: int) -> dict:
        while True:
            line = self.stream.fp.readline().decode()
            if line.startswith("data: "):
                state = json.loads(line[6:])
                if state["version"] > after and not state["rendering"]:
                    return state

    def fetch(self, src: str) -> None:
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        connection.request("GET", src)
        connection.getresponse().read()
        connection.close()


def finding_narrative(root: Path, client: str) -> Path:
    """A finding of the reported wave (a narrative file naming no earlier wave)."""
    for path in sorted((root / "engagements" / client / "narrative").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head = text.split("---", 2)[1]
        if "kind: finding" in head and "wave:" not in head:
            return path
    raise SystemExit(f"{client}: no finding narrative of the reported wave")


def weasyprint_alone(root: Path, client: str, kind: str, repeat: int) -> float:
    """WeasyPrint laying out the document's final HTML, everything before it done already."""
    from generator.pipeline import (
        document_roots,
        document_settings,
        engagement_context,
        font_folders,
    )
    from generator.publish.pdf import render_pdf
    from generator.render.documents import document_metadata, render_document
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client], building=True)
    (engagement,) = workspace.engagements
    context = engagement_context(workspace, engagement)
    settings = document_settings(workspace, engagement, context["language"])
    html = render_document(kind, settings, context)
    metadata = document_metadata(context, kind)
    roots, fonts = document_roots(workspace, engagement), font_folders()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render_pdf(html, metadata=metadata, allowed_roots=roots, fonts=fonts)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(client: str, kind: str, repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = copy_demo(Path(folder) / "ws", (client,))
        narrative = finding_narrative(root, client)
        with start_preview(root, client, PreviewOptions(kind=kind, port=0)) as running:
            events = Events(running.url)
            state = events.next_drawn(0)
            times, redrawn = [], []
            for edit in range(repeat):
                text = narrative.read_text(encoding="utf-8").rstrip("\n")
                start = time.perf_counter()
                narrative.write_text(f"{text} Edit{edit}.\n", encoding="utf-8")
                state = events.next_drawn(state["version"])
                for number in state["changed"]:
                    events.fetch(state["pages"][number - 1]["src"])
                times.append(time.perf_counter() - start)
                redrawn.append(len(state["changed"]))
            events.connection.close()
        floor = weasyprint_alone(root, client, kind, repeat)
    return {
        "client": client,
        "document": kind,
        "pages": len(state["pages"]),
        "redrawn": statistics.median(redrawn),
        "refresh": statistics.median(times),
        "weasyprint": floor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clients", nargs="*", default=list(DEMO_CLIENTS))
    args = parser.parse_args()
    print(f"save → refreshed page, median of {args.repeat} edits (goal: {GOAL_SECONDS} s)")
    header = f"{'client':<22}{'document':<10}{'pages':>6}{'redrawn':>9}"
    print(f"{header}{'refresh s':>11}{'WeasyPrint s':>14}{'ratio':>7}")
    for client in args.clients:
        for kind in ("report", "deck"):
            row = measure(client, kind, args.repeat)
            ratio = row["refresh"] / row["weasyprint"]
            print(
                f"{row['client']:<22}{row['document']:<10}{row['pages']:>6}{row['redrawn']:>9.0f}"
                f"{row['refresh']:>11.2f}{row['weasyprint']:>14.2f}{ratio:>7.2f}"
            )


if __name__ == "__main__":
    main()
