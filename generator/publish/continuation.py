"""Say "(continued)" where a table continues, and only there.

A table's header group repeats on every page the table reaches. A template marks the words
that belong only to the repeats ("(continued)") with the class ``continued-mark``; once the
pages are laid out, those words are taken out of the header on the table's first page, and
the bookmark of a title that repeats with its header is kept on that first page only. CSS
cannot tell a repeated header from the first one, and laying out twice would double the
rendering time, so the laid-out pages are edited before they are drawn. Removing an inline
box moves nothing else: the line it sat on keeps its place.
"""

from __future__ import annotations

MARK = "continued-mark"


def mark_continuations(document) -> None:
    """Drop the continuation marks from each table's first page of ``document``."""
    seen: set[int] = set()
    for page in document.pages:
        repeated_titles: set[str] = set()
        for table in _tables(page._page_box):
            key = id(table.element)
            header = table.children[0] if table.children and table.children[0].is_header else None
            if header is None:
                continue
            if key in seen:
                repeated_titles.update(_bookmark_labels(header))
            else:
                seen.add(key)
                _remove_marks(header)
        if repeated_titles:
            page.bookmarks[:] = [
                entry for entry in page.bookmarks if entry[1] not in repeated_titles
            ]


def _tables(box):
    if box.element_tag == "table" and type(box).__name__ == "TableBox":
        yield box
    for child in getattr(box, "children", ()):
        yield from _tables(child)


def _is_mark(box) -> bool:
    element = box.element
    if element is None or getattr(box, "element_tag", None) != "span":
        return False
    return MARK in (element.get("class") or "").split()


def _remove_marks(box) -> None:
    children = getattr(box, "children", None)
    if not children:
        return
    kept = [child for child in children if not _is_mark(child)]
    if len(kept) != len(children):
        box.children = kept
    for child in kept:
        _remove_marks(child)


def _bookmark_labels(box):
    label = getattr(box, "bookmark_label", None)
    if label and box.style["bookmark_level"] != "none":
        yield label
    for child in getattr(box, "children", ()):
        yield from _bookmark_labels(child)
