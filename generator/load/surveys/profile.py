"""What each column of a table holds: its type, range, likely scale and a few samples."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.load.surveys.table import Column, Table, shorten
from generator.load.surveys.values import (
    NOT_APPLICABLE_WORDS,
    as_number,
    as_text,
    label_key,
    looks_like_date,
)

SAMPLES = 3
SAMPLE_CHARS = 30
STANDARD_SCALES = ((1, 5), (1, 7), (0, 10), (1, 10))

_SATISFACTION = {
    "extremely satisfied": 5,
    "very satisfied": 5,
    "satisfied": 4,
    "somewhat satisfied": 4,
    "neither satisfied nor dissatisfied": 3,
    "neutral": 3,
    "somewhat dissatisfied": 2,
    "dissatisfied": 2,
    "very dissatisfied": 1,
    "extremely dissatisfied": 1,
    "дуже задоволений": 5,
    "задоволений": 4,
    "скоріше задоволений": 4,
    "нейтрально": 3,
    "ні те, ні інше": 3,
    "скоріше незадоволений": 2,
    "незадоволений": 2,
    "дуже незадоволений": 1,
    "ļoti apmierināts": 5,
    "apmierināts": 4,
    "neitrāli": 3,
    "ne apmierināts, ne neapmierināts": 3,
    "neapmierināts": 2,
    "ļoti neapmierināts": 1,
}
_AGREEMENT = {
    "strongly agree": 5,
    "agree": 4,
    "somewhat agree": 4,
    "neither agree nor disagree": 3,
    "neutral": 3,
    "somewhat disagree": 2,
    "disagree": 2,
    "strongly disagree": 1,
    "повністю згоден": 5,
    "згоден": 4,
    "ні те, ні інше": 3,
    "не згоден": 2,
    "зовсім не згоден": 1,
    "pilnīgi piekrītu": 5,
    "piekrītu": 4,
    "ne piekrītu, ne nepiekrītu": 3,
    "nepiekrītu": 2,
    "pilnīgi nepiekrītu": 1,
}
_FAVORABILITY = {
    "very favorably": 5,
    "somewhat favorably": 4,
    "neither favorably nor unfavorably (neutral)": 3,
    "neither favorably nor unfavorably": 3,
    "somewhat unfavorably": 2,
    "very unfavorably": 1,
}
_LIKELIHOOD = {
    "very likely": 5,
    "likely": 4,
    "somewhat likely": 4,
    "neither likely nor unlikely": 3,
    "somewhat unlikely": 2,
    "unlikely": 2,
    "very unlikely": 1,
}
_QUALITY = {"excellent": 5, "very good": 4, "good": 3, "fair": 2, "poor": 1}
_QUALITY_UK = {"відмінно": 5, "добре": 4, "задовільно": 3, "погано": 2, "дуже погано": 1}
_QUALITY_LV = {"ļoti labi": 5, "labi": 4, "vidēji": 3, "slikti": 2, "ļoti slikti": 1}
# Ukrainian and Latvian answers often carry both grammatical genders: "задоволений(-а)".
_GENDER_ENDING = re.compile(r"\s*\(-[^()\s]{1,3}\)")
TEXT_SCALES = {
    "satisfaction": _SATISFACTION,
    "agreement": _AGREEMENT,
    "favorability": _FAVORABILITY,
    "likelihood": _LIKELIHOOD,
    "quality": _QUALITY,
    "quality (uk)": _QUALITY_UK,
    "quality (lv)": _QUALITY_LV,
}
NOT_APPLICABLE_LABELS = frozenset(
    {
        "not applicable",
        "don't know",
        "do not know",
        "prefer not to answer",
        "no basis for evaluation",
        "unfamiliar (n/a)",
        "unfamiliar",
        "не знаю",
        "nezinu",
    }
)


@dataclass
class ColumnProfile:
    column: Column
    kind: str = "empty"  # number, text, date or empty
    filled: int = 0
    distinct: int = 0
    samples: list[str] = field(default_factory=list)
    low: float | None = None  # smallest non-negative number
    high: float | None = None
    integral: bool = True
    codes: list[int] = field(default_factory=list)  # negative numbers: "not applicable" codes
    scale: tuple[int, int] | None = None
    zero_not_applicable: bool = False  # 0 on a 1–5 or 1–7 scale, as the airline data codes it
    text_scale: str | None = None
    labels: dict[str, float | str] = field(default_factory=dict)  # as written → point or "n/a"
    mean_length: float = 0.0
    unique: bool = False  # every filled value differs
    ranking: bool = False  # one of a question's columns that each respondent ranks 1…k

    @property
    def not_applicable(self) -> list[int]:
        return sorted(self.codes + ([0] if self.zero_not_applicable else []))


def profile_table(table: Table) -> list[ColumnProfile]:
    profiles = [profile_column(table, column) for column in table.columns]
    mark_rankings(table, profiles)
    return profiles


MIN_RANKED = 3


def mark_rankings(table: Table, profiles: list[ColumnProfile]) -> None:
    """Mark the columns of a ranking question: k sibling columns (one question text) holding
    1…k, where every respondent who answered gives each rank once. Such answers are a
    ranking (1 = first, lower is better), not a rating on the nearest standard scale."""
    by_question: dict[str, list[ColumnProfile]] = {}
    for profile in profiles:
        if profile.kind == "number" and profile.integral and profile.column.text:
            by_question.setdefault(profile.column.text, []).append(profile)
    for siblings in by_question.values():
        k = len(siblings)
        if k < MIN_RANKED or any((p.low, p.high) != (1, k) or p.codes for p in siblings):
            continue
        columns = [table.column_values(p.column) for p in siblings]
        ranked = 0
        for answers in zip(*columns, strict=True):
            numbers = [as_number(a) for a in answers if as_text(a) is not None]
            if not numbers:
                continue
            if len(set(numbers)) != len(numbers):
                break  # two columns share a rank: a rating grid, not a ranking
            ranked += 1
        else:
            if ranked:
                for profile in siblings:
                    profile.ranking = True
                    profile.scale = (1, k)
                    profile.zero_not_applicable = False


def profile_column(table: Table, column: Column) -> ColumnProfile:
    profile = ColumnProfile(column)
    counts = Counter(table.column_values(column))
    counts.pop(None, None)
    texts: Counter[str] = Counter()
    for value, count in counts.items():
        text = as_text(value)
        if text is not None:
            texts[text] += count
    if not texts:
        return profile
    profile.filled = sum(texts.values())
    profile.distinct = len(texts)
    profile.unique = profile.distinct == profile.filled
    profile.samples = [shorten(text, SAMPLE_CHARS) for text in list(texts)[:SAMPLES]]
    profile.mean_length = sum(len(t) * n for t, n in texts.items()) / profile.filled
    numbers = {}
    other = []
    for text in texts:
        number = as_number(text)
        if number is not None:
            numbers[text] = number
        elif label_key(text) not in NOT_APPLICABLE_WORDS:
            other.append(text)
    if numbers and not other:
        _numeric(profile, list(numbers.values()))
    elif all(looks_like_date(value) for value in counts):
        profile.kind = "date"
    else:
        profile.kind = "text"
        _text_scale(profile, other)
    return profile


def _numeric(profile: ColumnProfile, numbers: list[float]) -> None:
    profile.kind = "number"
    profile.integral = all(n.is_integer() for n in numbers)
    positive = [n for n in numbers if n >= 0]
    negative = [n for n in numbers if n < 0]
    if not positive:
        return
    profile.low, profile.high = min(positive), max(positive)
    if not profile.integral or (negative and min(negative) < -9):
        return
    low, high = int(profile.low), int(profile.high)
    if high - low > 10 or high == low or (low, high) == (0, 1):
        return  # not a rating: a count, an id, a constant, or a 0/1 tick box
    profile.codes = sorted(int(n) for n in negative)
    if low == 0 and high in (5, 7):
        profile.zero_not_applicable = True
        low = 1
    fitting = [s for s in STANDARD_SCALES if s[0] <= low and high <= s[1]]
    # the narrowest standard scale that holds every answer: 1–10 before 0–10 when no one chose
    # 0; but answers that never reach its top two points (1–3) are a scale of their own, as
    # validation warns of an undeclared scale they do not fill
    fitting = [s for s in fitting if high > s[1] - 2]
    profile.scale = min(fitting, key=lambda s: s[1] - s[0]) if fitting else (low, high)


def _scale_key(text: str) -> str:
    return _GENDER_ENDING.sub("", label_key(text))


def _text_scale(profile: ColumnProfile, texts: list[str]) -> None:
    keys = {_scale_key(text): text for text in texts}
    for name, points in TEXT_SCALES.items():
        on_scale = [key for key in keys if key in points]
        rest = [key for key in keys if key not in points]
        if len(on_scale) >= 2 and all(key in NOT_APPLICABLE_LABELS for key in rest):
            profile.text_scale = name
            profile.labels = {keys[key]: points[key] for key in on_scale}
            profile.labels.update({keys[key]: "n/a" for key in rest})
            profile.scale = (1, 5)
            return


def scale_text(profile: ColumnProfile) -> str:
    """Describe the range and the scale guess, e.g. '0–5; 1–5 scale, 0 = n/a?'."""
    if profile.text_scale:
        return f"{profile.text_scale} labels (1–5)"
    if profile.ranking and profile.scale:
        return f"ranking 1–{profile.scale[1]} (1 = first, lower is better)"
    if profile.kind != "number" or profile.low is None:
        return ""
    assert profile.high is not None
    text = f"{_number(profile.low)}–{_number(profile.high)}"
    if profile.scale:
        low, high = profile.scale
        guess = "NPS candidate" if (low, high) in ((0, 10), (1, 10)) else f"{low}–{high} scale"
        text += f"; {guess}"
        if profile.not_applicable:
            codes = ", ".join(str(code) for code in profile.not_applicable)
            text += f", n/a codes? {codes}"
    return text


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"
