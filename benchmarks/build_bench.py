"""Time `rapport build` on the demo workspace against WeasyPrint alone, and print a table.

    .venv/bin/python benchmarks/build_bench.py [--repeat 3]

For each demo document: the whole build of that one document (validate from the parse cache,
analyse, render the HTML, publish the PDF) against WeasyPrint alone writing the same final
HTML; then a build with nothing changed against a full build, and all documents with
``--jobs 1`` against ``--jobs 2``. Each measurement runs in a forked child (WeasyPrint already
imported, so its import time is in no row) and reports that child's peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import BuildOptions, build  # noqa: E402
from generator.publish.pdf import _private_font_configuration  # noqa: E402
from generator.render.environment import builtin_templates  # noqa: E402

CLIENTS = ("northwind-logistics", "baltic-home", "kyiv-pharma")


def in_child(function, *args):
    """Run ``function(*args)`` in a forked child; return (its result, seconds, peak MB)."""
    context = get_context("fork")
    parent_end, child_end = context.Pipe(duplex=False)

    def run():
        start = time.perf_counter()
        result = function(*args)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_end.send((result, seconds, peak_mb))

    process = context.Process(target=run)
    process.start()
    outcome = parent_end.recv()
    process.join()
    return outcome


def median_run(repeat: int, function, *args):
    runs = [in_child(function, *args) for _ in range(repeat)]
    seconds = statistics.median(r[1] for r in runs)
    return runs[0][0], seconds, max(r[2] for r in runs)


def build_one(root: Path, client: str, kind: str, force: bool = True) -> int:
    result = build(root, [client], BuildOptions(kinds=(kind,), force=force))
    return sum(p.pages for p in result.written)


def final_html(root: Path, client: str, kind: str) -> str:
    from generator.pipeline import document_settings, engagement_context
    from generator.render.documents import render_document
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client])
    (engagement,) = workspace.engagements
    context = engagement_context(workspace, engagement)
    settings = document_settings(workspace, engagement, context["language"])
    return render_document(kind, settings, context)


def weasyprint_alone(root: Path, client: str, html: str) -> int:
    """WeasyPrint with its own fetcher on a folder laid out like our virtual URLs."""
    import weasyprint

    site = root / ".bench-site"
    if not site.exists():
        site.mkdir()
        (site / "builtin").symlink_to(builtin_templates(), target_is_directory=True)
        (site / "workspace").symlink_to(root, target_is_directory=True)
    engagement_link = site / "engagement"
    engagement_link.unlink(missing_ok=True)
    engagement_link.symlink_to(root / "engagements" / client, target_is_directory=True)
    html = html.replace("https://rapport.invalid/", site.as_uri() + "/")
    fonts = _private_font_configuration([builtin_templates() / "fonts"])
    document = weasyprint.HTML(string=html, base_url=site.as_uri() + "/").render(font_config=fonts)
    document.write_pdf(site / "alone.pdf")
    return len(document.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    import weasyprint  # noqa: F401  (imported once here, so no row pays for it)

    folder = Path(tempfile.mkdtemp(prefix="rapport-build-bench-"))
    root = folder / "ws"
    root.mkdir()
    shutil.copy2(REPO / "rapport.yaml", root)
    shutil.copytree(REPO / "brand", root / "brand")
    for client in CLIENTS:
        shutil.copytree(REPO / "engagements" / client, root / "engagements" / client)
    build(root, [], BuildOptions())  # fills the parse cache, as any second build finds it

    print(f"{'document':<34} {'pages':>5} {'build':>8} {'alone':>8} {'ratio':>6} {'peak MB':>8}")
    for client in CLIENTS:
        for kind in ("report", "deck"):
            pages, seconds, peak = median_run(repeat, build_one, root, client, kind)
            html = final_html(root, client, kind)
            _, alone, _ = median_run(repeat, weasyprint_alone, root, client, html)
            label = f"{client} {kind}"
            print(
                f"{label:<34} {pages:>5} {seconds:>7.2f}s {alone:>7.2f}s "
                f"{seconds / alone:>5.2f}x {peak:>8.0f}"
            )

    # The same deck as an editable PowerPoint file, next to the PDF deck's whole build.
    print()
    heads = f"{'slides':>6} {'pptx':>8} {'PDF deck':>8} {'ratio':>6} {'peak MB':>8}"
    print(f"{'PowerPoint deck':<34} {heads}")
    for client in CLIENTS:
        slides, seconds, peak = median_run(repeat, build_one, root, client, "pptx")
        _, pdf, _ = median_run(repeat, build_one, root, client, "deck")
        print(
            f"{client:<34} {slides:>6} {seconds:>7.2f}s {pdf:>7.2f}s "
            f"{seconds / pdf:>5.2f}x {peak:>8.0f}"
        )

    _, full, _ = median_run(repeat, build, root, [], BuildOptions(force=True))
    _, unchanged, peak = median_run(repeat, build, root, [], BuildOptions())
    _, parallel, parallel_peak = median_run(
        repeat, build, root, [], BuildOptions(force=True, jobs=2)
    )
    print()
    print(f"{'every demo document':<34} {'seconds':>8} {'vs full':>8} {'peak MB':>8}")
    for label, seconds, memory in (
        ("full build, --jobs 1", full, None),
        ("full build, --jobs 2", parallel, parallel_peak),
        ("nothing changed (skipped)", unchanged, peak),
    ):
        shown = f"{memory:>8.0f}" if memory is not None else ""
        print(f"{label:<34} {seconds:>7.3f}s {seconds / full:>7.3f}x {shown}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
