"""Where the built-in theme is installed, found without importing the renderer.

A build first decides which documents are stale by hashing their inputs, the built-in
templates among them; that must not cost the import of Jinja and the chart code.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import generator
from generator.errors import RapportError


def builtin_templates() -> Path:
    """Return the built-in template folder: the checkout's ``templates/``, else the wheel's."""
    checkout = Path(generator.__file__).resolve().parent.parent / "templates"
    if (checkout / "css" / "base.css").is_file():
        return checkout
    # A folder without __init__.py: importlib.resources would give a MultiplexedPath.
    spec = importlib.util.find_spec("rapport_templates")
    if spec is None or not spec.submodule_search_locations:
        raise RapportError("the built-in templates are not installed (rapport_templates)")
    return Path(next(iter(spec.submodule_search_locations)))
