"""Northwind's quarterly relationship pulse, as Qualtrics exports it (numeric values, CSV)."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field

from _demo.files import Writer
from _demo.sim import pick, point, token

ITEMS = {
    "communication": "The team communicates clearly and proactively",
    "transparency": "I can see what the team is working on and where things stand",
    "code_quality": "The code the team delivers is of high quality",
    "delivery_speed": "The team delivers at the pace we need",
    "responsiveness": "The team responds quickly when we need something",
    "business_understanding": "The team understands our business and our customers",
}
MATRIX_STEM = (
    "Thinking about the last quarter, how much do you agree with the following statements "
    "about the Dnipro Digital team?"
)
NPS_TEXT = (
    "How likely are you to recommend Dnipro Digital as a software development partner "
    "to a colleague at another company?"
)
CSAT_TEXT = (
    "How satisfied are you overall with the work the Dnipro Digital team delivered this quarter?"
)
OVERALL_TEXT = (
    "All things considered, how satisfied are you with the partnership with Dnipro Digital?"
)
COMMENT_TEXT = "What is the one thing the Dnipro Digital team should start, stop or keep doing?"
NOT_APPLICABLE = -99
DEPARTMENTS = [("Engineering", 45), ("Product", 25), ("Operations", 20), ("Executive", 10)]
TENURES = [
    ("Less than 6 months", 15),
    ("6-12 months", 20),
    ("1-2 years", 35),
    ("More than 2 years", 30),
]
METADATA = [
    ("StartDate", "Start Date", "startDate"),
    ("EndDate", "End Date", "endDate"),
    ("Status", "Response Type", "status"),
    ("IPAddress", "IP Address", "ipAddress"),
    ("Progress", "Progress", "progress"),
    ("Duration (in seconds)", "Duration (in seconds)", "duration"),
    ("Finished", "Finished", "finished"),
    ("RecordedDate", "Recorded Date", "recordedDate"),
    ("ResponseId", "Response ID", "_recordId"),
    ("RecipientLastName", "Recipient Last Name", "recipientLastName"),
    ("RecipientFirstName", "Recipient First Name", "recipientFirstName"),
    ("RecipientEmail", "Recipient Email", "recipientEmail"),
    ("ExternalReference", "External Data Reference", "externalDataReference"),
    ("LocationLatitude", "Location Latitude", "locationLatitude"),
    ("LocationLongitude", "Location Longitude", "locationLongitude"),
    ("DistributionChannel", "Distribution Channel", "distributionChannel"),
    ("UserLanguage", "User Language", "userLanguage"),
]


@dataclass(frozen=True)
class WavePlan:
    id: str
    file: str
    opens: dt.date
    days: int
    invited: int
    completes: int
    unfinished: int
    previews: int
    item_means: dict[str, float]
    overall_mean: float
    nps_shift: float  # moves likelihood to recommend relative to overall satisfaction
    engineering_transparency: float  # extra gap felt by the engineers who work with the team daily


PLANS = [
    WavePlan(
        "2026-q1",
        "Northwind relationship pulse Q1 2026_March 16, 2026_09.41.csv",
        dt.date(2026, 3, 2),
        12,
        92,
        49,
        4,
        2,
        {
            "communication": 3.3,
            "transparency": 2.4,
            "code_quality": 4.0,
            "delivery_speed": 3.9,
            "responsiveness": 3.0,
            "business_understanding": 3.4,
        },
        3.05,
        0.0,
        -0.45,
    ),
    WavePlan(
        "2026-q2",
        "Northwind relationship pulse Q2 2026_June 15, 2026_10.07.csv",
        dt.date(2026, 6, 1),
        12,
        96,
        56,
        5,
        1,
        {
            "communication": 3.4,
            "transparency": 2.6,
            "code_quality": 4.0,
            "delivery_speed": 4.0,
            "responsiveness": 3.2,
            "business_understanding": 3.5,
        },
        3.15,
        0.0,
        -0.35,
    ),
    WavePlan(
        "2026-q3",
        "Northwind relationship pulse Q3 2026_September 21, 2026_16.22.csv",
        dt.date(2026, 9, 7),
        12,
        98,
        65,
        3,
        2,
        {
            "communication": 3.9,
            "transparency": 3.7,
            "code_quality": 4.0,
            "delivery_speed": 3.7,
            "responsiveness": 3.8,
            "business_understanding": 3.6,
        },
        3.75,
        0.0,
        -0.1,
    ),
]
# How strongly each item pulls overall satisfaction: transparency most, as the story needs.
DRIVER_WEIGHTS = {
    "communication": 0.1,
    "transparency": 0.8,
    "code_quality": 0.1,
    "delivery_speed": 0.1,
    "responsiveness": 0.1,
    "business_understanding": 0.1,
}


@dataclass
class Answers:
    """The scored answers of one wave's completed, non-preview responses, for the prose."""

    nps: list[int] = field(default_factory=list)
    csat: list[int] = field(default_factory=list)
    overall: list[int] = field(default_factory=list)
    items: dict[str, list[int | None]] = field(default_factory=lambda: {k: [] for k in ITEMS})
    departments: list[str] = field(default_factory=list)


