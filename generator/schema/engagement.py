"""engagement.yaml: one client, their surveys and research, and what the consultant concluded."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from generator.schema.common import (
    Cadence,
    Hours,
    Id,
    Language,
    Level,
    Model,
    MonthDay,
    Period,
    RelativePath,
)
from generator.schema.survey import (  # noqa: F401  (re-exported: the survey models' old home)
    NOT_APPLICABLE,
    ColumnMap,
    Condition,
    MultiSelect,
    RowFilter,
    Scale,
    Scales,
    Source,
    SourceFormat,
)

Audience = Literal["web", "engineering", "marketing", "operations", "support", "leadership"]
Channel = Literal["call", "meeting", "video", "messenger", "email", "visit"]
DEFAULT_HOURS = "09:00-17:00"


class Contact(Model):
    id: Id
    """Short handle used in the relationship log, e.g. 'jsmith'."""
    name: str
    """Full name."""
    role: str | None = None
    """Job title, e.g. 'Chief Operating Officer'."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """E-mail address the deliverables are sent to."""
    executive: bool = False
    """An executive: the relationship health section tracks days since the last contact."""
    recipient: bool = False
    """Receives the deliverables by e-mail."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """Where the contact works, when not the client's country (ISO code): their holidays."""
    contact_every: Cadence | None = None
    """How often to be in touch with this contact (e.g. 14d, 3w, 1mo); the client's when absent."""
    birthday: MonthDay | None = None
    """Birthday as MM-DD, if the contact shared it: 'rapport agenda' lists it."""
    started: dt.date | None = None
    """When the contact started in their role: 'rapport agenda' lists the work anniversary."""
    timezone: str | None = None
    """IANA time zone, e.g. America/Chicago, when not the client's: the briefing's overlap."""
    hours: Hours = DEFAULT_HOURS
    """Working hours in the contact's local time, HH:MM-HH:MM."""
    channel: Channel | None = None
    """How the contact prefers to be reached: call, meeting, video, messenger, email or visit."""


class Client(Model):
    name: str
    """The client's name as printed on the cover."""
    short_name: str | None = None
    """A shorter name for running headers and slide footers."""
    industry: str | None = None
    """Industry, e.g. 'Retail' or 'Software'."""
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """ISO 3166 two-letter country code, e.g. 'US', 'LV', 'UA'."""
    language: Language | None = None
    """Language of the deliverables (en, uk, lv); the workspace default when absent."""
    logo: RelativePath | None = None
    """The client's logo (SVG or PNG), relative to the engagement folder."""
    contacts: list[Contact] = []
    """The client's people you work with."""
    contact_every: Cadence | None = None
    """How often to be in touch with each contact (e.g. 14d), unless a contact says otherwise."""
    timezone: str | None = None
    """IANA time zone of the client's people, e.g. America/Chicago (a contact may have another)."""


class EngagementInfo(Model):
    title: str
    """Title of the deliverables, e.g. 'Customer satisfaction assessment'."""
    period: Period
    """The period the engagement covers."""
    report_date: dt.date
    """Date printed on the deliverables; it also fixes the PDF dates so builds are reproducible."""
    objectives: list[str] = []
    """What the client wants to learn or change."""
    confidentiality: str = "Confidential"
    """Label printed on every page, e.g. 'Confidential — for Acme's executive team'."""
    survey_every: Cadence | None = None
    """How often a survey wave is fielded (e.g. 3mo): when the next one is due."""


class Targets(Model):
    nps: float | None = Field(default=None, ge=-100, le=100)
    """Net Promoter Score target, −100 to 100."""
    csat: float | None = Field(default=None, ge=0, le=100)
    """CSAT target as the percentage of satisfied answers (top-2-box), 0 to 100."""
    ces: float | None = Field(default=None, ge=1, le=7)
    """Customer Effort Score target on its scale (1–7 unless declared otherwise)."""
    sus: float | None = Field(default=None, ge=0, le=100)
    """System Usability Scale target, 0 to 100."""


class Measures(Model):
    items: dict[Id, str] = {}
    """Rated items by id, with the label printed in the deliverables."""
    segments: dict[Id, str] = {}
    """Segment columns by id (store, channel, customer type…), with their printed label."""
    segment_order: dict[Id, list[str]] = {}
    """The order a segment's groups are listed in, as the answers are written, e.g.
    tenure: [Less than 6 months, 6-12 months, 1-2 years]; groups not listed follow in
    alphabetical order."""
    crossed: list[tuple[Id, Id]] | None = None
    """The pairs of segments crossed in the appendix, e.g. [[department, tenure]]; [] for
    none. Unset, the first three segments are crossed with each other."""
    choices: dict[Id, str] = {}
    """Single-choice and multi-select questions by id (channel, heard_from, tools…), with
    their printed label; each is reported as the share choosing each answer."""
    segment_values: dict[Id, dict[str, str]] = {}
    """Answers of a segment merged and renamed before they are grouped: written answer →
    printed group, compared trimmed and case-insensitively, e.g. experience: {Experto:
    Expert, Principiante: Beginner} when an English and a Spanish export are stacked, or
    gender: {Female: Sieviete, Male: Vīrietis} for a Latvian report. Answers not listed keep
    their own text; segment_order names the printed groups."""


class Wave(Model):
    id: Id
    """Short id, e.g. '2026-q3'."""
    name: str
    """Printed name, e.g. 'Q3 2026 pulse'."""
    fielded: Period
    """When the survey was open."""
    invited: int | None = Field(default=None, ge=1)
    """How many people were invited (for the response rate)."""
    scales: Scales = Scales()
    """Scales of the scored columns."""
    sources: list[Source] = Field(min_length=1)
    """One or more exports of this wave (e.g. one per survey language)."""


