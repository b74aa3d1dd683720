"""An engagement can replace one section of the report and keep the rest."""

from __future__ import annotations

import pytest
from report_helpers import outline, page_texts, report_pdf
from workspace_helpers import copy_demo

pytestmark = pytest.mark.slow

OVERRIDE = """\
{% extends "base:report/report.html" %}
{% from "report/macros.html" import section_head %}
{% block findings %}
<section class="report-section" id="findings">
  {{ section_head("findings", report.numbers.findings, "Findings agreed in the October workshop") }}
  <p>Northwind's leadership reviewed every finding with us on 12 October.</p>
</section>
{% endblock %}
"""


@pytest.fixture(scope="module")
def overridden(tmp_path_factory):
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("override"))
    template = root / "engagements" / "northwind-logistics" / "templates" / "report" / "report.html"
    template.parent.mkdir(parents=True)
    template.write_text(OVERRIDE, encoding="utf-8")
    result = build(root, [], BuildOptions(kinds=("report",)))
    (published,) = result.written
    return report_pdf(root, "northwind-logistics"), published


def test_the_replaced_block_shows_the_engagement_s_text(overridden):
    pdf, _ = overridden
    pages = page_texts(pdf)
    (page,) = [page for page in pages if "reviewed every finding with us" in page]
    assert "Findings agreed in the October workshop" in page
    # The next section may start on the same page: read only up to its heading.
    section = page.split("reviewed every finding with us")[1]
    titles = [title for level, title, _ in outline(pdf) if level == 1]
    following = titles[titles.index("Findings agreed in the October workshop") + 1]
    section = section.split(following)[0]
    # The built-in findings are gone from their section: their first title is not printed.
    assert "Weekly demos, the delivery dashboard" not in section


def test_the_other_sections_are_the_built_in_ones(overridden):
    pdf, published = overridden
    top = [title for level, title, _ in outline(pdf) if level == 1]
    assert top[:3] == ["Contents", "Executive summary", "Scores over time"]
    assert "Findings agreed in the October workshop" in top
    assert "Recommendations" in top and "Methodology and sources" in top
    # The recommendations still link to the built-in findings, which are gone: that is all.
    assert all("#finding-" in warning for warning in published.warnings)
