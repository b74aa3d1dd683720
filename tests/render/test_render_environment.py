"""The Jinja environment: override chain, located errors, escaping, no heavy imports."""

from __future__ import annotations

import pytest
from interpreter_helpers import fresh_python_output
from workspace_helpers import REPO

from generator.render import (
    DocumentSettings,
    TemplateError,
    TemplateNotFoundError,
    builtin_templates,
    create_environment,
    render_template,
)


@pytest.fixture
def workspace(tmp_path):
    engagement = tmp_path / "engagements" / "acme"
    (engagement / "templates").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    return tmp_path, engagement


def environment(workspace):
    root, engagement = workspace
    return create_environment(
        DocumentSettings(language="en", workspace_dir=root, engagement_dir=engagement)
    )


def with_workspace_template(workspace, name: str, source: str):
    """Write ``source`` as the workspace's template ``name``; return an environment that sees it."""
    root, _ = workspace
    (root / "templates" / name).write_text(source)
    return environment(workspace)


def test_builtin_templates_are_the_checkout_folder():
    assert builtin_templates() == REPO / "templates"


def test_a_client_override_extends_the_builtin_layout_and_replaces_one_block(workspace):
    _, engagement = workspace
    (engagement / "templates" / "layout.html").write_text(
        '{% extends "base:layout.html" %}{% block body_class %}acme-theme{% endblock %}'
    )
    env = environment(workspace)
    html = render_template(
        env,
        "layout.html",
        {"document_title": "T", "running_client": "Acme", "confidentiality": "C"},
    )
    assert '<body class="acme-theme">' in html
    assert 'href="builtin/css/base.css"' in html  # the rest of the builtin layout is kept
    assert "--brand-primary: #1f3a5f;" in html


def test_the_engagement_wins_over_the_workspace_which_wins_over_the_builtin(workspace):
    _, engagement = workspace
    env = with_workspace_template(workspace, "note.html", "workspace")
    assert render_template(env, "note.html", {}) == "workspace"
    (engagement / "templates" / "note.html").write_text("engagement")
    env = environment(workspace)
    assert render_template(env, "note.html", {}) == "engagement"


def test_a_missing_template_lists_the_folders_searched(workspace):
    root, engagement = workspace
    env = environment(workspace)
    with pytest.raises(TemplateNotFoundError) as error:
        render_template(env, "report/cover.html", {})
    message = str(error.value)
    assert "'report/cover.html' not found" in message
    for folder in (engagement / "templates", root / "templates", builtin_templates()):
        assert str(folder) in message


def test_an_undefined_variable_names_the_template_and_line(workspace):
    env = with_workspace_template(workspace, "x.html", "<p>ok</p>\n<p>{{ client.name }}</p>\n")
    with pytest.raises(TemplateError) as error:
        render_template(env, "x.html", {"client": {}})
    assert str(error.value).startswith("templates/x.html:2: ")
    assert "name" in str(error.value)


def test_a_syntax_error_names_the_template_and_line(workspace):
    env = with_workspace_template(workspace, "y.html", "<p>\n{% if %}\n</p>\n")
    with pytest.raises(TemplateError, match=r"^templates/y.html:2: "):
        render_template(env, "y.html", {})


def test_an_include_of_a_missing_partial_says_where_it_was_included(workspace):
    env = with_workspace_template(workspace, "z.html", "a\nb\n{% include 'partials/gone.html' %}\n")
    with pytest.raises(TemplateNotFoundError, match=r"^templates/z.html:3: template"):
        render_template(env, "z.html", {})


def test_values_are_escaped_and_template_syntax_in_values_stays_text(workspace):
    env = with_workspace_template(workspace, "c.html", "<td>{{ comment }}</td>")
    html = render_template(env, "c.html", {"comment": "<b>{{ 7*7 }}</b>\ud800\u202e"})
    assert html == "<td>&lt;b&gt;{{ 7*7 }}&lt;/b&gt;</td>"


def test_css_strings_escape_everything_that_could_end_them():
    from generator.render.environment import css_string, page_counter_css

    assert css_string('a"b') == '"a\\000022b"'
    assert css_string("</style>") == '"\\00003c\\00002fstyle\\00003e"'
    assert (
        page_counter_css("%(num)s. lapa no %(total)s")
        == 'counter(page) ". lapa no " counter(pages)'
    )


def test_importing_the_library_does_not_import_weasyprint():
    code = (
        "import sys, generator.render, generator.render.environment, generator.publish, "
        "generator.publish.pdf, generator.render.sample; "
        "print('weasyprint' in sys.modules)"
    )
    assert fresh_python_output(code) == "False"
