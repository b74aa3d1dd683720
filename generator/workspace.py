"""The validated workspace: what the validate stage hands to analyze and render."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Location, Problem
from generator.load.yamlmarks import MarkedDocument
from generator.responses import Responses
from generator.schema import EngagementFile, WorkspaceFile
from generator.schema.interactions import Interaction


@dataclass
class Narrative:
    """A narrative/*.md text: what it is about and its Markdown body."""

    path: str
    kind: str
    body: str
    finding: str | None = None
    wave: str | None = None
    title: str | None = None
    key_messages: list[str] = field(default_factory=list)
    decision: str | None = None
    slide: str | None = None  # kind: talk_track — the kind of slide it is for
    question: str | None = None
    answer: str | None = None
    transition: str | None = None


@dataclass
class Engagement:
    """One client folder, validated."""

    slug: str
    folder: Path
    rel_folder: str
    spec: EngagementFile
    doc: MarkedDocument
    language: str
    interactions: list[Interaction] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)
    responses: dict[str, Responses] = field(default_factory=dict)  # wave id → responses
    usability: dict[str, Responses] = field(default_factory=dict)  # usability test id → SUS answers
    placeholders: list[tuple[Location, str]] = field(default_factory=list)
    """Placeholders of `rapport new` left in the inputs: its documents are drafts."""

    @property
    def draft(self) -> bool:
        return bool(self.placeholders)

    def summary(self) -> str:
        """Say in a few words what was read, e.g. '3 waves, 4,213 responses, 1 usability test'."""
        responses = sum(len(r) for r in self.responses.values())
        parts = [_count(len(self.responses), "wave"), _count(responses, "response")]
        if self.usability:
            parts.append(_count(len(self.usability), "usability test"))
        parts.append(_count(len(self.interactions), "logged contact"))
        return ", ".join(parts)


@dataclass
class Workspace:
    root: Path
    settings: WorkspaceFile
    engagements: list[Engagement]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def output_dir(self) -> Path:
        return self.root / self.settings.defaults.output_dir


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
