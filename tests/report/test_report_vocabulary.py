"""Every document a client receives speaks one vocabulary: the report, the deck, its handout
and the data workbook name each measure and the relationship's state with the same words,
and every change printed beside two values is the difference of those values as printed.

Read from the rendered PDFs' text (and the workbook's cells), as a client reading two
documents side by side would.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from report_helpers import LANGUAGES, normalize, page_texts
from workspace_helpers import DEMO_CLIENTS, copy_demo

from generator.render.i18n import load_translations
from generator.render.vocabulary import HEALTH_WORDS, METRIC_NAMES


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """Build every demo client's documents once: {client: {kind: [page texts]}}, root."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("vocabulary"), DEMO_CLIENTS)
    result = build(root, [], BuildOptions(kinds=("report", "deck", "data"), notes=True))
    texts: dict[str, dict[str, list[str]]] = {client: {} for client in DEMO_CLIENTS}
    for published in result.written:
        name, client = published.path.name, published.path.parent.name
        if name.endswith(".pdf"):
            kind = next(k for k in ("assessment", "deck-notes", "deck") if f"-{k}-" in name)
            texts[client][kind] = page_texts(published.path)
    return root, texts


def gettext(language: str):
    from generator.render.environment import builtin_templates

    return load_translations(builtin_templates() / "locale", language).gettext


def flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_each_measure_and_the_relationship_have_one_name_in_every_document(documents, client):
    root, texts = documents
    _ = gettext(LANGUAGES[client])
    report, deck = flat(texts[client]["assessment"]), flat(texts[client]["deck"])
    shown = [metric for metric in ("nps", "csat") if _(METRIC_NAMES[metric]) in report]
    assert shown, "the report names no headline measure"
    for metric in shown:
        assert _(METRIC_NAMES[metric]) in deck, f"the deck calls {metric} otherwise"
    states = [word for word in HEALTH_WORDS.values() if _(word) in report]
    assert len(states) == 1, "the report does not name the relationship's state"
    assert _(states[0]) in deck

    from openpyxl import load_workbook

    (workbook,) = (root / "output" / client).glob("*-data-*.xlsx")
    labels = [row[0].value for row in load_workbook(workbook)[_("Headline metrics")].iter_rows()]
    for metric in shown:
        assert any(str(label).startswith(_(METRIC_NAMES[metric])) for label in labels), metric


VALUE = r"[+−]?\d+(?:[.,]\d+)?"
UNIT = r"(?: (?:pts?|пункт\w*|punkt\w*))"
# Two values (each perhaps with its n), side by side in a table or joined by an arrow, then
# the change: "3.1 n = 56 3.6 n = 65 +0.5", "41% 62% +21 pts", "2,5 → 3,6 +1,1".
CHANGE = re.compile(
    rf"(?=(?<![\d.,+−])(?<!= )(?P<before>{VALUE})%?(?: n = \d+)?(?: → | )"
    rf"(?P<after>{VALUE})%?(?: n = \d+)? "
    rf"(?P<change>[+−]\d+(?:[.,]\d+)?|0(?:[.,]0+)?)(?P<unit>{UNIT})?(?![\d.,%]))"
)


def number(text: str) -> Decimal:
    return Decimal(text.replace("−", "-").replace(",", ".").replace("+", ""))


def decimals(text: str) -> int:
    return len(re.split(r"[.,]", text)[1]) if re.search(r"[.,]", text) else 0


def printed_changes(text: str) -> list[tuple[str, str, str]]:
    """Return every (before, after, change) printed as such in ``text``.

    Whole numbers count only with their unit ("+45 pts"), so that a chart's axis ticks
    ("−25 0 +25") are not read as a change; a mean's change has the mean's decimals.
    """
    found = []
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", text)  # "1 690": a thousands group
    for match in CHANGE.finditer(text):
        before, after, change = match["before"], match["after"], match["change"]
        places = {decimals(before), decimals(after), decimals(change)}
        if len(places) != 1 or (places == {0} and not match["unit"]):
            continue
        found.append((before, after, change))
    return found


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_a_change_printed_beside_two_values_is_their_difference(documents, client):
    _, texts = documents
    checked = 0
    wrong = []
    for kind in ("assessment", "deck", "deck-notes"):
        for number_, page in enumerate(texts[client][kind], start=1):
            for before, after, change in printed_changes(" ".join(normalize(page).split())):
                checked += 1
                if number(after) - number(before) != number(change):
                    wrong.append(f"{kind} page {number_}: {before} → {after}, {change}")
    assert checked >= 10, f"only {checked} changes found in the documents of {client}"
    assert wrong == []


def test_the_reading_of_changes_finds_tables_and_arrows_and_skips_axes():
    text = (
        "Overall satisfaction 2.9 n = 49 3.1 n = 56 3.6 n = 65 +0.5 Significant rise "
        "Customer satisfaction (CSAT) 41% 62% +21 pts · axis −50 −25 0 +25 +50 · 2,5 → 3,6 +1,1"
    )
    assert printed_changes(text) == [
        ("3.1", "3.6", "+0.5"),
        ("41", "62", "+21"),
        ("2,5", "3,6", "+1,1"),
    ]


def test_a_usability_score_has_one_precision_in_every_document(documents):
    from generator.pipeline import statistics

    root, texts = documents
    client = "baltic-home"
    analysis, _ = statistics(root, client)
    scores = [u["sus"]["value"] for u in analysis["usability"] if u.get("sus")]
    assert scores
    for score in scores:
        shown = f"{Decimal(repr(score)).quantize(Decimal('0.1'), 'ROUND_HALF_UP')}".replace(
            ".", ","
        )
        for kind in ("assessment", "deck"):
            assert re.search(rf"(?<![\d,]){shown}(?![\d,])", flat(texts[client][kind])), kind
