"""Override templates: a syntax error is found by validate, a runtime error is located."""

from __future__ import annotations

import pytest
from workspace_helpers import ENGAGEMENT_YAML, copy_demo

OVERRIDE = "engagements/acme/templates/report/report.html"


def test_validate_finds_a_syntax_error_in_an_override(make_workspace, rapport):
    broken = '{% extends "base:report/report.html" %}\n{% block voice %}\n<p>{{ _("x") }</p>\n'
    root = make_workspace({OVERRIDE: broken}, engagement=ENGAGEMENT_YAML)
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"{OVERRIDE}:3: template syntax: ")


def test_a_clean_override_passes_validate(make_workspace, rapport):
    fine = '{% extends "base:report/report.html" %}\n{% block voice %}<p>ok</p>{% endblock %}\n'
    root = make_workspace({OVERRIDE: fine}, engagement=ENGAGEMENT_YAML)
    assert rapport("validate", workspace=root).exit_code == 0


@pytest.mark.slow
def test_a_runtime_error_in_an_override_names_its_line_and_writes_nothing(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws")
    override = root / "engagements/northwind-logistics/templates/report/report.html"
    override.parent.mkdir(parents=True)
    override.write_text(
        '{% extends "base:report/report.html" %}\n{% block voice %}\n'
        "<p>{{ 1 / 0 }}</p>\n{% endblock %}\n",
        encoding="utf-8",
    )
    result = rapport("build", "--only", "report", workspace=root)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (
        "engagements/northwind-logistics/templates/report/report.html:3: "
        "ZeroDivisionError: division by zero"
    ) in result.stderr
    assert not list((root / "output").rglob("*.pdf"))
