"""The committed demo clients are what engagements/make_demo.py writes, and they are valid."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.errors import Problems
from generator.load.yamlmarks import parse_yaml
from generator.schema import EngagementFile, InteractionsFile, NarrativeFrontMatter

ENGAGEMENTS = Path(__file__).resolve().parents[1] / "engagements"
CLIENTS = ["northwind-logistics", "baltic-home", "kyiv-pharma"]
GENERATED_FOLDERS = ["data", "narrative", "assets"]
METRICS = {"nps", "csat", "ces", "sus", "response_rate"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    subprocess.run(
        [sys.executable, str(ENGAGEMENTS / "make_demo.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def _zip_members(path: Path) -> list[tuple[str, tuple[int, ...], bytes]]:
    # docProps/app.xml names the version of the library that wrote the workbook, not its data.
    with zipfile.ZipFile(path) as archive:
        return [
            (i.filename, i.date_time, archive.read(i))
            for i in archive.infolist()
            if i.filename != "docProps/app.xml"
        ]


def test_committed_demo_matches_a_fresh_run(fresh: Path) -> None:
    drifted = []
    for rel in sorted(_files(fresh)):
        committed = ENGAGEMENTS / rel
        if not committed.is_file():
            drifted.append(f"{rel}: not committed")
        elif committed.read_bytes() == (fresh / rel).read_bytes():
            continue
        # Deflate output may differ between zlib builds; the workbook parts must not.
        elif rel.suffix != ".xlsx" or _zip_members(committed) != _zip_members(fresh / rel):
            drifted.append(f"{rel}: differs from the generator's output")
    assert not drifted, "run `python engagements/make_demo.py` and commit:\n" + "\n".join(drifted)


@pytest.mark.parametrize("client", CLIENTS)
def test_generated_folders_hold_only_generated_files(fresh: Path, client: str) -> None:
    for folder in GENERATED_FOLDERS:
        committed = _files(ENGAGEMENTS / client / folder)
        assert committed == _files(fresh / client / folder), f"{client}/{folder}"


def _load(client: str) -> tuple[EngagementFile, InteractionsFile]:
    folder = ENGAGEMENTS / client
    documents = []
    for name in ("engagement.yaml", "interactions.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        problems = Problems()
        parse_yaml(text, f"engagements/{client}/{name}", problems)
        assert not problems, [str(p) for p in problems]
        documents.append(yaml.safe_load(text))
    return (
        EngagementFile.model_validate(documents[0]),
        InteractionsFile.model_validate(documents[1]),
    )


@pytest.mark.parametrize("client", CLIENTS)
def test_engagement_starts_with_the_generated_notice(client: str) -> None:
    head = (ENGAGEMENTS / client / "engagement.yaml").read_text(encoding="utf-8").splitlines()[:3]
    assert any(line.startswith("#") and "make_demo.py" in line for line in head)


@pytest.mark.parametrize("client", CLIENTS)
def test_every_referenced_file_is_inside_the_client_folder(client: str) -> None:
    engagement, _ = _load(client)
    folder = (ENGAGEMENTS / client).resolve()
    files = [engagement.client.logo]
    files += [source.file for wave in engagement.waves for source in wave.sources]
    files += [test.sus.file for test in engagement.usability_tests if test.sus]
    for name in files:
        path = (folder / name).resolve()
        assert path.is_file() and path.is_relative_to(folder), name


@pytest.mark.parametrize("client", CLIENTS)
def test_ids_are_unique_and_references_resolve(client: str) -> None:
    engagement, log = _load(client)
    declared = {
        "item": set(engagement.measures.items),
        "segment": set(engagement.measures.segments),
        "theme": {theme.id for theme in engagement.themes},
        "focus_group": {group.id for group in engagement.focus_groups},
        "usability": {test.id for test in engagement.usability_tests},
        "interaction": {entry.id for entry in log.interactions if entry.id},
        "metric": METRICS,
    }
    for kind in ("waves", "findings", "recommendations", "risks", "themes"):
        ids = [entry.id for entry in getattr(engagement, kind)]
        assert len(ids) == len(set(ids)), kind
    logged = [entry.id for entry in log.interactions if entry.id]
    assert len(logged) == len(set(logged))
    waves = {wave.id for wave in engagement.waves}
    findings = {finding.id for finding in engagement.findings}
    for finding in engagement.findings:
        assert finding.wave is None or finding.wave in waves
        for reference in finding.evidence:
            kind, _, target = reference.partition(":")
            assert target in declared[kind], f"{finding.id}: {reference}"
    for recommendation in engagement.recommendations:
        assert set(recommendation.findings) <= findings, recommendation.id
        assert recommendation.wave is None or recommendation.wave in waves
    for wave in engagement.waves:
        for source in wave.sources:
            assert set(source.columns.items) <= declared["item"]
            assert set(source.columns.segments) <= declared["segment"]
    contacts = {contact.id for contact in engagement.client.contacts}
    for entry in log.interactions:
        assert set(entry.people) <= contacts, entry.date


@pytest.mark.parametrize("client", CLIENTS)
def test_narrative_covers_every_finding_and_the_latest_wave(client: str) -> None:
    engagement, _ = _load(client)
    latest = engagement.waves[-1].id
    explained, summarised = set(), set()
    for path in sorted((ENGAGEMENTS / client / "narrative").glob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        assert match, path.name
        front = NarrativeFrontMatter.model_validate(yaml.safe_load(match.group(1)))
        if front.kind == "finding":
            explained.add(front.finding)
        if front.kind == "executive_summary":
            assert 3 <= len(front.key_messages) <= 5, path.name
            summarised.add(front.wave or latest)
    assert explained == {finding.id for finding in engagement.findings}
    assert latest in summarised
