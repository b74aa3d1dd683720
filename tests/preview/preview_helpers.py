"""Waiting for a running preview's next state, over plain HTTP."""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import urlsplit

RENDER_CEILING = 180  # seconds; a render on a loaded 2-core machine takes well under this


def get(url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    """Send ``path`` exactly as written (no normalising of ``..``) and return the answer."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=bool(headers and "Host" in headers))
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def state(url: str) -> dict:
    status, _, body = get(url, "/state")
    assert status == 200
    return json.loads(body)


def wait_until_drawn(url: str, newer_than: int = 0) -> dict:
    """Return the first state after version ``newer_than`` that is not rendering."""
    deadline = time.monotonic() + RENDER_CEILING
    while time.monotonic() < deadline:
        current = state(url)
        if current["version"] > newer_than and not current["rendering"]:
            return current
        time.sleep(0.2)
    raise AssertionError(f"the preview at {url} did not finish rendering")
