"""One answer turned into a scale point, 'not applicable', or a reason it is neither."""

from __future__ import annotations

from collections.abc import Mapping

from generator.load.surveys.table import Cell, shorten
from generator.load.surveys.values import (
    as_number,
    as_text,
    format_number,
    is_not_applicable_word,
    label_key,
    leading_number,
)
from generator.schema.engagement import NOT_APPLICABLE, Scale

LISTED_LABELS = 8


class Invalid:
    """A cell that is not a usable answer, and the message that says why."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


class Scorer:
    """Turn the cells of one scored column into scale points.

    Blank cells, the scale's not-applicable codes, labels mapped to "n/a" and the words
    "n/a" / "not applicable" become None. Numbers may be written "7", "7.0" or "7,0";
    "10 - Extremely likely" and "0 (Not at all likely)" count as their leading number.
    """

    def __init__(self, scale: Scale, labels: Mapping[str, float | str], name: str):
        self.scale = scale
        self.name = name
        self.labels = {label_key(text): value for text, value in labels.items()}
        self.written_labels = list(labels)
        self.not_applicable = {float(code) for code in scale.not_applicable}

    def __call__(self, value: Cell) -> float | None | Invalid:
        if value is None:
            return None
        number = as_number(value)
        if number is not None:
            return self.point(number)
        text = as_text(value)
        if text is None:
            return None
        key = label_key(text)
        if key in self.labels:
            mapped = self.labels[key]
            return None if mapped == NOT_APPLICABLE else self.point(float(mapped))
        if is_not_applicable_word(text):
            return None
        number = leading_number(text)
        if number is not None:
            return self.point(number)
        return Invalid(self.unknown_text(text))

    def point(self, number: float) -> float | None | Invalid:
        if number in self.not_applicable:
            return None
        if self.scale.min <= number <= self.scale.max:
            return number
        return Invalid(
            f"{format_number(number)} is outside the {self.scale.min}–{self.scale.max} "
            f"scale of {self.name}"
        )

    def unknown_text(self, text: str) -> str:
        start = f"'{shorten(text, 60)}' in {self.name} is neither a number nor a declared label"
        if not self.written_labels:
            return f"{start}; no labels are declared (map text answers under labels:)"
        listed = ", ".join(f"'{label}'" for label in self.written_labels[:LISTED_LABELS])
        more = len(self.written_labels) - LISTED_LABELS
        if more > 0:
            listed += f" … and {more} more"
        return f"{start}; the labels are: {listed}"
