"""`rapport briefing`: the delivery team's internal briefing, in the team's language."""

from __future__ import annotations

import re

import pytest
import yaml
from workspace_helpers import copy_demo

pytestmark = pytest.mark.slow


def pages(path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        texts = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return [re.sub(r"[\s\u00a0\u202f]+", " ", text) for text in texts]


@pytest.fixture
def workspace(tmp_path):
    return copy_demo(tmp_path / "ws", ("northwind-logistics", "baltic-home"))


def brief(rapport, root, client, today):
    result = rapport("briefing", client, "--today", today, workspace=root)
    assert result.exit_code == 0, result.output
    (path,) = (root / "output" / client).glob(f"{client}-briefing-{today}.pdf")
    return pages(path)


def test_a_us_client_is_briefed_in_the_ukrainian_team_s_language(rapport, workspace):
    text = brief(rapport, workspace, "northwind-logistics", "2026-10-20")
    whole = " ".join(text)
    assert "Як працювати з Northwind Logistics, Inc." in whole
    assert "Інструктаж для: Dnipro Digital delivery team, станом на 20 жовтня 2026 р." in whole
    for heading in ("Хто є хто", "Що вони цінують і що їх дратує", "Як з ними працювати"):
        assert heading in whole
    # Marked internal on every page, never with the client's confidentiality line.
    assert all("ДЛЯ ВНУТРІШНЬОГО КОРИСТУВАННЯ" in page.upper() for page in text)
    assert "Confidential - for the leadership teams" not in whole
    # The consultant's own notes for the team, and the team's recommendations only.
    assert "Керівник команди — учасник, а не диспетчер." in whole
    assert "Keep sprint ceremonies under four hours a week" in whole
    assert "Hold a monthly 20-minute call" not in whole  # for leadership, not the team
    assert "Thanksgiving Day (US)" in whole


def test_overlap_hours_follow_each_side_s_summer_time(rapport, workspace):
    # Team in Kyiv 11:00–20:00. On 20 October both cities keep summer time, 8 hours apart:
    # 09:00 in Chicago is 17:00 in Kyiv; Seattle is 10 hours behind, its 09:00 is 19:00.
    before = " ".join(brief(rapport, workspace, "northwind-logistics", "2026-10-20"))
    assert "Dana Kessler" in before
    assert re.search(r"Dana Kessler .*?17:00–20:00 · 3 год", before)
    assert re.search(r"Priya Shah .*?19:00–20:00 · 1 год", before)
    # Kyiv leaves summer time on 25 October, Chicago on 1 November: 7 hours apart between.
    after = " ".join(brief(rapport, workspace, "northwind-logistics", "2026-10-27"))
    assert re.search(r"Dana Kessler .*?16:00–20:00 · 4 год", after)


def test_nothing_from_a_sample_under_the_anonymity_threshold(rapport, workspace):
    settings = workspace / "rapport.yaml"
    data = yaml.safe_load(settings.read_text(encoding="utf-8"))
    data["defaults"]["anonymity_threshold"] = 100  # Northwind's Q3 pulse has 65 answers
    data["defaults"]["comment_threshold"] = 100
    settings.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    whole = " ".join(brief(rapport, workspace, "northwind-logistics", "2026-10-20"))
    assert "Жодне опитування цього клієнта ще не має достатньо відповідей" in whole
    assert "Visibility of work and status" not in whole
    assert "коментарів" not in whole


def test_a_team_reading_latvian_gets_it_in_latvian(rapport, workspace):
    path = workspace / "engagements/baltic-home/engagement.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  language: en\n  timezone: Europe/Warsaw", "  language: lv\n  timezone: Europe/Warsaw"
    )
    path.write_text(text, encoding="utf-8")
    whole = " ".join(brief(rapport, workspace, "baltic-home", "2026-10-20"))
    assert "Darbs ar SIA „Mājas Stils”" in whole
    assert "Kas ir kas" in whole
    assert "7 stundas" in whole  # Riga is one hour ahead of the team in Warsaw
    assert "Latvijas Republikas Proklamēšanas diena (LV)" in whole


def test_an_engagement_without_a_team_is_a_located_error(rapport, workspace):
    path = workspace / "engagements/northwind-logistics/engagement.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    del spec["team"]
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = rapport("briefing", "northwind-logistics", workspace=workspace)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "engagements/northwind-logistics/engagement.yaml:1:1: team: the briefing needs the "
        "delivery team (name, language, timezone)"
    )
    assert not (workspace / "output").exists()


def test_a_contact_without_a_time_zone_is_located(rapport, workspace):
    path = workspace / "engagements/northwind-logistics/engagement.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  timezone: America/Chicago\n", "", 1)
    path.write_text(text, encoding="utf-8")
    result = rapport("validate", "northwind-logistics", workspace=workspace)
    assert result.exit_code == 1
    line = text[: text.index("    - id: dkessler")].count("\n") + 1
    assert (
        f"engagements/northwind-logistics/engagement.yaml:{line}:7: client.contacts[dkessler]: "
        "needs a timezone (or client.timezone) for the team's briefing"
    ) in result.stderr.splitlines()


def test_a_time_zone_must_exist(rapport, workspace):
    path = workspace / "engagements/northwind-logistics/engagement.yaml"
    text = path.read_text(encoding="utf-8").replace("America/Chicago", "America/Chicgo", 1)
    path.write_text(text, encoding="utf-8")
    result = rapport("validate", "northwind-logistics", workspace=workspace)
    assert result.exit_code == 1
    assert (
        "client.timezone: 'America/Chicgo' is not an IANA time zone such as Europe/Kyiv "
        "(did you mean 'America/Chicago'?)"
    ) in result.stderr
