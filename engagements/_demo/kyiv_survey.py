"""Здоров’я Плюс' post-ticket survey: a Google Form re-saved by Excel (Q2), LimeSurvey (Q3)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from _demo.files import Writer
from _demo.kyiv_comments import PERSONAL, Commenter
from _demo.sim import pick, point

ITEMS = {
    "speed": "Швидкість першої відповіді",
    "competence": "Компетентність консультанта",
    "politeness": "Ввічливість",
    "order_info": "Інформування про статус замовлення",
    "resolution": "Повнота вирішення питання",
}
REGIONS = [
    ("Київ і область", 35),
    ("Львівська область", 14),
    ("Дніпропетровська область", 13),
    ("Одеська область", 12),
    ("Харківська область", 10),
    ("Інший регіон", 16),
]
CHANNELS = {"chat": "Онлайн-чат", "phone": "Телефон (гаряча лінія)", "email": "Електронна пошта"}
CHANNEL_WEIGHTS = [("chat", 45), ("phone", 35), ("email", 20)]
TOPICS = [("order_status", 40), ("product", 33), ("prescriptions", 15), ("refunds", 12)]

# Q2: the support team's own Google Form, legacy effort question (1 = very little effort).
G_EFFORT = "Скільки зусиль вам особисто довелося докласти, щоб вирішити своє питання?"
G_CSAT = "Наскільки ви задоволені тим, як вирішили ваше звернення?"
G_GRID = "Оцініть, будь ласка"
G_REGION = "Ваш регіон"
G_CHANNEL = "Як ви зверталися до служби підтримки?"
G_COMMENT = "Що нам варто покращити?"
G_CSAT_LABELS = [
    "Дуже незадоволений(-а)",
    "Скоріше незадоволений(-а)",
    "Ні те, ні інше",
    "Скоріше задоволений(-а)",
    "Дуже задоволений(-а)",
]
G_GRID_LABELS = ["Дуже погано", "Погано", "Задовільно", "Добре", "Відмінно"]
# Q3: LimeSurvey, CES 2.0 agreement on 1-7, exported with full answers.
CES_LABELS = [
    "Категорично не згоден(-на)",
    "Не згоден(-на)",
    "Скоріше не згоден(-на)",
    "Ні згоден(-на), ні не згоден(-на)",
    "Скоріше згоден(-на)",
    "Згоден(-на)",
    "Повністю згоден(-на)",
]
GOOGLE_FILE = "data/opytuvannia-pislia-zvernennia-Q2.csv"
LIME_FILE = "data/results-survey482913.csv"


@dataclass(frozen=True)
class WavePlan:
    id: str
    start: dt.date
    end: dt.date
    completes: int
    speed: dict[str, float]  # by channel
    order_info: float


Q2 = WavePlan(
    "2026-q2",
    dt.date(2026, 4, 6),
    dt.date(2026, 6, 28),
    380,
    {"chat": 4.2, "phone": 2.5, "email": 2.9},
    2.7,
)
Q3 = WavePlan(
    "2026-q3",
    dt.date(2026, 7, 6),
    dt.date(2026, 9, 27),
    540,
    {"chat": 4.2, "phone": 3.6, "email": 3.0},
    3.5,
)


@dataclass
class Ticket:
    when: dt.datetime
    region: str
    channel: str
    items: dict[str, int]
    csat: int
    effort_legacy: int  # 1-5, lower is better
    ces: int  # 1-7, higher is better
    comment: str


def ticket(rng: random.Random, plan: WavePlan, commenter: Commenter) -> Ticket:
    channel = pick(rng, CHANNEL_WEIGHTS)
    topic = pick(rng, TOPICS)
    attitude = rng.gauss(0, 1)
    centres = {
        "speed": plan.speed[channel],
        "competence": 4.0 - (0.7 if topic == "prescriptions" else 0.0),
        "politeness": 4.4,
        "order_info": plan.order_info,
        "resolution": 3.7
        - (0.9 if topic == "prescriptions" else 0.0)
        - (0.5 if topic == "refunds" else 0.0),
    }
    items = {k: point(rng, c + 0.4 * attitude, 0.8, 1, 5) for k, c in centres.items()}
    raw = (
        3.7
        + 0.35 * (items["resolution"] - 3.5)
        + 0.3 * (items["speed"] - 3.5)
        + 0.15 * (items["order_info"] - 3.2)
        + 0.1 * (items["competence"] - 3.8)
        + 0.3 * attitude
        + rng.gauss(0, 0.45)
    )
    csat = point(rng, raw, 0.4, 1, 5)
    effort_legacy = point(rng, 6.2 - raw, 0.6, 1, 5)
    ces = point(rng, 1.45 * raw - 0.65, 0.8, 1, 7)
    days = (plan.end - plan.start).days + 1
    when = dt.datetime.combine(plan.start + dt.timedelta(days=rng.randrange(days)), dt.time())
    when += dt.timedelta(seconds=rng.randrange(7 * 3600, 23 * 3600))
    comment = commenter(topic, channel, csat >= 4)
    return Ticket(when, pick(rng, REGIONS), channel, items, csat, effort_legacy, ces, comment)


def google_rows(tickets: list[Ticket]) -> list[list[object]]:
    """The Google Sheets CSV after the support lead opened and re-saved it in Excel."""
    header = ["Позначка часу", G_EFFORT, G_CSAT]
    header += [f"{G_GRID} [{label}]" for label in ITEMS.values()]
    header += [G_REGION, G_CHANNEL, G_COMMENT]
    rows: list[list[object]] = [header]
    for t in sorted(tickets, key=lambda t: t.when):
        rows.append(
            [
                f"{t.when:%d.%m.%Y} {t.when.hour}:{t.when:%M}",
                t.effort_legacy,
                G_CSAT_LABELS[t.csat - 1],
            ]
            + [G_GRID_LABELS[t.items[k] - 1] for k in ITEMS]
            + [t.region, CHANNELS[t.channel], t.comment]
        )
    return rows


def lime_rows(rng: random.Random, tickets: list[Ticket], partial: int) -> list[list[object]]:
    """LimeSurvey's CSV export: question-code headings, full answers, incomplete rows kept."""
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "REGION",
        "CHANNEL",
        "CES",
        "CSAT",
    ]
    header += [f"Q4[SQ{n:03d}]" for n in range(1, len(ITEMS) + 1)]
    header.append("COMMENT")
    entries = [(t.when, True, t) for t in tickets]
    for t in tickets[:partial]:
        entries.append((t.when - dt.timedelta(hours=rng.randrange(2, 60)), False, t))
    entries.sort(key=lambda e: (e[0], e[1]))
    rows: list[list[object]] = [header]
    for number, (when, complete, t) in enumerate(entries, start=1):
        started = when - dt.timedelta(seconds=rng.randrange(60, 400))
        stamp = started.strftime("%Y-%m-%d %H:%M:%S")
        seed = str(rng.randrange(10**8, 2 * 10**9))
        if complete:
            done = when.strftime("%Y-%m-%d %H:%M:%S")
            rows.append(
                [
                    number,
                    done,
                    3,
                    "uk",
                    seed,
                    stamp,
                    done,
                    t.region,
                    CHANNELS[t.channel],
                    CES_LABELS[t.ces - 1],
                    t.csat,
                ]
                + [t.items[k] for k in ITEMS]
                + [t.comment]
            )
        else:  # left on the first page, after the region and channel questions
            rows.append(
                [number, "", 1, "uk", seed, stamp, stamp, t.region, CHANNELS[t.channel], "", ""]
                + [""] * len(ITEMS)
                + [""]
            )
    return rows


def write(writer: Writer) -> dict[str, list[Ticket]]:
    """Write both waves' exports; return the completed tickets per wave for the prose."""
    rng = random.Random(20260928)
    q2_commenter = Commenter(rng, 0.45, personal=PERSONAL[:1], after_fixes=False)
    q2 = [ticket(rng, Q2, q2_commenter) for _ in range(Q2.completes)]
    q3_commenter = Commenter(rng, 0.45, personal=PERSONAL[1:], after_fixes=True)
    q3 = [ticket(rng, Q3, q3_commenter) for _ in range(Q3.completes)]
    writer.csv(GOOGLE_FILE, google_rows(q2), encoding="cp1251", delimiter=";", newline="\r\n")
    writer.csv(
        LIME_FILE,
        lime_rows(rng, q3, 37),
        newline="\r\n",
        quote_all=True,
        bom=True,
        trailing_blank_line=True,
    )
    return {"2026-q2": q2, "2026-q3": q3}
