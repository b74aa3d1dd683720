"""A survey comment written as markup is printed as the words it is and fetches nothing."""

from __future__ import annotations

import pytest
from report_helpers import page_texts, report_pdf
from workspace_helpers import copy_demo, edit_export

pytestmark = pytest.mark.slow

HOSTILE = '<img src="file:///etc/passwd"> <style>*{color:red}</style> url(http://example.com/x)'
QUOTED = (
    "The weekly demo is the best change this year. "
    "I finally see what's being built before it ships."
)
SURVEY = "data/Northwind relationship pulse Q3 2026_September 21, 2026_16.22.csv"
# The analysis quotes the comments closest to 140 characters first; "demo" codes it to the
# most mentioned theme, so the report is sure to quote it.
TARGET_LENGTH = 140


def hostile_comment() -> str:
    text = HOSTILE + " The weekly demo is the best change this year"
    return text + "." * (TARGET_LENGTH - len(text))


def plant_comment(root, comment: str | None = None) -> str:
    """Replace a quoted comment of the Q3 export with ``comment`` (default: the hostile one)
    padded to the length quoted first; return it."""
    planted = hostile_comment() if comment is None else comment.ljust(TARGET_LENGTH, ".")

    def change(rows):
        column = rows[0].index("Q5")
        row = next(row for row in rows[3:] if row[column] == QUOTED)
        row[column] = planted
        return rows

    edit_export(root / "engagements" / "northwind-logistics" / SURVEY, change)
    return planted


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """Build Northwind with the hostile comment; return (pdf, every URL the renderer asked for)."""
    from generator.build import BuildOptions, build
    from generator.publish import fetcher

    root = copy_demo(tmp_path_factory.mktemp("hostile"))
    comment = plant_comment(root)
    asked: list[str] = []
    serve = fetcher.AllowListFetcher.fetch

    def recording(self, url, headers=None):
        asked.append(url)
        return serve(self, url, headers)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fetcher.AllowListFetcher, "fetch", recording)
        result = build(root, [], BuildOptions(kinds=("report",)))
    (published,) = result.written
    return report_pdf(root, "northwind-logistics"), asked, published, comment


def test_the_comment_is_quoted_as_literal_text(hostile_report):
    pdf, _, _, comment = hostile_report
    text = "".join(" ".join(page_texts(pdf)).split())
    assert "".join(HOSTILE.split()) in text
    assert "".join(comment.split()) in text


def test_nothing_outside_the_workspace_is_fetched(hostile_report):
    _, asked, published, _ = hostile_report
    assert asked, "the renderer fetched nothing at all, not even the stylesheets"
    assert all(url.startswith("https://rapport.invalid/") for url in asked), asked
    assert not [url for url in asked if "passwd" in url or "example.com" in url]
    assert published.warnings == ()


def test_the_page_style_is_not_changed_by_the_comment(hostile_report):
    """The <style> in the comment is text: the report's headings keep the brand colour."""
    import pypdfium2 as pdfium

    pdf, _, _, _ = hostile_report
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[2].render(scale=1).to_pil().convert("RGB")
    finally:
        document.close()
    colours = image.getcolors(maxcolors=1 << 16) or []
    reds = sum(count for count, (r, g, b) in colours if r > 180 and g < 60 and b < 60)
    assert reds < 50
