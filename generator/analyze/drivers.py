"""Key drivers: which rated items go together with overall satisfaction, and how they perform.

Importance is Pearson's correlation between an item and overall satisfaction (or likelihood to
recommend when overall satisfaction was not asked), over the responses that answered both
(pairwise-complete). Performance is the item's mean, or its top-box share. Items are placed in
quadrants by the medians of both: an item is *important* when its importance is at or above the
median importance, and *performs high* when its performance is at or above the median.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from generator.analyze.codes import CodedColumn, code_column
from generator.analyze.metrics import DEFAULT_LEVEL, ItemResult, item_from_tally
from generator.analyze.plain import Plain, Suppressed
from generator.analyze.stats import Correlation, PairCounter, median, pearson, tally_scores
from generator.analyze.survey import ITEM_PREFIX
from generator.schema.engagement import Scale

MIN_PAIRS = 30
FIX_FIRST, KEEP_UP, WATCH, LESS_IMPORTANT = "fix first", "keep up", "watch", "less important"
Performance = Literal["mean", "top_box"]


@dataclass(frozen=True)
class Driver(Plain):
    item: str
    importance: float | None
    """Pearson's r with the target; None when either side does not vary."""
    importance_low: float | None
    importance_high: float | None
    p_value: float | None
    n: int
    """Pairs that answered both the item and the target."""
    performance: float | None
    performance_n: int
    quadrant: str | None
    few_pairs: bool
    """Fewer than 30 pairs: the correlation is too unstable to rank on."""


@dataclass(frozen=True)
class DriverAnalysis(Plain):
    target: str
    """'overall' or 'nps': what the items are correlated with."""
    performance_measure: str
    level: float
    importance_median: float | None
    performance_median: float | None
    drivers: tuple[Driver, ...]
    """Most important first; items whose importance is undefined come last."""
    method: str
    limits: tuple[str, ...]
    min_pairs: int = MIN_PAIRS


def _method(target: str, measure: Performance) -> str:
    target_text = "overall satisfaction" if target == "overall" else "likelihood to recommend"
    performance_text = "its mean rating" if measure == "mean" else "its top-box share"
    return (
        f"Importance is Pearson's correlation between each item and {target_text}, over the "
        "responses that answered both; performance is "
        f"{performance_text}. Quadrants split at the median importance and the median "
        "performance (at or above the median counts as important or high)."
    )


LIMITS = (
    "Correlation is not causation: an important item moves with satisfaction, it is not shown "
    "to drive it.",
    "Items correlate with each other, so importances overlap and do not add up.",
    "Each item's n counts the responses that answered both it and the target.",
    f"Items with fewer than {MIN_PAIRS} pairs are flagged: their correlation is unstable.",
)


def quadrant(important: bool, high: bool) -> str:
    if important:
        return KEEP_UP if high else FIX_FIRST
    return LESS_IMPORTANT if high else WATCH


def key_drivers(
    items: Mapping[str, Sequence[float | None]],
    overall: Sequence[float | None],
    nps: Sequence[float | None],
    item_scale: Scale,
    target_scale: Scale | None = None,
    level: float = DEFAULT_LEVEL,
    performance: Performance = "mean",
    nps_scale: Scale | None = None,
    item_results: Mapping[str, object] | None = None,
    coded: Mapping[str, CodedColumn] | None = None,
) -> DriverAnalysis | None:
    """Rank the items against overall satisfaction (or NPS when overall was not asked).

    ``item_results`` may hold the items' computed statistics (``ItemResult``) and ``coded``
    the columns already coded with their scale's 'not applicable' codes as blanks (keys
    ``overall``, ``nps`` and ``items.<id>``, as ``survey_specs`` names them); each saves
    a pass over the responses. Returns None when neither target was asked or no item was
    rated; an item whose result is ``Suppressed`` (too few answers) is left out.
    """
    coded = coded or {}
    if any(v is not None for v in overall):
        target_name, target = "overall", overall
        excluded = target_scale.not_applicable if target_scale else []
    elif any(v is not None for v in nps):
        target_name, target = "nps", nps
        excluded = nps_scale.not_applicable if nps_scale else []
    else:
        return None
    pairs = PairCounter(coded.get(target_name) or code_column(target, excluded))

    found: list[tuple[str, Correlation, ItemResult]] = []
    for item_id, column in items.items():
        if any(v is not None for v in column):
            not_applicable = item_scale.not_applicable
            codes = coded.get(ITEM_PREFIX + item_id) or code_column(column, not_applicable)
            known = (item_results or {}).get(item_id)
            if isinstance(known, Suppressed):
                continue  # too few answers to show: its mean and correlation would expose them
            if not isinstance(known, ItemResult):
                known = item_from_tally(tally_scores(column, not_applicable), item_scale, level)
            found.append((item_id, pearson(pairs.tally(codes), level), known))
    if not found:
        return None

    def performance_of(rated: ItemResult) -> float | None:
        return rated.value if performance == "mean" else rated.top_box.value

    importance_median = median(c.r for _, c, _ in found if c.r is not None)
    performance_median = median(
        value for _, _, rated in found if (value := performance_of(rated)) is not None
    )
    drivers = []
    for item_id, correlation, rated in found:
        value = performance_of(rated)
        placed = None
        if correlation.r is not None and value is not None:
            assert importance_median is not None and performance_median is not None
            placed = quadrant(correlation.r >= importance_median, value >= performance_median)
        drivers.append(
            Driver(
                item=item_id,
                importance=correlation.r,
                importance_low=correlation.low,
                importance_high=correlation.high,
                p_value=correlation.p_value,
                n=correlation.n,
                performance=value,
                performance_n=rated.n,
                quadrant=placed,
                few_pairs=correlation.n < MIN_PAIRS,
            )
        )
    drivers.sort(key=lambda d: (d.importance is None, -(d.importance or 0.0), d.item))
    return DriverAnalysis(
        target=target_name,
        performance_measure=performance,
        level=level,
        importance_median=importance_median,
        performance_median=performance_median,
        drivers=tuple(drivers),
        method=_method(target_name, performance),
        limits=LIMITS,
    )
