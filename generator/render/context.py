"""What the report and deck templates receive: the analysis plus the engagement's own words.

``document_context`` joins the analysis (plain values, see ``docs/stats-json.md``) with what
the consultant wrote in engagement.yaml and narrative/*.md, for the wave being reported. It
does no I/O: the build hands it the data files' hashes it has already computed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.publish.urls import asset_url
from generator.render.kpis import headline_kpis
from generator.render.redaction import redacted_focus_groups, redacted_relationship
from generator.render.vocabulary import prepared_by
from generator.workspace import Engagement, Narrative, Workspace

AUDIENCES = ("web", "engineering", "marketing", "operations", "support", "leadership")


@dataclass(frozen=True)
class DataFile:
    """An input file as the appendix lists it."""

    path: str  # relative to the engagement folder
    sha256: str
    wave: str | None = None  # the wave (or usability test) it belongs to
    rows: int | None = None  # usable responses read from it


def document_context(
    workspace: Workspace,
    engagement: Engagement,
    analysis: Mapping[str, Any],
    *,
    language: str,
    data_files: Sequence[DataFile] = (),
    source_commit: str | None = None,
) -> dict[str, Any]:
    """Return the variables every document template gets (report and deck alike)."""
    spec = engagement.spec
    analysis = ordered_groups(analysis, spec.measures.segment_order)
    # Every document reads the contact log's texts from here, so none can miss the redaction.
    relationship = redacted_relationship(
        analysis["relationship"], engagement.language, spec.client.country
    )
    analysis = {**analysis, "relationship": relationship}
    consultant = workspace.settings.consultant
    brand = workspace.settings.brand
    waves = list(analysis["waves"])
    current = waves[-1] if waves else None
    wave_id = analysis["current_wave"]
    wave_spec = next((w for w in spec.waves if w.id == wave_id), None)
    narratives = _narratives_for(engagement.narratives, wave_id, [w.id for w in spec.waves])
    summary = narratives.get(("executive_summary", None))
    findings = [
        _finding(f, narratives.get(("finding", f.id)))
        for f in spec.findings
        if _in_wave(f.wave, wave_id)
    ]
    # Findings are numbered in the order every document presents them ("Finding 2", "Key
    # finding 2 of 3"), not by their id, which counts the findings of earlier waves too.
    for number, finding in enumerate(findings, start=1):
        finding["number"] = number
    details = {r.id: r for r in spec.recommendations}
    ranked = analysis["recommendations"]["ranked"]
    recommendations = [{**entry, **_recommendation_text(details[entry["id"]])} for entry in ranked]
    client_name = spec.client.name
    return {
        "language": language,
        "analysis": analysis,
        "settings": analysis["settings"],
        "client": {
            "name": client_name,
            "short_name": spec.client.short_name or client_name,
            "industry": spec.client.industry,
            "logo": asset_url("engagement", spec.client.logo) if spec.client.logo else None,
            "contacts": [c.model_dump() for c in spec.client.contacts],
        },
        "consultant": {
            **consultant.model_dump(),
            "name": in_language(consultant.name, language),
            # Every spelling of the name, so that the logs' "Iryna Melnyk" reads "Ірина
            # Мельник" in a Ukrainian document.
            "spellings": sorted(_spellings(consultant.name)),
            "title": in_language(consultant.title, language),
            "prepared_by": prepared_by(consultant.gender, _translations(language).pgettext),
            "logo": asset_url("workspace", brand.logo) if brand.logo else None,
        },
        "engagement": {
            "title": spec.engagement.title,
            "period_start": spec.engagement.period.start,
            "period_end": spec.engagement.period.end,
            "report_date": spec.engagement.report_date,
            "objectives": list(spec.engagement.objectives),
            "confidentiality": spec.engagement.confidentiality,
        },
        "wave": current,
        "wave_spec": wave_spec,
        "previous_wave": waves[-2] if len(waves) > 1 else None,
        "waves": waves,
        "labels": {
            "items": dict(spec.measures.items),
            "segments": dict(spec.measures.segments),
            "choices": dict(spec.measures.choices),
            "themes": {t.id: t.label for t in spec.themes},
            "waves": {w.id: w.name for w in spec.waves},
            "contacts": {c.id: c.name for c in spec.client.contacts},
        },
        "targets": spec.targets.model_dump(),
        "executive_summary": summary,
        "key_messages": list(summary.key_messages) if summary else [],
        "decision": summary.decision if summary else None,
        "methodology_text": narratives.get(("methodology", None)),
        "next_steps_text": narratives.get(("next_steps", None)),
        "talk_tracks": {
            slide: text for (kind, slide), text in narratives.items() if kind == "talk_track"
        },
        "findings": findings,
        "recommendations": recommendations,
        "recommendations_by_audience": {
            audience: [r for r in recommendations if audience in r["audience"]]
            for audience in AUDIENCES
        },
        "previous_recommendations": analysis["recommendations"]["previous"],
        "risks": [r.model_dump() for r in spec.risks],
        "focus_groups": redacted_focus_groups(spec, engagement.language),
        "usability": _usability(analysis["usability"], spec),
        "relationship": relationship,
        "kpis": headline_kpis(current, analysis["usability"]),
        "data_files": [vars(f) for f in data_files],
        "source_commit": source_commit,
        # A placeholder of the skeleton is left: every page says so (see generator.placeholders).
        "draft": engagement.draft,
        # The layout's running strings.
        "document_title": spec.engagement.title,
        "running_client": spec.client.short_name or client_name,
        "confidentiality": spec.engagement.confidentiality,
    }


def _translations(language: str):
    from generator.render.environment import builtin_templates
    from generator.render.i18n import load_translations

    return load_translations(builtin_templates() / "locale", language)


def ordered_groups(value: Any, order: Mapping[str, Sequence[str]]) -> Any:
    """Return the analysis with every segment's groups in the engagement's declared order.

    The analysis lists groups alphabetically ("1-2 years" before "Less than 6 months"); a
    reader expects the order of the answers. Groups not named in ``order`` follow
    alphabetically; crossed segments are ordered by the first segment, then the second.
    """
    if not order:
        return value
    if isinstance(value, list):
        return [ordered_groups(item, order) for item in value]
    if not isinstance(value, dict):
        return value
    result = {key: ordered_groups(item, order) for key, item in value.items()}
    segments, groups = result.get("segments"), result.get("groups")
    if (
        isinstance(segments, list)
        and isinstance(groups, list)
        and all(isinstance(s, str) for s in segments)
    ):
        ranks = [{v: i for i, v in enumerate(order.get(s, []))} for s in segments]

        def key(group: Mapping[str, Any]) -> tuple:
            return tuple(
                (rank.get(v, len(rank)), str(v))
                for rank, v in zip(ranks, group["values"], strict=True)
            )

        result["groups"] = sorted(groups, key=key)
    return result


def in_language(text: str | Mapping[str, str] | None, language: str) -> str | None:
    """Pick the document's language from a text given per language (English, else any)."""
    if not isinstance(text, Mapping):
        return text
    return text.get(language) or text.get("en") or next(iter(text.values()), None)