class Task(Model):
    id: Id
    """Short id of the task."""
    title: str
    """What participants were asked to do."""
    attempts: int = Field(ge=1)
    """Participants who attempted the task."""
    successes: int = Field(ge=0)
    """Participants who completed it."""
    mean_time_seconds: float | None = Field(default=None, gt=0)
    """Mean time on task, in seconds."""

    @model_validator(mode="after")
    def _not_more_successes(self) -> Task:
        if self.successes > self.attempts:
            raise ValueError(f"{self.successes} successes out of {self.attempts} attempts")
        return self


class UsabilityTest(Model):
    id: Id
    """Short id of the test."""
    title: str
    """Printed title, e.g. 'Web-shop checkout'."""
    date: dt.date
    """When the sessions were held."""
    product: str | None = None
    """What was tested (store, web shop, app…)."""
    sus: Source | None = None
    """SUS answers: a file whose columns.sus names the ten statements."""
    tasks: list[Task] = []
    """Task success and time."""


class FocusGroupTheme(Model):
    title: str
    """The theme in a few words."""
    summary: str | None = None
    """What the group said about it."""
    quotes: list[str] = []
    """Verbatim quotes (anonymous)."""


class FocusGroup(Model):
    id: Id
    """Short id of the group."""
    title: str
    """Printed title."""
    date: dt.date
    """When it was held."""
    location: str | None = None
    """Where (city, store, online)."""
    participants: int = Field(ge=1)
    """Number of participants."""
    segment: str | None = None
    """Who took part, e.g. 'loyalty-card holders'."""
    themes: list[FocusGroupTheme] = []
    """What came up."""


class VerbatimTheme(Model):
    id: Id
    """Short id of the theme."""
    label: str
    """Printed label."""
    keywords: dict[Language, list[str]]
    """Keywords per language; a trailing * matches any ending (piegād* → piegāde, piegādes)."""


class Finding(Model):
    id: Id
    """Short id, e.g. 'F1'."""
    title: str
    """One sentence that states the finding."""
    wave: Id | None = None
    """The wave the finding was made in (the latest when absent)."""
    summary: str | None = None
    """A short Markdown paragraph; the long narrative goes into narrative/<file>.md."""
    evidence: list[str] = []
    """References as kind:id, e.g. item:speed, theme:delivery, metric:nps, focus_group:fg1."""
    notes: str | None = None
    """Speaker notes for the deck."""


class Recommendation(Model):
    id: Id
    """Short id, e.g. 'R1'."""
    title: str
    """What to do, as an imperative sentence."""
    short: str | None = Field(default=None, max_length=40)
    """A name of a few words (at most 40 characters) that the deck's priority matrix shows
    beside the id, e.g. 'Trim the ceremonies'; the matrix shows the whole title without it."""
    rationale: str | None = None
    """Why, in a few sentences (Markdown)."""
    audience: list[Audience] = Field(min_length=1)
    """Who must act: web, engineering, marketing, operations, support, leadership."""
    findings: list[Id] = []
    """Ids of the findings this answers."""
    impact: Level
    """Expected impact: low, medium or high."""
    effort: Level
    """Effort to implement: low, medium or high."""
    confidence: Level = "medium"
    """How sure you are of the impact: low, medium or high."""
    horizon: Literal[30, 60, 90]
    """Days until it should be done: 30, 60 or 90."""
    owner: str | None = None
    """Who at the client owns it."""
    kpi: str | None = None
    """How success will be measured."""
    status: Literal["proposed", "accepted", "in_progress", "done", "dropped"] = "proposed"
    """Where it stands."""
    wave: Id | None = None
    """The wave it was first made in (the latest when absent)."""
    notes: str | None = None
    """Speaker notes for the deck."""


class Risk(Model):
    id: Id
    """Short id."""
    title: str
    """The risk in one sentence."""
    likelihood: Level
    """low, medium or high."""
    impact: Level
    """low, medium or high."""
    mitigation: str | None = None
    """What is being done about it."""
    owner: str | None = None
    """Who watches it."""


class Team(Model):
    name: str
    """The team that works for the client, e.g. 'Dnipro Digital delivery team'."""
    language: Language
    """The language the team reads: its briefing is written in it (en, uk, lv)."""
    timezone: str
    """The team's IANA time zone, e.g. Europe/Kyiv."""
    hours: Hours = "09:00-18:00"
    """The team's working hours in its local time, HH:MM-HH:MM."""
    audiences: list[Audience] = Field(default=["engineering"], min_length=1)
    """Which recommendations are the team's: those addressed to these audiences."""


class EngagementFile(Model):
    """engagement.yaml in engagements/<client>/."""

    client: Client
    """Who the client is."""
    engagement: EngagementInfo
    """What this engagement is."""
    targets: Targets = Targets()
    """Targets the scores are compared with."""
    measures: Measures = Measures()
    """The rated items and segments, named once for all waves."""
    waves: list[Wave] = []
    """Survey waves in chronological order."""
    usability_tests: list[UsabilityTest] = []
    """Usability tests (SUS, tasks)."""
    focus_groups: list[FocusGroup] = []
    """Focus groups."""
    themes: list[VerbatimTheme] = []
    """Keyword dictionaries that code the survey comments into themes."""
    findings: list[Finding] = []
    """What you found."""
    recommendations: list[Recommendation] = []
    """What the client should do."""
    risks: list[Risk] = []
    """Risks to the relationship or the outcome, with mitigations."""
    team: Team | None = None
    """The delivery team that works with the client: 'rapport briefing' prepares it."""
