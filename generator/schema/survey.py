"""The survey part of engagement.yaml: a wave's exports, their column mapping, filters, scales."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from generator.schema.common import Id, Language, Model, RelativePath

SourceFormat = Literal["auto", "qualtrics", "surveymonkey", "google_forms", "limesurvey", "plain"]
NOT_APPLICABLE = "n/a"
Value = str | int | float


class Scale(Model):
    min: int
    """Lowest point of the scale."""
    max: int
    """Highest point of the scale."""
    not_applicable: list[int] = []
    """Numeric codes that mean 'not applicable' or 'no basis' (e.g. 0, -1, -2): never scored."""
    top_box: int = Field(default=2, ge=1)
    """How many of the best points count as 'satisfied' (CSAT top-2-box): the highest, or
    the lowest when lower_is_better (a ranking's top-1-box is the share ranking it first)."""
    lower_is_better: bool = False
    """1 is the best answer: the legacy 1–5 effort scale (1 = very low effort), or a ranking
    (1 = first choice). Top-box shares then count the lowest points."""

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.max <= self.min:
            raise ValueError(f"max ({self.max}) must be above min ({self.min})")
        return self


class Scales(Model):
    nps: Scale = Scale(min=0, max=10)
    """Likelihood to recommend: 0–10 (or 1–10 in Google Forms linear scales)."""
    csat: Scale = Scale(min=1, max=5)
    """Satisfaction: 1–5 by default."""
    ces: Scale = Scale(min=1, max=7)
    """Customer effort: 1–7 agreement by default."""
    overall: Scale = Scale(min=1, max=5)
    """Overall satisfaction used by the key-driver analysis."""
    items: Scale = Scale(min=1, max=5)
    """The rated items."""
    by_item: dict[Id, Scale] = {}
    """An item's own scale when it differs from items:, e.g. a ranking of six films,
    film_v: {min: 1, max: 6, top_box: 1, lower_is_better: true}. Such items are not key
    drivers (their scale is not the other items')."""

    def item(self, item_id: str) -> Scale:
        """The scale of one rated item."""
        return self.by_item.get(item_id, self.items)


class Condition(Model):
    """A test on one row: a column's answer (``column`` with ``is`` and/or ``blank``), or
    several tests combined (``all``, ``any``); ``not`` turns it around.

    Answers are compared as trimmed text, case-insensitively, numbers as numbers
    ('1' = 1 = '1.0'). ``{column: X}`` alone holds when X is answered (not blank).
    """

    column: str | None = None
    """Column id, question text, letter ('column AB') or position ('#28') to look at."""
    is_: list[Value] | None = Field(default=None, alias="is")
    """Holds when the answer is one of these."""
    blank: bool | None = None
    """true: holds when the answer is blank (besides any value under is:); false: when it
    is not blank."""
    contains: list[Value] | None = None
    """Holds when the answer, a multi-select cell of joined choices ('Python, SQL'), holds
    one of these; it is split at ';' or ',', whichever more of the cells hold."""
    not_: bool = Field(default=False, alias="not")
    """Holds when the test does not."""
    all_: list[Condition] | None = Field(default=None, alias="all")
    """Holds when every one of these holds."""
    any_: list[Condition] | None = Field(default=None, alias="any")
    """Holds when at least one of these holds."""

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        combined = [name for name, v in (("all", self.all_), ("any", self.any_)) if v is not None]
        if self.column is None and len(combined) != 1:
            raise ValueError("give a column, or one of 'all' and 'any'")
        if self.column is not None and combined:
            raise ValueError(f"'{combined[0]}' combines tests: it takes no column of its own")
        if self.column is None and (
            self.is_ is not None or self.blank is not None or self.contains is not None
        ):
            raise ValueError("'is', 'contains' and 'blank' need a column")
        if self.contains is not None and (self.is_ is not None or self.blank is not None):
            raise ValueError("'contains' stands alone: give 'is' or 'blank' in another test")
        return self


def _rule_kind(value: object) -> str:
    """Values as a list, a condition as a mapping: so an error speaks of the form written."""
    return "condition" if isinstance(value, (dict, Condition)) else "values"


Rule = Annotated[
    Annotated[list[Value], Tag("values")] | Annotated[Condition, Tag("condition")],
    Discriminator(_rule_kind),
]


class RowFilter(Model):
    """Which rows of an export to score: ``keep`` or ``drop`` the rows that match.

    The short form names a column and lists values: ``{column: Status, drop: [Survey
    Preview]}``. For combined tests, ``keep`` or ``drop`` takes a condition instead:
    ``{keep: {all: [{column: Finished, is: [1]}, {column: Country, is: [US], not: true}]}}``.
    """

    column: str | None = None
    """Column id, question text, letter ('column AB') or position ('#28') the filter looks at."""
    keep: Rule | None = None
    """Keep only the rows whose value is one of these (or that match this condition)."""
    drop: Rule | None = None
    """Drop the rows whose value is one of these (test, preview or bot-check answers), or
    that match this condition."""
    blank: bool = False
    """Blank answers count as one of the listed values: {column: submitdate, drop: [],
    blank: true} drops the responses never submitted."""
    not_: bool = Field(default=False, alias="not")
    """Apply the rule to the rows whose value is NOT listed."""

    @model_validator(mode="after")
    def _one_rule(self) -> RowFilter:
        if (self.keep is None) == (self.drop is None):
            raise ValueError("give either 'keep' or 'drop'")
        rule = self.keep if self.keep is not None else self.drop
        if isinstance(rule, Condition):
            if self.column is not None or self.blank or self.not_:
                raise ValueError(
                    "a filter whose keep/drop is a condition puts column, blank and not inside it"
                )
        elif self.column is None:
            raise ValueError("name the column the values are in (column:)")
        elif not rule and not self.blank:
            raise ValueError("list the values to match, or say blank: true")
        return self

    def condition(self) -> Condition:
        """The rule as one condition (the short form is a condition on its column)."""
        rule = self.keep if self.keep is not None else self.drop
        if isinstance(rule, Condition):
            return rule
        return Condition.model_validate(
            {
                "column": self.column,
                "is": list(rule or []),
                "blank": self.blank or None,
                "not": self.not_,
            }
        )

    @property
    def keeps(self) -> bool:
        return self.keep is not None


class MultiSelect(Model):
    """A tick-box question: the share of respondents choosing each option.

    Either one column per option (SurveyMonkey, Qualtrics Q5_1…, LimeSurvey Q1[SQ001]): a
    filled cell is a choice, except 0, No, N, FALSE and 'not selected'; the option is the
    column's sub-item label, else its text. Or one cell of joined choices (Google Forms).
    """

    columns: list[str] = []
    """The option columns; an entry ending in * names every column whose id starts so
    (Q5_*, Q1[*)."""
    column: str | None = None
    """The one column whose cells hold the choices joined, e.g. 'Python, SQL, Excel'."""
    separator: str | None = None
    """What joins the choices in that cell; when absent, ';' or ',', whichever more of the
    cells hold."""
    base: Literal["answered", "shown"] = "answered"
    """The base of each share: those who chose at least one option (answered), or every
    respondent of the wave (shown)."""

    @model_validator(mode="after")
    def _one_layout(self) -> MultiSelect:
        if bool(self.columns) == (self.column is not None):
            raise ValueError("give either 'columns' (one per option) or 'column' (one cell)")
        if self.separator is not None and self.column is None:
            raise ValueError("'separator' belongs to the one-cell layout ('column')")
        return self


class ColumnMap(Model):
    respondent_id: str | None = None
    """Column with a unique respondent or response id."""
    date: str | None = None
    """Column with the response date or timestamp."""
    nps: str | None = None
    """Likelihood-to-recommend column."""
    csat: str | None = None
    """Satisfaction column."""
    ces: str | None = None
    """Customer-effort column."""
    overall: str | None = None
    """Overall satisfaction column (key drivers are computed against it)."""
    items: dict[Id, str] = {}
    """Rated item id (declared under measures.items) → column."""
    segments: dict[Id, str] = {}
    """Segment id (declared under measures.segments) → column."""
    comment: str | None = None
    """Open-ended comment column."""
    choices: dict[Id, str] = {}
    """Single-choice question id (declared under measures.choices) → column: reported as
    the share choosing each answer."""
    multi: dict[Id, MultiSelect] = {}
    """Multi-select (tick-box) question id (declared under measures.choices) → its columns."""
    sus: list[str] = []
    """The ten SUS statement columns, in questionnaire order (usability tests only)."""


class Source(Model):
    file: RelativePath
    """Survey export as downloaded (.xlsx, .csv, .tsv), relative to the engagement folder."""
    format: SourceFormat = "auto"
    """Export layout: auto, qualtrics, surveymonkey, google_forms, limesurvey or plain."""
    sheet: str | None = None
    """Worksheet name for .xlsx files; the first sheet when absent."""
    encoding: str | None = None
    """Text encoding of a .csv/.tsv (utf-8, cp1251, cp1257, cp1252…); detected when absent."""
    delimiter: str | None = Field(default=None, min_length=1, max_length=1)
    """Field delimiter of a .csv (',', ';' or a tab); detected when absent."""
    language: Language | None = None
    """Language the respondents answered in (for comment themes); the client's when absent."""
    filters: list[RowFilter] = []
    """Rows to keep or drop before scoring."""
    columns: ColumnMap
    """Which column holds what."""
    labels: dict[str, float | Literal["n/a"]] = {}
    """Text answers mapped to scale points, e.g. 'Very satisfied': 5, or to n/a."""
