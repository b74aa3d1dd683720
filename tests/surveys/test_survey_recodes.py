"""Segment answers recoded and relabelled: an English and a Spanish export stacked in a wave."""

from __future__ import annotations

import csv
from collections import Counter

from survey_helpers import _reading_options, real_file

from generator.errors import Problems
from generator.schema.engagement import Scales, Source
from generator.validate.responses import load_responses

EN = "googleforms_rstudio_2019_english_responses.csv"
ES = "googleforms_rstudio_2019_spanish_responses.csv"
EXPERIENCE = {
    "en": "How would you rate your level of experience using R?",
    "es": "¿Cómo calificarías tu nivel de experiencia usando R?",
}
VALUES = {"Experto": "Expert", "intermedio": "Intermediate", " Inicial ": "Beginner"}


def _raw(name: str) -> list[str]:
    with real_file(name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return [row[1].strip() for row in rows[1:]]


def _load(engagement, segment_values):
    sources = []
    for language, name in (("en", EN), ("es", ES)):
        (engagement / "data" / name).write_bytes(real_file(name).read_bytes())
        sources.append(
            Source.model_validate(
                {
                    "file": f"data/{name}",
                    "columns": {
                        "date": "Timestamp",
                        "segments": {"experience": EXPERIENCE[language]},
                    },
                }
            )
        )
    problems = Problems()
    responses = load_responses(
        sources,
        Scales(),
        segment_values=segment_values,
        **_reading_options(engagement, "en", problems),
    )
    return responses, [str(p) for p in problems]


def test_stacked_languages_split_every_group_until_recoded(engagement):
    responses, problems = _load(engagement, {})
    assert problems == []
    split = Counter(responses.segments["experience"])
    assert split["Expert"] == _raw(EN).count("Expert") and split["Experto"] == _raw(ES).count(
        "Experto"
    )

    responses, problems = _load(engagement, {"experience": VALUES})
    assert problems == []
    merged = Counter(responses.segments["experience"])
    en, es = Counter(_raw(EN)), Counter(_raw(ES))
    assert merged["Expert"] == en["Expert"] + es["Experto"] == 591
    assert merged["Intermediate"] == en["Intermediate"] + es["Intermedio"]
    assert merged["Beginner"] == en["Beginner"] + es["Inicial"]
    assert "Experto" not in merged and merged["Sin experiencia"] == es["Sin experiencia"]


def test_a_relabelled_segment_prints_in_the_report_language(engagement):
    responses, _ = _load(engagement, {"experience": {"Expert": "Eksperts", "Experto": "Eksperts"}})
    groups = Counter(responses.segments["experience"])
    assert groups["Eksperts"] == 591 and "Expert" not in groups


SPANISH_2018 = "googleforms_rstudio_2018_spanish_responses.tsv"
REPEATED = "¿Qué opción refleja mejor la razón principal por la que aprendiste R?"


def test_two_columns_that_share_a_header_are_named_by_letter_or_position(engagement):
    (engagement / "data" / "es.tsv").write_bytes(real_file(SPANISH_2018).read_bytes())
    with real_file(SPANISH_2018).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    first, second = [j for j, text in enumerate(rows[0]) if text == REPEATED]
    assert (first, second) == (10, 14)  # columns K and O

    def load(name):
        source = {"file": "data/es.tsv", "columns": {"segments": {"reason": name}}}
        problems = Problems()
        responses = load_responses(
            [Source.model_validate(source)],
            Scales(),
            **_reading_options(engagement, "en", problems),
        )
        return responses, [str(p) for p in problems]

    _, problems = load(REPEATED)
    assert problems == [
        "engagements/acme/engagement.yaml:23:7: columns.segments.reason: '¿Qué opción refleja "
        "mejor la razón principal por la que aprendiste R?' names 2 columns in data/es.tsv: "
        "K (¿Qué opción refleja mejor la razón principal por la que aprendiste R?), O (¿Qué opción "
        "refleja mejor la razón principal por la que aprendiste R?); name one by its letter or "
        "position, e.g. 'column O' or '#15'"
    ]
    by_letter, problems = load("column o")
    assert problems == []
    raw = [row[second].strip() or None for row in rows[1:] if row]
    assert by_letter.segments["reason"] == raw
    by_position, _ = load("#11")
    assert by_position.segments["reason"] == [row[first].strip() or None for row in rows[1:] if row]