def header_rows() -> list[list[str]]:
    ids = [m[0] for m in METADATA] + ["Q1", "Q1_NPS_GROUP"]
    texts = [m[1] for m in METADATA] + [NPS_TEXT, f"{NPS_TEXT} - Group"]
    imports = [m[2] for m in METADATA] + ["QID1", "QID1_NPS_GROUP"]
    for number, label in enumerate(ITEMS.values(), start=1):
        ids.append(f"Q2_{number}")
        texts.append(f"{MATRIX_STEM} - {label}")
        imports.append(f"QID2_{number}")
    ids += ["Q3", "Q4", "Q5", "Department", "Tenure"]
    texts += [CSAT_TEXT, OVERALL_TEXT, COMMENT_TEXT, "Department", "Tenure"]
    imports += ["QID3", "QID4", "QID5_TEXT", "Department", "Tenure"]
    return [ids, texts, [json.dumps({"ImportId": i}, separators=(",", ":")) for i in imports]]


def nps_group(score: int | None) -> int | None:
    if score is None:
        return None
    return 1 if score <= 6 else 2 if score <= 8 else 3


def simulate(rng: random.Random, plan: WavePlan, comments) -> tuple[list[list[object]], Answers]:
    """Simulate one wave: completed rows, a few unfinished ones and the team's preview runs."""
    kinds = ["done"] * plan.completes + ["unfinished"] * plan.unfinished
    rng.shuffle(kinds)
    for _ in range(plan.previews):  # previews happen before the survey goes out
        kinds.insert(0, "preview")
    answers = Answers()
    rows: list[tuple[dt.datetime, list[object]]] = []
    opens = dt.datetime.combine(plan.opens, dt.time(8, 0))
    for index, kind in enumerate(kinds):
        if kind == "preview":  # the account team tries the survey the Friday before launch
            start = opens - dt.timedelta(days=3) + dt.timedelta(hours=6, minutes=20 * index)
        else:
            day = opens + dt.timedelta(days=rng.randrange(plan.days))
            start = day.replace(hour=rng.randrange(7, 19), minute=rng.randrange(60))
        start = start.replace(second=rng.randrange(60))
        department = pick(rng, DEPARTMENTS)
        tenure = pick(rng, TENURES)
        attitude = rng.gauss(0, 1)
        items: dict[str, int | None] = {}
        for item, centre in plan.item_means.items():
            if item == "transparency" and department == "Engineering":
                centre += plan.engineering_transparency
            items[item] = point(rng, centre + 0.35 * attitude, 0.75, 1, 5)
        if department in ("Executive", "Operations") and rng.random() < 0.35:
            items["code_quality"] = NOT_APPLICABLE
        if department == "Operations" and rng.random() < 0.15:
            items["business_understanding"] = NOT_APPLICABLE
        if rng.random() < 0.03:
            items["delivery_speed"] = NOT_APPLICABLE
        pull = sum(
            weight * (items[item] - plan.item_means[item])
            for item, weight in DRIVER_WEIGHTS.items()
            if items[item] != NOT_APPLICABLE
        )
        raw = plan.overall_mean + pull + 0.25 * attitude + rng.gauss(0, 0.45)
        overall = max(1, min(5, round(raw)))
        csat = point(rng, raw + 0.15, 0.55, 1, 5)
        likely = round(7.6 + 1.5 * (raw - 3.2) + plan.nps_shift + rng.gauss(0, 1.1))
        likely = max(0, min(10, likely))
        if kind == "done":
            comment = comments(rng, plan.id, department, items, likely)
        else:
            comment = "test - please ignore" if kind == "preview" else ""
        duration = rng.randrange(95, 780)
        progress, finished = 100, 1
        answered_items = list(ITEMS)
        if kind == "unfinished":
            progress = rng.choice([9, 27, 45])
            finished = 0
            keep = {9: 0, 27: 3, 45: 6}[progress]
            answered_items = answered_items[:keep]
            likely = likely if progress > 9 else None
            csat = overall = None
        end = start + dt.timedelta(seconds=duration)
        recorded = end if finished else end + dt.timedelta(days=7)  # sessions expire after a week
        status = 1 if kind == "preview" else 0
        row: list[object] = [
            _stamp(start),
            _stamp(end),
            status,
            "",
            progress,
            duration,
            finished,
            _stamp(recorded),
            f"R_{token(rng, 15)}",
            "",
            "",
            "",
            "",
            "",
            "",
            "preview" if kind == "preview" else "anonymous",
            "EN",
            likely,
            nps_group(likely),
        ]
        row += [items[i] if i in answered_items else None for i in ITEMS]
        row += [csat, overall, comment, department, tenure]
        rows.append((recorded, row))
        if kind == "done":
            answers.nps.append(likely)
            answers.csat.append(csat)
            answers.overall.append(overall)
            answers.departments.append(department)
            for item in ITEMS:
                answers.items[item].append(None if items[item] == NOT_APPLICABLE else items[item])
    rows.sort(key=lambda pair: pair[0])  # Qualtrics lists responses in the order recorded
    return [row for _, row in rows], answers


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def write(writer: Writer, comments) -> dict[str, Answers]:
    """Write the three waves' exports; return the scored answers per wave for the prose."""
    rng = random.Random(20260316)
    result = {}
    for plan in PLANS:
        rows, answers = simulate(rng, plan, comments)
        writer.csv(f"data/{plan.file}", header_rows() + rows)
        result[plan.id] = answers
    return result
