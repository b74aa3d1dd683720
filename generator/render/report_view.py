"""The report's view of the document context: what each section shows, prepared in Python."""

from __future__ import annotations

from typing import Any


def report_context(context: dict[str, Any]) -> dict[str, Any]:
    """Return the document context with what the report's sections need added."""
    return context
