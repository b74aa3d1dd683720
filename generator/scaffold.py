"""New workspaces and engagement skeletons, commented so that a consultant can fill them in."""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from pathlib import Path
from string import Template

from generator import placeholders
from generator.errors import RapportError

WORKSPACE_YAML = Template("""\
# Rapport workspace: who you are, how your deliverables look, and the defaults.
# Every key is documented: 'rapport schema workspace' prints the JSON Schema your editor can use.

consultant:
  name: $name
  # company: Your Practice Ltd
  # email: you@example.com
  # phone: "+371 2000 0000"
  # website: https://example.com

brand:
  # logo: brand/logo.svg          # SVG or PNG inside this workspace
  colors:
    primary: "#1f3a5f"
    accent: "#e07a5f"
  fonts:
    body: Source Sans 3           # a bundled family, or a .ttf/.otf file in this workspace
    heading: Source Sans 3

defaults:
  language: en                    # en, uk or lv
  anonymity_threshold: 5          # smaller groups of respondents are never shown
  comment_threshold: 10           # smaller groups never have their comments quoted
  confidence_level: 0.95
  output_dir: output

# The mail server 'rapport send' uses (see 'rapport send --help'). The password is never written
# here: set RAPPORT_SMTP_PASSWORD in the environment, or keep it in the system keyring.
# smtp:
#   host: smtp.example.com
#   security: starttls              # starttls, tls, or none (only for a server on this machine)
#   sender: you@example.com
#   username: you@example.com
""")

GITIGNORE = """\
# Rendered deliverables and caches are rebuilt from the inputs.
/output/
.rapport-cache/
"""

ENGAGEMENT_YAML = Template("""\
# $title: engagement data for Rapport.
# 'rapport validate $slug' checks this file; 'rapport schema engagement' documents every key.

client:
  name: $name
  language: $language              # language of the deliverables: en, uk or lv
  # industry: Retail
  # country: LV                    # its public holidays appear in 'rapport agenda'
  # timezone: Europe/Riga           # the contacts' time zone, for the team's briefing
  # contact_every: 3w               # 'rapport agenda' says who is due a call
  # logo: assets/logo.svg
  contacts: []
  # - id: jdoe
  #   name: Jane Doe
  #   role: Chief Executive Officer
  #   email: jane.doe@example.com
  #   executive: true
  #   recipient: true
  #   channel: call                 # how they prefer to be reached
  #   birthday: 03-14               # MM-DD, if they shared it

engagement:
  title: $engagement_title
  period:
    start: $start
    end: $end
  report_date: $report_date
  confidentiality: $confidentiality
  objectives: []
  # survey_every: 3mo               # when the next wave is due ('rapport status', 'agenda')

targets: {}
#   nps: 30
#   csat: 85

measures:
  items: {}
  #   delivery: Delivery speed
  segments: {}
  #   channel: Channel

waves: []
# - id: $year-q1
#   name: Q1 $year survey
#   fielded: {start: $year-01-10, end: $year-01-31}
#   invited: 500
#   sources:
#     - file: data/q1-export.xlsx       # the export exactly as downloaded
#       columns:                        # 'rapport inspect FILE' prints a mapping to paste here
#         respondent_id: ResponseId
#         nps: Q1
#         comment: Q5

themes: []
findings: []
recommendations: []
risks: []
usability_tests: []
focus_groups: []

# The delivery team that works with the client: 'rapport briefing' prepares it, in its language.
# team:
#   name: Delivery team
#   language: en
#   timezone: Europe/Kyiv
#   hours: 09:00-18:00
#   audiences: [engineering, web]
""")

INTERACTIONS_YAML = """\
# The relationship log: every call, meeting, video call, messenger chat, e-mail and visit.
interactions: []
# - date: 2026-01-15
#   channel: call                 # call, meeting, video, messenger, email or visit
#   people: [jdoe]                # contact ids from engagement.yaml
#   mood: 4                       # 1 (angry) to 5 (delighted)
#   summary: Kick-off; agreed on the survey plan.
#   concerns:
#     - id: timeline
#       text: Worried the survey will not be ready before the board meeting.
#   follow_ups:
#     - action: Send the questionnaire draft
#       due: 2026-01-20
"""

