"""Helpers of the render and publish tests: the sample document, rendered as HTML or PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.publish.pdf import PdfMetadata, write_pdf
from generator.render import (
    DocumentSettings,
    builtin_templates,
    create_environment,
    render_template,
)
from generator.render.sample import SAMPLE_TEMPLATE, sample_context

REPORT_DATE = dt.date(2026, 10, 12)


def sample_metadata(language: str = "en") -> PdfMetadata:
    return PdfMetadata(
        title="Satisfaction assessment Q3 2026",
        author="Inga Bērziņa",
        subject="Baltic Home Goods",
        keywords=("satisfaction", "NPS"),
        language=language,
        created=REPORT_DATE,
    )


def render_sample_html(language: str = "en", **changes) -> str:
    env = create_environment(DocumentSettings(language=language))
    context = sample_context(language)
    context.update(changes)
    return render_template(env, SAMPLE_TEMPLATE, context)


def publish(html: str, target: Path, **options):
    builtin = builtin_templates()
    options.setdefault("allowed_roots", {"builtin": builtin})
    options.setdefault("fonts", [builtin / "fonts"])
    options.setdefault("metadata", sample_metadata())
    return write_pdf(html, target, **options)
