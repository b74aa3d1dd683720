"""The whole engagement analysed at once: what ``rapport stats --json`` prints and templates get.

``analyze_engagement(...).to_dict()`` is the stable structure documented in
``docs/stats-json.md``; ``SCHEMA_VERSION`` changes whenever a key is renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from generator.analyze.choices import ChoiceResult, analyze_choices
from generator.analyze.drivers import MIN_PAIRS, DriverAnalysis, key_drivers
from generator.analyze.metrics import (
    DEFAULT_LEVEL,
    ResponseRate,
    ShareResult,
    response_rate,
    share_from_counts,
)
from generator.analyze.plain import Plain, Suppressed
from generator.analyze.priority import RecommendationPlan, recommendation_plan
from generator.analyze.relationship import RelationshipHealth, relationship_health
from generator.analyze.segments import (
    DEFAULT_ANONYMITY_THRESHOLD,
    DEFAULT_COMMENT_THRESHOLD,
    Breakdown,
    breakdowns,
    code_specs,
    segment_cells,
)
from generator.analyze.survey import (
    SurveyMetrics,
    analyze_survey,
    assemble_usability,
    survey_specs,
    usability_specs,
)
from generator.analyze.sus import SusResult, respondent_scores, sus
from generator.analyze.themes import ThemeAnalysis, analyze_themes
from generator.analyze.waves import SMALL_SAMPLE, WaveChange, compare_breakdowns, compare_metrics
from generator.collector import collector_paused
from generator.errors import RapportError
from generator.responses import Responses
from generator.schema.engagement import EngagementFile, UsabilityTest, Wave
from generator.schema.interactions import Interaction

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class TargetCheck(Plain):
    """A score against its target, in the target's units (NPS points, CSAT %, CES, SUS)."""

    metric: str
    target: float
    value: float | None
    low: float | None
    high: float | None
    lower_is_better: bool
    met: bool | None
    interval: str | None
    """'above', 'below' or 'includes': where the whole interval lies relative to the target."""


@dataclass(frozen=True)
class WaveAnalysis(Plain):
    id: str
    name: str
    fielded_start: dt.date
    fielded_end: dt.date
    response_rate: ResponseRate
    metrics: SurveyMetrics
    targets: tuple[TargetCheck, ...]
    segments: tuple[Breakdown, ...]
    change: WaveChange | None
    """Against the previous analysed wave; None for the first."""
    drivers: DriverAnalysis | None
    themes: ThemeAnalysis | None
    choices: dict[str, ChoiceResult | Suppressed] = field(default_factory=dict)
    """Single-choice and multi-select questions: the share choosing each answer."""


@dataclass(frozen=True)
class TaskResult(Plain):
    id: str
    title: str
    success: ShareResult
    mean_time_seconds: float | None


@dataclass(frozen=True)
class UsabilityAnalysis(Plain):
    id: str
    title: str
    date: dt.date
    product: str | None
    sus: SusResult | None
    target: TargetCheck | None
    segments: tuple[Breakdown, ...]
    tasks: tuple[TaskResult, ...]
    participants: tuple[ParticipantScore, ...] = ()
    """Each participant's SUS score in file order (for the workbook); none when the test has
    fewer participants than the anonymity minimum."""


@dataclass(frozen=True)
class ParticipantScore(Plain):
    participant: str
    """The respondent id the export gives, else 'P1', 'P2'… in file order."""
    score: float | None
    """None when a statement was left blank."""


@dataclass(frozen=True)
class Settings(Plain):
    confidence_level: float
    anonymity_threshold: int
    comment_threshold: int
    as_of: dt.date
    small_sample: int = SMALL_SAMPLE
    min_driver_pairs: int = MIN_PAIRS


@dataclass(frozen=True)
class EngagementAnalysis(Plain):
    schema_version: int
    client: str
    title: str
    settings: Settings
    current_wave: str | None
    waves: tuple[WaveAnalysis, ...]
    """Analysed waves in chronological order, the current one last."""
    usability: tuple[UsabilityAnalysis, ...]
    relationship: RelationshipHealth
    recommendations: RecommendationPlan


def check_target(
    metric: str,
    target: float | None,
    result: object,
    factor: float = 1.0,
    lower_is_better: bool = False,
) -> TargetCheck | None:
    """Compare a result's value and interval (times ``factor``) with a target."""
    if target is None or result is None or isinstance(result, Suppressed):
        return None
    value = getattr(result, "value", None)
    low, high = getattr(result, "low", None), getattr(result, "high", None)
    scaled = [None if v is None else v * factor for v in (value, low, high)]
    value, low, high = scaled
    met = None if value is None else (value <= target if lower_is_better else value >= target)
    where = None
    if low is not None and high is not None:
        where = "above" if low > target else "below" if high < target else "includes"
    return TargetCheck(metric, target, value, low, high, lower_is_better, met, where)


