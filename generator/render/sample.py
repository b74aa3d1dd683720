"""The values of ``templates/sample/sample.html``: a small, plausible engagement.

The sample proves the theme end to end (fonts, every chart, a table, three languages) before
the report and the deck exist; tests and the benchmark render it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.render.charts import Bar, MoodPoint, QuadrantPoint, SeriesPoint, StackedRow

SAMPLE_TEMPLATE = "sample/sample.html"

_CLIENT = {
    "en": "Baltic Home Goods",
    "uk": "Балтійські товари для дому",
    "lv": "Baltijas Mājas Preces",
}
_TITLES = {
    "en": "Satisfaction assessment Q3 2026",
    "uk": "Оцінка задоволеності клієнтів, III квартал 2026",
    "lv": "Klientu apmierinātības novērtējums, 2026. gada 3. ceturksnis",
}
_CONFIDENTIAL = {
    "en": "Confidential — for the executive team",
    "uk": "Конфіденційно — для керівництва",
    "lv": "Konfidenciāli — vadības komandai",
}
_SUMMARY = {
    "en": (
        "Customers are **more loyal than last quarter**, but delivery still costs us "
        "promoters.\n\n"
        "- Delivery time is the strongest driver of satisfaction and the weakest score.\n"
        "- Store staff are praised in every segment.\n"
        "- The web shop's checkout needs [a usability fix](https://example.com/checkout).\n"
    ),
    "uk": (
        "Клієнти **лояльніші, ніж минулого кварталу**, але доставка досі коштує нам "
        "прихильників.\n\n"
        "- Час доставки — найсильніший чинник задоволеності й найслабша оцінка.\n"
        "- Персонал магазинів хвалять у кожному сегменті.\n"
        "- Оформлення замовлення в інтернет-магазині потребує доопрацювання.\n"
    ),
    "lv": (
        "Klienti ir **lojālāki nekā iepriekšējā ceturksnī**, taču piegāde joprojām maksā "
        "atbalstītājus.\n\n"
        "- Piegādes laiks ir spēcīgākais apmierinātības virzītājspēks un vājākais vērtējums.\n"
        "- Veikalu darbinieki tiek slavēti visos segmentos.\n"
        "- Interneta veikala pirkuma noformēšanai vajadzīgi uzlabojumi.\n"
    ),
}
_ITEMS = {
    "en": ["Delivery time", "Staff friendliness", "Product range", "Checkout on the web shop",
           "Value for money", "Returns and refunds handled without hassle"],
    "uk": ["Час доставки", "Привітність персоналу", "Асортимент", "Оформлення замовлення онлайн",
           "Співвідношення ціни та якості", "Повернення коштів без зайвого клопоту"],
    "lv": ["Piegādes laiks", "Darbinieku laipnība", "Preču sortiments", "Pirkuma noformēšana",
           "Cenas un kvalitātes attiecība", "Preču atgriešana un naudas atmaksa bez raizēm"],
}  # fmt: skip
_SEGMENTS = {
    "en": ["Rīga stores", "Regional stores", "Web shop", "Loyalty-card holders"],
    "uk": ["Магазини в Ризі", "Регіональні магазини", "Інтернет-магазин", "Власники карток"],
    "lv": ["Rīgas veikali", "Reģionu veikali", "Interneta veikals", "Lojalitātes kartes īpašnieki"],
}
COMMENTS = [
    {"segment": "Rīgas veikali", "language": "lv",
     "text": "Ļoti laipni darbinieki, bet piegāde kavējās divas nedēļas. Žēl, ka nezvanīja."},
    {"segment": "Інтернет-магазин", "language": "uk",
     "text": "Ґудзики прийшли не ті, але обмін зробили швидко. Дякую за п’ять зірок сервісу!"},
    {"segment": "Web shop", "language": "en",
     "text": "Checkout asked for my address three times; I nearly gave up."},
    {"segment": "Reģionu veikali", "language": "lv",
     "text": "Sortiments šaurāks nekā Rīgā — gribētos vairāk ģimenes preču."},
    {"segment": "Interneta veikals", "language": "lv",
     "text": "Kurjers neatnāca; čeku un ķermeņa krēmu atdevām, ūdens sūkni paturējām — žēl laika."},
    {"segment": "Власники карток", "language": "uk",
     "text": "Їжак, їжа, єнот і ґанок: усе є, тільки доставка повільна."},
]  # fmt: skip


def sample_context(language: str = "en") -> dict[str, Any]:
    """Return the variables of the sample template in ``language`` (en, uk or lv)."""
    items = _ITEMS[language]
    segments = _SEGMENTS[language]
    start, end = dt.date(2026, 7, 1), dt.date(2026, 9, 30)
    return {
        "document_title": _TITLES[language],
        "running_client": _CLIENT[language],
        "confidentiality": _CONFIDENTIAL[language],
        "client_name": _CLIENT[language],
        "consultant_name": "Inga Bērziņa",
        "period_start": start,
        "period_end": end,
        "report_date": dt.date(2026, 10, 12),
        "previous_wave": "Q2 2026",
        "nps": 31.6,
        "nps_change": 4.2,
        "csat": 0.734,
        "csat_low": 0.691,
        "csat_high": 0.773,
        "confidence": 95,
        "responses": 412,
        "summary": _SUMMARY[language],
        "items": [
            Bar(items[0], 3.12, 2.98, 3.26, highlight=True),
            Bar(items[1], 4.46, 4.37, 4.55),
            Bar(items[2], 3.88, 3.77, 3.99),
            Bar(items[3], 3.41, 3.25, 3.57),
            Bar(items[4], 3.95, 3.85, 4.05),
            Bar(items[5], 4.02, 3.90, 4.14),
        ],
        "items_caption": "n = 412 · 1–5",
        "item_target": 4.0,
        "nps_waves": [
            SeriesPoint("Q4 2025", 18.0, 9.5, 26.5),
            SeriesPoint("Q1 2026", 22.4, 14.6, 30.2),
            SeriesPoint("Q2 2026", 27.4, 20.1, 34.7),
            SeriesPoint("Q3 2026", 31.6, 24.8, 38.4),
        ],
        "nps_target": 35,
        "nps_mix": [
            StackedRow(segments[0], (38, 51, 129)),
            StackedRow(segments[1], (21, 30, 47)),
            StackedRow(segments[2], (19, 22, 31)),
            StackedRow(segments[3], (9, 14, 41)),
        ],
        "drivers": [
            QuadrantPoint(items[0], 0.82, 3.12, highlight=True),
            QuadrantPoint(items[1], 0.38, 4.46),
            QuadrantPoint(items[2], 0.44, 3.88),
            QuadrantPoint(items[3], 0.64, 3.41),
            QuadrantPoint(items[4], 0.71, 3.95),
            QuadrantPoint(items[5], 0.29, 4.02),
        ],
        "moods": [
            MoodPoint(dt.date(2026, 7, 3), 4, "meeting"),
            MoodPoint(dt.date(2026, 7, 17), 4, "call"),
            MoodPoint(dt.date(2026, 8, 4), 2, "video"),
            MoodPoint(dt.date(2026, 8, 12), 3, "call"),
            MoodPoint(dt.date(2026, 8, 29), 3, "email"),
            MoodPoint(dt.date(2026, 9, 10), 4, "meeting"),
            MoodPoint(dt.date(2026, 9, 24), 5, "video"),
        ],
        "comments": [dict(comment) for comment in COMMENTS],
    }
