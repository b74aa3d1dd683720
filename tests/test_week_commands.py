"""`rapport status` and `rapport agenda` on the demo, judged as of a fixed day."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import holidays
import pytest
from icalendar import Calendar
from workspace_helpers import DEMO_CLIENTS, REPO, copy_demo

TODAY = "2026-10-20"


def test_status_puts_each_client_on_one_line(rapport):
    result = rapport("status", "--today", TODAY, workspace=REPO)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Status on 2026-10-20, the clients needing attention first"
    assert [line.split()[0] for line in lines[3:6]] == [
        "northwind-logistics",  # 4 overdue follow-ups
        "baltic-home",  # 2, with the older concern
        "kyiv-pharma",  # 2
    ]
    assert " ".join(lines[3].split()) == (
        "northwind-logistics red concern open too long NPS +34 (+45, up, p < 0.001) 61 d 4 "
        "21 d 2026-12-07 never"
    )
    assert " ".join(lines[4].split()) == (
        "baltic-home red concern open too long NPS +29 (+13, up, p < 0.001) 178 d, 91 d 2 "
        "14 d 2026-10-01 (late) never"
    )
    assert "\033[" not in result.stdout  # no colour when the output is not a terminal
    assert (
        "  baltic-home: Teikā papildu kase sestdienās darbojas, Imantā vēl nav cilvēku. "
        "(raised 2026-04-25, 178 days ago)" in lines
    )


def test_status_json_gives_the_same_figures(rapport, monkeypatch):
    monkeypatch.setenv("RAPPORT_TODAY", TODAY)
    result = rapport("status", "--json", workspace=REPO)
    listed = json.loads(result.stdout)
    assert listed["today"] == TODAY
    northwind = listed["clients"][0]
    assert northwind["client"] == "northwind-logistics"
    assert northwind["open_concerns"] == [
        {
            "text": "Ceremonies take about six hours per engineer a week; a leaner schedule is "
            "needed.",
            "raised": "2026-08-20",
            "age_days": 61,
        }
    ]
    assert (northwind["overdue_follow_ups"], northwind["days_since_executive"]) == (4, 21)
    assert northwind["headline"]["metric"] == "nps"
    assert round(northwind["headline"]["value"]) == 34  # as `rapport stats` prints it
    kyiv = listed["clients"][2]
    assert kyiv["headline"]["metric"] == "csat"  # Kyiv's survey asks no NPS question
    assert (kyiv["next_wave_due"], kyiv["next_wave_overdue"]) == ("2026-10-06", True)


def test_agenda_lists_what_is_due_by_date_with_overdue_first(rapport):
    result = rapport("agenda", "--today", TODAY, "--days", "21", workspace=REPO)
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines[0] == "Agenda from 2026-10-20 to 2026-11-10"
    assert lines[2] == (
        "overdue northwind-logistics follow-up Add a support-facing section to the release "
        "notes (Dnipro Digital delivery manager) (127 days late)"
    )
    dated = [line for line in lines if not line.startswith("overdue")][2:]
    assert dated == [
        "Tue 20 Oct baltic-home contact Get in touch with Ilze Kalniņa, Valdes priekšsēdētāja: "
        "last contact 2026-10-06",
        "Tue 20 Oct northwind-logistics contact Get in touch with Linda Nguyen, Chief Operating "
        "Officer: last contact 2026-09-29",
        "Wed 21 Oct northwind-logistics birthday Birthday of Dana Kessler, VP of Engineering",
        "Thu 22 Oct kyiv-pharma contact Get in touch with Богдан Ткаченко, Генеральний "
        "директор: last contact 2026-10-08",
        "Sat 24 Oct baltic-home contact Get in touch with Andris Krūmiņš, Veikalu tīkla "
        "vadītājs: last contact 2026-09-24",
        "Wed 28 Oct northwind-logistics anniversary 7 years in the role for Linda Nguyen, Chief "
        "Operating Officer",
        "Fri 30 Oct baltic-home follow-up Izvērtēt krājumu papildināšanu reģionu veikaliem "
        "divreiz nedēļā (Andris Krūmiņš)",
        "Sun 01 Nov baltic-home holiday All Saints' Day (LT)",
        "Mon 02 Nov baltic-home holiday All Souls' Day (LT)",
        "Fri 06 Nov baltic-home contact Get in touch with Jānis Bērziņš, Komercdirektors: last "
        "contact 2026-10-06",
    ]
    assert "overdue kyiv-pharma survey Field the next survey wave (14 days late)" in lines
    assert (
        "overdue northwind-logistics delivery Send the Q3 2026 pulse documents (18 days late)"
        in lines
    )


@pytest.mark.parametrize(
    "country, client, known",
    [
        ("US", "northwind-logistics", {"2026-11-26", "2026-12-25", "2027-07-05"}),
        ("UA", "kyiv-pharma", {"2027-08-24", "2026-12-25", "2027-01-01"}),
        ("LV", "baltic-home", {"2026-11-18", "2026-12-24", "2027-06-23"}),
        ("LT", "baltic-home", {"2026-11-01", "2027-02-16", "2027-07-06"}),
    ],
)
def test_every_holiday_of_a_client_s_countries_is_on_the_agenda(rapport, country, client, known):
    result = rapport("agenda", client, "--today", TODAY, "--days", "366", "--json", workspace=REPO)
    listed = [e for e in json.loads(result.stdout)["entries"] if e["kind"] == "holiday"]
    dates = {e["date"] for e in listed if e["text"].endswith(f"({country})")}
    start = dt.date.fromisoformat(TODAY)
    end = start + dt.timedelta(days=366)
    # Ukraine's holidays are working days under martial law; they are still greeted.
    categories = ("public", "workday") if country == "UA" else ("public",)
    expected = {
        day.isoformat()
        for day in holidays.country_holidays(country, years=[2026, 2027], categories=categories)
        if start <= day <= end
    }
    assert known <= dates  # read off the countries' calendars by hand
    assert dates == expected


def test_the_calendar_file_parses_back_and_keeps_its_event_ids(rapport, tmp_path):
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    rapport("agenda", "--today", TODAY, "--ics", str(first), workspace=REPO)
    rapport("agenda", "--today", "2026-10-27", "--ics", str(second), workspace=REPO)
    shown = json.loads(rapport("agenda", "--today", TODAY, "--json", workspace=REPO).stdout)
    events = Calendar.from_ical(first.read_bytes()).walk("VEVENT")
    assert len(events) == len(shown["entries"])
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(events)
    birthday = next(e for e in events if "Birthday of Dana Kessler" in str(e["SUMMARY"]))
    assert birthday.decoded("DTSTART") == dt.date(2026, 10, 21)
    # The same follow-up a week later has the same UID, so a calendar updates it.
    later = {str(e["UID"]): e for e in Calendar.from_ical(second.read_bytes()).walk("VEVENT")}
    follow_up = next(e for e in events if "Add a support-facing section" in str(e["SUMMARY"]))
    moved = later[str(follow_up["UID"])]
    assert moved.decoded("DTSTART") == dt.date(2026, 10, 27)
    assert "134 days late" in str(moved["SUMMARY"])
    assert first.read_bytes() == first.read_bytes()  # written once, whole


def test_the_calendar_is_the_same_bytes_for_the_same_day(rapport, tmp_path):
    for name in ("a.ics", "b.ics"):
        rapport("agenda", "--today", TODAY, "--ics", str(tmp_path / name), workspace=REPO)
    digests = {hashlib.sha256((tmp_path / n).read_bytes()).hexdigest() for n in ("a.ics", "b.ics")}
    assert len(digests) == 1


def test_a_delivery_is_shown_and_turns_stale_when_an_input_changes(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws", ("northwind-logistics",))
    assert rapport("build", "--only", "data", workspace=root).exit_code == 0
    workbook = root / "output/northwind-logistics/northwind-logistics-data-2026-q3.xlsx"
    digest = hashlib.sha256(workbook.read_bytes()).hexdigest()
    (root / "engagements/northwind-logistics/deliveries.yaml").write_text(
        "- when: 2026-10-05T09:30:00Z\n  wave: 2026-q3\n  attachments:\n"
        f"    - {{file: {workbook.name}, sha256: {digest}}}\n",
        encoding="utf-8",
    )
    fresh = rapport("status", "--today", TODAY, workspace=root).stdout
    assert fresh.splitlines()[3].rstrip().endswith("2026-q3 on 2026-10-05")
    log = root / "engagements/northwind-logistics/interactions.yaml"
    log.write_text(log.read_text(encoding="utf-8") + "# a note\n", encoding="utf-8")
    stale = rapport("status", "--today", TODAY, workspace=root).stdout
    assert stale.splitlines()[3].rstrip().endswith("2026-q3 on 2026-10-05, stale")
    due = json.loads(rapport("agenda", "--today", TODAY, "--json", workspace=root).stdout)
    assert "delivery" not in {e["kind"] for e in due["entries"]}


def test_a_new_client_with_no_log_yet(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws", ())
    assert rapport("new", "acme-retail", workspace=root).exit_code == 0
    status = rapport("status", "--today", TODAY, workspace=root)
    assert status.exit_code == 0, status.output
    assert " ".join(status.stdout.splitlines()[3].split()) == (
        "acme-retail — no contact logged no survey yet none 0 never no cadence never"
    )
    agenda = rapport("agenda", "--today", TODAY, workspace=root)
    assert agenda.exit_code == 0, agenda.output


@pytest.mark.parametrize(
    "line, value, message",
    [
        ("  country: US", "  country: XX", "client.country: 'XX' is not an ISO 3166 country code"),
        (
            "  contact_every: 3w ",
            "  contact_every: 3 weeks ",
            "client.contact_every: expected a number and d, w or mo, such as 14d, 2w or 3mo",
        ),
        (
            "      birthday: 10-21",
            "      birthday: 21-10",
            "client.contacts[dkessler].birthday: expected a day as MM-DD, such as 03-14",
        ),
    ],
)
def test_bad_calendar_input_is_a_located_error(rapport, tmp_path, line, value, message):
    root = copy_demo(tmp_path / "ws", ("northwind-logistics",))
    path = root / "engagements/northwind-logistics/engagement.yaml"
    text = path.read_text(encoding="utf-8")
    assert line in text
    number = text[: text.index(line)].count("\n") + 1
    path.write_text(text.replace(line, value, 1), encoding="utf-8")
    for command in ("status", "agenda", "validate"):
        result = rapport(command, workspace=root)
        assert result.exit_code == 1
        shown = f"engagements/northwind-logistics/engagement.yaml:{number}:"
        errors = result.stderr.splitlines()
        assert any(e.startswith(shown) and message in e for e in errors), result.stderr


def test_colour_marks_health_only_when_asked():
    from generator.render.week_text import status_text
    from generator.week import portfolio

    statuses = portfolio(REPO, list(DEMO_CLIENTS), dt.date.fromisoformat(TODAY))
    painted = status_text(statuses, dt.date.fromisoformat(TODAY), color=True)
    assert "\033[31mred" in painted
    assert "\033[" not in status_text(statuses, dt.date.fromisoformat(TODAY), color=False)


@pytest.mark.slow
def test_the_portfolio_page_is_in_the_workspace_s_language(rapport, tmp_path):
    import pypdfium2 as pdfium
    import yaml

    root = copy_demo(tmp_path / "ws", DEMO_CLIENTS)
    settings = yaml.safe_load((root / "rapport.yaml").read_text(encoding="utf-8"))
    settings["defaults"]["language"] = "uk"
    (root / "rapport.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    result = rapport("status", "--pdf", "--today", TODAY, workspace=root)
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote output/portfolio-2026-10-20.pdf (1 pages)\n"
    document = pdfium.PdfDocument(str(root / "output/portfolio-2026-10-20.pdf"))
    (page,) = document
    assert (round(page.get_width()), round(page.get_height())) == (595, 842)  # A4
    text = " ".join(page.get_textpage().get_text_range().split())
    assert "Портфель клієнтів" in text
    assert "3 клієнти станом на 20 жовтня 2026 р., спершу ті, що потребують уваги" in text
    assert text.index("Northwind") < text.index("Mājas Stils") < text.index("Здоров’я Плюс")
    assert "NPS +34 +45 пунктів порівняно з «Q2 2026 pulse», статистично значуще" in text
    # +13, not +12: the difference of 51% and 64% as printed
    assert "CSAT 64% +13 пунктів порівняно з «II квартал 2026», статистично значуще" in text
    assert "Головний показник у динаміці" in text


def test_a_changed_export_is_read_again_and_the_status_follows_it(rapport, tmp_path):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    first = json.loads(rapport("status", "--json", "--today", TODAY, workspace=root).stdout)
    assert round(first["clients"][0]["headline"]["value"] * 100) == 64
    assert list((root / ".rapport-cache/status").glob("kyiv-pharma.json"))
    # Drop the Q3 export's rows: the figures cached for it must not be served again.
    export = root / "engagements/kyiv-pharma/data/results-survey482913.csv"  # the Q3 wave
    raw = export.read_bytes()
    export.write_bytes(raw[: raw.index(b"\n", len(raw) // 2) + 1])
    second = json.loads(rapport("status", "--json", "--today", TODAY, workspace=root).stdout)
    assert second["clients"][0]["headline"]["value"] != first["clients"][0]["headline"]["value"]
