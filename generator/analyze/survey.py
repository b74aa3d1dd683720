"""The metrics of one survey wave (or of one group of it) gathered in one result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.analyze.cells import SegmentCells
from generator.analyze.codes import CodedColumn
from generator.analyze.metrics import (
    CesResult,
    CsatResult,
    ItemResult,
    NpsResult,
    ces_from_tally,
    check_nps_scale,
    csat_from_tally,
    item_from_tally,
    nps_from_tally,
)
from generator.analyze.plain import SUPPRESSED, Plain, Suppressed
from generator.analyze.segments import (
    Breakdown,
    MetricSpec,
    breakdowns_from_cells,
    code_specs,
    segment_cells,
    tally_cells,
)
from generator.analyze.stats import tally_scores
from generator.analyze.sus import SusResult, sus_from_tally
from generator.analyze.versus import compare_with_rest
from generator.responses import Responses
from generator.schema.engagement import Scale, Scales

ITEM_PREFIX = "items."


@dataclass(frozen=True)
class SurveyMetrics(Plain):
    """Every metric of a set of responses; a metric the survey did not ask is None."""

    respondents: int
    nps: NpsResult | Suppressed | None
    csat: CsatResult | Suppressed | None
    ces: CesResult | Suppressed | None
    overall: ItemResult | Suppressed | None
    items: dict[str, ItemResult | Suppressed]


@dataclass(frozen=True)
class UsabilityMetrics(Plain):
    respondents: int
    sus: SusResult | Suppressed | None


def asked(column: Sequence[float | None]) -> bool:
    """Whether a column holds any answer (an unmapped column is empty or all blank)."""
    return any(value is not None for value in column)


def survey_specs(responses: Responses, scales: Scales, level: float) -> list[MetricSpec]:
    """The metrics a wave asked, in a fixed order: NPS, CSAT, CES, overall, then items."""
    specs: list[MetricSpec] = []

    def add(name: str, column: Sequence[float | None], scale: Scale, summarise: Any) -> None:
        if asked(column):
            points = tuple(float(p) for p in range(scale.min, scale.max + 1))
            excluded = frozenset(scale.not_applicable)
            specs.append(MetricSpec(name, column, excluded, summarise, points))

    if asked(responses.nps):
        check_nps_scale(scales.nps)
    add("nps", responses.nps, scales.nps, partial(nps_from_tally, level=level, scale=scales.nps))
    add(
        "csat",
        responses.csat,
        scales.csat,
        partial(csat_from_tally, scale=scales.csat, level=level),
    )
    add("ces", responses.ces, scales.ces, partial(ces_from_tally, scale=scales.ces, level=level))
    overall = partial(item_from_tally, scale=scales.overall, level=level)
    add("overall", responses.overall, scales.overall, overall)
    for item_id, column in responses.items.items():
        scale = scales.item(item_id)
        summarise = partial(item_from_tally, scale=scale, level=level)
        add(ITEM_PREFIX + item_id, column, scale, summarise)
    return specs


def assemble_survey(respondents: int, results: dict[str, Any]) -> SurveyMetrics:
    return SurveyMetrics(
        respondents=respondents,
        nps=results.get("nps"),
        csat=results.get("csat"),
        ces=results.get("ces"),
        overall=results.get("overall"),
        items={
            name[len(ITEM_PREFIX) :]: result
            for name, result in results.items()
            if name.startswith(ITEM_PREFIX)
        },
    )


def compute(specs: Sequence[MetricSpec]) -> dict[str, Any]:
    """Summarise each spec over all responses."""
    return {spec.name: spec.summarise(tally_scores(spec.column, spec.excluded)) for spec in specs}


def survey_metrics(responses: Responses, scales: Scales, level: float) -> SurveyMetrics:
    """Every metric of a whole wave."""
    return assemble_survey(len(responses), compute(survey_specs(responses, scales, level)))


def analyze_survey(
    responses: Responses,
    scales: Scales,
    level: float,
    threshold: int,
    crossed: bool | Sequence[Sequence[str]] = True,
    coded: Mapping[str, CodedColumn] | None = None,
    cells: SegmentCells | None = None,
) -> tuple[SurveyMetrics, tuple[Breakdown, ...]]:
    """Every metric of a wave and its segment breakdowns, reading each column once.

    ``coded`` may hold the metrics' columns already coded (``code_specs``) and ``cells`` the
    wave's segment cells (``segment_cells``), each saving a pass.
    """
    specs = survey_specs(responses, scales, level)
    coded = code_specs(specs) if coded is None else coded
    if cells is None:
        cells = segment_cells(responses.segments, len(responses))
    ids = cells.segments
    per_cell = tally_cells(cells, specs, coded)
    totals = {spec.name: spec.summarise(per_cell[spec.name].total()) for spec in specs}
    results = {name: publishable(result, threshold) for name, result in totals.items()}
    metrics = assemble_survey(len(responses), results)
    if not ids:
        return metrics, ()
    found = breakdowns_from_cells(cells, ids, per_cell, specs, assemble_survey, threshold, crossed)
    # each group against the rest: from the wave's own totals, even where a total is too
    # small to print (its groups are then suppressed too, and not tested)
    return metrics, tuple(compare_with_rest(b, totals, level) for b in found)


def publishable(result: Any, threshold: int) -> Any:
    """The result, or ``SUPPRESSED`` when fewer than ``threshold`` people answered it.

    The anonymity minimum holds for the whole sample as for a segment's group: an item that
    only two respondents rated would show their answers, and its interval means nothing.
    """
    n = getattr(result, "n", None)
    return SUPPRESSED if n is not None and n < threshold else result


def usability_specs(scores: Sequence[float | None], level: float) -> list[MetricSpec]:
    summarise = partial(sus_from_tally, incomplete=None, level=level)
    return [MetricSpec("sus", scores, frozenset(), summarise)] if asked(scores) else []


def assemble_usability(respondents: int, results: dict[str, Any]) -> UsabilityMetrics:
    return UsabilityMetrics(respondents=respondents, sus=results.get("sus"))
