"""The report speaks the client's language down to the consultant's name: its spelling in
that language and the feminine label beside it where the language has one, as rapport.yaml
says (name per language, gender feminine)."""

from __future__ import annotations

import pytest
import yaml
from report_helpers import LANGUAGES, page_texts

LABELS = {"en": "PREPARED BY", "uk": "ВИКОНАВИЦЯ", "lv": "IZPILDĪTĀJA"}


@pytest.mark.parametrize("client", sorted(LANGUAGES))
def test_the_consultant_is_named_and_labelled_in_the_report_s_language(demo_reports, client):
    root, pdfs, _ = demo_reports
    language = LANGUAGES[client]
    names = yaml.safe_load((root / "rapport.yaml").read_text(encoding="utf-8"))["consultant"]
    name = names["name"][language]
    pages = page_texts(pdfs[client])
    cover = " ".join(pages[0].split())
    assert name in cover
    assert LABELS[language] in cover.upper()
    others = {spelling for spelling in names["name"].values() if spelling != name}
    assert [n for n in others if n in " ".join(pages)] == []
