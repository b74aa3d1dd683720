"""No text in a report is set below 8 pt: captions, table keys and the interval and size under
each segment score included (read from the PDF's own font sizes, charts too)."""

from __future__ import annotations

import pytest
from report_helpers import logo_texts, small_text
from workspace_helpers import DEMO_CLIENTS

SMALLEST = 8.0


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_text_below_8_pt(demo_reports, client):
    root, reports, _ = demo_reports
    assert small_text(reports[client], SMALLEST, logo_texts(root)) == []
