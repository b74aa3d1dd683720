"""Types shared by the schema modules."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

Language = Literal["en", "uk", "lv"]
LANGUAGES: tuple[str, ...] = ("en", "uk", "lv")

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64),
]
"""A short identifier: letters, digits, '-', '_' or '.', starting with a letter or digit."""

Color = Annotated[str, StringConstraints(pattern=r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
"""A colour as #RGB or #RRGGBB."""

RelativePath = Annotated[str, StringConstraints(min_length=1, max_length=400)]
"""A file path relative to the folder of the YAML file that names it."""

Level = Literal["low", "medium", "high"]

CADENCE_PATTERN = r"^[1-9][0-9]{0,2}(d|w|mo)$"
Cadence = Annotated[str, StringConstraints(pattern=CADENCE_PATTERN)]
"""How often something recurs: a number and d (days), w (weeks) or mo (months), e.g. 14d, 3mo."""

HOURS_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$"
Hours = Annotated[str, StringConstraints(pattern=HOURS_PATTERN)]
"""Working hours in local time as HH:MM-HH:MM, e.g. 09:00-18:00."""

MonthDay = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
"""A day of the year as MM-DD, e.g. 03-14."""


class Model(BaseModel):
    """Strict base: unknown keys are errors, field docstrings become schema descriptions."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
        populate_by_name=True,
    )


class Period(Model):
    start: dt.date
    """First day, as YYYY-MM-DD."""
    end: dt.date
    """Last day, as YYYY-MM-DD."""

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self