SUMMARY_MD = Template("""\
---
kind: executive_summary
key_messages:
  - "$key_message"
---
$summary
""")

# What the skeleton writes that a client reads, in the client's language; the bracketed
# texts are placeholders (see generator.placeholders), which make every build a draft.
SKELETON_TEXTS = {
    "en": {
        "engagement_title": "Customer satisfaction assessment",
        "confidentiality": "Confidential",
        "key_message": "One message the reader must remember, with its number",
        "summary": "Write the executive summary here, in Markdown.",
    },
    "uk": {
        "engagement_title": "Оцінка задоволеності клієнтів",
        "confidentiality": "Конфіденційно",
        "key_message": "Одна думка, яку читач має запам’ятати, з її числом",
        "summary": "Напишіть тут резюме для керівництва у форматі Markdown.",
    },
    "lv": {
        "engagement_title": "Klientu apmierinātības novērtējums",
        "confidentiality": "Konfidenciāli",
        "key_message": "Viena doma, kas lasītājam jāatceras, ar tās skaitli",
        "summary": "Šeit uzrakstiet kopsavilkumu vadībai Markdown formātā.",
    },
}

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


class ScaffoldError(RapportError):
    pass


def init_workspace(folder: Path, consultant_name: str) -> list[Path]:
    """Create a workspace in ``folder``; refuse to overwrite anything."""
    targets = {
        folder / "rapport.yaml": WORKSPACE_YAML.substitute(name=_yaml_text(consultant_name)),
        folder / ".gitignore": GITIGNORE,
        folder / "engagements" / ".gitkeep": "",
        folder / "templates" / ".gitkeep": "",
    }
    _refuse_existing(targets)
    (folder / "output").mkdir(parents=True, exist_ok=True)
    return _write(targets)


def new_engagement(
    root: Path, slug: str, name: str | None, language: str, today: dt.date
) -> list[Path]:
    """Create engagements/<slug>/ with a skeleton that validates as it is."""
    if not SLUG.match(slug):
        raise ScaffoldError(
            f"'{slug}' is not a usable folder name: use lowercase letters, digits and '-'"
        )
    folder = root / "engagements" / slug
    if folder.exists():
        raise ScaffoldError(f"engagements/{slug} already exists; nothing was changed")
    first_month = 3 * ((today.month - 1) // 3) + 1  # the current quarter
    last_month = first_month + 2
    name = name or slug.replace("-", " ").title()
    values = {
        "name": _yaml_text(name),
        "title": " ".join(name.split()),
        "slug": slug,
        "language": language,
        "start": dt.date(today.year, first_month, 1).isoformat(),
        "end": dt.date(today.year, last_month, monthrange(today.year, last_month)[1]).isoformat(),
        "report_date": today.isoformat(),
        "year": today.year,
    }
    texts = SKELETON_TEXTS.get(language, SKELETON_TEXTS["en"])
    values["engagement_title"] = texts["engagement_title"]
    values["confidentiality"] = texts["confidentiality"]
    summary = SUMMARY_MD.substitute(
        key_message=placeholders.mark(texts["key_message"]),
        summary=placeholders.mark(texts["summary"]),
    )
    targets = {
        folder / "engagement.yaml": ENGAGEMENT_YAML.substitute(values),
        folder / "interactions.yaml": INTERACTIONS_YAML,
        folder / "narrative" / "executive-summary.md": summary,
        folder / "data" / ".gitkeep": "",
        folder / "assets" / ".gitkeep": "",
    }
    return _write(targets)


def _yaml_text(value: str) -> str:
    """Quote a name so that YAML reads it back as the same text."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _refuse_existing(targets: dict[Path, str]) -> None:
    existing = [path for path in targets if path.exists() and path.name != ".gitkeep"]
    if existing:
        names = ", ".join(str(path) for path in existing)
        raise ScaffoldError(f"{names} already exists; nothing was changed")


def _write(targets: dict[Path, str]) -> list[Path]:
    written = []
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == ".gitkeep" and path.exists():
            continue
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
