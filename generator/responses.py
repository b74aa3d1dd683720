"""Survey responses as the analysis stage receives them: columns of checked values."""

from __future__ import annotations

from dataclasses import dataclass, field

Score = float | None
"""A scale point, or None when the answer is blank or 'not applicable'."""


@dataclass
class Responses:
    """One wave's (or one usability test's) usable responses, all sources stacked.

    Every list has one entry per response, in file order; ``origins[i]`` says where
    response ``i`` was read (``data/q2.xlsx[Responses]:17``, ``data/q2.csv:118``).
    """

    origins: list[str] = field(default_factory=list)
    respondent_ids: list[str | None] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)  # ISO date of the response, if mapped
    nps: list[Score] = field(default_factory=list)
    csat: list[Score] = field(default_factory=list)
    ces: list[Score] = field(default_factory=list)
    overall: list[Score] = field(default_factory=list)
    items: dict[str, list[Score]] = field(default_factory=dict)
    segments: dict[str, list[str | None]] = field(default_factory=dict)
    comments: list[str | None] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # language each response was given in
    sus: list[list[Score]] = field(default_factory=list)  # ten answers per response, when mapped
    choices: dict[str, list[str | None]] = field(default_factory=dict)  # single-choice answers
    multi: dict[str, list[int | None]] = field(default_factory=dict)
    """Per multi-select question, each response's choices as a bit mask over its options
    (bit k: ``multi_options[q][k]`` chosen), or None when not answered."""
    multi_options: dict[str, list[str]] = field(default_factory=dict)
    """Per multi-select question, its options in questionnaire order (as far as known)."""
    multi_base: dict[str, str] = field(default_factory=dict)  # "answered" or "shown"
    multi_in_order: dict[str, bool] = field(default_factory=dict)
    """Whether the options are in the questionnaire's order (one column per option)."""

    def __len__(self) -> int:
        return len(self.origins)
