"""Fixtures of the report tests: the three demo reports, built once per session."""

from __future__ import annotations

import pytest
from report_helpers import report_pdf
from workspace_helpers import DEMO_CLIENTS, build_with_warnings, copy_demo


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory):
    """Build the demo clients' reports once: (workspace root, {client: pdf}, warnings)."""
    from generator.build import BuildOptions

    root = copy_demo(tmp_path_factory.mktemp("demo"), DEMO_CLIENTS)
    _, warnings = build_with_warnings(root, BuildOptions(kinds=("report",)))
    return root, {client: report_pdf(root, client) for client in DEMO_CLIENTS}, warnings


@pytest.fixture(scope="session", params=("en", "uk", "lv"))
def stress_report(request, tmp_path_factory):
    """Build the stress engagement's report in each language: (workspace root, pdf)."""
    from stress_helpers import STRESS, add_stress_client

    from generator.build import BuildOptions

    root = copy_demo(tmp_path_factory.mktemp(f"stress-{request.param}"), ())
    add_stress_client(root, request.param)
    build_with_warnings(root, BuildOptions(kinds=("report",)))
    return root, report_pdf(root, STRESS)
