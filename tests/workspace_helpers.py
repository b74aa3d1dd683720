"""Paths and minimal YAML shared by the tests (a module of its own so its name is unique)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"

WORKSPACE_YAML = """\
consultant:
  name: Test Consultant
"""

ENGAGEMENT_YAML = """\
client:
  name: Acme Retail
  contacts:
    - id: jdoe
      name: Jane Doe
      executive: true
engagement:
  title: Customer satisfaction assessment
  period: {start: 2026-07-01, end: 2026-09-30}
  report_date: 2026-10-15
"""
