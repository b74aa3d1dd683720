"""Mājas Stils' post-purchase survey: Google Forms (Q2), SurveyMonkey and store tablets (Q3)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from openpyxl import Workbook

from _demo.baltic_comments import PERSONAL, RUSSIAN, Commenter
from _demo.files import Writer
from _demo.sim import pick, point

NPS_Q = "Cik ticams ir, ka Jūs ieteiktu Mājas Stils draugam vai kolēģim?"
CSAT_Q = "Cik kopumā esat apmierināts(-a) ar savu pēdējo pirkumu Mājas Stils?"
GRID_Q = "Lūdzu, novērtējiet savu pēdējo pirkumu pēc šiem aspektiem"
STORE_Q = "Kurā veikalā iepirkāties vai saņēmāt pasūtījumu?"
CHANNEL_Q = "Kā veicāt pirkumu?"
CUSTOMER_Q = "Kas Jūs vislabāk raksturo?"
COMMENT_Q = "Ko mēs varētu darīt labāk? (neobligāti)"
ITEMS = {
    "staff": "Personāla laipnība un kompetence",
    "availability": "Preču pieejamība",
    "checkout_wait": "Gaidīšanas laiks pie kases",
    "delivery": "Piegādes ātrums un precizitāte",
    "webshop": "Interneta veikala lietošanas ērtums",
    "returns": "Preču atgriešanas vai apmaiņas vienkāršība",
}
GRID_LABELS = ["Ļoti slikti", "Slikti", "Vidēji", "Labi", "Ļoti labi"]
NOT_APPLICABLE = "Nav attiecināms"
CSAT_LABELS = [
    "Ļoti neapmierināts(-a)",
    "Neapmierināts(-a)",
    "Ne apmierināts(-a), ne neapmierināts(-a)",
    "Apmierināts(-a)",
    "Ļoti apmierināts(-a)",
]
RIGA = ("Rīga, Teika", "Rīga, Imanta")
STORES = [
    ("Rīga, Teika", 26),
    ("Rīga, Imanta", 20),
    ("Jelgava", 12),
    ("Liepāja", 14),
    ("Daugavpils", 12),
    ("Valmiera", 16),
]
HOME = "Piegāde uz mājām"
IN_STORE, WEB, PHONE = "Veikalā", "Interneta veikalā", "Pa tālruni"
CHANNELS = [(IN_STORE, 68), (WEB, 29), (PHONE, 3)]
LOYAL, NEW, RETURNING = "Lojalitātes kartes īpašnieks", "Jauns pircējs", "Atkārtots pircējs"
CUSTOMERS = {
    IN_STORE: [(LOYAL, 52), (RETURNING, 33), (NEW, 15)],
    WEB: [(LOYAL, 38), (RETURNING, 30), (NEW, 32)],
    PHONE: [(LOYAL, 60), (RETURNING, 30), (NEW, 10)],
}
STORE_EFFECT = {  # availability and queues differ by store, as the story needs
    "availability": {"Daugavpils": -0.6, "Liepāja": -0.5},
    "checkout_wait": {"Rīga, Teika": -0.5, "Rīga, Imanta": -0.55},
}
# Ratings pull satisfaction up or down from these fixed points, so a weak web shop lowers the
# web shop's customers' scores in absolute terms.
REFERENCE = {
    "staff": 4.2,
    "availability": 3.8,
    "checkout_wait": 3.3,
    "delivery": 3.8,
    "webshop": 3.5,
    "returns": 3.3,
}
WEIGHTS = {
    "staff": 0.25,
    "availability": 0.2,
    "checkout_wait": 0.2,
    "delivery": 0.3,
    "webshop": 0.6,
    "returns": 0.15,
}


@dataclass(frozen=True)
class WavePlan:
    id: str
    start: dt.date
    end: dt.date
    means: dict[str, float]


Q2 = WavePlan(
    "2026-q2",
    dt.date(2026, 4, 1),
    dt.date(2026, 6, 30),
    {
        "staff": 4.4,
        "availability": 3.85,
        "checkout_wait": 3.35,
        "delivery": 3.95,
        "webshop": 2.6,
        "returns": 3.2,
    },
)
Q3 = WavePlan(
    "2026-q3",
    dt.date(2026, 7, 1),
    dt.date(2026, 9, 30),
    {
        "staff": 4.4,
        "availability": 3.9,
        "checkout_wait": 3.3,
        "delivery": 3.1,
        "webshop": 3.6,
        "returns": 3.3,
    },
)


@dataclass
class Shopper:
    when: dt.datetime
    channel: str | None
    store: str | None
    customer: str | None
    items: dict[str, int | None]  # None: not applicable or not answered
    applicable: dict[str, bool]
    csat: int
    nps: int
    comment: str


def moment(rng: random.Random, plan: WavePlan) -> dt.datetime:
    """A purchase-survey answer time: more at weekends, mostly daytime and evening."""
    days = (plan.end - plan.start).days + 1
    while True:
        day = plan.start + dt.timedelta(days=rng.randrange(days))
        if day.weekday() < 5 or rng.random() < 0.9:
            break
    # Google Forms keeps milliseconds; the other tools drop them when they export.
    millis = rng.randrange(8 * 3600 * 1000, 23 * 3600 * 1000)
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(milliseconds=millis)


def shopper(
    rng: random.Random, plan: WavePlan, commenter: Commenter, *, kiosk_store: str | None = None
) -> Shopper:
    channel = IN_STORE if kiosk_store else pick(rng, CHANNELS)
    if kiosk_store:
        store = kiosk_store
    elif channel == IN_STORE:
        store = pick(rng, STORES)
    else:
        home_share = 0.55 if channel == WEB else 0.7
        store = HOME if rng.random() < home_share else pick(rng, STORES)
    applicable = {
        "staff": store != HOME or channel == PHONE,
        "availability": True,
        "checkout_wait": channel == IN_STORE or (channel == WEB and store != HOME),
        "delivery": store == HOME,
        "webshop": channel == WEB,
        "returns": rng.random() < 0.12,
    }
    attitude = rng.gauss(0, 1)
    items: dict[str, int | None] = {}
    for item, mean in plan.means.items():
        centre = mean + STORE_EFFECT.get(item, {}).get(store, 0.0) + 0.35 * attitude
        items[item] = point(rng, centre, 0.8, 1, 5) if applicable[item] else None
    pull = sum(
        WEIGHTS[item] * (value - REFERENCE[item])
        for item, value in items.items()
        if value is not None
    )
    raw = 4.0 + pull + 0.3 * attitude + rng.gauss(0, 0.5)
    csat = point(rng, raw, 0.45, 1, 5)
    likely = max(0, min(10, round(8.3 + 1.7 * (raw - 4.0) + rng.gauss(0, 1.2))))
    comment = commenter(items, likely, cyrillic_ok=kiosk_store is None)
    return Shopper(
        moment(rng, plan),
        channel,
        store,
        pick(rng, CUSTOMERS[channel]),
        items,
        applicable,
        csat,
        likely,
        comment,
    )


def grid_answer(shopper: Shopper, item: str) -> str | None:
    value = shopper.items[item]
    if value is not None:
        return GRID_LABELS[value - 1]
    return NOT_APPLICABLE if not shopper.applicable[item] else None


def google_forms(shoppers: list[Shopper]) -> Workbook:
    """The Google Sheets download of the form's responses."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Form Responses 1"
    sheet.append(
        ["Timestamp", NPS_Q, CSAT_Q]
        + [f"{GRID_Q} [{label}]" for label in ITEMS.values()]
        + [STORE_Q, CHANNEL_Q, CUSTOMER_Q, COMMENT_Q]
    )
    for s in sorted(shoppers, key=lambda s: s.when):
        sheet.append(
            [s.when, s.nps, CSAT_LABELS[s.csat - 1]]
            + [grid_answer(s, item) for item in ITEMS]
            + [s.store, s.channel, s.customer, s.comment or None]
        )
        sheet.cell(sheet.max_row, 1).number_format = "m/d/yyyy h:mm:ss"
    return workbook


