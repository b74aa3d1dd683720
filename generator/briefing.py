"""`rapport briefing CLIENT`: the delivery team's briefing, rendered to a PDF in its language.

It follows the pipeline like a build: validate and analyse the engagement, prepare the
briefing's values, render the template, write the PDF atomically under the output folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import InputError, Location, Problem, Problems
from generator.publish.pdf import PdfMetadata, PublishedPdf, write_pdf

TEMPLATE = "briefing/briefing.html"


def write_briefing(root: Path, client: str, today: dt.date) -> PublishedPdf:
    """Write ``output/<client>/<client>-briefing-<today>.pdf``; return what was written."""
    from generator.analyze.engagement import TooFewResponses
    from generator.build_inputs import output_folder
    from generator.pipeline import analyze, document_settings
    from generator.render.briefing import briefing_context
    from generator.render.context import in_language
    from generator.render.environment import builtin_templates, create_environment, render_template
    from generator.render.i18n import load_translations
    from generator.validate import CACHE_DIR, read_survey_data, validate_workspace

    # Whether the wave can be reported is the client documents' question: the briefing shows
    # what it may of the survey (nothing under the anonymity minimum) and the rest anyway.
    workspace = validate_workspace(root, [client], surveys=False)
    (engagement,) = workspace.engagements
    team = engagement.spec.team
    if team is None:
        where = Location(f"{engagement.rel_folder}/engagement.yaml", 1, 1)
        message = "team: the briefing needs the delivery team (name, language, timezone)"
        raise InputError([Problem(where, message)])
    problems = Problems()
    read_survey_data(engagement, problems, root / CACHE_DIR)
    problems.raise_if_errors()
    try:
        analysis = analyze(workspace, engagement).to_dict() if engagement.responses else {}
    except TooFewResponses:
        analysis = {}
    context = briefing_context(workspace, engagement, analysis, today)
    settings = document_settings(workspace, engagement, team.language)
    html = render_template(create_environment(settings), TEMPLATE, context)
    builtin = builtin_templates()
    _ = load_translations(builtin / "locale", team.language).gettext
    consultant = workspace.settings.consultant
    name = engagement.spec.client.name
    metadata = PdfMetadata(
        title=_("Working with %(client)s") % {"client": name},
        author=in_language(consultant.name, team.language)
        + (f", {consultant.company}" if consultant.company else ""),
        subject=_("A briefing for %(team)s, as of %(date)s")
        % {"team": team.name, "date": today.isoformat()},
        keywords=(name, team.name),
        language=team.language,
        created=today,
    )
    target = output_folder(root, engagement.slug) / f"{engagement.slug}-briefing-{today}.pdf"
    return write_pdf(
        html,
        target,
        metadata=metadata,
        allowed_roots={"builtin": builtin, "workspace": root, "engagement": engagement.folder},
        fonts=[builtin / "fonts"],
    )
