"""Render stage: Jinja templates to HTML in the document's language and brand.

``create_environment`` builds the environment for one document (override chain, strict
undefined, autoescape, gettext, Babel filters, charts, brand CSS); ``render_template``
renders one template and reports errors with the template file and line.

The names below are imported on first use: a command that only formats text for the
terminal (``status``, ``agenda``) reaches ``generator.render.terminal`` without paying for
Jinja, Markdown and the charts.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DocumentSettings",
    "TemplateError",
    "TemplateNotFoundError",
    "builtin_templates",
    "create_environment",
    "render_template",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from generator.render import environment

        return getattr(environment, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
