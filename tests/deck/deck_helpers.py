"""Helpers of the deck tests: a crowded client, the planned slides, PDF reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from workspace_helpers import DEMO_CLIENTS

CROWDED = "crowded-logistics"
ALL_CLIENTS = (*DEMO_CLIENTS, CROWDED)
SLIDE_WIDTH, SLIDE_HEIGHT = 960.0, 540.0

# Long, realistic titles: the deck must wrap or shorten them, never run off the slide.
LONG_TITLES = (
    "Replace the nightly batch export to the dispatch partners with an event stream so that "
    "route changes reach drivers within a minute instead of the next morning",
    "Write and rehearse a runbook for every release that touches the dispatch console, "
    "including a rollback drill with the operations team on the Friday before",
    "Pair each Dnipro engineer with a Northwind dispatcher for a half-day shadowing session "
    "every quarter and publish what they learned on the delivery dashboard",
    "Move the regression suite for the mobile driver app into the pull-request pipeline and "
    "block merges that lower coverage of the routing module",
)
LEVELS = ("low", "medium", "high")


def add_crowded_client(root: Path, count: int = 25) -> Path:
    """Add a copy of Northwind whose current wave has ``count`` recommendations.

    Most are for engineering and have long titles and KPIs, so that the team's slides, the
    priority matrix and the roadmap all need continuation slides.
    """
    source = root / "engagements" / "northwind-logistics"
    folder = root / "engagements" / CROWDED
    shutil.copytree(source, folder)
    path = folder / "engagement.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    current = [r for r in spec["recommendations"] if not r.get("wave")]
    finding = spec["findings"][0]["id"]
    for index in range(count - len(current)):
        number = 100 + index
        audience = ["engineering"] if index % 4 else ["engineering", "leadership"]
        spec["recommendations"].append(
            {
                "id": f"R{number}",
                "title": f"{LONG_TITLES[index % len(LONG_TITLES)]} (batch {number}).",
                "rationale": "The same problem came up in three of the last four retrospectives "
                "and in the comments of the quarter's pulse.",
                "audience": audience,
                "findings": [finding],
                "impact": LEVELS[index % 3],
                "effort": LEVELS[(index // 3) % 3],
                "confidence": "medium",
                "horizon": (30, 60, 90)[index % 3],
                "owner": "Dnipro Digital delivery manager, platform and release engineering",
                "kpi": "Share of releases rolled out without a dispatch incident, measured "
                "weekly on the delivery dashboard and reviewed at the monthly steering call",
                "notes": f"Rehearsal note {number}: say who asked for this first.",
            }
        )
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def planned_decks(root: Path, clients) -> dict[str, dict]:
    """Return each client's document context with its planned slides, as the build makes it."""
    from generator.pipeline import analyze
    from generator.render.context import document_context
    from generator.render.deck import deck_context
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, list(clients))
    decks = {}
    for engagement in workspace.engagements:
        analysis = analyze(workspace, engagement, None).to_dict()
        context = document_context(workspace, engagement, analysis, language=engagement.language)
        decks[engagement.slug] = deck_context(context)
    return decks


def page_texts(path: Path) -> list[str]:
    """Return the text of every page of a PDF."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def glyphs(path):
    """Yield (page number, character, box, font size, baseline) for every visible character."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(path)
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for number in range(len(document)):
            text = document[number].get_textpage()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if char.strip():
                    size = pdfium_c.FPDFText_GetFontSize(text, index)
                    pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
                    yield number + 1, char, text.get_charbox(index), size, y.value
    finally:
        document.close()


def squeeze(text: str) -> str:
    """Drop all white space, so that text broken over lines still compares equal."""
    return "".join(text.split())


def strip_to_survey(root: Path, client: str) -> Path:
    """Leave a client with its survey only: no findings, recommendations, risks, contact log,
    next-steps text or usability tests."""
    folder = root / "engagements" / client
    path = folder / "engagement.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("findings", "recommendations", "risks", "usability_tests", "focus_groups"):
        spec.pop(key, None)
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    for narrative in (folder / "narrative").glob("*.md"):
        if narrative.name.startswith(("finding-", "next-steps")):
            narrative.unlink()
    (folder / "interactions.yaml").unlink(missing_ok=True)
    return folder


def team_blocks(slide) -> list[dict]:
    """Return the teams (with their rows) shown on a team slide."""
    return list(slide.data["blocks"]) if slide.kind == "audience" else []


def team_slide_count(context: dict, language: str) -> int:
    """Count the teams' slides from the recommendations, by the deck's rule.

    A team whose list (with its rationale) does not fit one slide has slides of its own; the
    others share as few slides as their rows fit on, with a title over each team on a
    shared slide (found here by trying every assignment of teams to 1, 2, … slides).
    """
    import itertools

    from generator.render.context import AUDIENCES
    from generator.render.deck.fit import paginate
    from generator.render.deck.layout import BODY_HEIGHT
    from generator.render.deck.teams import (
        TEAM_GAP,
        TEAM_TITLE,
        recommendation_rows,
    )
    from generator.render.deck.words import Words

    words = Words(language)
    own, heights = 0, []
    spelled: dict[str, str] = {}  # a recommendation is set out on its first team's slide
    for audience in AUDIENCES:
        entries = context["recommendations_by_audience"].get(audience)
        if not entries:
            continue
        height = sum(r["height"] for r in recommendation_rows(entries, words, False, spelled))
        if height > BODY_HEIGHT:
            compact = recommendation_rows(entries, words, True, spelled)
            own += len(paginate(compact, lambda r: r["height"], BODY_HEIGHT))
        else:
            heights.append(height)
        for entry in entries:
            spelled.setdefault(entry["id"], words.audience_name(audience))

    def fits(slide: list[float]) -> bool:
        titles = len(slide) * TEAM_TITLE + (len(slide) - 1) * TEAM_GAP if len(slide) > 1 else 0
        return sum(slide) + titles <= BODY_HEIGHT

    for count in range(1, len(heights) + 1):
        for assignment in itertools.product(range(count), repeat=len(heights)):
            slides = [
                [h for h, s in zip(heights, assignment, strict=True) if s == i]
                for i in range(count)
            ]
            if all(slide and fits(slide) for slide in slides):
                return own + count
    return own


def empty_shares(path: Path, scale: float = 0.5) -> list[float]:
    """Return, per slide, the share of its body box (under the headline, above the source
    line) that lies outside the bounding box of everything drawn in it, from the pixels."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    shares = []
    try:
        for page in document:
            image = page.render(scale=scale).to_pil().convert("L")
            width, height = image.size
            # deck.css: the body box is 56–904 pt across and 136–482 pt down the 960 × 540 slide.
            left, right = int(width * 56 / SLIDE_WIDTH), int(width * 904 / SLIDE_WIDTH)
            top, bottom = int(height * 136 / SLIDE_HEIGHT), int(height * 482 / SLIDE_HEIGHT)
            background = image.getpixel((left, height - 2))
            pixels = image.load()
            rows = [
                y
                for y in range(top, bottom)
                if any(abs(pixels[x, y] - background) > 20 for x in range(left, right))
            ]
            columns = [
                x
                for x in range(left, right)
                if any(abs(pixels[x, y] - background) > 20 for y in range(top, bottom, 2))
            ]
            if not rows:
                shares.append(1.0)
                continue
            drawn = (rows[-1] - rows[0] + 1) * (columns[-1] - columns[0] + 1)
            shares.append(1 - drawn / ((bottom - top) * (right - left)))
    finally:
        document.close()
    return shares
