"""A recommendation's code is never the only name a reader gets: wherever the report's text
cites one in brackets, "(R5)", its short title stands right before it."""

from __future__ import annotations

import re

import pytest
import yaml
from report_helpers import loose, page_texts
from workspace_helpers import DEMO_CLIENTS


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_cited_recommendation_code_follows_its_name(demo_reports, client):
    root, reports, _ = demo_reports
    engagement = yaml.safe_load((root / "engagements" / client / "engagement.yaml").read_text())
    names = {rec["id"]: rec.get("short") or rec["title"] for rec in engagement["recommendations"]}
    text = loose("\n".join(page_texts(reports[client])))
    cited = re.findall(r"(.{0,80})\((R\d+)\)", text)
    unnamed = [
        code
        for before, code in cited
        if not before.rstrip("'").lower().endswith(loose(names.get(code, code)).lower())
    ]
    assert unnamed == []
