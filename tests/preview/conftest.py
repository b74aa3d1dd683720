"""A headless Chromium for the preview's tests, and previews of demo clients to point it at."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium run as root refuses to start, and its background connections
# (updates, sync, field trials) fail on a machine without network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """A Chromium context with a fresh profile; `make test` installs Debian's chromium."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: scripts/install-system-packages --test installs it")
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory(prefix="rapport-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1100, "height": 900},
        )
        yield context
        context.close()
