"""Run code in a fresh interpreter, where nothing the test session imported is loaded yet."""

from __future__ import annotations

import subprocess
import sys

from workspace_helpers import REPO


def fresh_python_output(code: str) -> str:
    """Run ``code`` with this venv's Python in the checkout; return what it printed, stripped."""
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()
