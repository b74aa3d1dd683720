"""A placeholder of `rapport new` left in the inputs makes a draft that cannot be sent.

`validate` warns about it at its place, `build` marks every page "DRAFT" and says "draft" in the
PDF's metadata, and `send` refuses the documents, naming where the placeholder is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import page_texts
from workspace_helpers import copy_demo

from generator.placeholders import placeholders_in

CLIENT = "northwind-logistics"
SUMMARY = f"engagements/{CLIENT}/narrative/summary-2026-q3.md"
PLACEHOLDER = "[[Write the executive summary here.]]"
FIRST_SENTENCE = "The changes agreed in April worked."
# The placeholder takes the place of the summary's first sentence: the line it is on.
LINE = next(
    number
    for number, line in enumerate(
        (Path(__file__).parents[2] / SUMMARY).read_text(encoding="utf-8").splitlines(), 1
    )
    if line.startswith(FIRST_SENTENCE)
)
OUTPUT = f"output/{CLIENT}"
WARNING = (
    f"{SUMMARY}:{LINE}:1: warning: placeholder left from 'rapport new', '{PLACEHOLDER}': until it "
    "is replaced, the documents are built as drafts and 'rapport send' refuses them"
)


def leave_placeholder(root) -> None:
    path = root / SUMMARY
    text = path.read_text(encoding="utf-8")
    first = FIRST_SENTENCE
    assert first in text
    path.write_text(text.replace(first, f"{PLACEHOLDER} {first}"), encoding="utf-8")


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    """Northwind with a placeholder left in its summary, its report and deck built."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("draft") / "ws")
    leave_placeholder(root)
    build(root, [CLIENT], BuildOptions(kinds=("report", "deck")))
    return root


def test_validate_warns_about_the_placeholder_at_its_place(draft, rapport):
    result = rapport("validate", CLIENT, workspace=draft)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [WARNING, "1 warning."]
    assert rapport("validate", "--strict", CLIENT, workspace=draft).exit_code == 1


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["assessment", "deck"])
def test_every_page_of_a_draft_says_so_and_so_does_its_metadata(draft, kind):
    path = draft / OUTPUT / f"{CLIENT}-{kind}-2026-q3.pdf"
    pages = page_texts(path)
    assert len(pages) > 10 and all("DRAFT" in page for page in pages)
    info = PdfReader(path).metadata
    assert info.title.startswith("Draft: ")
    assert "draft" in info["/Keywords"].split(", ")
    assert info["/RapportStatus"] == "draft"


def test_the_data_workbook_of_a_draft_says_so_in_its_properties(draft):
    from openpyxl import load_workbook

    from generator.build import BuildOptions, build

    build(draft, [CLIENT], BuildOptions(kinds=("data",)))
    properties = load_workbook(draft / OUTPUT / f"{CLIENT}-data-2026-q3.xlsx").properties
    assert properties.title.startswith("Draft: ") and properties.keywords == "draft"


@pytest.mark.slow
def test_a_finished_document_has_no_draft_mark(demo_reports):
    _, pdfs, _ = demo_reports
    for pdf in pdfs.values():
        assert not any("DRAFT" in page for page in page_texts(pdf))
        assert "/RapportStatus" not in PdfReader(pdf).metadata


@pytest.mark.slow
def test_send_refuses_a_draft_and_says_where_the_placeholder_is(draft, rapport, tmp_path):
    for mode in (["--dry-run"], ["--draft", str(tmp_path / "eml")], ["--yes"]):
        result = rapport("send", CLIENT, *mode, workspace=draft)
        assert result.exit_code == 1
        assert result.stderr == (
            "Error: cannot send:\n"
            f"  {OUTPUT}/{CLIENT}-assessment-2026-q3.pdf is a draft\n"
            f"  {OUTPUT}/{CLIENT}-deck-2026-q3.pdf is a draft\n"
            f"  {SUMMARY}:{LINE}:1: {PLACEHOLDER}\n"
            f"replace the placeholders left from 'rapport new', then run 'rapport build {CLIENT}'\n"
        )
    assert not (tmp_path / "eml").exists()
    assert not (draft / f"engagements/{CLIENT}/deliveries.yaml").exists()


@pytest.mark.slow
def test_a_draft_goes_out_only_when_asked_for_on_purpose(draft, rapport, tmp_path):
    result = rapport(
        "send", CLIENT, "--allow-draft", "--draft", str(tmp_path / "eml"), workspace=draft
    )
    assert result.exit_code == 0, result.output
    assert "warning: the documents are drafts, marked so on every page (--allow-draft)" in (
        result.stdout
    )
    assert len(list((tmp_path / "eml").glob("*.eml"))) == 1


def test_placeholders_are_bracketed_and_the_earlier_skeletons_sentence_is_known():
    text = (
        "Intro.\n  [[Say what changed]] and [[why]]\nWrite the executive summary here, in Markdown."
    )
    assert list(placeholders_in(text)) == [
        (2, 3, "[[Say what changed]]"),
        (2, 28, "[[why]]"),
        (3, 1, "Write the executive summary here, in Markdown."),
    ]
    assert list(placeholders_in("a [link](x) and [[]] or [[\n]]")) == []