def staff_names(engagement: EngagementFile) -> list[str]:
    """The client's people as they may appear in comments: full names and given names."""
    names = []
    for contact in engagement.client.contacts:
        parts = contact.name.split()
        if parts:
            names.extend([contact.name, parts[0]])
    return names


def _analyze_wave(
    wave: Wave,
    responses: Responses,
    engagement: EngagementFile,
    names: Sequence[str],
    thresholds: tuple[int, int],
    level: float,
) -> WaveAnalysis:
    anonymity, comments = thresholds
    coded = code_specs(survey_specs(responses, wave.scales, level))  # shared with the drivers
    cells = segment_cells(responses.segments, len(responses))  # shared with the themes
    crossed = engagement.measures.crossed
    metrics, segments = analyze_survey(
        responses,
        wave.scales,
        level,
        anonymity,
        crossed=True if crossed is None else crossed,
        coded=coded,
        cells=cells,
    )
    targets = engagement.targets
    checks = [
        check_target("nps", targets.nps, metrics.nps),
        check_target("csat", targets.csat, metrics.csat, factor=100.0),
        check_target(
            "ces", targets.ces, metrics.ces, lower_is_better=wave.scales.ces.lower_is_better
        ),
    ]
    themes = None
    if engagement.themes and any(responses.comments):
        not_applicable = set(wave.scales.nps.not_applicable)
        languages: list[str | None] = list(responses.languages) or [
            engagement.client.language
        ] * len(responses)
        themes = analyze_themes(
            responses.comments,
            engagement.themes,
            languages=languages,
            nps_scores=[None if v in not_applicable else v for v in responses.nps],
            segments=responses.segments,
            staff_names=names,
            anonymity_threshold=anonymity,
            comment_threshold=comments,
            cells=cells,
            country=engagement.client.country,
        )
    return WaveAnalysis(
        id=wave.id,
        name=wave.name,
        fielded_start=wave.fielded.start,
        fielded_end=wave.fielded.end,
        response_rate=response_rate(len(responses), wave.invited),
        metrics=metrics,
        targets=tuple(check for check in checks if check is not None),
        segments=segments,
        change=None,
        drivers=key_drivers(
            # An item on a scale of its own (a ranking) is not comparable with the others.
            {i: c for i, c in responses.items.items() if i not in wave.scales.by_item},
            responses.overall,
            responses.nps,
            wave.scales.items,
            wave.scales.overall,
            level,
            nps_scale=wave.scales.nps,
            item_results=metrics.items,
            coded=coded,
        ),
        themes=themes,
        choices=analyze_choices(responses, level, anonymity),
    )


def _with_change(
    current: WaveAnalysis, previous: WaveAnalysis, waves: Mapping[str, Wave], level: float
) -> WaveAnalysis:
    before, after = waves[previous.id].scales, waves[current.id].scales
    earlier = {b.segments: b for b in previous.segments}
    change = WaveChange(
        previous_wave=previous.id,
        current_wave=current.id,
        level=level,
        metrics=compare_metrics(previous.metrics, current.metrics, before, after, level),
        segments=tuple(
            compare_breakdowns(earlier[b.segments], b, before, after, level)
            for b in current.segments
            if b.segments in earlier
        ),
    )
    return replace(current, change=change)


def _analyze_usability(
    test: UsabilityTest,
    responses: Responses | None,
    target: float | None,
    anonymity: int,
    level: float,
) -> UsabilityAnalysis:
    result = segments = None
    participants: tuple[ParticipantScore, ...] = ()
    if responses is not None and responses.sus:
        result = sus(responses.sus, level)
        scores = respondent_scores(responses.sus)
        specs = usability_specs(scores, level)
        segments = breakdowns(responses.segments, specs, assemble_usability, anonymity)
        if result.n >= anonymity:
            ids = responses.respondent_ids or [None] * len(scores)
            participants = tuple(
                ParticipantScore(ident or f"P{k}", score)
                for k, (ident, score) in enumerate(zip(ids, scores, strict=True), start=1)
            )
    tasks = tuple(
        TaskResult(
            t.id, t.title, share_from_counts(t.successes, t.attempts, level), t.mean_time_seconds
        )
        for t in test.tasks
    )
    return UsabilityAnalysis(
        id=test.id,
        title=test.title,
        date=test.date,
        product=test.product,
        sus=result,
        target=check_target("sus", target, result),
        segments=segments or (),
        tasks=tasks,
        participants=participants,
    )


