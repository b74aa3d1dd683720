"""Rankings and other lower-is-better items: the top box is the best-ranked answers.

FiveThirtyEight published that among the 471 respondents who had seen all six Star Wars films
36% ranked The Empire Strikes Back first; the raw SurveyMonkey export gives 169 of 471.
"""

from __future__ import annotations

import csv

import pytest
from survey_helpers import load_wave, real_file

from generator.analyze.survey import survey_metrics
from generator.schema.engagement import Scales, Source

SEEN = "Which of the following Star Wars films have you seen? Please select all that apply."
RANK = (
    "Please rank the Star Wars films in order of preference with 1 being your favorite film "
    "in the franchise and 6 being your least favorite film."
)
FILMS = {
    "phantom": "Star Wars: Episode I  The Phantom Menace",
    "clones": "Star Wars: Episode II  Attack of the Clones",
    "sith": "Star Wars: Episode III  Revenge of the Sith",
    "hope": "Star Wars: Episode IV  A New Hope",
    "empire": "Star Wars: Episode V The Empire Strikes Back",
    "jedi": "Star Wars: Episode VI Return of the Jedi",
}
RANKING = {"min": 1, "max": 6, "top_box": 1, "lower_is_better": True}


def _star_wars(engagement):
    path = real_file("surveymonkey_538_StarWars.csv")
    (engagement / "data" / "sw.csv").write_bytes(path.read_bytes())
    with path.open(encoding="cp1252", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1], rows[2:]


def _raw_count(header, subitems, data):
    """Respondents who saw all six films, and how many ranked Empire first (read here)."""
    seen = [j for j in range(3, 9)]
    empire = next(j for j in range(9, 15) if subitems[j] == FILMS["empire"])
    all_six = [row for row in data if all(row[j].strip() for j in seen)]
    return len(all_six), sum(1 for row in all_six if row[empire] == "1")


def test_a_ranking_top_box_counts_the_first_ranked(engagement):
    header, subitems, data = _star_wars(engagement)
    assert _raw_count(header, subitems, data) == (471, 169)
    source = Source.model_validate(
        {
            "file": "data/sw.csv",
            "filters": [{"column": f"{SEEN} / {film}", "drop": [""]} for film in FILMS.values()],
            "columns": {
                "respondent_id": "RespondentID",
                "items": {key: f"{RANK} / {film}" for key, film in FILMS.items()},
            },
        }
    )
    scales = Scales.model_validate({"by_item": {key: RANKING for key in FILMS}})
    responses, problems = load_wave(engagement, [source], scales)
    assert problems == []
    assert len(responses) == 471

    empire = survey_metrics(responses, scales, 0.95).items["empire"]
    assert (empire.top_box.count, empire.top_box.n) == (169, 471)
    assert round(100 * empire.top_box.value) == 36
    assert empire.lower_is_better
    assert empire.value == pytest.approx(sum(int(r) for r in responses.items["empire"] if r) / 471)


def test_lower_is_better_on_the_items_scale_is_honoured_too(engagement):
    _star_wars(engagement)
    source = Source.model_validate(
        {"file": "data/sw.csv", "columns": {"items": {"empire": f"{RANK} / {FILMS['empire']}"}}}
    )
    ranking = Scales.model_validate({"items": RANKING})
    responses, problems = load_wave(engagement, [source], ranking)
    assert problems == []
    first = survey_metrics(responses, ranking, 0.95).items["empire"].top_box
    higher = Scales.model_validate({"items": {**RANKING, "lower_is_better": False}})
    last = survey_metrics(responses, higher, 0.95).items["empire"].top_box
    ranks = [r for r in responses.items["empire"] if r is not None]
    assert (first.count, last.count) == (ranks.count(1), ranks.count(6)) == (289, 41)


def _effort_file(engagement, answers):
    lines = ["id,effort"] + [f"R{i},{a}" for i, a in enumerate(answers)]
    (engagement / "data" / "ces.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Source.model_validate({"file": "data/ces.csv", "columns": {"ces": "effort"}})


def test_an_undeclared_scale_the_answers_do_not_fill_is_a_located_warning(engagement):
    source = _effort_file(engagement, [1, 2, 2, 3, 4, 5] * 5)  # a 1–5 effort question
    _, problems = load_wave(engagement, [source], Scales())
    assert problems == [
        "engagements/acme/engagement.yaml:22:7: warning: columns.ces: the 30 answers of 'ces' "
        "run 1–5, but no scale is declared, so they are read on the default 1–7 (higher is "
        "better); declare the wave's scales.ces, e.g. {min: 1, max: 5} (add "
        "lower_is_better: true when 1 is best)"
    ]


def test_a_declared_scale_or_answers_that_reach_its_top_say_nothing(engagement):
    source = _effort_file(engagement, [1, 2, 2, 3, 4, 5] * 5)
    scales = Scales.model_validate({"ces": {"min": 1, "max": 5, "lower_is_better": True}})
    assert load_wave(engagement, [source], scales)[1] == []
    source = _effort_file(engagement, [1, 3, 5, 6, 7] * 6)
    assert load_wave(engagement, [source], Scales())[1] == []


def test_inspect_recognises_the_film_ranking_as_a_ranking():
    from generator.inspect import inspect_file

    path = real_file("surveymonkey_538_StarWars.csv")
    text = inspect_file(path, "data/sw.csv")
    ranked = [line for line in text.splitlines() if "ranking 1–6 (1 = first" in line]
    assert [line.split()[0] for line in ranked] == ["J", "K", "L", "M", "N", "O"]
    assert "1–7 scale" not in text
    block = text[text.index("  by_item:") :].splitlines()[1:7]
    assert all(
        line.endswith(": {min: 1, max: 6, top_box: 1, lower_is_better: true}") for line in block
    )
