"""The allow-list fetcher: what it serves and what it refuses."""

from __future__ import annotations

import base64
import os

import pytest

from generator.publish.urls import AssetPathError, asset_url

fetcher_module = pytest.importorskip("generator.publish.fetcher")
AllowListFetcher, FetchRefused = fetcher_module.AllowListFetcher, fetcher_module.FetchRefused


@pytest.fixture
def roots(tmp_path):
    workspace = tmp_path / "workspace"
    (workspace / "assets").mkdir(parents=True)
    (workspace / "assets" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (workspace / "assets" / "brand.css").write_text("p { color: red }")
    (workspace / "data").mkdir()
    (workspace / "data" / "q3.csv").write_text("nps\n10\n")
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>")
    (workspace / "assets" / "escape.svg").symlink_to(outside)
    (workspace / "assets" / "random.png").symlink_to("/dev/urandom")
    return {"workspace": workspace}


def fetch(fetcher, url):
    response = fetcher.fetch(url)
    try:
        return response.read(), response.content_type
    finally:
        response.close()


def test_serves_files_inside_a_root_with_their_type(roots):
    fetcher = AllowListFetcher(roots)
    body, kind = fetch(fetcher, asset_url("workspace", "assets/logo.svg"))
    assert body.startswith(b"<svg") and kind == "image/svg+xml"
    assert fetch(fetcher, asset_url("workspace", "assets/brand.css"))[1] == "text/css"
    assert fetcher.refusals == []


def test_serves_data_urls(roots):
    fetcher = AllowListFetcher(roots)
    url = "data:image/png;base64," + base64.b64encode(b"\x89PNG fake").decode()
    assert fetch(fetcher, url) == (b"\x89PNG fake", "image/png")


@pytest.mark.parametrize(
    "url, reason",
    [
        ("file:///etc/passwd", "only files inside"),
        ("http://127.0.0.1:1/x", "only files inside"),
        ("https://example.com/logo.png", "only files inside"),
        ("ftp://example.com/logo.png", "only files inside"),
        ("https://rapport.invalid/workspace/%2e%2e/secret.svg", "outside"),
        ("https://rapport.invalid/workspace/assets/escape.svg", "outside"),
        ("https://rapport.invalid/workspace/assets/random.png", "outside"),
        ("https://rapport.invalid/workspace/data/q3.csv", "not a stylesheet, image or font"),
        ("https://rapport.invalid/workspace/assets/none.png", "no such file"),
        ("https://rapport.invalid/engagement/logo.png", "no folder named"),
    ],
)
def test_refuses_and_records(roots, url, reason):
    fetcher = AllowListFetcher(roots)
    with pytest.raises(FetchRefused, match=reason):
        fetcher.fetch(url)
    assert [r.url for r in fetcher.refusals] == [url]


def test_refuses_files_over_the_size_cap(roots):
    big = roots["workspace"] / "assets" / "big.png"
    big.write_bytes(b"\0" * 2048)
    fetcher = AllowListFetcher(roots, max_bytes=1024)
    with pytest.raises(FetchRefused, match="larger than 1024 bytes"):
        fetcher.fetch(asset_url("workspace", "assets/big.png"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_refuses_a_named_pipe_without_blocking(roots):
    os.mkfifo(roots["workspace"] / "assets" / "pipe.png")
    fetcher = AllowListFetcher(roots)
    with pytest.raises(FetchRefused, match="not a regular file"):
        fetcher.fetch(asset_url("workspace", "assets/pipe.png"))


@pytest.mark.parametrize("path", ["../secret.svg", "/etc/passwd", "C:/x.png", "a/../../b.png", ""])
def test_asset_urls_take_plain_relative_paths_only(path):
    with pytest.raises(AssetPathError):
        asset_url("workspace", path)


def test_asset_urls_encode_what_would_end_a_css_string():
    url = asset_url("workspace", 'fonts/My "Brand") Sans.ttf')
    assert url == "https://rapport.invalid/workspace/fonts/My%20%22Brand%22%29%20Sans.ttf"
