"""One date format per language throughout a report: every date that names a day, a month and
a year is written out in full ("July 1, 2026", "2026. gada 1. jūlijs", "1 липня 2026 р."), never
abbreviated beside it ("Jul 1, 2026", "2026. g. 1. jūl.", "1 лип. 2026 р.")."""

from __future__ import annotations

import re

import pytest
from report_helpers import LANGUAGES, page_texts
from workspace_helpers import DEMO_CLIENTS

# Any day-month-year a reader would take for a date, whatever the month's spelling (a
# quarter, "2026. gada 3. ceturksnis", is not a date).
DATE_LIKE = {
    "en": r"\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b",
    "lv": r"\b\d{4}\. ?g(?:ada|\.) \d{1,2}\. (?!ceturksn)[a-zāčēģīķļņšūž]+\.?",
    "uk": r"\b\d{1,2} [а-яіїєґ']+\.? \d{4} р\.",
}
# The one format: the month's full name.
FULL = {
    "en": r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}, \d{4}",
    "lv": r"\d{4}\. gada \d{1,2}\. (?:janvāris|februāris|marts|aprīlis|maijs|jūnijs|jūlijs"
    r"|augusts|septembris|oktobris|novembris|decembris)",
    "uk": r"\d{1,2} (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня"
    r"|листопада|грудня) \d{4} р\.",
}


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_date_in_the_report_has_the_one_format_of_its_language(demo_reports, client):
    _, reports, _ = demo_reports
    language = LANGUAGES[client]
    text = " ".join(" ".join(page_texts(reports[client])).split())
    dates = re.findall(DATE_LIKE[language], text)
    assert dates, "the report shows no date at all"
    assert [d for d in dates if not re.fullmatch(FULL[language], d)] == []