class TooFewResponses(RapportError):
    """The wave to report has fewer responses than the anonymity minimum."""


def _refuse_a_small_current_wave(
    engagement: EngagementFile,
    waves: Mapping[str, Responses],
    too_small: Mapping[str, int],
    current_wave: str | None,
    threshold: int,
) -> None:
    """Stop before a document is made of nothing but hidden cells."""
    with_responses = [w.id for w in engagement.waves if w.id in waves and len(waves[w.id])]
    wave_id = current_wave or (with_responses[-1] if with_responses else None)
    if wave_id not in too_small:
        return
    earlier = [w for w in with_responses[: with_responses.index(wave_id)] if w not in too_small]
    hint = f"; report an earlier wave with --wave {earlier[-1]}" if earlier else ""
    raise TooFewResponses(
        f"wave {wave_id} has {too_small[wave_id]} response"
        f"{'s' * (too_small[wave_id] != 1)}, fewer than the anonymity minimum of {threshold}: "
        f"none of its results can be shown without exposing who answered{hint}"
    )


# The analysis keeps some 10^5 small results alive beside the response columns and makes
# no reference cycles: collections would walk them all for nothing.
@collector_paused()
def analyze_engagement(
    engagement: EngagementFile,
    waves: Mapping[str, Responses],
    usability: Mapping[str, Responses] | None = None,
    interactions: Sequence[Interaction] = (),
    *,
    anonymity_threshold: int = DEFAULT_ANONYMITY_THRESHOLD,
    comment_threshold: int = DEFAULT_COMMENT_THRESHOLD,
    confidence_level: float = DEFAULT_LEVEL,
    as_of: dt.date | None = None,
    current_wave: str | None = None,
) -> EngagementAnalysis:
    """Analyse every wave up to ``current_wave`` (default: the latest with responses), the
    usability tests, the relationship log and the recommendations.

    ``waves`` maps wave id → its validated responses; waves without responses are skipped.
    ``as_of`` (default: the engagement's report date) fixes "days since" and "overdue".
    """
    declared = {wave.id: wave for wave in engagement.waves}
    if current_wave is not None and current_wave not in declared:
        known = ", ".join(declared) or "none"
        raise RapportError(f"there is no wave '{current_wave}' (waves: {known})")
    as_of = as_of or engagement.engagement.report_date
    names = staff_names(engagement)
    thresholds = (anonymity_threshold, comment_threshold)

    too_small = {
        wave_id: len(found)
        for wave_id, found in waves.items()
        if 0 < len(found) < anonymity_threshold
    }
    _refuse_a_small_current_wave(engagement, waves, too_small, current_wave, anonymity_threshold)
    analysed: list[WaveAnalysis] = []
    for wave in engagement.waves:
        if wave.id in too_small:
            logger.warning(
                "wave %s has %d responses, fewer than the anonymity minimum of %d: it is left "
                "out of the analysis",
                wave.id,
                too_small[wave.id],
                anonymity_threshold,
            )
        elif wave.id in waves:
            result = _analyze_wave(
                wave, waves[wave.id], engagement, names, thresholds, confidence_level
            )
            if analysed:
                result = _with_change(result, analysed[-1], declared, confidence_level)
            analysed.append(result)
        else:
            logger.info("wave %s has no responses; it is left out of the analysis", wave.id)
        if wave.id == current_wave:
            break
    current = current_wave or (analysed[-1].id if analysed else None)

    tests = tuple(
        _analyze_usability(
            test,
            (usability or {}).get(test.id),
            engagement.targets.sus,
            anonymity_threshold,
            confidence_level,
        )
        for test in engagement.usability_tests
    )
    executives = [c.id for c in engagement.client.contacts if c.executive]
    wave_ids = [wave.id for wave in engagement.waves]
    return EngagementAnalysis(
        schema_version=SCHEMA_VERSION,
        client=engagement.client.name,
        title=engagement.engagement.title,
        settings=Settings(confidence_level, anonymity_threshold, comment_threshold, as_of),
        current_wave=current,
        waves=tuple(analysed),
        usability=tests,
        relationship=relationship_health(interactions, as_of, executives),
        recommendations=recommendation_plan(engagement.recommendations, wave_ids, current),
    )
