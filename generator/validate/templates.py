"""Override templates are compiled by validate, so a syntax error is found before a build.

Overrides live in the workspace's ``templates/`` and in each client's ``templates/``. Only the
Jinja files are compiled (HTML, SVG, XML and the e-mail's text); stylesheets and fonts are
served as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.errors import Location, Problems
from generator.workspace import Engagement

TEMPLATE_SUFFIXES = (".html", ".svg", ".xml", ".txt")


def check_templates(root: Path, engagements: Sequence[Engagement], problems: Problems) -> None:
    """Compile every override template; each syntax error is located to its file and line."""
    import jinja2

    from generator.render.environment import DocumentSettings, builtin_templates, create_environment

    builtin = builtin_templates().resolve()
    folders = [root / "templates", *(e.folder / "templates" for e in engagements)]
    found = [
        path
        for folder in folders
        if folder.is_dir() and folder.resolve() != builtin
        for path in sorted(folder.rglob("*"))
        if path.suffix in TEMPLATE_SUFFIXES and path.is_file()
    ]
    if not found:
        return
    env = create_environment(DocumentSettings())
    for path in found:
        shown = path.relative_to(root).as_posix()
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            problems.error(Location(shown), "cannot be read as UTF-8 text")
            continue
        try:
            env.parse(source, name=shown, filename=str(path))
        except jinja2.TemplateSyntaxError as error:
            problems.error(Location(shown, error.lineno), f"template syntax: {error.message}")