def _spellings(text: str | Mapping[str, str]) -> set[str]:
    return set(text.values()) if isinstance(text, Mapping) else {text}


def _in_wave(item_wave: str | None, current: str | None) -> bool:
    return item_wave is None or item_wave == current


def _narratives_for(
    narratives: Sequence[Narrative], wave_id: str | None, wave_order: Sequence[str]
) -> dict[tuple[str, str | None], Narrative]:
    """Pick, per (kind, finding), the text written for this wave, else the latest earlier one.

    A text without a wave is for any wave; one written for a later wave is never shown.
    """
    position = {w: i for i, w in enumerate(wave_order)}
    now = position.get(wave_id, len(wave_order)) if wave_id else len(wave_order)
    chosen: dict[tuple[str, str | None], tuple[int, Narrative]] = {}
    for text in narratives:
        rank = now if text.wave is None else position.get(text.wave, -1)
        if rank > now or (text.wave is not None and rank < 0):
            continue
        if text.wave == wave_id:
            rank = now + 1  # written for this very wave: preferred over a timeless one
        key = (text.kind, text.finding or text.slide)
        if key not in chosen or rank > chosen[key][0]:
            chosen[key] = (rank, text)
    return {key: text for key, (_, text) in chosen.items()}


def _finding(finding, narrative: Narrative | None) -> dict[str, Any]:
    return {
        **finding.model_dump(),
        "narrative": narrative.body if narrative else None,
        "narrative_title": narrative.title if narrative else None,
    }


def _recommendation_text(recommendation) -> dict[str, Any]:
    return {
        "short": recommendation.short,
        "rationale": recommendation.rationale,
        "kpi": recommendation.kpi,
        "notes": recommendation.notes,
        "wave": recommendation.wave,
    }


def _usability(results: Sequence[Mapping[str, Any]], spec) -> list[dict[str, Any]]:
    tests = {t.id: t for t in spec.usability_tests}
    return [{**result, "spec": tests.get(result["id"])} for result in results]
