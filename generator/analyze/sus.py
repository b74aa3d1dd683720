"""System Usability Scale: Brooke's scoring, the Sauro–Lewis grade and a percentile rank.

Scoring (Brooke 1996): each of the ten statements is answered 1–5; odd statements score
answer − 1, even statements 5 − answer; the sum × 2.5 gives 0–100. Only respondents who
answered all ten are scored.

Grade: the curved grading scale of Sauro & Lewis, *Quantifying the User Experience*, 2nd ed.
(2016), Table 8.5, applied to the mean rounded to one decimal (the table's resolution), so the
printed score and its grade always agree.

Percentile rank: read off the same published table, not a normal approximation. Each row of
the table pairs a score range with a percentile range (e.g. C: 65.0–71.0 ↔ 41–59); the rank
is interpolated linearly inside the row that holds the score, so it always falls in the range
its grade states (68 → 50; a normal curve with mean 68 and SD 12.5 would put 84.1, an A+, at
the 90th percentile instead of the table's 96th).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.analyze.metrics import DEFAULT_LEVEL
from generator.analyze.plain import Plain
from generator.analyze.stats import Tally, mean_interval

# (score range, grade, percentile range) per row, from the top of the table down.
CURVED_GRADING_SCALE: tuple[tuple[float, float, str, float, float], ...] = (
    (84.1, 100.0, "A+", 96.0, 100.0),
    (80.8, 84.0, "A", 90.0, 95.0),
    (78.9, 80.7, "A-", 85.0, 89.0),
    (77.2, 78.8, "B+", 80.0, 84.0),
    (74.1, 77.1, "B", 70.0, 79.0),
    (72.6, 74.0, "B-", 65.0, 69.0),
    (71.1, 72.5, "C+", 60.0, 64.0),
    (65.0, 71.0, "C", 41.0, 59.0),
    (62.7, 64.9, "C-", 35.0, 40.0),
    (51.7, 62.6, "D", 15.0, 34.0),
    (0.0, 51.6, "F", 0.0, 14.0),
)
GRADING_SOURCE = "Sauro & Lewis (2016), curved grading scale, Table 8.5"
PERCENTILE_METHOD = (
    "linear interpolation within the row of the curved grading scale "
    "(Sauro & Lewis 2016, Table 8.5) that holds the score"
)
ITEMS = 10


@dataclass(frozen=True)
class SusResult(Plain):
    """Mean SUS score (value, t-interval), its grade and percentile rank."""

    value: float | None
    n: int
    low: float | None
    high: float | None
    level: float
    sd: float | None
    grade: str | None
    percentile: float | None
    incomplete: int | None
    grading: str = GRADING_SOURCE
    percentile_method: str = PERCENTILE_METHOD
    median: float | None = None
    """The middle participant's score (the mean of the two middle ones for an even n):
    with the few participants of a usability test, one outlier moves the mean, not this."""


def sus_score(answers: Sequence[float | None]) -> float | None:
    """Return one respondent's 0–100 score, or None unless all ten answers are given."""
    if len(answers) != ITEMS:
        raise ValueError(f"SUS has {ITEMS} statements, got {len(answers)} answers")
    if any(answer is None for answer in answers):
        return None
    total = 0.0
    for position, answer in enumerate(answers, start=1):
        assert answer is not None
        if not 1 <= answer <= 5:
            raise ValueError(f"SUS answers are 1–5, got {answer} for statement {position}")
        total += answer - 1 if position % 2 else 5 - answer
    return total * 2.5


def round_half_up(value: float) -> float:
    """Round to one decimal, halves up, as the decimal text of the value reads (84.05 → 84.1)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _row(score: float) -> tuple[float, float, str, float, float]:
    shown = min(max(round_half_up(score), 0.0), 100.0)
    for row in CURVED_GRADING_SCALE:
        if shown >= row[0]:
            return row
    return CURVED_GRADING_SCALE[-1]


def grade(score: float) -> str:
    """Return the curved-scale letter grade of a 0–100 score (rounded to one decimal first)."""
    return _row(score)[2]


def percentile_rank(score: float) -> float:
    """Return the percentile rank (0–100) of a 0–100 score (rounded to one decimal first)."""
    low, high, _, pct_low, pct_high = _row(score)
    shown = min(max(round_half_up(score), 0.0), 100.0)
    return pct_low + (shown - low) / (high - low) * (pct_high - pct_low)


def sus_from_tally(
    tally: Tally, incomplete: int | None = 0, level: float = DEFAULT_LEVEL
) -> SusResult:
    """Summarise tallied respondent scores (score → respondents)."""
    value, n, low, high, sd = mean_interval(tally, level)
    if value is None:
        return SusResult(None, n, None, None, level, None, None, None, incomplete)
    return SusResult(
        value=value,
        n=n,
        low=low,
        high=high,
        level=level,
        sd=sd,
        grade=grade(value),
        percentile=percentile_rank(value),
        incomplete=incomplete,
        median=tally_median(tally),
    )


def tally_median(tally: Tally) -> float | None:
    """The median of tallied scores (score → how many gave it)."""
    n = sum(tally.values())
    if n == 0:
        return None
    middle: list[float] = []
    seen = 0
    for score in sorted(tally):
        before, seen = seen, seen + tally[score]
        for rank in ((n - 1) // 2, n // 2):  # 0-based ranks of the middle one or two
            if before <= rank < seen:
                middle.append(score)
    return sum(middle) / len(middle)


def respondent_scores(answers: Sequence[Sequence[float | None]]) -> list[float | None]:
    """Score each respondent; None for those who left any statement blank."""
    return [sus_score(row) for row in answers]


def sus(answers: Sequence[Sequence[float | None]], level: float = DEFAULT_LEVEL) -> SusResult:
    """Score every respondent and summarise; partly answered questionnaires count as incomplete."""
    scores = respondent_scores(answers)
    incomplete = sum(
        1
        for row, score in zip(answers, scores, strict=True)
        if score is None and any(a is not None for a in row)
    )
    tally: dict[float, int] = {}
    for score in scores:
        if score is not None:
            tally[score] = tally.get(score, 0) + 1
    return sus_from_tally(tally, incomplete, level)