def surveymonkey(rng: random.Random, shoppers: list[Shopper]) -> Workbook:
    """SurveyMonkey's 'all responses' Excel export: two header rows, newest answer first."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet"
    meta = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    questions = [NPS_Q, CSAT_Q, GRID_Q] + [None] * 5 + [STORE_Q, CHANNEL_Q, CUSTOMER_Q, COMMENT_Q]
    sheet.append(meta + questions)
    sheet.append(
        [None] * len(meta)
        + ["Response", "Response"]
        + list(ITEMS.values())
        + ["Response", "Response", "Response", "Open-Ended Response"]
    )
    ordered = sorted(shoppers, key=lambda s: s.when)
    respondent = 118_204_553_117
    rows = []
    for s in ordered:
        respondent += rng.randrange(900, 60_000)
        collector = 452_913_877 if s.channel != IN_STORE or rng.random() < 0.6 else 452_914_002
        start = s.when.replace(microsecond=0)
        end = start + dt.timedelta(seconds=rng.randrange(55, 420))
        rows.append(
            [
                respondent,
                collector,
                start,
                end,
                None,
                None,
                None,
                None,
                None,
                s.nps,
                CSAT_LABELS[s.csat - 1],
            ]
            + [grid_answer(s, item) for item in ITEMS]
            + [s.store, s.channel, s.customer, s.comment or None]
        )
    for row in reversed(rows):
        sheet.append(row)
        for column in (3, 4):
            sheet.cell(sheet.max_row, column).number_format = "mm/dd/yyyy hh:mm:ss AM/PM"
    return workbook


def kiosk_rows(shoppers: list[Shopper], devices: dict[str, str]) -> list[list[object]]:
    """The store tablets' own CSV export: one header row, Latvian dates."""
    rows: list[list[object]] = [
        ["Datums", "Veikals", "Ierīce", "Vērtējums (1-5)", "Ieteiktu draugiem (0-10)", "Komentārs"]
    ]
    for s in sorted(shoppers, key=lambda s: s.when):
        rows.append(
            [s.when.strftime("%d.%m.%Y %H:%M"), s.store, devices[s.store], s.csat, s.nps, s.comment]
        )
    return rows


