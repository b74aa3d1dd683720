"""Injection payloads in every text a client or its customers write: none is effective.

The payloads ask for a local HTTP listener and for a canary file outside the workspace,
through every way HTML, CSS and SVG can fetch. A positive control renders the same payload
with the renderer's own fetcher and proves both would be noticed: the listener is asked and
the canary's words reach the PDF. Then the demo client is built with a payload in each of
its survey comments, focus-group quotes, contact log, names, a survey file's name and the
e-mail subject, and the listener must hear nothing and no PDF may hold the canary.
"""

from __future__ import annotations

import email
import http.server
import io
import threading
from pathlib import Path

import pytest
import yaml
from workspace_helpers import copy_demo

pytestmark = pytest.mark.slow

CLIENT = "northwind-logistics"
CANARY_WORDS = "CANARY-7f3d-READ"


@pytest.fixture(scope="module")
def listener():
    """A local HTTP server that records every path asked of it."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            asked.append(self.path)
            body = b'<svg xmlns="http://www.w3.org/2000/svg"><text y="10">HEARD</text></svg>'
            self.send_response(200)
            self.send_header("Content-Type", "image/svg+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()


@pytest.fixture(scope="module")
def canary(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("canary") / "canary.svg"
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40">'
        f'<text x="0" y="30" font-size="20">{CANARY_WORDS}</text></svg>',
        encoding="utf-8",
    )
    return path


def payload(base: str, canary: Path, where: str) -> str:
    """One text that tries every way to fetch; ``where`` names it in the listener's log.
    It holds no double quote or backslash, so it fits in any YAML or CSV value."""
    return (
        f"<img src='{base}/img-{where}'> <img src='file://{canary}'> "
        f"<link rel=stylesheet href='{base}/css-{where}'> "
        f"<style>@import url({base}/import-{where});</style> "
        f"<object data='file://{canary}'></object> <iframe src='{base}/frame-{where}'></iframe> "
        f"<svg><image href='{base}/svg-{where}'/></svg> url({base}/url-{where}) "
        f"![x]({base}/md-{where}) {{{{ 7 * 7 }}}} {{% include '/etc/passwd' %}}"
    )


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_listener_and_the_canary_would_notice(listener, canary, tmp_path):
    """The positive control: the renderer's own fetcher takes the bait."""
    import weasyprint

    base, asked = listener
    html = f"<html><body><p>{payload(base, canary, 'control')}</p></body></html>"
    target = tmp_path / "control.pdf"
    weasyprint.HTML(string=html, base_url=str(tmp_path)).write_pdf(target)
    assert any(path.startswith("/img-control") for path in asked)
    assert CANARY_WORDS in pdf_text(target)
    asked.clear()


def _plant(root: Path, base: str, canary: Path) -> None:
    folder = root / "engagements" / CLIENT
    spec_path = folder / "engagement.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    spec["client"]["name"] += " " + payload(base, canary, "client-name")
    for i, contact in enumerate(spec["client"]["contacts"]):
        contact["name"] += " " + payload(base, canary, f"contact-{i}")
    for group in spec.get("focus_groups", []):
        group["title"] += " " + payload(base, canary, "focus-title")
        for theme in group.get("themes", []):
            theme["quotes"] = [*theme.get("quotes", []), payload(base, canary, "focus-quote")]
    for finding in spec.get("findings", []):
        finding["title"] += " " + payload(base, canary, "finding")
    # a survey file named with markup
    wave = spec["waves"][-1]
    source = wave["sources"][0]
    old = folder / source["file"]
    new_name = "data/q3 <img src=x onerror=y> &amp; 'quoted' {{ 7 * 7 }}.csv"
    old.rename(folder / new_name)
    source["file"] = new_name
    # every comment of the latest wave
    comment_column = source["columns"].get("comment") or source["columns"].get("comments")
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), "utf-8")
    _plant_comments(folder / new_name, comment_column, payload(base, canary, "comment"))

    log_path = folder / "interactions.yaml"
    log = yaml.safe_load(log_path.read_text(encoding="utf-8"))
    for entry in log["interactions"]:
        entry["summary"] = payload(base, canary, "summary") + " " + entry["summary"]
        for concern in entry.get("concerns", []):
            concern["text"] = payload(base, canary, "concern") + " " + concern["text"]
        for follow_up in entry.get("follow_ups", []):
            follow_up["action"] = payload(base, canary, "follow-up") + " " + follow_up["action"]
    log_path.write_text(yaml.safe_dump(log, allow_unicode=True, sort_keys=False), "utf-8")


def _plant_comments(path: Path, column: str | list | None, text: str) -> None:
    import csv

    names = column if isinstance(column, list) else [column]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    indexes = [header.index(name) for name in names if name in header]
    assert indexes, "the wave maps a comment column"
    for row in rows[3:]:
        for index in indexes:
            if index < len(row) and row[index]:
                row[index] = text + " " + row[index]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def test_no_payload_in_any_client_text_is_effective(listener, canary, tmp_path, rapport):
    base, asked = listener
    asked.clear()
    root = copy_demo(tmp_path / "ws")
    _plant(root, base, canary)

    built = rapport("build", CLIENT, "--only", "report", "--only", "deck", workspace=root)
    assert built.exit_code == 0, built.output
    drafts = tmp_path / "drafts"
    sent = rapport("send", CLIENT, "--draft", str(drafts), "--yes", workspace=root)
    assert sent.exit_code == 0, sent.output

    assert asked == []
    pdfs = sorted((root / "output" / CLIENT).glob("*.pdf"))
    assert len(pdfs) == 2
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert CANARY_WORDS not in text
        assert "HEARD" not in text
        assert "<img src=" in text.replace("\n", " ") or "img src" in text  # printed as words
    (message,) = drafts.glob("*.eml")
    parsed = email.message_from_bytes(message.read_bytes())
    subject = str(email.header.make_header(email.header.decode_header(parsed["Subject"])))
    assert "\n" not in subject
    for part in parsed.walk():
        if part.get_content_type() == "text/html":
            html = part.get_payload(decode=True).decode("utf-8")
            assert "<img src='" not in html and "<img src=" not in html.replace("&lt;img", "")
    assert CANARY_WORDS not in message.read_text(encoding="utf-8", errors="replace")
