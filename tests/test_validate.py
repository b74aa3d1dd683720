"""`rapport validate`: each kind of bad input gives its exact located line, exit 1, no traceback."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from workspace_helpers import ENGAGEMENT_YAML

E = "engagements/acme/engagement.yaml"


class Case(NamedTuple):
    engagement: str  # the text of engagements/acme/engagement.yaml
    expected: str  # the one error line
    files: dict[str, str | bytes] | None = None  # more files of the workspace


WAVE = """\
measures:
  items: {speed: Delivery speed}
waves:
  - id: q3
    name: Q3 pulse
    fielded: {start: 2026-07-01, end: 2026-07-31}
    sources:
      - file: data/q3.csv
        columns: {nps: Q1, items: {speed: Q2}}
"""

CASES = {
    "yaml syntax": Case(
        ENGAGEMENT_YAML + "targets: {nps: 30\n",
        (
            f"{E}:12:1: YAML syntax: while parsing a flow mapping expected ',' or '}}', but got "
            "'<stream end>'"
        ),
    ),
    "nesting too deep to read": Case(
        ENGAGEMENT_YAML + "objectives: " + "[" * 20_000 + "]" * 20_000 + "\n",
        f"{E}:11:1012: YAML syntax: while increasing flow level exceeded maximum nesting depth",
    ),
    "alias to a value that contains it": Case(
        ENGAGEMENT_YAML + "objectives: &loop [*loop]\n",
        f"{E}:11:13: an alias refers to a value that contains it",
    ),
    "nested deeper than a person writes": Case(
        ENGAGEMENT_YAML + "objectives: " + "[" * 80 + "]" * 80 + "\n",
        f"{E}:11:77: values are nested more than 64 levels deep",
    ),
    "a code tag on a mapping": Case(
        ENGAGEMENT_YAML + "targets: !!python/object/apply:os.system {nps: 30}\n",
        f"{E}:11:10: the tag '!!python/object/apply:os.system' is not allowed here; remove it",
    ),
    "a narrative with a cp1252 byte": Case(
        ENGAGEMENT_YAML,
        "engagements/acme/narrative/summary.md:4: not UTF-8 text; save the file as UTF-8",
        files={
            "engagements/acme/narrative/summary.md": b"---\nkind: executive_summary\n---\nCaf\x92\n"
        },
    ),
    "duplicate key": Case(
        ENGAGEMENT_YAML + "engagement: {}\n",
        f"{E}:11:1: duplicate key 'engagement' (the first is on line 7)",
    ),
    "unknown key with a suggestion": Case(
        ENGAGEMENT_YAML.replace("  name: Acme Retail", "  name: Acme Retail\n  langauge: lv"),
        f"{E}:3:3: client.langauge: unknown key 'langauge' (did you mean 'language'?)",
    ),
    "wrong type": Case(
        ENGAGEMENT_YAML.replace("executive: true", "executive: maybe"),
        f"{E}:6:18: client.contacts[jdoe].executive: expected true or false, got 'maybe'",
    ),
    "bad enum": Case(
        ENGAGEMENT_YAML
        + "recommendations:\n  - {id: R1, title: Fix it, audience: [web], impact: hgh,"
        " effort: low, horizon: 30}\n",
        f"{E}:12:54: recommendations[R1].impact: expected one of low, medium, high, got 'hgh'",
    ),
    "bad date": Case(
        ENGAGEMENT_YAML.replace("report_date: 2026-10-15", "report_date: 2026-13-01"),
        f"{E}:10:16: engagement.report_date: expected a date as YYYY-MM-DD, got '2026-13-01'",
    ),
    "period ends before it starts": Case(
        ENGAGEMENT_YAML.replace("end: 2026-09-30", "end: 2026-06-30"),
        (
            f"{E}:9:11: engagement.period: the period ends (2026-06-30) before it starts "
            "(2026-07-01)"
        ),
    ),
    "missing required key": Case(
        ENGAGEMENT_YAML.replace("  title: Customer satisfaction assessment\n", ""),
        f"{E}:8:3: engagement: 'title' is required",
    ),
    "duplicate id": Case(
        ENGAGEMENT_YAML + "findings:\n  - {id: F1, title: One}\n  - {id: F1, title: Two}\n",
        f"{E}:13:10: findings[F1].id: duplicate id 'F1' (first on line 12)",
    ),
    "dangling finding reference": Case(
        ENGAGEMENT_YAML + "findings:\n  - {id: F1, title: One}\n"
        "recommendations:\n  - {id: R1, title: Fix it, audience: [web], findings: [F2],"
        " impact: high, effort: low, horizon: 30}\n",
        f"{E}:14:57: recommendations[R1].findings[0]: no finding 'F2'; there is F1",
    ),
    "dangling evidence": Case(
        ENGAGEMENT_YAML
        + "themes: []\nfindings:\n  - {id: F1, title: One, evidence: [theme:dlvry]}\n",
        f"{E}:13:37: findings[F1].evidence[0]: no theme 'dlvry' (there are none)",
    ),
    "ordering an undeclared segment": Case(
        ENGAGEMENT_YAML + "measures:\n  segments: {tenure: Tenure}\n"
        "  segment_order:\n    tenur: [New, Old]\n",
        (
            f"{E}:14:5: measures.segment_order: segment 'tenur' is not declared under "
            "measures.segments (did you mean 'tenure'?)"
        ),
    ),
    "missing file": Case(
        ENGAGEMENT_YAML + WAVE,
        f"{E}:18:15: waves[q3].sources[0].file: no such file: data/q3.csv",
    ),
    "file outside the engagement": Case(
        ENGAGEMENT_YAML + WAVE.replace("data/q3.csv", "../../../etc/passwd"),
        (
            f"{E}:18:15: waves[q3].sources[0].file: '../../../etc/passwd' lies outside acme/; "
            "keep survey files in the engagement"
        ),
    ),
    "undeclared item": Case(
        ENGAGEMENT_YAML + WAVE.replace("items: {speed: Q2}", "items: {sped: Q2}"),
        (
            f"{E}:19:36: waves[q3].sources[0].columns.items: item 'sped' is not declared under "
            "measures.items (did you mean 'speed'?)"
        ),
        files={"engagements/acme/data/q3.csv": "Q1,Q2\n9,4\n"},
    ),
    "secret in yaml": Case(
        ENGAGEMENT_YAML + "smtp_password: hunter2\n",
        (
            f"{E}:11:1: 'smtp_password': secrets do not belong in files kept in git; set them in "
            "an environment variable or the system keyring"
        ),
    ),
    "contact in the log that does not exist": Case(
        ENGAGEMENT_YAML,
        (
            "engagements/acme/interactions.yaml:4:14: interactions[0].people[0]: no contact 'jdo' "
            "in engagement.yaml (did you mean 'jdoe'?)"
        ),
        files={
            "engagements/acme/interactions.yaml": "interactions:\n  - date: 2026-07-02\n"
            "    channel: call\n    people: [jdo]\n    mood: 3\n    summary: Kick-off\n"
        },
    ),
    "narrative about an unknown finding": Case(
        ENGAGEMENT_YAML,
        (
            "engagements/acme/narrative/f9.md:3:10: no finding 'F9' in engagement.yaml "
            "(there are none)"
        ),
        files={"engagements/acme/narrative/f9.md": "---\nkind: finding\nfinding: F9\n---\nText\n"},
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_at_its_place(case, make_workspace, rapport):
    engagement, expected, files = CASES[case]
    root = make_workspace(files, engagement=engagement)
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:-1] == [expected]
    assert lines[-1] == "1 error."
    assert "Traceback" not in result.output


def test_colour_that_is_not_a_colour(make_workspace, rapport):
    root = make_workspace(
        {
            "rapport.yaml": "consultant: {name: X}\nbrand:\n  colors:\n"
            "    primary: 'red; background: url(x)'\n"
        }
    )
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "rapport.yaml:4:14: brand.colors.primary: expected a colour as #RGB or #RRGGBB, "
        "got 'red; background: url(x)'"
    )


def test_every_problem_is_reported_at_once(make_workspace, rapport):
    broken = ENGAGEMENT_YAML.replace("executive: true", "executive: maybe").replace(
        "report_date: 2026-10-15", "report_date: someday"
    )
    root = make_workspace(
        {"engagements/other/engagement.yaml": ENGAGEMENT_YAML + "colour: blue\n"},
        engagement=broken,
    )
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{E}:6:18: client.contacts[jdoe].executive: expected true or false, got 'maybe'",
        f"{E}:10:16: engagement.report_date: expected a date as YYYY-MM-DD, got 'someday'",
        "engagements/other/engagement.yaml:11:1: colour: unknown key 'colour'; expected one of: "
        "client, engagement, targets, measures, waves, usability_tests, focus_groups, themes, "
        "findings, recommendations, risks, team",
        "3 errors.",
    ]


def test_warnings_pass_unless_strict(make_workspace, rapport):
    wave = WAVE.replace("columns: {nps: Q1, items: {speed: Q2}}", "columns: {comment: Q3}")
    recipient = "      executive: true\n      recipient: true\n      email: jane@acme.example\n"
    root = make_workspace(
        {"engagements/acme/data/q3.csv": "Q1,Q2,Q3\n" + "9,4,fine\n" * 5},
        engagement=ENGAGEMENT_YAML.replace("      executive: true\n", recipient) + wave,
    )
    warning = (
        f"{E}:21:18: warning: waves[q3].sources[0].columns: this source maps no scored column "
        "(nps, csat, ces, overall or items)"
    )
    relaxed = rapport("validate", workspace=root)
    assert relaxed.exit_code == 0
    assert warning in relaxed.stderr.splitlines()
    strict = rapport("validate", "--strict", workspace=root)
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [warning, "1 warning."]


def test_clean_workspace_passes(make_workspace, rapport, no_warnings_logged):
    root = make_workspace(engagement=ENGAGEMENT_YAML)
    result = rapport("validate", workspace=root)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "rapport.yaml: ok",
        "engagements/acme: ok (0 waves, 0 responses, 0 logged contacts)",
    ]


def test_unknown_client_is_a_usage_error(make_workspace, rapport):
    root = make_workspace(engagement=ENGAGEMENT_YAML)
    result = rapport("validate", "acme-retail", workspace=root)
    assert result.exit_code == 2
    assert "no client 'acme-retail' in engagements/; the clients are: acme" in result.stderr


def test_a_client_folder_without_its_engagement_file_is_named(make_workspace, rapport):
    root = make_workspace(
        {"engagements/baltic/engagement.yml": ENGAGEMENT_YAML, "engagements/notes/todo.txt": "x"},
        engagement=ENGAGEMENT_YAML,
    )
    result = rapport("validate", workspace=root)
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "no engagement.yaml" in line] == [
        "engagements/baltic: warning: no engagement.yaml here, so this folder is not read "
        "(did you mean to name 'engagement.yml' engagement.yaml?)",
        "engagements/notes: warning: no engagement.yaml here, so this folder is not read",
    ]
    assert rapport("validate", "--strict", workspace=root).exit_code == 1


def test_every_command_reads_rapport_yaml_within_the_limits(make_workspace, rapport):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    root = make_workspace(
        {"rapport.yaml": "consultant: {name: X}\n" + bomb}, engagement=ENGAGEMENT_YAML
    )
    for command in (["validate"], ["build"], ["status"], ["agenda"]):
        result = rapport(*command, workspace=root)
        assert result.exit_code == 1, command
        assert "rapport.yaml: more than 200,000 values once aliases are expanded" in result.stderr


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.mkdir(), "is not a regular file (a folder, a device or a pipe)"),
        (
            lambda p: __import__("os").mkfifo(p),
            "is not a regular file (a folder, a device or a pipe)",
        ),
        (
            lambda p: p.symlink_to("/dev/zero"),
            "is a link to a file outside acme/; copy the file in",
        ),
        (lambda p: p.symlink_to(p.name), "is a link that leads back to itself"),
        (lambda p: p.symlink_to("gone.md"), "is a link to a file that does not exist"),
    ],
    ids=["folder", "pipe", "device", "loop", "dangling"],
)
def test_a_narrative_that_is_not_a_file_is_named_and_never_read(
    make_workspace, rapport, make, message
):
    root = make_workspace(engagement=ENGAGEMENT_YAML)
    path = root / "engagements/acme/narrative/summary.md"
    path.parent.mkdir(parents=True)
    make(path)
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"engagements/acme/narrative/summary.md: {message}",
        "1 error.",
    ]