GOOGLE_FILE = "data/Pirceju aptauja 2026 Q2 (Atbildes).xlsx"
MONKEY_FILE = "data/Pirceju aptauja 2026 Q3.xlsx"
KIOSK_FILE = "data/veikalu-planshetes-2026-Q3.csv"
KIOSK_DEVICES = {"Liepāja": "TAB-LIE-01", "Daugavpils": "TAB-DAU-01"}


def write(writer: Writer) -> dict[str, list[Shopper]]:
    """Write the survey exports of both waves; return the shoppers per wave for the prose.

    Tablet shoppers are returned with only what the tablet asks (store, scores, comment).
    """
    rng = random.Random(20260630)
    q2_commenter = Commenter(rng, 0.42, russian=RUSSIAN[:2], personal=PERSONAL[:2])
    q2 = [shopper(rng, Q2, q2_commenter) for _ in range(1640)]
    q3_commenter = Commenter(rng, 0.42, russian=RUSSIAN[2:], personal=PERSONAL[2:])
    q3_online = [shopper(rng, Q3, q3_commenter) for _ in range(1450)]
    kiosk_commenter = Commenter(rng, 0.25, russian=[], personal=[])
    stores = list(KIOSK_DEVICES)
    q3_kiosk = [shopper(rng, Q3, kiosk_commenter, kiosk_store=stores[i % 2]) for i in range(240)]
    writer.xlsx(GOOGLE_FILE, google_forms(q2), google_sheets=True)
    writer.xlsx(MONKEY_FILE, surveymonkey(rng, q3_online))
    writer.csv(
        KIOSK_FILE,
        kiosk_rows(q3_kiosk, KIOSK_DEVICES),
        encoding="cp1257",
        delimiter=";",
        newline="\r\n",
    )
    asked = [replace(s, channel=None, customer=None, items=dict.fromkeys(ITEMS)) for s in q3_kiosk]
    return {"2026-q2": q2, "2026-q3": q3_online + asked}
