"""Validate stage: every input checked, every problem collected and located, then one verdict."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from generator import placeholders
from generator.errors import (
    InputError,
    Location,
    Problem,
    Problems,
    UnknownClient,
    UsageProblem,
    reading_order,
)
from generator.load import workspace as files
from generator.load.workspace import select_clients
from generator.load.yamlmarks import MarkedDocument
from generator.schema import EngagementFile, InteractionsFile, NarrativeFrontMatter, WorkspaceFile
from generator.schema.common import LANGUAGES
from generator.schema.narrative import SLIDE_KINDS
from generator.validate.documents import check_document, did_you_mean, key_label, listing
from generator.validate.language import (
    CLIENT_TEXTS,
    NARRATIVE_TEXTS,
    check_document_language,
    check_text_language,
)
from generator.validate.paths import PathOutside, resolve_inside
from generator.validate.readiness import (
    check_brand_fonts,
    check_pptx_template,
    check_sending,
    check_template_overrides,
)
from generator.validate.references import EngagementChecker
from generator.validate.reportable import check_reportable
from generator.validate.responses import load_responses, load_sus_responses
from generator.workspace import Engagement, Narrative, Workspace


class UnknownWave(UsageProblem):
    pass


def check_wave_exists(engagements: Sequence[Engagement], wave: str | None) -> None:
    """Refuse a --wave that a chosen engagement does not declare, naming the closest one."""
    if wave is None:
        return
    for engagement in engagements:
        declared = [w.id for w in engagement.spec.waves]
        if wave not in declared:
            hint = did_you_mean(wave, declared) or listing(declared)
            raise UnknownWave(f"no wave '{wave}' in {engagement.rel_folder}/engagement.yaml{hint}")


CACHE_DIR = ".rapport-cache"


def validate_workspace(
    root: Path,
    clients: Sequence[str] = (),
    *,
    strict: bool = False,
    cache: bool = True,
    surveys: bool = True,
    wave: str | None = None,
    building: bool = False,
) -> Workspace:
    """Load and check the workspace, the chosen engagements and their survey data, and that
    each can be built for ``wave`` (default: its latest wave with responses); ``building``
    makes a client with nothing to report an error rather than a warning.

    Raise InputError listing every problem. Survey files are parsed once and cached under
    .rapport-cache/ (keyed by content) unless ``cache`` is False. With ``surveys`` False the
    exports are left for the caller to read (``read_survey_data``) when it needs them, and
    whether a wave can be reported is not asked.
    """
    problems = Problems()
    cache_dir = root / CACHE_DIR if cache else None
    settings = None
    doc = files.read_workspace_file(root, problems)
    if doc is not None:
        settings = check_document(doc, WorkspaceFile, problems)
        if settings is not None:
            check_workspace_paths(root, settings, doc, problems)
            check_brand_fonts(root, settings, doc, problems)
            check_pptx_template(root, settings, doc, problems)
    check_template_overrides(root, root / "templates", problems)
    engagements = []
    if not clients:
        for folder, instead in files.folders_without_engagement(root):
            hint = (
                f" (did you mean to name '{instead}' {files.ENGAGEMENT_FILE}?)" if instead else ""
            )
            problems.warning(
                Location(f"{files.ENGAGEMENTS_DIR}/{folder}"),
                f"no {files.ENGAGEMENT_FILE} here, so this folder is not read{hint}",
            )
    for slug in select_clients(root, clients):
        default_language = settings.defaults.language if settings else "en"
        errors_before = len(problems.errors)
        engagement = validate_engagement(root, slug, default_language, problems)
        if engagement is not None:
            if surveys:
                read_survey_data(engagement, problems, cache_dir)
            check_template_overrides(root, engagement.folder / "templates", problems)
            # Whether it can be built is asked of inputs that are sound, not of broken ones.
            if settings is not None and len(problems.errors) == errors_before:
                if surveys:
                    threshold = settings.defaults.anonymity_threshold
                    check_reportable(engagement, threshold, problems, wave, building)
                check_sending(engagement, problems)
            engagements.append(engagement)
    problems.raise_if_errors(strict=strict)
    assert settings is not None  # an invalid rapport.yaml is an error, raised above
    check_wave_exists(engagements, wave)
    warnings = sorted(problems.warnings, key=reading_order)
    return Workspace(root, settings, engagements, warnings=warnings)


def check_workspace_paths(
    root: Path, settings: WorkspaceFile, doc: MarkedDocument, problems: Problems
) -> None:
    from generator.validate.images import logo_problem

    if settings.brand.logo is not None:
        # The brand is shared by every client's documents; a client's folder is not.
        problem = logo_problem(root, settings.brand.logo, exclude=(files.ENGAGEMENTS_DIR,))
        if problem is not None:
            problems.error(doc.locate(("brand", "logo")), problem)
    named = [(("brand", "pptx_template"), settings.brand.pptx_template)]
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
    left = find_placeholders(raw, problems)
    language = spec.client.language or default_language
    check_languages(raw, language, problems)
    return Engagement(
        slug=slug,
        folder=raw.folder,
        rel_folder=raw.rel_folder,
        spec=spec,
        doc=raw.engagement,
        language=spec.client.language or default_language,
        interactions=sorted(log.interactions, key=lambda i: i.date) if log else [],
        narratives=narratives,
        placeholders=left,
    )


def check_languages(raw: files.EngagementFiles, language: str, problems: Problems) -> None:
    """Warn about the texts the client will read that look written in another language."""
    assert raw.engagement is not None
    check_document_language(raw.engagement, CLIENT_TEXTS, language, problems)
    team = _field(raw.engagement.data, "team")
    for text in raw.narratives:
        # The team's briefing is written in the team's language, not the client's.
        briefing = _field(text.front_matter.data if text.front_matter else None, "kind")
        expected = _field(team, "language") if briefing == "briefing" else language
        if expected not in LANGUAGES:
            continue
        if text.front_matter is not None:
            check_document_language(text.front_matter, NARRATIVE_TEXTS, expected, problems)
        if text.body.strip():
            where = Location(text.path, text.body_line)
            check_text_language(where, text.body, expected, problems)


def _field(data: object, key: str) -> object:
    return data.get(key) if isinstance(data, dict) else None


def find_placeholders(raw: files.EngagementFiles, problems: Problems) -> list:
    """Warn about each placeholder of the skeleton left in a text the client will read."""
    docs = [doc for doc in (raw.engagement, raw.interactions) if doc is not None]
    found = [each for doc in docs for each in placeholders.in_document(doc)]
    for text in raw.narratives:
        if text.front_matter is not None:
            found += placeholders.in_document(text.front_matter)
        found += placeholders.in_markdown(text.path, text.body, text.body_line)
    for location, placeholder in found:
        problems.warning(
            location,
            f"placeholder left from 'rapport new', '{placeholder}': until it is replaced, "
            "the documents are built as drafts and 'rapport send' refuses them",
        )
    return found


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
            segment_values=spec.measures.segment_values,
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
    slide = None
    if f"/{files.NARRATIVE_DIR}/{files.NOTES_DIR}/" in text.path:
        # A talk track: its kind goes without saying, its slide is the file's name.
        if isinstance(text.front_matter.data, dict):
            text.front_matter.data.setdefault("kind", "talk_track")
        slide = PurePosixPath(text.path).stem
        if slide not in SLIDE_KINDS:
            problems.error(
                Location(text.path, 1, 1),
                f"no kind of slide '{slide}'{did_you_mean(slide, SLIDE_KINDS) or ''}; "
                f"a talk track is named after one of: {', '.join(SLIDE_KINDS)}",
            )
            return None
    front = check_document(text.front_matter, NarrativeFrontMatter, problems)
    if front is None:
        return None
    if front.kind == "finding" and front.finding is None:
        problems.error(Location(text.path, 1, 1), "a finding's narrative names it: 'finding: F1'")
        return None
    if front.kind == "talk_track" and slide is None:
        problems.error(
            Location(text.path, 1, 1),
            "a talk track goes into narrative/notes/, named after its kind of slide",
        )
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
        slide,
        front.question,
        front.answer,
        front.transition,
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
        key = (narrative.kind, narrative.finding or narrative.slide, narrative.wave)
        if key in seen:
            problems.error(doc.locate(("kind",)), f"{seen[key]} already gives this text")
        seen[key] = narrative.path


__all__ = ["InputError", "Problem", "UnknownClient", "select_clients", "validate_workspace"]
