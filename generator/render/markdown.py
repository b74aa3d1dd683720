"""The consultant's narrative Markdown as HTML that cannot fetch or inject anything.

Raw HTML is disabled (it is shown as text), links keep their target only for http(s) and
mailto (other links become their text), and images become their alt text, so Markdown never
makes the renderer fetch a file or a URL. Only then is the result marked safe for Jinja.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup

from generator.render.untrusted import clean_text

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


def link_allowed(href: str) -> bool:
    """Return whether a Markdown link may keep its target."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in ALLOWED_SCHEMES


def _neutralize(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        dropped_links = 0
        for token in block.children:
            if token.type == "image":
                alt = Token("text", "", 0)
                alt.content = "".join(child.content for child in token.children or [])
                children.append(alt)
            elif token.type == "link_open" and not link_allowed(str(token.attrGet("href") or "")):
                dropped_links += 1
            elif token.type == "link_close" and dropped_links:
                # Markdown links do not nest, so a close pairs with the last dropped open.
                dropped_links -= 1
            else:
                children.append(token)
        block.children = children


@lru_cache(maxsize=8)
def _parser(heading_offset: int) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    md.core.ruler.push("rapport_neutralize", _neutralize)
    if heading_offset:

        def heading(renderer, tokens, index, options, env):
            token = tokens[index]
            level = min(6, int(token.tag[1]) + heading_offset)
            return f"<{'/' if token.nesting < 0 else ''}h{level}>" + (
                "\n" if token.nesting < 0 else ""
            )

        md.add_render_rule("heading_open", heading)
        md.add_render_rule("heading_close", heading)
    return md


def render_markdown(text: str | None, *, heading_offset: int = 0) -> Markup:
    """Render Markdown to safe HTML; ``heading_offset`` 2 turns ``#`` into ``<h3>``."""
    if not text:
        return Markup("")
    html = _parser(max(0, min(5, heading_offset))).render(clean_text(text))
    return Markup(html)
