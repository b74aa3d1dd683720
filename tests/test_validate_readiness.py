"""`validate` finds, at its place, what `build` or `send` would refuse later."""

from __future__ import annotations

from workspace_helpers import ENGAGEMENT_YAML, WORKSPACE_YAML, copy_demo

E = "engagements/acme/engagement.yaml"
FONT = (
    "rapport.yaml:5:14: brand.fonts.heading: 'Helvetica Neue' is not a bundled font "
    "(Source Sans 3); give a .ttf or .otf file in the workspace instead"
)


def test_a_font_name_that_is_not_bundled_is_found_by_validate_and_refused_by_build(
    make_workspace, rapport
):
    settings = WORKSPACE_YAML + "brand:\n  fonts:\n    heading: Helvetica Neue\n"
    root = make_workspace({"rapport.yaml": settings}, engagement=ENGAGEMENT_YAML)
    checked = rapport("validate", workspace=root)
    assert checked.exit_code == 1
    assert FONT in checked.stderr.splitlines() and checked.stderr.endswith("1 error, 2 warnings.\n")
    built = rapport("build", workspace=root)
    assert built.exit_code == 1 and FONT in built.stderr.splitlines()


def test_a_template_override_that_does_not_parse_is_found_by_validate(make_workspace, rapport):
    override = '{% extends "base:report/report.html" %}\n{% block content %}\n{% if %}\n'
    root = make_workspace(
        {"engagements/acme/templates/report/report.html": override}, engagement=ENGAGEMENT_YAML
    )
    checked = rapport("validate", workspace=root)
    assert checked.exit_code == 1
    assert checked.stderr == (
        "engagements/acme/templates/report/report.html:3: template syntax: "
        "Expected an expression, got 'end of statement block'\n1 error.\n"
    )


def test_what_send_would_refuse_is_a_located_warning(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws")
    engagement = root / "engagements/northwind-logistics/engagement.yaml"
    text = engagement.read_text(encoding="utf-8")
    address = "      email: dana.kessler@northwind-logistics.example\n"
    assert address in text
    text = text.replace(address, "")
    engagement.write_text(text, encoding="utf-8")
    dana = text.index("- id: dkessler")
    line = text[: text.index("recipient: true", dana)].count("\n") + 1
    record = root / "engagements/northwind-logistics/deliveries.yaml"
    record.write_text("when: 2026-10-03\n", encoding="utf-8")
    checked = rapport("validate", "northwind-logistics", workspace=root)
    assert checked.exit_code == 0
    assert checked.stderr.splitlines() == [
        "engagements/northwind-logistics/deliveries.yaml: warning: expected a list of "
        "deliveries ('- when: …' entries); fix the file before sending",
        f"engagements/northwind-logistics/engagement.yaml:{line}:18: warning: Dana Kessler "
        "receives the deliverables but has no 'email:'; 'rapport send' refuses to send until then",
        "2 warnings.",
    ]
