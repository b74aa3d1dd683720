"""Find a workspace and read its YAML files and narrative texts, keeping every position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Location, Problems, UnknownClient, WorkspaceNotFound, did_you_mean
from generator.load.files import checked_file
from generator.load.yamlmarks import MarkedDocument, parse_yaml, read_yaml

WORKSPACE_FILE = "rapport.yaml"
ENGAGEMENTS_DIR = "engagements"
ENGAGEMENT_FILE = "engagement.yaml"
INTERACTIONS_FILE = "interactions.yaml"
NARRATIVE_DIR = "narrative"
NOTES_DIR = "notes"  # narrative/notes/<slide kind>.md: the talk track of each kind of slide
MAX_NARRATIVE_BYTES = 1024 * 1024


def find_workspace(start: Path, explicit: Path | None = None) -> Path:
    """Return ``explicit``, else the first folder upwards that holds rapport.yaml."""
    if explicit is not None:
        root = explicit.resolve()
        if not (root / WORKSPACE_FILE).is_file():
            raise WorkspaceNotFound(f"{explicit}: no {WORKSPACE_FILE} in this folder")
        return root
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / WORKSPACE_FILE).is_file():
            return folder
    raise WorkspaceNotFound(
        f"no {WORKSPACE_FILE} in {start} or any folder above it; "
        "run 'rapport init' to make a workspace, or give --workspace"
    )


def relative(root: Path, path: Path) -> str:
    """Return ``path`` relative to the workspace root, with forward slashes, for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def engagement_slugs(root: Path) -> list[str]:
    """Return the client folders of the workspace, sorted."""
    folder = root / ENGAGEMENTS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / ENGAGEMENT_FILE).is_file())


def select_clients(root: Path, clients: Sequence[str]) -> list[str]:
    """Return the requested client folders, or all of them; an unknown name is an error."""
    available = engagement_slugs(root)
    for name in clients:
        if name not in available:
            listed = ", ".join(available) if available else "none yet ('rapport new NAME')"
            raise UnknownClient(
                f"no client '{name}' in {ENGAGEMENTS_DIR}/{did_you_mean(name, available)}; "
                f"the clients are: {listed}"
            )
    return list(clients) or available


def folders_without_engagement(root: Path) -> list[tuple[str, str | None]]:
    """Return (folder, the file it has instead, if any) for every client folder that has no
    engagement file; such a folder would otherwise be passed over without a word."""
    folder = root / ENGAGEMENTS_DIR
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")) or not path.is_dir():
            continue
        if not (path / ENGAGEMENT_FILE).is_file():
            instead = sorted(p.name for p in path.glob("engagement*") if p.is_file())
            found.append((path.name, instead[0] if instead else None))
    return found


@dataclass
class NarrativeText:
    """A narrative/*.md file: its front matter (with marks) and its Markdown body."""

    path: str
    front_matter: MarkedDocument | None
    body: str
    body_line: int = 1  # the file's line the body starts on


@dataclass
class EngagementFiles:
    """The text inputs of one client folder, parsed but not yet validated."""

    slug: str
    folder: Path
    rel_folder: str
    engagement: MarkedDocument | None
    interactions: MarkedDocument | None
    narratives: list[NarrativeText] = field(default_factory=list)


def read_workspace_file(root: Path, problems: Problems) -> MarkedDocument | None:
    return read_yaml(root / WORKSPACE_FILE, WORKSPACE_FILE, problems, inside=root)


def read_engagement(root: Path, slug: str, problems: Problems) -> EngagementFiles:
    """Read engagement.yaml, interactions.yaml (optional) and narrative/*.md of one client."""
    folder = root / ENGAGEMENTS_DIR / slug
    rel = relative(root, folder)
    engagement = read_yaml(
        folder / ENGAGEMENT_FILE, f"{rel}/{ENGAGEMENT_FILE}", problems, inside=folder
    )
    interactions = None
    log = folder / INTERACTIONS_FILE
    if log.exists() or log.is_symlink():
        interactions = read_yaml(log, f"{rel}/{INTERACTIONS_FILE}", problems, inside=folder)
    narratives = []
    narrative_dir = folder / NARRATIVE_DIR
    if narrative_dir.is_dir():
        for path in sorted(narrative_dir.glob("*.md")):
            text = read_narrative(
                path, f"{rel}/{NARRATIVE_DIR}/{path.name}", problems, inside=folder
            )
            if text is not None:
                narratives.append(text)
        notes_dir = narrative_dir / NOTES_DIR
        for path in sorted(notes_dir.glob("*.md")) if notes_dir.is_dir() else ():
            rel_path = f"{rel}/{NARRATIVE_DIR}/{NOTES_DIR}/{path.name}"
            text = read_narrative(path, rel_path, problems, inside=folder)
            if text is not None:
                narratives.append(text)
    return EngagementFiles(slug, folder, rel, engagement, interactions, narratives)


def read_narrative(
    path: Path, rel_path: str, problems: Problems, inside: Path | None = None
) -> NarrativeText | None:
    """Split a Markdown file into its YAML front matter and body."""
    resolved = checked_file(path, rel_path, problems, inside)
    if resolved is None:
        return None
    path = resolved
    if path.stat().st_size > MAX_NARRATIVE_BYTES:
        problems.error(Location(rel_path), f"larger than {MAX_NARRATIVE_BYTES:,} bytes")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(Location(rel_path, line), "not UTF-8 text; save the file as UTF-8")
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.error(
            Location(rel_path, 1, 1),
            "a narrative file starts with a '---' line, its front matter (kind: …), and '---'",
        )
        return None
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        problems.error(Location(rel_path, 1, 1), "the front matter has no closing '---' line")
        return None
    # A leading newline stands for the opening '---' so the marks keep the file's line numbers.
    front = parse_yaml("\n" + "".join(lines[1:end]), rel_path, problems)
    return NarrativeText(rel_path, front, "".join(lines[end + 1 :]), end + 2)
