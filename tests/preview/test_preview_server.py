"""The preview serves its page, its events and its own pictures, and refuses everything else."""

from __future__ import annotations

import os

import pytest
from preview_helpers import get, wait_until_drawn
from workspace_helpers import copy_demo

from generator.preview import PreviewOptions, start_preview

pytestmark = pytest.mark.slow

CLIENT, OTHER = "kyiv-pharma", "northwind-logistics"


@pytest.fixture(scope="module")
def previews(tmp_path_factory):
    """The decks of two clients of one workspace, each in its own preview."""
    root = copy_demo(tmp_path_factory.mktemp("preview") / "ws", (CLIENT, OTHER))
    # A link inside the client's folder that leaves the workspace.
    (root / "engagements" / CLIENT / "assets" / "leak.png").symlink_to("/etc/passwd")
    deck = PreviewOptions(kind="deck", port=0)
    with start_preview(root, CLIENT, deck) as ours, start_preview(root, OTHER, deck) as theirs:
        yield root, ours, wait_until_drawn(ours.url), theirs, wait_until_drawn(theirs.url)


def test_the_page_its_state_and_its_pictures_are_served(previews):
    _, ours, state, _, _ = previews
    status, headers, body = get(ours.url, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert b"/preview.js" in body
    assert state["problems"] == [] and len(state["pages"]) > 5
    status, headers, picture = get(ours.url, state["pages"][0]["src"])
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")


def test_it_listens_on_loopback_only(previews):
    _, ours, _, _, _ = previews
    assert ours.server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/pages/../../etc/passwd",
        "/pages/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/etc/passwd",
        "/rapport.yaml",
        f"/engagements/{CLIENT}/engagement.yaml",
        f"/engagements/{CLIENT}/assets/leak.png",
        f"/engagements/{OTHER}/engagement.yaml",
        "/pages/page-0000000000000000000.png",
        "/static/index.html",
    ],
)
def test_a_path_outside_its_own_pictures_is_refused(previews, path):
    _, ours, _, _, _ = previews
    status, _, body = get(ours.url, path)
    assert status in (403, 404)
    assert b"root:" not in body and b"consultant" not in body


def test_another_clients_pictures_are_refused(previews):
    _, ours, our_state, theirs, their_state = previews
    their_page = their_state["pages"][0]["src"]
    assert get(theirs.url, their_page)[0] == 200
    assert get(ours.url, their_page)[0] == 404
    assert get(theirs.url, our_state["pages"][0]["src"])[0] == 404


def test_a_link_put_in_place_of_a_picture_is_refused(previews):
    _, ours, state, _, _ = previews
    src = state["pages"][-1]["src"]
    picture = ours.pages_dir / src.removeprefix("/pages/")
    kept = picture.read_bytes()
    picture.unlink()
    os.symlink("/etc/passwd", picture)
    try:
        status, _, body = get(ours.url, src)
    finally:
        picture.unlink()
        picture.write_bytes(kept)
    assert status == 403 and b"root:" not in body


def test_a_request_naming_another_host_is_refused(previews):
    # A web page whose name was rebound to 127.0.0.1 sends its own name as the Host.
    _, ours, _, _, _ = previews
    port = ours.server.server_address[1]
    status, _, _ = get(ours.url, "/state", {"Host": f"attacker.example:{port}"})
    assert status == 403
    assert get(ours.url, "/state", {"Host": f"localhost:{port}"})[0] == 200


def test_nothing_is_written_to_the_output_folder(previews):
    root, _, _, _, _ = previews
    assert not (root / "output").exists()
