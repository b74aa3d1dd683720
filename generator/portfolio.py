"""`rapport status --pdf`: the portfolio on one A4 page, for the consultant's own use.

The statuses are those `rapport status` prints; the page is in the workspace's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from generator.analyze.portfolio import ClientStatus
from generator.publish.pdf import PdfMetadata, PublishedPdf, write_pdf
from generator.week import statuses

TEMPLATE = "portfolio/portfolio.html"


def write_portfolio(
    root: Path, clients: Sequence[str], today: dt.date
) -> tuple[list[ClientStatus], PublishedPdf]:
    """Write ``output/portfolio-<today>.pdf``; return the statuses and what was written."""
    from generator.build_inputs import output_root
    from generator.render.context import in_language
    from generator.render.environment import (
        DocumentSettings,
        builtin_templates,
        create_environment,
        render_template,
    )
    from generator.render.i18n import load_translations
    from generator.render.portfolio import portfolio_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, clients, surveys=False)
    found = statuses(workspace, today)
    settings = workspace.settings
    language = settings.defaults.language
    env = create_environment(
        DocumentSettings(language=language, brand=settings.brand, workspace_dir=root)
    )
    consultant = settings.consultant.model_dump()
    consultant["name"] = in_language(settings.consultant.name, language)
    html = render_template(env, TEMPLATE, portfolio_context(found, today, consultant, env))
    builtin = builtin_templates()
    _ = load_translations(builtin / "locale", language).gettext
    author = consultant["name"] + (f", {consultant['company']}" if consultant["company"] else "")
    metadata = PdfMetadata(
        title=f"{_('Portfolio')}, {today.isoformat()}",
        author=author,
        language=language,
        created=today,
    )
    return found, write_pdf(
        html,
        output_root(root) / f"portfolio-{today}.pdf",
        metadata=metadata,
        allowed_roots={"builtin": builtin, "workspace": root},
        fonts=[builtin / "fonts"],
    )
