"""Personal data written into quotes and the contact log reaches no document and no e-mail.

Each demo client gets realistic personal data in its own language where a client document
quotes it: a survey comment (en), focus-group quotes (lv, uk) and the open concerns of the
contact log (en, lv, uk). After building every document and writing each client's e-mail,
none of it is found in any PDF, workbook or message, and the placeholders are found instead.
"""

from __future__ import annotations

import email.policy
import re
from email.parser import BytesParser
from pathlib import Path

import pytest
import yaml
from report_helpers import page_texts
from test_report_untrusted import plant_comment
from workspace_helpers import DEMO_CLIENTS, copy_demo

pytestmark = pytest.mark.slow

COMMENT_EN = (
    "The weekly demo helps. Dana Kessler said card 4111 1111 1111 1111, "
    "dana@home-mail.example, +1 (202) 555-0143"
)
QUOTE_LV = (
    "Jānis Bērziņš teica: zvaniet 67 123 456 vai rakstiet janis@inbox.example, "
    "atmaksu uz LV80 BANK 0000 4351 9500 1."
)
QUOTE_UK = (
    "Дякую Олені: дзвоніть 044 123 45 67, пишіть olena@ukr-mail.example, "
    "картка 5500 0055 5555 5559, рахунок UA21 3223 1300 0002 6007 2335 6600 1."
)
CONCERNS = {
    ("northwind-logistics", "velocity"): (
        "Ceremonies take six hours a week; call +1 202 555 0188 or write m.ortiz@private.example."
    ),
    ("baltic-home", "courier"): "Kurjeru partneris: +371 2612 3456, kurjers@piegade.example.",
    ("kyiv-pharma", "e-prescriptions"): "Гаряча лінія 044 765 43 21, hotline@ukr-mail.example.",
}
# What must not be printed, compared without spacing and hyphens (a line may break anywhere).
PERSONAL = [
    "4111111111111111", "dana@home-mail.example", "(202)555-0143", "DanaKesslersaid",
    "67123456", "janis@inbox.example", "LV80BANK00004351950001", "JānisBērziņšteica",
    "0441234567", "olena@ukr-mail.example", "5500005555555559",
    "UA213223130000026007233566001", "ДякуюОлені", "2025550188", "m.ortiz@private.example",
    "+37126123456", "kurjers@piegade.example", "0447654321", "hotline@ukr-mail.example",
]  # fmt: skip
# What each client's report prints instead.
PLACEHOLDERS = {
    "northwind-logistics": ["[name]saidcard[card],[e-mail],[phone]", "call[phone]orwrite[e-mail]"],
    "baltic-home": ["[name]teica:zvaniet[phone]vairakstiet[e-mail],atmaksuuz[IBAN]"],
    "kyiv-pharma": ["Дякую[name]:дзвоніть[phone],пишіть[e-mail],картка[card],рахунок[IBAN]"],
}


def _squeezed(text: str) -> str:
    # pdfium gives a hyphen where the line may break as U+FFFE.
    return re.sub(r"[\s\-\u00ad\ufffe]+", "", text)


def _rewrite_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _plant(root: Path) -> None:
    engagements = root / "engagements"
    plant_comment(root, COMMENT_EN)

    def lv_quote(data):
        data["focus_groups"][0]["themes"][0]["quotes"][0] = QUOTE_LV

    _rewrite_yaml(engagements / "baltic-home" / "engagement.yaml", lv_quote)

    def uk_group(data):
        data["focus_groups"] = [
            {
                "id": "pharmacists",
                "title": "Фармацевти мережі",
                "date": data["engagement"]["report_date"],
                "participants": 6,
                "themes": [{"title": "Електронні рецепти", "quotes": [QUOTE_UK]}],
            }
        ]

    _rewrite_yaml(engagements / "kyiv-pharma" / "engagement.yaml", uk_group)

    for (client, concern_id), concern_text in CONCERNS.items():

        def concern(data, concern_id=concern_id, concern_text=concern_text):
            for entry in data["interactions"]:
                for raised in entry.get("concerns") or []:
                    if raised["id"] == concern_id:
                        raised["text"] = concern_text

        _rewrite_yaml(engagements / client / "interactions.yaml", concern)


@pytest.fixture(scope="module")
def delivered(tmp_path_factory):
    """Every document of the three clients built with the personal data planted, and the
    e-mail of each written as a draft: (root, {client: [texts of each file]})."""
    from click.testing import CliRunner

    from cli import main
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("personal"), DEMO_CLIENTS)
    _plant(root)
    build(root, [], BuildOptions(notes=True))
    drafts = root / "drafts"
    texts: dict[str, dict[str, str]] = {}
    for client in DEMO_CLIENTS:
        result = CliRunner().invoke(
            main, ["--workspace", str(root), "send", client, "--with-data", "--draft", str(drafts)]
        )
        assert result.exit_code == 0, result.output
        texts[client] = _texts_of(root / "output" / client, drafts, client)
    return root, texts


def _texts_of(folder: Path, drafts: Path, client: str) -> dict[str, str]:
    from openpyxl import load_workbook

    texts = {pdf.name: " ".join(page_texts(pdf)) for pdf in folder.glob("*.pdf")}
    for path in folder.glob("*.xlsx"):
        book = load_workbook(path, read_only=True)
        cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
        texts[path.name] = " ".join(cells)
    (draft,) = drafts.glob(f"{client}-*.eml")
    message = BytesParser(policy=email.policy.default).parse(draft.open("rb"))
    for kind in ("plain", "html"):
        texts[f"{draft.name} ({kind})"] = message.get_body((kind,)).get_content()
    return texts


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_no_personal_data_reaches_a_document_or_the_e_mail(delivered, client):
    texts = delivered[1][client]
    assert any(name.endswith("-deck-notes-2026-q3.pdf") for name in texts), sorted(texts)
    assert any(name.endswith(".xlsx") for name in texts), sorted(texts)
    found = [
        (name, piece)
        for name, text in texts.items()
        for piece in PERSONAL
        if _squeezed(piece).casefold() in _squeezed(text).casefold()
    ]
    assert found == []


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_the_report_prints_the_placeholders_where_the_data_was(delivered, client):
    texts = delivered[1][client]
    (report,) = [text for name, text in texts.items() if "-assessment-" in name]
    for expected in PLACEHOLDERS[client]:
        assert _squeezed(expected) in _squeezed(report)
