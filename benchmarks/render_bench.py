"""Time the render and publish machinery on the sample document and print a table.

    .venv/bin/python benchmarks/render_bench.py [--repeat 3]

Rows: compiling a gettext catalog in memory against loading a precompiled .mo; building the
Jinja environment and rendering the sample HTML; WeasyPrint alone on that HTML (its default
fetcher, file:// base URL, system fonts) against ``write_pdf`` in this process and in a
forked child with resource limits. Medians of ``--repeat`` runs; ratios against WeasyPrint.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from babel.messages.mofile import write_mo  # noqa: E402
from babel.support import Translations  # noqa: E402

from generator.publish.pdf import PdfMetadata, write_pdf  # noqa: E402
from generator.render import (  # noqa: E402
    DocumentSettings,
    builtin_templates,
    create_environment,
    render_template,
)
from generator.render.i18n import read_catalog  # noqa: E402
from generator.render.sample import SAMPLE_TEMPLATE, sample_context  # noqa: E402


def median_seconds(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    repeat = parser.parse_args().repeat
    builtin = builtin_templates()
    locale_dir = builtin / "locale"

    def compile_in_memory():
        buffer = io.BytesIO()
        write_mo(buffer, read_catalog(locale_dir, "uk"))
        buffer.seek(0)
        return Translations(buffer, domain="rapport")

    compiled = io.BytesIO()
    write_mo(compiled, read_catalog(locale_dir, "uk"))
    mo_bytes = compiled.getvalue()

    def load_mo():
        return Translations(io.BytesIO(mo_bytes), domain="rapport")

    def render_html():
        env = create_environment(DocumentSettings(language="lv"))
        return render_template(env, SAMPLE_TEMPLATE, sample_context("lv"))

    html = render_html()
    import weasyprint  # imported here so its import time is not part of any row

    metadata = PdfMetadata(
        title="Sample", author="Bench", created=__import__("datetime").date(2026, 1, 1)
    )
    folder = Path(tempfile.mkdtemp(prefix="rapport-bench-"))
    # A folder where "builtin/" is the templates, so the same relative URLs resolve.
    (folder / "builtin").symlink_to(builtin, target_is_directory=True)
    file_base = folder.as_uri() + "/"

    from generator.publish.pdf import _private_font_configuration

    def weasyprint_alone(document: str):
        # Same fonts as ours (else the fallback font changes the work), default fetcher.
        font_config = _private_font_configuration([builtin / "fonts"])
        weasyprint.HTML(string=document, base_url=file_base).write_pdf(
            folder / "alone.pdf", font_config=font_config
        )

    def ours(isolate: bool, document: str):
        return lambda: write_pdf(
            document,
            folder / f"ours-{isolate}.pdf",
            metadata=metadata,
            allowed_roots={"builtin": builtin},
            fonts=[builtin / "fonts"],
            isolate=isolate,
        )

    rows = [
        ("uk catalog: read_po + write_mo in memory", median_seconds(compile_in_memory, 20)),
        ("uk catalog: load a precompiled .mo", median_seconds(load_mo, 20)),
        ("environment + sample HTML (lv)", median_seconds(render_html, repeat)),
    ]
    # The sample's body six times over: about the length of a real report.
    head, _, rest = html.partition("<body")
    body = rest.split(">", 1)[1].split("</body>")[0]
    long_html = head + "<body>" + body * 6 + "</body></html>"
    print(f"{'work':<44} {'median':>10} {'vs WeasyPrint':>14}")
    for name, seconds in rows:
        print(f"{name:<44} {seconds * 1000:>8.1f} ms")
    for label, document in (("sample", html), ("sample x 6", long_html)):
        alone = median_seconds(lambda d=document: weasyprint_alone(d), repeat)
        for name, seconds in (
            (f"WeasyPrint alone, {label}", alone),
            (f"write_pdf in process, {label}", median_seconds(ours(False, document), repeat)),
            (f"write_pdf forked + limits, {label}", median_seconds(ours(True, document), repeat)),
        ):
            print(f"{name:<44} {seconds * 1000:>8.1f} ms {seconds / alone:>13.2f}x")


if __name__ == "__main__":
    main()
