"""The Jinja environment of a document: override chain, strictness, filters, translations.

Templates are looked up in the engagement's ``templates/``, then the workspace's, then the
built-in theme; ``base:`` always names the built-in one, so an override can write
``{% extends "base:report/base.html" %}`` and replace a single block.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.ext import i18n as I18nExtension
from markupsafe import Markup

from generator.builtin import builtin_templates
from generator.errors import RapportError
from generator.publish.urls import asset_url
from generator.render.brand import brand_css, brand_face
from generator.render.charts import ChartKit, ChartStyle
from generator.render.formatting import Formatter, document_locale
from generator.render.i18n import load_translations
from generator.render.markdown import render_markdown
from generator.render.untrusted import finalize_output
from generator.render.vocabulary import (
    health_word,
    metric_decimals,
    metric_name,
    shown_change,
)
from generator.schema.workspace import Brand


class TemplateNotFoundError(RapportError):
    """No folder of the override chain has the template."""

    def __init__(self, name: str, searched: Sequence[Path], referenced_from: str | None = None):
        self.name = name
        self.searched = list(searched)
        self.referenced_from = referenced_from
        where = f"{referenced_from}: " if referenced_from else ""
        folders = "\n".join(f"  {folder}" for folder in self.searched)
        super().__init__(f"{where}template {name!r} not found; searched:\n{folders}")

    def __reduce__(self):
        return (type(self), (self.name, self.searched, self.referenced_from))


class TemplateError(RapportError):
    """A template has a syntax error or uses a value that does not exist."""

    def __init__(self, location: str, message: str):
        self.location = location
        self.detail = message
        super().__init__(f"{location}: {message}")

    def __reduce__(self):
        return (type(self), (self.location, self.detail))


@dataclass
class DocumentSettings:
    """What the environment needs to know about the document being written."""

    language: str = "en"
    country: str | None = None
    brand: Brand = field(default_factory=Brand)
    workspace_dir: Path | None = None
    engagement_dir: Path | None = None


def template_folders(settings: DocumentSettings, builtin: Path) -> list[Path]:
    """Return the override chain: engagement, workspace, built-in (existing folders only)."""
    folders = [
        folder / "templates"
        for folder in (settings.engagement_dir, settings.workspace_dir)
        if folder is not None and (folder / "templates").is_dir()
    ]
    return [*[f for f in folders if f.resolve() != builtin.resolve()], builtin]


def create_environment(
    settings: DocumentSettings, builtin: Path | None = None
) -> jinja2.Environment:
    """Build the environment for one document's language, brand and folders."""
    builtin = builtin or builtin_templates()
    folders = template_folders(settings, builtin)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(f) for f in folders]),
            jinja2.PrefixLoader({"base": jinja2.FileSystemLoader(str(builtin))}, delimiter=":"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(
            ("html", "htm", "svg", "xml"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        finalize=finalize_output,
        extensions=[I18nExtension],
        keep_trailing_newline=True,
        auto_reload=False,
    )
    translations = load_translations(builtin / "locale", settings.language)
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]
    fmt = Formatter(document_locale(settings.language, settings.country))
    env.filters.update(fmt.filters())
    env.filters["markdown"] = render_markdown
    body = brand_face(settings.brand.fonts.body, "body", settings.workspace_dir)
    env.globals.update(
        language=settings.language,
        locale=fmt.locale_name,
        fmt=fmt,
        charts=ChartKit(ChartStyle.from_brand(settings.brand, body.family), fmt),
        brand_style=brand_css(settings.brand, settings.workspace_dir),
        asset=asset_url,
        css_string=css_string,
        page_counter=lambda: page_counter_css(translations.gettext("Page %(num)s of %(total)s")),
        shown_change=shown_change,
        metric_label=lambda metric: metric_name(metric, translations.gettext),
        health_label=lambda status: health_word(status, translations.gettext),
        metric_decimals=metric_decimals,
    )
    # Kept on the environment (not in globals) for error messages.
    env.rapport_folders = folders  # type: ignore[attr-defined]
    env.rapport_display_root = settings.workspace_dir or builtin.parent  # type: ignore[attr-defined]
    return env


def css_string(text: str) -> Markup:
    """Quote ``text`` as a CSS string, for translated words in ``content:`` declarations."""
    escaped = "".join(
        c if c.isalnum() or c in " .,:;!?()%-" else f"\\{ord(c):06x}" for c in str(text)
    )
    return Markup(f'"{escaped}"')


def page_counter_css(message: str) -> Markup:
    """Turn a translated "Page %(num)s of %(total)s" into a CSS ``content`` value."""
    counters = {"num": "counter(page)", "total": "counter(pages)"}
    parts = []
    for index, piece in enumerate(re.split(r"%\((num|total)\)s", message)):
        if index % 2:
            parts.append(counters[piece])
        elif piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render a template; errors name the template file and line."""
    folders = getattr(env, "rapport_folders", [])
    root = getattr(env, "rapport_display_root", None)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as error:
        location = _display_path(error.filename or error.name or name, root)
        raise TemplateError(f"{location}:{error.lineno}", error.message or str(error)) from None
    except jinja2.TemplateNotFound as error:
        referenced = _template_frame(sys.exc_info()[2], root)
        raise TemplateNotFoundError(str(error.name), folders, referenced) from None
    except jinja2.UndefinedError as error:
        location = _template_frame(sys.exc_info()[2], root) or name
        raise TemplateError(location, error.message or str(error)) from None
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        # Raised while a template ran (a division by zero in an override): say where.
        location = _template_frame(sys.exc_info()[2], root)
        if location is None:
            raise
        raise TemplateError(location, f"{type(error).__name__}: {error}") from None


def _template_frame(tb: TracebackType | None, root: Path | None) -> str | None:
    """Return ``path:line`` of the innermost template frame of a traceback."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".svg", ".xml", ".css", ".txt")) or filename == "<template>":
            found = f"{_display_path(filename, root)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _display_path(filename: str, root: Path | None) -> str:
    """Show a template path relative to the workspace: ``templates/x.html``."""
    if root is None or filename.startswith("<"):
        return filename
    try:
        return Path(filename).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return filename
