"""Single-choice and multi-select questions in each vendor's layout, as shares with a base.

Expected counts are made here from the raw files with the csv module; FiveThirtyEight's
published Star Wars figures (835 saw at least one film, 758 The Empire Strikes Back) agree.
"""

from __future__ import annotations

import csv
import math
from collections import Counter

import pytest
from statsmodels.stats.proportion import proportion_confint
from survey_helpers import load_wave, real_file

from generator.analyze.choices import analyze_choices
from generator.analyze.metrics import nps
from generator.schema.engagement import Scale, Scales, Source

SEEN = "Which of the following Star Wars films have you seen? Please select all that apply."
USES = "What applications do you use R for most? (check all that apply)"
RECOMMEND = "How likely are you to recommend R to a colleague, friend, or family member?"


def _rows(name: str, encoding: str = "utf-8-sig") -> list[list[str]]:
    with real_file(name).open(encoding=encoding, newline="") as handle:
        return [row for row in csv.reader(handle) if row]


def _load(engagement, name: str, columns: dict, **extra):
    (engagement / "data" / name).write_bytes(real_file(name).read_bytes())
    source = Source.model_validate({"file": f"data/{name}", "columns": columns, **extra})
    return load_wave(engagement, [source], Scales())


def _shares(result):
    return {o.option: o.count for o in result.options}


def test_star_wars_single_choice_and_one_column_per_option(engagement):
    name = "surveymonkey_538_StarWars.csv"
    rows = _rows(name, "cp1252")
    columns = {
        "respondent_id": "RespondentID",
        "choices": {"shot_first": "Which character shot first?"},
        "multi": {
            "seen": {"columns": [f"{SEEN}*"]},
            "seen_all": {"columns": [f"{SEEN}*"], "base": "shown"},
        },
    }
    responses, problems = _load(engagement, name, columns)
    assert problems == []
    found = analyze_choices(responses, 0.95, 5)

    shot = found["shot_first"]
    raw = Counter(r[29] for r in rows[2:] if r[29])
    assert (shot.kind, shot.n) == ("single", sum(raw.values()))
    assert _shares(shot) == dict(raw)
    han = next(o for o in shot.options if o.option == "Han")
    low, high = proportion_confint(han.count, shot.n, alpha=0.05, method="wilson")
    assert (han.low, han.high) == pytest.approx((low, high), rel=1e-12)

    seen = found["seen"]
    films = rows[1][3:9]
    assert [o.option for o in seen.options] == films  # in the questionnaire's order
    assert (seen.kind, seen.base, seen.n) == ("multi", "answered", 835)
    assert _shares(seen)[films[4]] == 758
    assert found["seen_all"].n == 1186 == len(rows) - 2
    assert math.isclose(found["seen_all"].options[4].share, 758 / 1186)


def test_google_forms_choices_joined_in_one_cell(engagement):
    name = "googleforms_rstudio_2019_english_responses.csv"
    rows = _rows(name)
    j = rows[0].index(USES)
    raw: Counter[str] = Counter()
    answered = 0
    for row in rows[1:]:
        parts = {p.strip() for p in row[j].split(",") if p.strip()}
        answered += bool(parts)
        raw.update(parts)
    responses, problems = _load(
        engagement, name, {"date": "Timestamp", "multi": {"uses": {"column": USES}}}
    )
    assert problems == []
    uses = analyze_choices(responses, 0.95, 5)["uses"]
    assert uses.n == answered
    assert _shares(uses) == dict(raw)
    assert uses.options[0].option == max(raw, key=raw.get)  # the most chosen first


def test_qualtrics_and_limesurvey_option_columns(engagement):
    name = "qualtrics_QT_long_exhaustive.csv"
    rows = _rows(name, "utf-8")
    responses, problems = _load(
        engagement, name, {"respondent_id": "ResponseId", "multi": {"foods": {"columns": ["Q9_*"]}}}
    )
    assert problems == []
    foods = analyze_choices(responses, 0.95, 5)["foods"]
    first = rows[0].index("Q9_1")
    assert [o.option for o in foods.options][:2] == ["Kale", "Kale chips"]
    assert [o.count for o in foods.options] == [
        sum(1 for r in rows[3:] if r[first + k] == "1") for k in range(6)
    ]
    assert foods.n == sum(1 for r in rows[3:] if any(r[first : first + 6]))

    name = "limesurvey_limonaid_survey_100001_R_data_file.csv"
    question = "In your next visit to Amsterdam, are you planning to visit any of the following"
    responses, problems = _load(
        engagement,
        name,
        {"respondent_id": "Response ID", "multi": {"visit": {"columns": [f"{question}*"]}}},
    )
    assert problems == []
    visit = analyze_choices(responses, 0.95, 1)["visit"]
    assert visit.options[0].option == "Bar" and visit.options[0].count == 0  # "0": not chosen
    assert visit.answered == 2


def test_a_filter_on_a_multi_select_cell(engagement):
    name = "googleforms_rstudio_2019_english_responses.csv"
    rows = _rows(name)
    j = rows[0].index(USES)
    expected = sum(
        1 for r in rows[1:] if "machine learning" in {p.strip().casefold() for p in r[j].split(",")}
    )
    filters = [{"keep": {"column": USES, "contains": ["Machine learning"]}}]
    responses, problems = _load(engagement, name, {"date": "Timestamp"}, filters=filters)
    assert len(responses) == expected
    filters = [{"keep": {"column": USES, "contains": ["Machine lerning"]}}]
    _, problems = _load(engagement, name, {"date": "Timestamp"}, filters=filters)
    assert problems[0].endswith(
        "filters[0].keep.contains[0]: 'Machine lerning' is never chosen in column Q (What "
        "applications do you use R for most? (check all that apply)) (did you mean "
        "'Machine learning'?)"
    )


def test_the_nps_distribution_is_part_of_the_result(engagement):
    name = "googleforms_rstudio_2019_english_responses.csv"
    rows = _rows(name)
    j = rows[0].index(RECOMMEND)
    scores = [int(r[j]) for r in rows[1:] if r[j].strip()]
    result = nps(scores, Scale(min=1, max=10))
    assert [p.point for p in result.distribution] == list(range(1, 11))
    counts = Counter(scores)
    assert [p.count for p in result.distribution] == [counts[k] for k in range(1, 11)]
    assert math.isclose(result.distribution[-1].share, counts[10] / len(scores))


def test_inspect_proposes_the_tick_box_question_and_its_block_counts_it(engagement):
    import yaml

    from generator.inspect import PASTE_MARKER, inspect_file

    name = "surveymonkey_538_StarWars.csv"
    (engagement / "data" / name).write_bytes(real_file(name).read_bytes())
    text = inspect_file(engagement / "data" / name, f"engagements/acme/data/{name}")
    block = yaml.safe_load(text[text.index(PASTE_MARKER) :])
    wave = block["waves"][0]
    (question,) = wave["sources"][0]["columns"]["multi"]
    assert block["measures"]["choices"][question].startswith("Which of the following Star Wars")
    source = Source.model_validate(wave["sources"][0])
    scales = Scales.model_validate(wave.get("scales") or {})
    responses, problems = load_wave(engagement, [source], scales)
    assert problems == []
    seen = analyze_choices(responses, 0.95, 5)[question]
    assert (seen.n, seen.options[4].count) == (835, 758)
