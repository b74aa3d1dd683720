"""Validate stage: every input checked, every problem collected and located, then one verdict."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.errors import InputError, Location, Problem, Problems, RapportError
from generator.load import workspace as files
from generator.load.yamlmarks import MarkedDocument
from generator.schema import EngagementFile, InteractionsFile, NarrativeFrontMatter, WorkspaceFile
from generator.validate.documents import check_document, did_you_mean, key_label, listing
from generator.validate.paths import PathOutside, resolve_inside
from generator.validate.references import EngagementChecker
from generator.validate.responses import load_responses, load_sus_responses
from generator.workspace import Engagement, Narrative, Workspace


class UnknownClient(RapportError):
    pass


def select_clients(root: Path, clients: Sequence[str]) -> list[str]:
    """Return the requested client folders, or all of them; an unknown name is an error."""
    available = files.engagement_slugs(root)
    for name in clients:
        if name not in available:
            listed = ", ".join(available) if available else "none yet ('rapport new NAME')"
            raise UnknownClient(
                f"no client '{name}' in {files.ENGAGEMENTS_DIR}/{did_you_mean(name, available)}; "
                f"the clients are: {listed}"
            )
    return list(clients) or available


CACHE_DIR = ".rapport-cache"


def validate_workspace(
    root: Path, clients: Sequence[str] = (), *, strict: bool = False, cache: bool = True
) -> Workspace:
    """Load and check the workspace, the chosen engagements and their survey data.

    Raise InputError listing every problem. Survey files are parsed once and cached under
    .rapport-cache/ (keyed by content) unless ``cache`` is False.
    """
    problems = Problems()
    cache_dir = root / CACHE_DIR if cache else None
    settings = None
    doc = files.read_workspace_file(root, problems)
    if doc is not None:
        settings = check_document(doc, WorkspaceFile, problems)
        if settings is not None:
            check_workspace_paths(root, settings, doc, problems)
    engagements = []
    for slug in select_clients(root, clients):
        default_language = settings.defaults.language if settings else "en"
        engagement = validate_engagement(root, slug, default_language, problems)
        if engagement is not None:
            read_survey_data(engagement, problems, cache_dir)
            engagements.append(engagement)
    problems.raise_if_errors(strict=strict)
    assert settings is not None  # an invalid rapport.yaml is an error, raised above
    return Workspace(root, settings, engagements, warnings=problems.warnings)


def check_workspace_paths(
    root: Path, settings: WorkspaceFile, doc: MarkedDocument, problems: Problems
) -> None:
    named = [(("brand", "logo"), settings.brand.logo)]
    for role in ("body", "heading"):
        font = getattr(settings.brand.fonts, role)
        if font.lower().endswith((".ttf", ".otf", ".woff", ".woff2")):
            named.append((("brand", "fonts", role), font))
    for keys, relative in named:
        if relative is None:
            continue
        try:
            if not resolve_inside(root, relative).is_file():
                problems.error(doc.locate(keys), f"file not found: {relative}")
        except PathOutside as exc:
            problems.error(doc.locate(keys), f"{exc}; keep the brand files inside the workspace")
    try:
        resolve_inside(root, settings.defaults.output_dir)
    except PathOutside as exc:
        problems.error(doc.locate(("defaults", "output_dir")), str(exc))


def validate_engagement(
    root: Path, slug: str, default_language: str, problems: Problems
) -> Engagement | None:
    raw = files.read_engagement(root, slug, problems)
    if raw.engagement is None:
        return None
    spec = check_document(raw.engagement, EngagementFile, problems)
    log = None
    if raw.interactions is not None:
        log = check_document(raw.interactions, InteractionsFile, problems)
    narratives = [n for n in (check_narrative(text, problems) for text in raw.narratives) if n]
    if spec is None:
        return None
    EngagementChecker(spec, raw.engagement, raw.folder, problems).check(log, raw.interactions)
    check_narrative_references(spec, narratives, raw.narratives, problems)
    return Engagement(
        slug=slug,
        folder=raw.folder,
        rel_folder=raw.rel_folder,
        spec=spec,
        doc=raw.engagement,
        language=spec.client.language or default_language,
        interactions=sorted(log.interactions, key=lambda i: i.date) if log else [],
        narratives=narratives,
    )


def read_survey_data(engagement: Engagement, problems: Problems, cache_dir: Path | None) -> None:
    """Read every wave's exports and usability test's SUS answers, checking each value."""
    doc, spec = engagement.doc, engagement.spec
    options = dict(
        engagement_dir=engagement.folder,
        rel_dir=engagement.rel_folder,
        default_language=engagement.language,
        problems=problems,
        cache_dir=cache_dir,
    )
    for w, wave in enumerate(spec.waves):
        engagement.responses[wave.id] = load_responses(
            wave.sources,
            wave.scales,
            locate=lambda i, keys, w=w: doc.locate(("waves", w, "sources", i, *keys)),
            label=lambda i, w=w: key_label(doc.data, ("waves", w, "sources", i)),
            **options,
        )
    for u, test in enumerate(spec.usability_tests):
        if test.sus is not None:
            engagement.usability[test.id] = load_sus_responses(
                test.sus,
                locate=lambda _, keys, u=u: doc.locate(("usability_tests", u, "sus", *keys)),
                label=lambda _, u=u: key_label(doc.data, ("usability_tests", u, "sus")),
                **options,
            )


def check_narrative(text: files.NarrativeText, problems: Problems) -> Narrative | None:
    if text.front_matter is None:
        return None
    front = check_document(text.front_matter, NarrativeFrontMatter, problems)
    if front is None:
        return None
    if front.kind == "finding" and front.finding is None:
        problems.error(Location(text.path, 1, 1), "a finding's narrative names it: 'finding: F1'")
        return None
    return Narrative(
        text.path,
        front.kind,
        text.body,
        front.finding,
        front.wave,
        front.title,
        front.key_messages,
        front.decision,
    )


def check_narrative_references(
    spec: EngagementFile,
    narratives: list[Narrative],
    texts: list[files.NarrativeText],
    problems: Problems,
) -> None:
    docs = {text.path: text.front_matter for text in texts}
    findings = [f.id for f in spec.findings]
    waves = [w.id for w in spec.waves]
    seen: dict[tuple[str, str | None, str | None], str] = {}
    for narrative in narratives:
        doc = docs[narrative.path]
        assert doc is not None
        if narrative.finding is not None and narrative.finding not in findings:
            problems.error(
                doc.locate(("finding",)),
                f"no finding '{narrative.finding}' in "
                f"engagement.yaml{did_you_mean(narrative.finding, findings) or listing(findings)}",
            )
        if narrative.wave is not None and narrative.wave not in waves:
            problems.error(
                doc.locate(("wave",)),
                f"no wave '{narrative.wave}' in "
                f"engagement.yaml{did_you_mean(narrative.wave, waves) or listing(waves)}",
            )
        key = (narrative.kind, narrative.finding, narrative.wave)
        if key in seen:
            problems.error(doc.locate(("kind",)), f"{seen[key]} already gives this text")
        seen[key] = narrative.path


__all__ = ["InputError", "Problem", "UnknownClient", "select_clients", "validate_workspace"]
