"""Fixtures of the render and publish tests: the sample document and a small page renderer."""

from __future__ import annotations

import pytest
from render_helpers import publish, render_sample_html
from workspace_helpers import logged_warnings


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory):
    """The English sample rendered once: (path, result, WARNING+ log records)."""
    with logged_warnings() as records:
        target = tmp_path_factory.mktemp("sample") / "sample.pdf"
        result = publish(render_sample_html("en"), target)
    return target, result, records


@pytest.fixture
def page(tmp_path):
    """Render a small HTML body in the base layout and return (PdfReader, result)."""
    from pypdf import PdfReader

    def render(body: str, **options):
        html = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<link rel="stylesheet" href="builtin/css/base.css"></head>'
            f"<body>{body}</body></html>"
        )
        target = tmp_path / "page.pdf"
        result = publish(html, target, **options)
        return PdfReader(target), result

    return render
