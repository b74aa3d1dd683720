"""Make untrusted text (survey comments, names) safe to lay out.

Escaping is Jinja's job; this removes what escaping cannot: lone surrogates (they crash the
PDF renderer), control characters other than tab and newline, and bidirectional overrides
that could make a comment display text in a misleading order.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_UNSAFE = re.compile(
    "[\ud800-\udfff"  # lone surrogates
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls except tab, newline, CR
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\ufff9-\ufffb\ufeff]"  # interlinear annotations and a stray byte-order mark
)


def clean_text(text: str) -> str:
    """Return ``text`` without characters that cannot or should not be laid out."""
    return _UNSAFE.sub("", text)


def finalize_output(value: object) -> object:
    """Clean every string a template prints; Jinja calls this before escaping."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    return value
