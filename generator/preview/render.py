"""One client's document rendered again for the preview, redoing only what a change needs.

The stages are the build's own (validate, analyse, render the HTML, lay it out with
WeasyPrint), so the preview shows what ``rapport build`` will write. What a change does not
touch is kept from the last good render:

- the analysis, when only narrative texts, templates or assets changed (it reads none);
- the layout, when the HTML came out the same and no stylesheet, image or font that the
  renderer read has changed;
- the pictures of the pages whose pixels are the same.
"""

from __future__ import annotations

import copy
import logging
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import InputError, Problem, RapportError
from generator.preview.pages import Page, draw_pages

logger = logging.getLogger(__name__)

# Changes of these inputs leave the analysis as it was: it reads the data, the log and the
# settings, never the narrative, the templates or the pictures.
NOT_ANALYSED = (
    "engagement:narrative/",
    "engagement:templates/",
    "engagement:assets/",
    "templates:",
    "builtin:",
    "brand:",
)
FONT_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")


@dataclass(frozen=True)
class Attempt:
    """The outcome of one render: the pages, or the problems that stopped it."""

    pages: tuple[Page, ...] | None  # None when the render failed
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    title: str = ""
    seconds: float = 0.0
    laid_out: bool = False  # WeasyPrint ran (False: the previous layout still holds)


@dataclass
class _LastGood:
    analysis: dict[str, Any] | None = None
    html: str | None = None
    resources: frozenset[Path] = frozenset()
    pages: tuple[Page, ...] = ()
    title: str = ""
    render_warnings: tuple[str, ...] = ()
    fonts: list[Path] = field(default_factory=list)


class DocumentRenderer:
    """Render ``kind`` ("report" or "deck") of client ``slug`` into ``pages_dir``."""

    def __init__(
        self,
        root: Path,
        slug: str,
        kind: str,
        pages_dir: Path,
        *,
        wave: str | None = None,
        language: str | None = None,
    ):
        self.root, self.slug, self.kind, self.pages_dir = root, slug, kind, pages_dir
        self.wave, self.language = wave, language
        self._last = _LastGood()
        # Everything changed since the last good render: a change made while the inputs were
        # broken must still be redone once they are fixed. None stands for everything.
        self._since_good: set[str] | None = None

    def render(self, changed: Collection[str] | None = None) -> Attempt:
        """Render again after ``changed`` inputs (labels as ``input_label`` gives them; None:
        everything). Input problems come back located; nothing is written outside pages_dir."""
        started = time.perf_counter()
        if changed is None or self._since_good is None:
            self._since_good = None
        else:
            self._since_good |= set(changed)
        try:
            attempt = self._render(self._since_good)
            self._since_good = set()
        except InputError as error:
            attempt = Attempt(None, problems=tuple(error.problems))
        except RapportError as error:
            attempt = Attempt(None, problems=(_unlocated(str(error)),))
        except Exception as error:  # the preview stays up whatever one render does
            logger.exception("the preview could not render %s", self.slug)
            attempt = Attempt(None, problems=(_unlocated(f"{type(error).__name__}: {error}"),))
        return _timed(attempt, time.perf_counter() - started)

    def _render(self, changed: Collection[str] | None) -> Attempt:
        from generator.build_inputs import inputs_commit
        from generator.pipeline import (
            analyze,
            document_roots,
            document_settings,
            engagement_context,
            font_folders,
        )
        from generator.publish.pdf import render_pdf
        from generator.render.documents import document_metadata, render_document
        from generator.validate import validate_workspace

        last = self._last
        workspace = validate_workspace(self.root, [self.slug], wave=self.wave, building=True)
        (engagement,) = workspace.engagements
        warnings = tuple(str(w) for w in workspace.warnings)
        analysis = last.analysis
        if analysis is None or changed is None or not _only(changed, NOT_ANALYSED):
            analysis = analyze(workspace, engagement, self.wave).to_dict()
        context = engagement_context(
            workspace,
            engagement,
            wave=self.wave,
            language=self.language,
            source_commit=inputs_commit(self.root, self.slug),
            analysis=copy.deepcopy(analysis),
        )
        language = context["language"]
        settings = document_settings(workspace, engagement, language)
        html = render_document(self.kind, settings, context)
        metadata = document_metadata(context, self.kind)
        last.analysis = analysis
        if html == last.html and not self._touches_layout(changed):
            last.title = metadata.title
            return Attempt(last.pages, (), warnings + last.render_warnings, last.title)
        fonts = font_folders()
        rendered = render_pdf(
            html,
            metadata=metadata,
            allowed_roots=document_roots(workspace, engagement),
            fonts=fonts,
        )
        pages = tuple(draw_pages(rendered.data, self.pages_dir))
        render_warnings = tuple(rendered.warnings)
        self._last = _LastGood(
            analysis, html, rendered.resources, pages, metadata.title, render_warnings, fonts
        )
        return Attempt(pages, (), warnings + render_warnings, metadata.title, laid_out=True)

    def _touches_layout(self, changed: Collection[str] | None) -> bool:
        """Whether a changed file is one the renderer read besides the HTML (a stylesheet, a
        picture, a font): then the pages may change although the HTML did not."""
        if changed is None:
            return True
        from generator.build_inputs import input_folders

        paths = set()
        folders = dict(input_folders(self.root, self.slug))
        for label in changed:
            where, _, relative = label.partition(":")
            if where == "brand":
                paths.add((self.root / relative).resolve())
            elif where in folders and relative:
                paths.add((folders[where] / relative).resolve())
        fonts = [folder.resolve() for folder in self._last.fonts]
        return any(
            path in self._last.resources
            or (path.suffix.lower() in FONT_SUFFIXES and any(path.is_relative_to(f) for f in fonts))
            for path in paths
        )

    @property
    def pages(self) -> tuple[Page, ...]:
        """The pages of the last good render (empty before the first)."""
        return self._last.pages


def _only(changed: Collection[str], prefixes: tuple[str, ...]) -> bool:
    return all(label.startswith(prefixes) for label in changed)


def _unlocated(message: str) -> Problem:
    from generator.errors import Location

    return Problem(Location(""), message)


def _timed(attempt: Attempt, seconds: float) -> Attempt:
    from dataclasses import replace

    return replace(attempt, seconds=seconds)
