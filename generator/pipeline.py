"""The stages joined: validated inputs in, analysed engagements out (render and publish follow)."""

from __future__ import annotations

from pathlib import Path

from generator.analyze import EngagementAnalysis, analyze_engagement
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


def statistics(root: Path, client: str, wave: str | None = None) -> tuple[dict, dict[str, str]]:
    """Validate one client and return its analysis as plain values, with the items' labels."""
    workspace = validate_workspace(root, [client])
    (engagement,) = workspace.engagements
    return analyze(workspace, engagement, wave).to_dict(), engagement.spec.measures.items


__all__ = ["analyze", "statistics"]
