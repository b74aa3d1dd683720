"""Fixtures of the report tests: the three demo reports, built once per session."""

from __future__ import annotations

import logging

import pytest
from report_helpers import DEMO_CLIENTS, copy_workspace, report_pdf


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory):
    """Build the demo clients' reports once: (workspace root, {client: pdf}, warnings)."""
    from generator.build import BuildOptions, build

    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.WARNING)
    logging.getLogger().addHandler(handler)
    try:
        root = copy_workspace(tmp_path_factory.mktemp("demo"))
        result = build(root, [], BuildOptions(kinds=("report",)))
    finally:
        logging.getLogger().removeHandler(handler)
    warnings = [w for published in result.written for w in published.warnings]
    warnings += [record.getMessage() for record in records]
    return root, {client: report_pdf(root, client) for client in DEMO_CLIENTS}, warnings
