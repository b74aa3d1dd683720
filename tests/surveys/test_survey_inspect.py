"""``rapport inspect``: the description of a file, and a mapping that validates when pasted."""

from __future__ import annotations

import csv
import shutil

import pytest
import yaml
from survey_helpers import load_wave, real_file, write_xlsx

from generator.errors import InputError
from generator.inspect import PASTE_MARKER, inspect_file
from generator.schema.engagement import EngagementFile

SKELETON = {
    "client": {"name": "Acme Retail"},
    "engagement": {
        "title": "Customer satisfaction assessment",
        "period": {"start": "2026-07-01", "end": "2026-09-30"},
        "report_date": "2026-10-15",
    },
}


def paste(text: str) -> dict:
    """Paste the suggested block as it is under a skeleton: measures and a whole wave."""
    block = yaml.safe_load(text[text.index(PASTE_MARKER) :])
    pasted = {**SKELETON, "measures": block.get("measures", {}), "waves": block["waves"]}
    if "usability_tests" in block:
        pasted["usability_tests"] = block["usability_tests"]
    return pasted


def suggested_wave(text: str) -> dict:
    return yaml.safe_load(text[text.index(PASTE_MARKER) :])["waves"][0]


@pytest.mark.parametrize(
    "name",
    [
        "surveymonkey_538_StarWars.csv",
        "surveymonkey_538_food-world-cup.csv",
        "googleforms_rstudio_2019_english_responses.xlsx",
        "googleforms_rstudio_2018_english_responses.tsv",
        "qualtrics_QT_no_basis_insights2016.csv",
        "qualtrics_QT_no_basis_legacy.csv",
        "qualtrics_QT_long_exhaustive.csv",
        "limesurvey_limonaid_survey_998192_R_data_file.csv",
        "airline_passenger_satisfaction_kaggle_test.csv",
        "sus_folador_usability-db-en.csv",
    ],
)
def test_pasted_mapping_loads_without_problems(engagement, name, no_warnings_logged):
    shutil.copy(real_file(name), engagement / "data" / name)
    text = inspect_file(engagement / "data" / name, f"engagements/acme/data/{name}")
    spec = EngagementFile.model_validate(paste(text))
    wave = spec.waves[0]
    source = wave.sources[0]
    assert source.file == f"data/{name}"
    for group in ("items", "segments"):
        assert set(getattr(source.columns, group)) <= set(getattr(spec.measures, group))
    responses, problems = load_wave(engagement, wave.sources, wave.scales)
    if name.startswith("limesurvey_"):
        # the proposed filter drops the responses never submitted: 5 of this study's 7
        assert problems == [
            "engagements/acme/engagement.yaml:22:7: warning: filters[0]: this filter keeps "
            "only 2 of the 7 rows it sees; check that it names the rows to keep, not those "
            "to drop"
        ]
        assert len(responses) == 2
        return
    assert problems == []
    assert len(responses) > 0


def test_guesses_for_a_google_forms_workbook(engagement):
    name = "googleforms_rstudio_2019_english_responses.xlsx"
    text = inspect_file(real_file(name), f"engagements/acme/data/{name}")
    assert "Format:     google_forms (1 header row: question text, Timestamp first)" in text
    assert "Sheet:      Form Responses 1" in text
    assert "Responses:  1,838" in text
    spec = EngagementFile.model_validate(paste(text))
    columns = spec.waves[0].sources[0].columns
    assert columns.nps == (
        "How likely are you to recommend R to a colleague, friend, or family member?"
    )
    assert columns.date == "Timestamp"
    nps_scale = spec.waves[0].scales.nps
    assert (nps_scale.min, nps_scale.max) == (1, 10)  # a Google linear scale has no 0


