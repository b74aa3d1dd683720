"""The deck's slides, laid out before rendering: what goes on which slide."""

from __future__ import annotations

from typing import Any


def deck_context(context: dict[str, Any]) -> dict[str, Any]:
    """Return the document context with the deck's slides planned."""
    return context
