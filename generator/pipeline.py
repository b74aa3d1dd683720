"""The stages joined: validated inputs in, analysed engagements out (render and publish follow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.analyze import EngagementAnalysis, analyze_engagement
from generator.errors import RapportError
from generator.render.environment import DocumentSettings
from generator.validate import validate_workspace
from generator.workspace import Engagement, Workspace


def analyze(
    workspace: Workspace, engagement: Engagement, wave: str | None = None
) -> EngagementAnalysis:
    """Analyse one validated engagement up to ``wave`` (default: the latest with responses)."""
    defaults = workspace.settings.defaults
    return analyze_engagement(
        engagement.spec,
        engagement.responses,
        engagement.usability,
        engagement.interactions,
        anonymity_threshold=defaults.anonymity_threshold,
        comment_threshold=defaults.comment_threshold,
        confidence_level=defaults.confidence_level,
        current_wave=wave,
    )


def engagement_context(
    workspace: Workspace,
    engagement: Engagement,
    *,
    wave: str | None = None,
    language: str | None = None,
    source_commit: str | None = None,
    analysis: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Analyse one engagement and return what its documents' templates receive.

    An ``analysis`` given (``analyze(…).to_dict()``) is used as it is: it depends on the
    engagement's data, settings and log, never on its narrative or the templates.
    """
    from generator.build_inputs import data_files
    from generator.render.context import document_context

    if analysis is None:
        analysis = analyze(workspace, engagement, wave).to_dict()
    studied = [t for t in analysis["usability"] if t["sus"] or t["tasks"]]
    if analysis["current_wave"] is None and not studied:
        raise RapportError(f"{engagement.rel_folder}: no wave has responses to report")
    return document_context(
        workspace,
        engagement,
        analysis,
        language=language or engagement.language,
        data_files=data_files(engagement),
        source_commit=source_commit,
    )


def document_settings(workspace: Workspace, engagement: Engagement, language: str):
    """The brand, folders and locale one document of ``engagement`` is rendered with."""
    return DocumentSettings(
        language=language,
        country=engagement.spec.client.country,
        brand=workspace.settings.brand,
        workspace_dir=workspace.root,
        engagement_dir=engagement.folder,
    )


def document_roots(workspace: Workspace, engagement: Engagement) -> dict[str, Path]:
    """The folders a document of ``engagement`` may read files from, by virtual root name."""
    from generator.builtin import builtin_templates

    builtin = builtin_templates()
    return {"builtin": builtin, "workspace": workspace.root, "engagement": engagement.folder}


def font_folders() -> list[Path]:
    """The only font folders the renderer sees (brand fonts come through the stylesheets)."""
    from generator.builtin import builtin_templates

    return [builtin_templates() / "fonts"]


def statistics(root: Path, client: str, wave: str | None = None) -> tuple[dict, dict[str, str]]:
    """Validate one client and return its analysis as plain values, with the items' labels."""
    workspace = validate_workspace(root, [client], wave=wave, building=True)
    (engagement,) = workspace.engagements
    measures = engagement.spec.measures
    # the labels of the rated items and of the choice questions, for the terminal table
    return analyze(workspace, engagement, wave).to_dict(), {**measures.choices, **measures.items}


__all__ = [
    "analyze",
    "document_roots",
    "document_settings",
    "engagement_context",
    "font_folders",
    "statistics",
]
