"""The deck as an editable PowerPoint file: the same slides as the PDF deck, native charts
whose numbers are the analysis's, speaker notes, the consultant's template, the same bytes
every time, and LibreOffice opening it without trouble."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from deck_helpers import planned_decks
from workspace_helpers import DEMO_CLIENTS, copy_demo

pptx = pytest.importorskip("pptx")

from lxml import etree  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402

WAVE = "2026-q3"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def deck_path(root: Path, client: str) -> Path:
    return root / "output" / client / f"{client}-deck-{WAVE}.pptx"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The three demo clients' PowerPoint decks, built once, with their planned slides."""
    from generator.build import BuildOptions, build

    root = copy_demo(tmp_path_factory.mktemp("pptx") / "ws", DEMO_CLIENTS)
    result = build(root, [], BuildOptions(kinds=("pptx",)))
    assert sorted(w.path.name for w in result.written) == sorted(
        deck_path(root, c).name for c in DEMO_CLIENTS
    )
    return root, planned_decks(root, DEMO_CLIENTS)


def slide_texts(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_same_slides_titles_and_order_as_the_pdf_deck(built, client):
    root, contexts = built
    planned = contexts[client]["slides"]
    deck = Presentation(deck_path(root, client))
    assert len(deck.slides) == len(planned)
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles == [slide.headline for slide in planned]
    # Continuations keep their "(2/3)" and the kicker stands above the headline.
    for slide, plan in zip(deck.slides, planned, strict=True):
        if plan.kicker and plan.kind not in ("title", "divider"):
            assert plan.kicker.upper() in slide_texts(slide).upper()
        if plan.data.get("source"):
            assert plan.data["source"] in slide_texts(slide)


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_every_recommendation_title_is_in_the_deck(built, client):
    root, contexts = built
    deck = Presentation(deck_path(root, client))
    text = " ".join(" ".join(slide_texts(s).split()) for s in deck.slides)
    for recommendation in contexts[client]["recommendations"]:
        assert " ".join(recommendation["title"].split()) in text, recommendation["id"]


@pytest.mark.parametrize("client", DEMO_CLIENTS)
def test_speaker_notes_are_in_each_slides_notes(built, client):
    root, contexts = built
    deck = Presentation(deck_path(root, client))
    for slide, plan in zip(deck.slides, contexts[client]["slides"], strict=True):
        if not plan.notes:
            assert not slide.has_notes_slide or not slide.notes_slide.notes_text_frame.text
            continue
        notes = slide.notes_slide.notes_text_frame.text
        for note in plan.notes:
            if note.get("label"):
                assert note["label"] in notes
            first_line = next(line for line in str(note["text"]).splitlines() if line.strip())
            first_words = " ".join(first_line.lstrip("- ").split()[:3]).replace("*", "")
            assert first_words in " ".join(notes.split())


def test_charts_are_native_with_the_analysis_numbers(built):
    """The finding charts' series are the survey's item means, with intervals as error bars
    whose lengths the embedded workbook computes from the bounds it holds."""
    from generator.pipeline import statistics

    root, contexts = built
    client = "northwind-logistics"
    analysis, labels = statistics(root, client)
    current = analysis["waves"][-1]["metrics"]["items"]
    previous = analysis["waves"][-2]["metrics"]["items"]
    by_label = {labels.get(item, item): item for item in current}
    deck = Presentation(deck_path(root, client))
    charts = [
        (slide, shape.chart) for slide in deck.slides for shape in slide.shapes if shape.has_chart
    ]
    assert charts, "the deck has no native chart"
    compared = 0
    for _slide, chart in charts:
        if chart.chart_type != XL_CHART_TYPE.BAR_CLUSTERED or len(chart.series) != 2:
            continue
        categories = list(chart.plots[0].categories)
        before, after = (list(series.values) for series in chart.series)
        for label, old, new in zip(categories, before, after, strict=True):
            item = by_label[label]
            assert new == pytest.approx(current[item]["value"])
            assert old == pytest.approx(previous[item]["value"])
            compared += 1
        xml = chart.part.blob.decode()
        assert "<c:errBars>" in xml and '<c:errValType val="cust"/>' in xml
        workbook = _workbook(chart)
        sheet = workbook.active
        header = [cell.value for cell in sheet[1]]
        low = header.index(next(h for h in header if h and "low" in h.lower()))
        for row in sheet.iter_rows(min_row=2, values_only=True):
            item = by_label[row[0]]
            assert row[low] == pytest.approx(current[item]["low"])
    assert compared >= 6


def test_a_measure_over_the_waves_is_a_line_chart_with_its_target_as_a_series(built):
    root, contexts = built
    client = "kyiv-pharma"
    deck = Presentation(deck_path(root, client))
    lines = [
        shape.chart
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_chart
        and shape.chart.chart_type in (XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.LINE)
        and len(shape.chart.series) == 2
    ]
    planned = [
        s.data["chart"]
        for s in contexts[client]["slides"]
        if s.kind == "finding"
        and (s.data.get("chart") or {}).get("kind") == "series"
        and s.data["chart"].get("target") is not None
    ]
    assert planned and len(lines) >= len(planned)
    chart, plan = lines[0], planned[0]
    values, target = (list(series.values) for series in chart.series)
    assert values == pytest.approx([p.value for p in plan["points"]])
    assert set(target) == {plan["target"]}


def test_the_outline_shows_the_storyline_in_placeholders(built):
    """Headlines are in title placeholders; a finding's text is in its body placeholder."""
    root, contexts = built
    deck = Presentation(deck_path(root, "northwind-logistics"))
    for slide, plan in zip(deck.slides, contexts["northwind-logistics"]["slides"], strict=True):
        assert slide.shapes.title.is_placeholder
        if plan.kind == "finding" and plan.data.get("summary"):
            bodies = [s for s in slide.placeholders if s.placeholder_format.idx != 0]
            first_words = " ".join(plan.data["summary"].split()[:5])
            assert any(first_words in " ".join(b.text_frame.text.split()) for b in bodies)


def test_same_inputs_give_the_same_bytes_with_fixed_dates(built, tmp_path):
    from generator.build import BuildOptions, build

    root, contexts = built
    path = deck_path(root, "baltic-home")
    first = hashlib.sha256(path.read_bytes()).hexdigest()
    build(root, ["baltic-home"], BuildOptions(kinds=("pptx",), force=True))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == first
    with zipfile.ZipFile(path) as package:
        dates = {info.date_time[:3] for info in package.infolist()}
        core = package.read("docProps/core.xml").decode()
        embedded = [n for n in package.namelist() if n.endswith(".xlsx")]
        assert embedded
        with zipfile.ZipFile(io.BytesIO(package.read(embedded[0]))) as workbook:
            dates |= {info.date_time[:3] for info in workbook.infolist()}
    day = str(contexts["baltic-home"]["engagement"]["report_date"])
    assert dates == {tuple(int(part) for part in day.split("-"))}
    assert "2026-" in core and "python-pptx" not in core


def test_untrusted_text_is_text_never_a_link_or_a_field(built):
    """A comment that looks like a link or a field code is printed as the words it is."""
    from generator.pipeline import analyze
    from generator.render.context import document_context
    from generator.render.pptx import render_pptx
    from generator.validate import validate_workspace

    root, _ = built
    workspace = validate_workspace(root, ["northwind-logistics"])
    (engagement,) = workspace.engagements
    analysis = analyze(workspace, engagement, None).to_dict()
    context = document_context(workspace, engagement, analysis, language="en")
    evil = 'See http://evil.example/x and {PAGE} <a:fld type="slidenum"/> \x07 =cmd|calc'
    theme = context["wave"]["themes"]["overall"]["themes"][0]
    theme["quotes"] = [evil, *theme["quotes"]]
    data, _ = render_pptx(context, workspace.settings.brand)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        slides = {n: package.read(n).decode() for n in package.namelist() if "slides/slide" in n}
        rels = " ".join(package.read(n).decode() for n in package.namelist() if n.endswith(".rels"))
    shown = [xml for xml in slides.values() if "evil.example" in xml]
    assert shown, "the quote is on the themes slide"
    for xml in slides.values():
        assert "hlinkClick" not in xml
        # The only field is each slide's own number.
        fields = etree.fromstring(xml.encode()).iter(f"{A}fld")
        assert {field.get("type") for field in fields} <= {"slidenum"}
    assert "evil.example" not in rels
    assert "&lt;a:fld" in shown[0] and "\x07" not in shown[0]


def test_every_slide_kind_has_a_writer_and_an_unknown_kind_fails_loudly(built, monkeypatch):
    """A new kind of slide in the deck's templates must get a PowerPoint writer too."""
    from generator.render.environment import builtin_templates
    from generator.render.pptx import SLIDE_WRITERS, UnknownSlideKind, render_pptx

    partials = {p.stem for p in (builtin_templates() / "deck" / "slides").glob("*.html")}
    kinds = partials - {"frame", "chart"}  # the slide's frame and the chart macro
    assert kinds - SLIDE_WRITERS.keys() == set()

    import generator.render.deck as planner

    root, contexts = built
    original = planner.deck_context

    def with_new_kind(context):
        planned = original(context)
        planned["slides"][3].kind = "brand_new_kind"
        return planned

    monkeypatch.setattr(planner, "deck_context", with_new_kind)
    from generator.validate import validate_workspace

    workspace = validate_workspace(root, ["kyiv-pharma"])
    context = dict(contexts["kyiv-pharma"])
    with pytest.raises(UnknownSlideKind, match="brand_new_kind"):
        render_pptx(context, workspace.settings.brand)


def test_the_consultants_template_gives_its_theme_and_layouts(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    template = _template(root / "brand" / "house.potx")
    settings = yaml.safe_load((root / "rapport.yaml").read_text(encoding="utf-8"))
    settings["brand"]["pptx_template"] = "brand/house.potx"
    (root / "rapport.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    result = rapport("build", "--only", "pptx", workspace=root)
    assert result.exit_code == 0, result.output
    deck = Presentation(deck_path(root, "kyiv-pharma"))
    theme = deck.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob.decode()
    assert "House colours" in theme and "ABCDEF" in theme
    assert len(deck.slide_layouts) == len(Presentation(io.BytesIO(template)).slide_layouts)
    assert deck.slide_width == Presentation(io.BytesIO(template)).slide_width
    # The template's own example slide is not part of the deck.
    assert "Template example slide" not in " ".join(slide_texts(s) for s in deck.slides)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("brand/missing.potx", None, "file not found: brand/missing.potx"),
        ("brand/house.txt", b"hello", "is not a PowerPoint template: name a .potx or .pptx"),
        ("brand/house.pptx", b"PK\x03\x04 not really a zip", "is not a PowerPoint file"),
    ],
)
def test_validate_locates_a_template_that_cannot_be_used(tmp_path, rapport, name, content, message):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    if content is not None:
        (root / name).write_bytes(content)
    text = (root / "rapport.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  logo: brand/logo.svg\n", f"  logo: brand/logo.svg\n  pptx_template: {name}\n"
    )
    (root / "rapport.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  pptx_template: {name}") + 1
    result = rapport("validate", workspace=root)
    assert result.exit_code == 1
    assert f"rapport.yaml:{line}:18: " in result.output and message in result.output
    assert "Traceback" not in result.output


def test_a_failed_publish_keeps_the_previous_file(tmp_path, monkeypatch):
    from generator.build import BuildOptions, build
    from generator.publish import pptx as publish

    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    build(root, [], BuildOptions(kinds=("pptx",)))
    path = deck_path(root, "kyiv-pharma")
    before = path.read_bytes()

    def broken(data, moment):
        raise OSError("disk full")

    monkeypatch.setattr(publish, "reproducible", broken)
    with pytest.raises(OSError):
        build(root, [], BuildOptions(kinds=("pptx",), force=True))
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_defaults_pptx_adds_it_to_the_default_build(tmp_path, rapport):
    root = copy_demo(tmp_path / "ws", ("kyiv-pharma",))
    text = (root / "rapport.yaml").read_text(encoding="utf-8")
    (root / "rapport.yaml").write_text(text.replace("defaults:\n", "defaults:\n  pptx: true\n"))
    result = rapport("build", workspace=root)
    assert result.exit_code == 0, result.output
    assert f"wrote output/kyiv-pharma/kyiv-pharma-deck-{WAVE}.pptx (16 slides," in result.output
    again = rapport("build", workspace=root)
    assert f"up to date: output/kyiv-pharma/kyiv-pharma-deck-{WAVE}.pptx" in again.output


@pytest.mark.slow
def test_libreoffice_renders_every_slide_within_the_page(built, tmp_path):
    """LibreOffice Impress converts each demo deck to PDF without complaint: one page per
    slide, every headline there, and no character outside the page."""
    from deck_helpers import glyphs, page_texts

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip(
            "LibreOffice is not installed (Debian: libreoffice-impress); "
            "scripts/install-system-packages --test installs it"
        )
    root, contexts = built
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(_fontconfig(), encoding="utf-8")
    out = tmp_path / "pdf"
    paths = [str(deck_path(root, client)) for client in DEMO_CLIENTS]
    done = subprocess.run(
        [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *paths,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "FONTCONFIG_FILE": str(fonts)},
    )
    assert done.returncode == 0, done.stderr
    for client in DEMO_CLIENTS:
        pdf = out / f"{client}-deck-{WAVE}.pdf"
        texts = page_texts(pdf)
        planned = contexts[client]["slides"]
        assert len(texts) == len(planned)
        for text, plan in zip(texts, planned, strict=True):
            assert " ".join(plan.headline.split()[:3]) in " ".join(text.split())
        from pypdf import PdfReader

        box = PdfReader(pdf).pages[0].mediabox
        width, height = float(box.width), float(box.height)
        for page, char, (left, bottom, right, top), _, _ in glyphs(pdf):
            assert left >= -0.5 and right <= width + 0.5, (client, page, char)
            assert bottom >= -0.5 and top <= height + 0.5, (client, page, char)


# ---------- helpers ----------


def _workbook(chart):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))


def _fontconfig() -> str:
    from generator.render.environment import builtin_templates

    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{builtin_templates() / 'fonts'}</dir>\n"
        "</fontconfig>\n"
    )


def _template(path: Path) -> bytes:
    """A consultant's .potx: its own theme colours and an example slide of its own."""
    from lxml import etree

    deck = Presentation()
    master = deck.slide_master
    theme = master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    root = etree.fromstring(theme.blob)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f".//{a}clrScheme")
    scheme.set("name", "House colours")
    accent = scheme.find(f"{a}accent1")
    for child in list(accent):
        accent.remove(child)
    etree.SubElement(accent, f"{a}srgbClr", val="ABCDEF")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Template example slide"
    buffer = io.BytesIO()
    deck.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    main = "application/vnd.openxmlformats-officedocument.presentationml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    f"{main}.presentation.main+xml".encode(), f"{main}.template.main+xml".encode()
                )
            target.writestr(info, content)
    path.write_bytes(out.getvalue())
    return buffer.getvalue()
