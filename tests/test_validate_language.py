"""`validate` warns when a text the client reads is in another language than its documents."""

from __future__ import annotations

import pytest
from workspace_helpers import ENGAGEMENT_YAML, REPO

from generator.validate.language import written_in

E = "engagements/acme/engagement.yaml"
SUMMARY = "engagements/acme/narrative/summary.md"


def _language_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "looks written in" in line]


def _client(language: str, **replacements: str) -> str:
    text = ENGAGEMENT_YAML.replace(
        "  name: Acme Retail\n", f"  name: Acme Retail\n  language: {language}\n"
    )
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def test_english_texts_in_a_latvian_clients_documents_are_warned_about(make_workspace, rapport):
    summary = (
        "---\nkind: executive_summary\nkey_messages:\n"
        "  - Piegādes laiks ir samazinājies par divām dienām.\n"
        "  - The share of satisfied customers rose to 62% this quarter.\n---\n"
        "Klientu apmierinātība ir augusi, un rindas pie kasēm ir īsākas.\n"
    )
    root = make_workspace({SUMMARY: summary}, engagement=_client("lv"))
    result = rapport("validate", workspace=root)
    assert result.exit_code == 0
    assert _language_lines(result.stderr) == [
        f"{E}:9:10: warning: engagement.title looks written in English, but the client's "
        "documents are in Latvian; the client reads it as it is",
        f"{SUMMARY}:5:5: warning: key_messages.1 looks written in English, but the client's "
        "documents are in Latvian; the client reads it as it is",
    ]


def test_latin_text_in_a_ukrainian_clients_documents_is_warned_about(make_workspace, rapport):
    engagement = _client("uk") + "  confidentiality: Confidential\n"
    engagement = engagement.replace(
        "  title: Customer satisfaction assessment", "  title: Оцінка задоволеності клієнтів"
    )
    root = make_workspace(engagement=engagement)
    result = rapport("validate", workspace=root)
    assert _language_lines(result.stderr) == [
        f"{E}:12:20: warning: engagement.confidentiality looks written in a language written "
        "in Latin letters, but the client's documents are in Ukrainian; the client reads it "
        "as it is",
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Оцінка задоволеності клієнтів", "uk"),
        ("The weekly demo is the best change this year", "en"),
        ("Piegāde kavējās, un neviens par to neinformēja", "lv"),
        ("Klientu apmierinātības novērtējums", "lv"),
        ("Customer satisfaction assessment", "en"),
        ("NPS +16: veikali +23, interneta veikals −1.", "latin"),
        ("NPS", None),  # too short to tell
        ("Net Promoter Score (NPS) — Riga, Kyiv", "latin"),
    ],
)
def test_the_language_of_a_text_is_told_by_its_letters_and_commonest_words(text, language):
    assert written_in(text) == language


def test_the_demo_clients_texts_are_all_in_their_language(rapport):
    result = rapport("validate", workspace=REPO)
    assert result.exit_code == 0 and result.stderr == ""
