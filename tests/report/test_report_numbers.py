"""The headline numbers a CEO reads in the report are the analysis's, rounded as a reader would."""

from __future__ import annotations

import pytest
from report_helpers import (
    LANGUAGES,
    contains_number,
    number,
    outline,
    page_texts,
    percent,
    rounded,
)
from workspace_helpers import DEMO_CLIENTS

from generator.pipeline import statistics

pytestmark = pytest.mark.slow

SUMMARY_TITLE = {
    "en": "Executive summary",
    "lv": "Kopsavilkums vadībai",
    "uk": "Резюме для керівництва",
}


def summary_page(path, language: str) -> str:
    """Return the text of the page the outline's executive summary entry points to."""
    (page,) = [page for level, title, page in outline(path) if title == SUMMARY_TITLE[language]]
    return page_texts(path)[page]


def headline_numbers(wave: dict, language: str) -> dict[str, str]:
    """The current wave's headline figures, formatted by hand from the analysis."""
    metrics = wave["metrics"]
    expected = {}
    if metrics.get("nps"):
        nps = metrics["nps"]
        expected["NPS"] = number(nps["value"], 0, language, signed=True)
        expected["NPS interval low"] = number(nps["low"], 0, language, signed=True)
        expected["NPS interval high"] = number(nps["high"], 0, language, signed=True)
    if metrics.get("csat"):
        expected["CSAT"] = percent(metrics["csat"]["value"], language)
    if metrics.get("ces"):
        expected["CES"] = number(metrics["ces"]["value"], 1, language)
    rate = wave["response_rate"]
    expected["responses"] = number(rate["responses"], 0, language)
    if rate["value"] is not None:
        expected["response rate"] = percent(rate["value"], language)
    change = (wave.get("change") or {}).get("metrics") or {}
    # A change is the difference of the two values as printed.
    if change.get("nps"):
        nps = change["nps"]
        shown = rounded(nps["current"]) - rounded(nps["previous"])
        expected["NPS change"] = number(shown, 0, language, signed=True)
    if change.get("csat"):
        csat = change["csat"]
        shown = rounded(csat["current"] * 100) - rounded(csat["previous"] * 100)
        expected["CSAT change"] = number(shown, 0, language, signed=True)
    return expected


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_summary_shows_the_headline_numbers_of_the_analysis(demo_reports, client):
    root, pdfs, _ = demo_reports
    analysis, _ = statistics(root, client)
    language = LANGUAGES[client]
    text = summary_page(pdfs[client], language)
    expected = headline_numbers(analysis["waves"][-1], language)
    assert len(expected) >= 4
    missing = {name: shown for name, shown in expected.items() if not contains_number(text, shown)}
    assert missing == {}, f"not on the summary page of {client}: {missing}"


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_wave_s_scores_appear_in_the_report(demo_reports, client):
    root, pdfs, _ = demo_reports
    analysis, _ = statistics(root, client)
    language = LANGUAGES[client]
    text = " ".join(page_texts(pdfs[client]))
    for wave in analysis["waves"]:
        metrics = wave["metrics"]
        if metrics.get("nps"):
            assert contains_number(text, number(metrics["nps"]["value"], 0, language, signed=True))
        if metrics.get("csat"):
            assert contains_number(text, percent(metrics["csat"]["value"], language))
        assert contains_number(text, number(wave["response_rate"]["responses"], 0, language))


def test_the_usability_score_is_printed_with_its_grade_and_percentile(demo_reports):
    root, pdfs, _ = demo_reports
    analysis, _ = statistics(root, "baltic-home")
    (test,) = analysis["usability"]
    sus = test["sus"]
    text = summary_page(pdfs["baltic-home"], "lv")
    assert contains_number(text, number(sus["value"], 1, "lv"))
    assert f"atzīme {sus['grade']}" in text
    assert f"{number(sus['percentile'], 0, 'lv')}. procentile" in text


def test_a_target_not_reached_is_said_plainly(demo_reports):
    root, pdfs, _ = demo_reports
    analysis, _ = statistics(root, "northwind-logistics")
    targets = {t["metric"]: t for t in analysis["waves"][-1]["targets"]}
    text = summary_page(pdfs["northwind-logistics"], "en")
    assert targets["csat"]["met"] is False
    assert f"Target {number(targets['csat']['target'], 0, 'en')}%: not met" in text
    assert targets["nps"]["met"] is True
    assert f"Target {number(targets['nps']['target'], 0, 'en', signed=True)}: met" in text
