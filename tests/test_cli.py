"""The commands around validation: init, new, schema, --help, --version, finding the workspace."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from interpreter_helpers import fresh_python_output
from workspace_helpers import ENGAGEMENT_YAML

from cli import main


def test_init_makes_a_workspace_that_validates(tmp_path, rapport):
    result = rapport("init", str(tmp_path / "ws"), "--name", "Olena Kovalenko")
    assert result.exit_code == 0
    assert (tmp_path / "ws" / "output").is_dir()
    assert "/output/" in (tmp_path / "ws" / ".gitignore").read_text().splitlines()
    assert 'name: "Olena Kovalenko"' in (tmp_path / "ws" / "rapport.yaml").read_text()
    checked = rapport("validate", workspace=tmp_path / "ws")
    assert checked.exit_code == 0, checked.output
    assert "no engagements yet" in checked.stdout


def test_init_refuses_to_overwrite(tmp_path, rapport):
    (tmp_path / "rapport.yaml").write_text("consultant: {name: Mine}\n")
    result = rapport("init", str(tmp_path))
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {tmp_path / 'rapport.yaml'} already exists; nothing was changed\n"
    )
    assert (tmp_path / "rapport.yaml").read_text() == "consultant: {name: Mine}\n"


def test_new_engagement_validates_as_it_is(make_workspace, rapport):
    root = make_workspace()
    result = rapport(
        "new", "baltic-home", "--name", 'Mājas "Stils"', "--language", "lv", workspace=root
    )
    assert result.exit_code == 0, result.output
    assert "created engagements/baltic-home/engagement.yaml" in result.stdout
    checked = rapport("validate", "baltic-home", workspace=root)
    assert checked.exit_code == 0, checked.output
    summary = "engagements/baltic-home/narrative/executive-summary.md"
    then = "until it is replaced, the documents are built as drafts and 'rapport send' refuses them"
    text = (root / "engagements/baltic-home/engagement.yaml").read_text(encoding="utf-8")
    contacts, waves = (text[: text.index(key)].count("\n") + 1 for key in ("  contacts:", "waves:"))
    assert checked.stderr.splitlines() == [
        f"engagements/baltic-home/engagement.yaml:{contacts}:13: warning: no contact is marked "
        "'recipient: true': 'rapport send' refuses to send until then, unless given --to",
        f"engagements/baltic-home/engagement.yaml:{waves}:8: warning: no survey wave yet, and "
        "'rapport build' needs one: add it under 'waves:' with the export it was read from "
        "('rapport inspect FILE' prints the column mapping)",
        f"{summary}:4:5: warning: placeholder left from 'rapport new', "
        f"'[[Viena doma, kas lasītājam jāatceras, ar tās skaitli]]': {then}",
        f"{summary}:6:1: warning: placeholder left from 'rapport new', "
        f"'[[Šeit uzrakstiet kopsavilkumu vadībai Markdown formātā.]]': {then}",
        "4 warnings.",
    ]
    built = rapport("build", "baltic-home", workspace=root)
    assert built.exit_code == 1
    assert built.stderr.splitlines()[1] == checked.stderr.splitlines()[1].replace("warning: ", "")
    assert 'name: "Mājas \\"Stils\\""' in text and "language: lv" in text


@pytest.mark.parametrize(
    ("language", "title", "confidentiality", "summary"),
    [
        ("uk", "Оцінка задоволеності клієнтів", "Конфіденційно", "[[Напишіть тут резюме"),
        ("lv", "Klientu apmierinātības novērtējums", "Konfidenciāli", "[[Šeit uzrakstiet"),
    ],
)
def test_a_new_client_is_written_in_its_language(
    make_workspace, rapport, language, title, confidentiality, summary
):
    root = make_workspace()
    assert rapport("new", "client", "--language", language, workspace=root).exit_code == 0
    folder = root / "engagements/client"
    text = (folder / "engagement.yaml").read_text(encoding="utf-8")
    assert f"  title: {title}\n" in text and f"  confidentiality: {confidentiality}\n" in text
    body = (folder / "narrative/executive-summary.md").read_text(encoding="utf-8")
    assert summary in body
    for english in ("Customer satisfaction assessment", "Confidential", "Write the"):
        assert english not in text + body


def test_new_refuses_an_existing_client_and_a_bad_name(make_workspace, rapport):
    root = make_workspace(engagement=ENGAGEMENT_YAML)
    before = (root / "engagements/acme/engagement.yaml").read_text()
    existing = rapport("new", "acme", workspace=root)
    assert existing.exit_code == 1
    assert existing.stderr == "Error: engagements/acme already exists; nothing was changed\n"
    assert (root / "engagements/acme/engagement.yaml").read_text() == before
    bad = rapport("new", "Acme Retail", workspace=root)
    assert bad.exit_code == 1
    assert "not a usable folder name" in bad.stderr


def test_schema_carries_the_field_descriptions(rapport):
    result = rapport("schema", "engagement")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    impact = schema["$defs"]["Recommendation"]["properties"]["impact"]
    assert impact["enum"] == ["low", "medium", "high"]
    assert impact["description"] == "Expected impact: low, medium or high."


def test_schema_out_writes_every_schema(tmp_path, rapport):
    result = rapport("schema", "--out", str(tmp_path))
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        f"{n}.schema.json" for n in ("engagement", "interactions", "narrative", "workspace")
    ]


def test_workspace_is_found_upwards_and_from_the_environment(make_workspace, monkeypatch):
    root = make_workspace(engagement=ENGAGEMENT_YAML)
    monkeypatch.chdir(root / "engagements" / "acme")
    upwards = CliRunner().invoke(main, ["validate"])
    assert upwards.exit_code == 0 and "engagements/acme: ok" in upwards.stdout
    monkeypatch.chdir(root.parent)
    lost = CliRunner().invoke(main, ["validate"])
    assert lost.exit_code == 1 and "no rapport.yaml in" in lost.stderr
    from_env = CliRunner().invoke(main, ["validate"], env={"RAPPORT_WORKSPACE": str(root)})
    assert from_env.exit_code == 0


def test_version(rapport):
    from generator import __version__

    assert rapport("--version").stdout == f"rapport, version {__version__}\n"


def test_help_imports_no_heavy_library():
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\nassert r.exit_code == 0\n"
        "print(sorted(m for m in ('weasyprint', 'openpyxl', 'matplotlib', 'pydantic', 'yaml',"
        " 'python_calamine') if m in sys.modules))"
    )
    assert fresh_python_output(code) == "[]"