def test_column_lines_show_type_range_and_samples(tmp_path):
    rows = [["id", "Recommend us?", "Quality", "Branch", "Why?"]]
    comments = ["Slow delivery this time", "Friendly staff at the desk", "Too expensive for me"]
    for n in range(12):
        rows.append([f"R{n}", n % 11, [1, 2, 5, -1][n % 4], ["Riga", "Tartu"][n % 2], None])
    rows[1][4], rows[2][4], rows[3][4] = comments
    book = write_xlsx(tmp_path / "q.xlsx", rows)
    text = inspect_file(book, "engagements/acme/data/q.xlsx")
    lines = text.splitlines()
    recommend = next(line for line in lines if line.startswith("  B "))
    assert "number · 0–10; NPS candidate · 11 distinct · e.g. 0, 1, 2" in recommend
    quality = next(line for line in lines if line.startswith("  C "))
    assert "number · 1–5; 1–5 scale, n/a codes? -1 · 4 distinct" in quality
    branch = next(line for line in lines if line.startswith("  D "))
    assert "text · 2 distinct · e.g. Riga, Tartu" in branch
    mapping = suggested_wave(text)
    columns = mapping["sources"][0]["columns"]
    assert columns["respondent_id"] == "id"
    assert columns["nps"] == "Recommend us?"
    assert columns["comment"] == "Why?"
    assert columns["segments"] == {"branch": "Branch"}
    assert mapping["scales"]["items"] == {"min": 1, "max": 5, "not_applicable": [-1]}


def test_known_text_scale_gets_a_labels_block(tmp_path):
    answers = ["Very satisfied", "Satisfied", "Dissatisfied", "Don't know"]
    rows = [["id", "How satisfied are you?"]] + [[f"R{n}", answers[n % 4]] for n in range(8)]
    book = write_xlsx(tmp_path / "q.xlsx", rows)
    mapping = suggested_wave(inspect_file(book, "data/q.xlsx"))
    source = mapping["sources"][0]
    assert source["columns"]["csat"] == "How satisfied are you?"
    assert source["labels"] == {
        "Very satisfied": 5,
        "Satisfied": 4,
        "Dissatisfied": 2,
        "Don't know": "n/a",
    }


def test_unreadable_file_raises_located_problems(tmp_path):
    path = tmp_path / "q.xlsx"
    path.write_text("id,nps\n1,9\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        inspect_file(path, "engagements/acme/data/q.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "engagements/acme/data/q.xlsx: not an Excel workbook (it looks like CSV text)"
    ]


@pytest.mark.parametrize(
    ("client", "export"),
    [
        ("kyiv-pharma", "opytuvannia-pislia-zvernennia-Q2.csv"),
        ("baltic-home", "Pirceju aptauja 2026 Q2 (Atbildes).xlsx"),
    ],
)
def test_ukrainian_and_latvian_answer_labels_are_read_as_the_consultant_mapped_them(client, export):
    from workspace_helpers import REPO

    folder = REPO / "engagements" / client
    text = inspect_file(folder / "data" / export, f"data/{export}")
    suggested = suggested_wave(text)["sources"][0]["labels"]
    spec = yaml.safe_load((folder / "engagement.yaml").read_text(encoding="utf-8"))
    written = {
        label: point
        for wave in spec["waves"]
        for source in wave["sources"]
        for label, point in (source.get("labels") or {}).items()
    }
    assert len(suggested) >= 8
    assert {label: written[label] for label in suggested} == suggested


@pytest.mark.parametrize("id_header", ["NPS response no.", "Recommend-a-friend entry"])
def test_a_column_numbering_the_responses_is_never_proposed_as_nps(tmp_path, id_header):
    # an NPS tool numbers its responses 1, 2, 3… in a column named after the survey
    rows = [
        f"{n},{score},2026-09-{n:02d}"
        for n, score in enumerate([9, 10, 7, 3, 9, 8, 10, 6, 9, 0], 1)
    ]
    path = tmp_path / "nps.csv"
    path.write_text(
        f"{id_header},How likely are you to recommend Acme to a friend?,Date\n"
        + "\n".join(rows)
        + "\n"
    )
    text = inspect_file(path, "engagements/acme/data/nps.csv")
    columns = suggested_wave(text)["sources"][0]["columns"]
    assert columns["nps"] == "How likely are you to recommend Acme to a friend?"


def test_spanish_recommend_question_of_a_real_export_is_proposed_as_nps():
    name = "googleforms_rstudio_2019_spanish_responses.csv"
    text = inspect_file(real_file(name), f"engagements/acme/data/{name}")
    columns = suggested_wave(text)["sources"][0]["columns"]
    assert columns["nps"].startswith("¿Qué tan probable es que recomiendes R a un colega")


SUS_EN = [
    "I think that I would like to use this system frequently.",
    "I found the system unnecessarily complex.",
    "I thought the system was easy to use.",
    "I think that I would need the support of a technical person to be able to use this system.",
    "I found the various functions in this system were well integrated.",
    "I thought there was too much inconsistency in this system.",
    "I would imagine that most people would learn to use this system very quickly.",
    "I found the system very cumbersome to use.",
    "I felt very confident using the system.",
    "I needed to learn a lot of things before I could get going with this system.",
]


