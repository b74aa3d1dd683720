"""One numbering of findings: the report numbers this wave's findings 1, 2, 3 in the order it
presents them (as the deck does), and cites only findings it contains, by number and title."""

from __future__ import annotations

import re

import pytest
from report_helpers import loose, page_texts
from workspace_helpers import DEMO_CLIENTS


def contexts(root, client):
    """Return the client's document context, as the build makes it."""
    from generator.pipeline import analyze
    from generator.render.context import document_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, [client])
    return [
        document_context(
            workspace,
            engagement,
            analyze(workspace, engagement, None).to_dict(),
            language=engagement.language,
        )
        for engagement in workspace.engagements
    ]


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_findings_are_numbered_in_order_and_cited_only_when_present(demo_reports, client):
    root, pdfs, _ = demo_reports
    text = " ".join(" ".join(page_texts(pdfs[client])).split())
    assert re.findall(r"\bF\d+\b", text) == [], "a finding is named by its id"

    (context,) = contexts(root, client)
    findings = context["findings"]
    assert [f["number"] for f in findings] == list(range(1, len(findings) + 1))
    for finding in findings:
        assert loose(f"{finding['number']} {finding['title']}") in loose(text)
    presented = {f["id"] for f in findings}
    for recommendation in context["recommendations"]:
        for cited in set(recommendation["findings"]) - presented:
            assert cited not in text
