"""Single-choice and multi-select questions: the share choosing each answer, with its base.

A single-choice share's base is the respondents who answered the question. A multi-select
share's base is stated with it: those who chose at least one option (``answered``), or every
respondent of the wave (``shown``); its shares add up to more than 100 %. Each share has a
Wilson interval. A question fewer respondents than the anonymity minimum answered is
suppressed, as any metric is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyze.metrics import share_from_counts
from generator.analyze.plain import SUPPRESSED, Plain, Suppressed, natural_key
from generator.responses import Responses


@dataclass(frozen=True)
class OptionShare(Plain):
    option: str
    count: int
    share: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True)
class ChoiceResult(Plain):
    """The answers to one question: each option's share of ``n`` (the base)."""

    kind: str
    """'single' (one answer each) or 'multi' (several allowed: shares add up to over 100 %)."""
    base: str
    """'answered': those who answered the question; 'shown': every respondent of the wave."""
    n: int
    """The base: how many respondents each share is out of."""
    answered: int
    respondents: int
    level: float
    options: tuple[OptionShare, ...]
    """Most chosen first (ties in natural order); for multi-select, in the order of the
    questionnaire's columns when it has one column per option."""


def _options(counts: Counter, order: Sequence[str], n: int, level: float):
    listed = list(order) + sorted((o for o in counts if o not in order), key=natural_key)
    shares = []
    for option in listed:
        share = share_from_counts(counts.get(option, 0), n, level)
        shares.append(OptionShare(option, share.count, share.value, share.low, share.high))
    return tuple(shares)


def single_choice(answers: Sequence[str | None], level: float) -> ChoiceResult:
    counts = Counter(answers)
    counts.pop(None, None)
    n = sum(counts.values())
    order = sorted(counts, key=lambda o: (-counts[o], natural_key(o)))
    return ChoiceResult(
        "single", "answered", n, n, len(answers), level, _options(counts, order, n, level)
    )


def multi_choice(
    answers: Sequence[int | None],
    options: Sequence[str],
    base: str,
    level: float,
    order: Sequence[str] | None = None,
) -> ChoiceResult:
    """``answers`` are bit masks over ``options`` (see ``Responses.multi``); the shares are
    listed in ``order`` (the questionnaire's), else most chosen first."""
    counts: Counter[str] = Counter()
    answered = 0
    for mask, times in Counter(answers).items():  # a few hundred distinct masks at most
        if mask is None:
            continue
        answered += times
        for k, option in enumerate(options):
            if mask >> k & 1:
                counts[option] += times
    if order is None:
        order = sorted(options, key=lambda o: (-counts[o], natural_key(o)))
    n = answered if base == "answered" else len(answers)
    return ChoiceResult(
        "multi", base, n, answered, len(answers), level, _options(counts, order, n, level)
    )


def analyze_choices(
    responses: Responses, level: float, threshold: int
) -> dict[str, ChoiceResult | Suppressed]:
    """Every choice question of a wave, in the order the mapping lists them."""
    found: dict[str, ChoiceResult | Suppressed] = {}
    for question, answers in responses.choices.items():
        if any(a is not None for a in answers):
            found[question] = _publishable(single_choice(answers, level), threshold)
    for question, chosen in responses.multi.items():
        if any(a is not None for a in chosen):
            base = responses.multi_base.get(question, "answered")
            options = responses.multi_options.get(question, [])
            order = options if responses.multi_in_order.get(question) else None
            result = multi_choice(chosen, options, base, level, order)
            found[question] = _publishable(result, threshold)
    return found


def _publishable(result: ChoiceResult, threshold: int) -> ChoiceResult | Suppressed:
    return SUPPRESSED if result.answered < threshold else result