def test_real_sus_statements_are_proposed_as_a_usability_test(engagement):
    name = "sus_folador_usability-db-en.csv"
    shutil.copy(real_file(name), engagement / "data" / name)
    text = inspect_file(engagement / "data" / name, f"engagements/acme/data/{name}")
    spec = EngagementFile.model_validate(paste(text))
    (test,) = spec.usability_tests
    assert test.sus is not None and test.sus.file == f"data/{name}"
    assert test.sus.columns.sus == SUS_EN
    assert not set(SUS_EN) & set(spec.waves[0].sources[0].columns.items.values())


LANGUAGES = {
    "es": (
        "¿Qué probabilidad hay de que recomiende Acme a un amigo?",
        "¿Qué tan satisfecho está con Acme?",
        [
            "Creo que me gustaría usar este sistema con frecuencia.",
            "Encontré el sistema innecesariamente complejo.",
            "Pensé que el sistema era fácil de usar.",
            "Creo que necesitaría el apoyo de un técnico para poder usar este sistema.",
            "Encontré que las diversas funciones de este sistema estaban bien integradas.",
            "Pensé que había demasiada inconsistencia en este sistema.",
            "Imagino que la mayoría de la gente aprendería a usar este sistema muy rápidamente.",
            "Encontré el sistema muy engorroso de usar.",
            "Me sentí muy seguro usando el sistema.",
            "Necesité aprender muchas cosas antes de poder empezar con este sistema.",
        ],
    ),
    "uk": (
        "Наскільки ймовірно, що ви порекомендуєте Acme другу?",
        "Наскільки ви задоволені Acme?",
        [
            "Думаю, що я хотів би часто користуватися цією системою.",
            "Система здалася мені надмірно складною.",
            "Я вважаю, що системою легко користуватися.",
            "Думаю, що мені знадобиться допомога технічного фахівця, щоб користуватися системою.",
            "Різні функції цієї системи добре інтегровані.",
            "У цій системі забагато неузгодженості.",
            "Думаю, більшість людей дуже швидко навчиться користуватися цією системою.",
            "Система здалася мені дуже незручною у використанні.",
            "Я почувався дуже впевнено, користуючись системою.",
            "Мені довелося багато чого навчитися, перш ніж я зміг почати працювати з системою.",
        ],
    ),
    "ru": (
        "Насколько вероятно, что вы порекомендуете Acme другу?",
        "Насколько вы удовлетворены Acme?",
        [
            "Думаю, что я хотел бы часто пользоваться этой системой.",
            "Система показалась мне излишне сложной.",
            "Я считаю, что системой легко пользоваться.",
            "Думаю, мне понадобится помощь технического специалиста, чтобы пользоваться системой.",
            "Различные функции этой системы хорошо интегрированы.",
            "В этой системе слишком много несогласованности.",
            "Думаю, большинство людей очень быстро научатся пользоваться этой системой.",
            "Система показалась мне очень неудобной в использовании.",
            "Я чувствовал себя очень уверенно, пользуясь системой.",
            "Мне пришлось многому научиться, прежде чем я смог начать работать с системой.",
        ],
    ),
    "lv": (
        "Cik liela ir iespēja, ka jūs ieteiktu Acme draugam?",
        "Cik apmierināts esat ar Acme?",
        [
            "Es domāju, ka labprāt bieži lietotu šo interneta veikalu.",
            "Pirkuma noformēšana man šķita nevajadzīgi sarežģīta.",
            "Man šķita, ka interneta veikalu ir viegli lietot.",
            "Es domāju, ka man būtu vajadzīga cita cilvēka palīdzība, lai lietotu šo veikalu.",
            "Man šķita, ka dažādās interneta veikala funkcijas ir labi saskaņotas.",
            "Man šķita, ka interneta veikalā ir pārāk daudz nekonsekvences.",
            "Es iedomājos, ka vairums cilvēku ļoti ātri iemācītos lietot šo interneta veikalu.",
            "Interneta veikals man šķita ļoti neērts lietošanā.",
            "Es jutos ļoti pārliecināts(-a), lietojot šo interneta veikalu.",
            "Man vajadzēja daudz ko iemācīties, pirms es varēju sākt lietot šo interneta veikalu.",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_nps_csat_and_sus_are_recognised_in_the_clients_languages(tmp_path, language):
    nps, csat, sus = LANGUAGES[language]
    # the SUS statements shuffled, as a form builder may order them; the mapping restores 1…10
    order = [3, 0, 7, 1, 9, 4, 2, 8, 5, 6]
    path = tmp_path / f"acme-{language}.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Respondent ID", nps, csat, *(sus[i] for i in order)])
        for n in range(12):
            scores = [(n + i) % 5 + 1 for i in range(10)]
            writer.writerow([f"R{n + 1}", (n * 7) % 11, n % 5 + 1, *scores])
    text = inspect_file(path, f"engagements/acme/data/{path.name}")
    columns = suggested_wave(text)["sources"][0]["columns"]
    assert (columns["nps"], columns["csat"]) == (nps, csat)
    spec = EngagementFile.model_validate(paste(text))
    assert spec.usability_tests[0].sus.columns.sus == sus


def test_item_ids_come_from_the_words_that_tell_sibling_questions_apart(tmp_path):
    name = "surveymonkey_538_food-world-cup.csv"
    text = inspect_file(real_file(name), f"engagements/acme/data/{name}")
    items = suggested_wave(text)["sources"][0]["columns"]["items"]
    assert items["brazil"] == "Please rate how much you like the traditional cuisine of Brazil."
    assert {"algeria", "bosnia_and_herzegovina", "the_netherlands", "south_korea"} <= set(items)
    assert not any(ident.startswith("please_rate") for ident in items)


def test_ids_of_a_written_rating_grid_keep_only_the_option(tmp_path):
    path = tmp_path / "grid.csv"
    countries = ["Brazil", "Latvia", "Ukraine", "Costa Rica"]
    header = ["Respondent ID", *(f"Please rate how much you like: {c}" for c in countries)]
    rows = [[f"R{n}", *((n + i) % 5 + 1 for i in range(4))] for n in range(1, 9)]
    path.write_text("\n".join(",".join(map(str, r)) for r in [header, *rows]) + "\n")
    text = inspect_file(path, "engagements/acme/data/grid.csv")
    items = suggested_wave(text)["sources"][0]["columns"]["items"]
    assert list(items) == ["brazil", "latvia", "ukraine", "costa_rica"]


def test_real_demographic_questions_are_proposed_as_segments_before_other_short_answers():
    name = "surveymonkey_538_StarWars.csv"
    text = inspect_file(real_file(name), f"engagements/acme/data/{name}")
    segments = list(suggested_wave(text)["sources"][0]["columns"]["segments"])
    # the census region comes last in the file, after eight other short-answer questions
    assert segments[:5] == [
        "gender",
        "age",
        "household_income",
        "education",
        "location_census_region",
    ]


@pytest.mark.parametrize(
    "who",
    [
        ("Вік", "Стать", "Регіон"),
        ("Edad", "Género", "Tienda"),
        ("Возраст", "Пол", "Город"),
        ("Vecums", "Dzimums", "Veikals"),
    ],
)
def test_segments_are_chosen_by_their_answers_and_demographic_words(tmp_path, who):
    asked = [f"Did you use feature {k}?" for k in range(1, 10)]
    path = tmp_path / "who.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Respondent ID", "Favourite colour", *asked, *who])
        for n in range(24):
            colours = ["red", "blue", "green", "grey", "pink", "teal", "gold", "lime", "navy"]
            yes_no = ["yes" if (n + k) % 3 else "no" for k in range(9)]
            answers = [f"a{n % 4}", f"b{n % 2}", f"c{n % 3}"]
            writer.writerow([f"R{n}", colours[n % 9], *yes_no, *answers])
    text = inspect_file(path, "engagements/acme/data/who.csv")
    segments = suggested_wave(text)["sources"][0]["columns"]["segments"]
    assert set(list(segments.values())[:3]) == set(who)
    assert "Favourite colour" not in segments.values()  # nine answers: more than yes/no


def test_segment_ids_also_keep_only_what_tells_siblings_apart():
    name = "googleforms_rstudio_2019_english_responses.csv"
    text = inspect_file(real_file(name), f"engagements/acme/data/{name}")
    segments = suggested_wave(text)["sources"][0]["columns"]["segments"]
    assert segments["shiny"] == (
        "Looking forward, how do you expect your use of Shiny to change in 2020?"
    )
    assert {"r_markdown", "python"} <= set(segments)
