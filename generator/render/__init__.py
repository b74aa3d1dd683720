"""Render stage: Jinja templates to HTML in the document's language and brand.

``create_environment`` builds the environment for one document (override chain, strict
undefined, autoescape, gettext, Babel filters, charts, brand CSS); ``render_template``
renders one template and reports errors with the template file and line.
"""

from generator.render.environment import (
    DocumentSettings,
    TemplateError,
    TemplateNotFoundError,
    builtin_templates,
    create_environment,
    render_template,
)

__all__ = [
    "DocumentSettings",
    "TemplateError",
    "TemplateNotFoundError",
    "builtin_templates",
    "create_environment",
    "render_template",
]
