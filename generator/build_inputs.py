"""The inputs of a build: their fingerprint (to skip unchanged documents) and the data files.

The fingerprint is read before anything is validated, so it must be cheap: it hashes bytes
(the engagement folder, rapport.yaml and the brand files it names, the workspace's and the
built-in templates, the generator's own source) and never parses a survey.
"""

from __future__ import annotations

import copy
import hashlib
import json
import stat
import time
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import generator
from generator.errors import Problems
from generator.load.files import file_digest
from generator.load.yamlmarks import parse_yaml, read_yaml

if TYPE_CHECKING:
    from generator.render.context import DataFile
    from generator.workspace import Engagement

FINGERPRINT_VERSION = "4"
COMMIT_LABEL, NO_COMMIT = "git:commit", "none"
DELIVERIES = "deliveries.yaml"
NOT_INPUTS = {DELIVERIES, ".DS_Store"}  # written after a build, or by the system: no PDF reads them
EDITOR_LEFTOVERS = (".swp", ".swo", ".swx", "~")
# Sending is not building: its code, its templates (the workspace's and each client's own)
# and the SMTP settings change no document.
NOT_DOCUMENT_INPUTS = (
    "generator:deliver/",
    "builtin:email/",
    "templates:email/",
    "engagement:templates/email/",
)
# Python's byte-code caches are written beside the tool's source by running it.
NOT_SOURCE = ("__pycache__",)
_SETTINGS: dict[tuple, dict[str, Any]] = {}  # rapport.yaml's identity → its values
RACY_NS = 2_000_000_000


def quick_settings(root: Path) -> dict[str, Any]:
    """Return rapport.yaml as plain values, or {} when it cannot be read (validation says why).

    It is read with the limits every YAML file gets (size, depth, aliases), as validation does.
    A build asks for it many times (the output folder, the brand files, the digest), so it is
    parsed again only when the file changed.
    """
    path = root / "rapport.yaml"
    identity = (path.absolute(), _identity(path))
    if identity[1] is not None and identity in _SETTINGS:
        return copy.deepcopy(_SETTINGS[identity])
    settings = _read_settings(root)
    if identity[1] is not None:
        _SETTINGS.clear()
        _SETTINGS[identity] = copy.deepcopy(settings)
    return settings


def _read_settings(root: Path) -> dict[str, Any]:
    problems = Problems()
    doc = read_yaml(root / "rapport.yaml", "rapport.yaml", problems)
    if doc is None or problems.errors:
        return {}
    return doc.data if isinstance(doc.data, dict) else {}


def output_folder(root: Path, slug: str) -> Path:
    return output_root(root) / slug


def output_root(root: Path) -> Path:
    """The workspace's output folder (``defaults.output_dir``, ``output`` unless set)."""
    defaults = quick_settings(root).get("defaults") or {}
    output = defaults.get("output_dir", "output") if isinstance(defaults, dict) else "output"
    return root / str(output)


def input_digests(root: Path, slug: str, memo: dict | None = None) -> dict[str, str]:
    """Return every input file of client ``slug``'s documents, labelled, with its SHA-256.

    Labels name where a file is: ``engagement:data/q3.csv``, ``rapport.yaml``,
    ``brand:brand/logo.svg``, ``templates:…`` (the workspace's), ``builtin:…`` (the bundled
    theme) and ``generator:…`` (the tool's own source). A ``memo`` shared by the clients of
    one build hashes the folders they share (the tool, the templates) and asks git for the
    workspace's head once.
    """
    digests: dict[str, str] = {}
    for label, folder in input_folders(root, slug):
        key = ("folder", label, folder)
        if memo is not None and key in memo:
            digests.update(memo[key])
            continue
        found = {
            name: digest
            for name, digest in _folder_digests(label, folder)
            if not name.startswith(NOT_DOCUMENT_INPUTS)
        }
        if memo is not None and label != "engagement":
            memo[key] = found
        digests.update(found)
    digests["rapport.yaml"] = _settings_digest(root)
    for name in brand_files(root):
        digests[f"brand:{name}"] = input_digest(root / name, root)
    # The commit the document will name is one of its inputs: committing the inputs makes
    # the document stale, so a PDF never names a commit its inputs are no longer at.
    digests[COMMIT_LABEL] = inputs_commit(root, slug, memo) or NO_COMMIT
    return digests


def _folder_digests(label: str, folder: Path) -> Iterable[tuple[str, str]]:
    if not folder.is_dir():
        return
    base = folder.resolve()
    linked_folder = base != folder.absolute()
    for relative, path in _files(folder):
        if linked_folder or path.is_symlink():
            yield f"{label}:{relative}", input_digest(path, folder)
        else:
            # The folders walked are real ones (rglob enters no linked folder), so a file
            # that is no link is where its path says: no need to resolve it.
            yield f"{label}:{relative}", _regular_digest(path)


def input_folders(root: Path, slug: str) -> list[tuple[str, Path]]:
    """The folders whose files are inputs of client ``slug``'s documents, each with its label
    (rapport.yaml and the brand files are inputs too)."""
    from generator.builtin import builtin_templates

    return [
        ("generator", Path(generator.__file__).parent),
        ("builtin", builtin_templates()),
        ("templates", root / "templates"),
        ("engagement", root / "engagements" / slug),
    ]


def input_label(root: Path, slug: str, path: Path) -> str | None:
    """Return the label ``input_digests`` gives ``path``, or None when the file is no input of
    client ``slug``'s documents (another client's, the output, e-mail templates)."""
    if path == root / "rapport.yaml":
        return "rapport.yaml"
    for name in brand_files(root):
        if path == root / name:
            return f"brand:{name}"
    for label, folder in input_folders(root, slug):
        if path.is_relative_to(folder):
            relative = path.relative_to(folder)
            name = f"{label}:{relative.as_posix()}"
            if not _listed(relative) or name.startswith(NOT_DOCUMENT_INPUTS):
                return None
            return name
    return None


def fingerprint(digests: dict[str, str], kind: str, options: Any) -> str:
    """Return one digest of the inputs, the tool's versions, the document kind and options."""
    digest = hashlib.sha256()
    chosen = (kind, options.wave, options.language, options.variant, options.encrypt)
    digest.update(f"{FINGERPRINT_VERSION}|{chosen}".encode())
    digest.update(_versions().encode())
    if kind == "pptx":
        digest.update(_version_of("python-pptx").encode())
    for label in sorted(digests):
        digest.update(f"{label}\0{digests[label]}\n".encode())
    return digest.hexdigest()


def changed_inputs(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """Return the labels of inputs added, removed or changed since ``recorded``."""
    return sorted(
        label
        for label in recorded.keys() | current.keys()
        if recorded.get(label) != current.get(label)
    )


def data_files(engagement: Engagement) -> list[DataFile]:
    """Return each survey and SUS file of the engagement with its hash and usable rows."""
    from generator.render.context import DataFile

    spec = engagement.spec
    listed: list[tuple[str, str, list[str]]] = []
    for wave in spec.waves:
        origins = engagement.responses[wave.id].origins if wave.id in engagement.responses else []
        listed += [(source.file, wave.id, origins) for source in wave.sources]
    for test in spec.usability_tests:
        if test.sus is not None:
            responses = engagement.usability.get(test.id)
            listed.append((test.sus.file, test.id, responses.origins if responses else []))
    return [
        DataFile(
            path=path,
            sha256=file_digest(engagement.folder / path),
            wave=owner,
            rows=sum(
                1 for origin in origins if _read_from(origin, f"{engagement.rel_folder}/{path}")
            ),
        )
        for path, owner, origins in listed
    ]


def inputs_commit(root: Path, slug: str, memo: dict | None = None) -> str | None:
    """Return the commit of the last change to client ``slug``'s inputs, with "+dirty" when
    one of them is modified or not yet committed (an untracked client folder is dirty too).

    The inputs are the client's folder (without deliveries.yaml, which `send` writes),
    rapport.yaml, the workspace's templates and brand files. None outside a git repository.
    """
    paths = [f"engagements/{slug}", "templates", *brand_files(root)]
    pathspec = ["--", *paths, f":(exclude)engagements/{slug}/{DELIVERIES}"]
    memo = {} if memo is None else memo
    if "head" not in memo:
        memo["head"] = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    head = memo["head"]
    if head is None:
        return None
    last = _git(root, "log", "-1", "--format=%H", *pathspec, "rapport.yaml") or head
    changed = _git(root, "status", "--porcelain", "--untracked-files=all", *pathspec)
    dirty = changed is None or bool(changed)
    if not dirty:
        if "settings changed" not in memo:
            memo["settings changed"] = _settings_changed(root)
        dirty = memo["settings changed"]
    return last + ("+dirty" if dirty else "")


def _settings_changed(root: Path) -> bool:
    """Whether rapport.yaml differs from its committed version in more than its smtp section
    (which changes how mail goes, not a document)."""
    committed = _git(root, "show", "HEAD:./rapport.yaml")
    if committed is None:
        return (root / "rapport.yaml").exists()
    problems = Problems()
    doc = parse_yaml(committed, "rapport.yaml", problems)
    if doc is None or problems.errors:
        return True
    data = doc.data
    return _settings_text(data if isinstance(data, dict) else {}) != _settings_text(
        quick_settings(root)
    )


def recorded_commit(recorded: dict[str, str]) -> str | None:
    """The commit a document was built from, as its stamp recorded it (None outside git)."""
    commit = recorded.get(COMMIT_LABEL)
    return None if commit in (None, NO_COMMIT) else commit


def _git(root: Path, *args: str) -> str | None:
    import subprocess

    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _read_from(origin: str, path: str) -> bool:
    return origin.startswith(path) and origin[len(path) : len(path) + 1] in ("[", ":", "")


def _versions() -> str:
    return f"rapport {generator.__version__}; weasyprint {_version_of('weasyprint')}"


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def brand_files(root: Path) -> Iterable[str]:
    """The brand files rapport.yaml names (logo, font files), relative to the workspace."""
    brand = quick_settings(root).get("brand") or {}
    if not isinstance(brand, dict):
        return []
    fonts = brand.get("fonts") or {}
    named = [brand.get("logo"), brand.get("pptx_template")]
    named += list(fonts.values()) if isinstance(fonts, dict) else []
    return sorted({str(name) for name in named if isinstance(name, str) and "." in name})


def _settings_digest(root: Path) -> str:
    """Hash rapport.yaml without its smtp section, which changes how mail goes, not documents."""
    settings = quick_settings(root)
    if not settings:
        return _digest_or_missing(root / "rapport.yaml")
    return hashlib.sha256(_settings_text(settings).encode("utf-8")).hexdigest()


def _settings_text(settings: dict[str, Any]) -> str:
    without_mail = {key: value for key, value in settings.items() if key != "smtp"}
    return json.dumps(without_mail, sort_keys=True, default=str, ensure_ascii=False)


def _files(folder: Path) -> Iterable[tuple[str, Path]]:
    """Every file under ``folder``, hidden ones and those in dot folders too: a document may
    read a survey kept in ``data/.exports/``. Links are listed, not followed into folders."""
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        # A pipe is listed too, never read.
        if _listed(relative) and (path.is_symlink() or not path.is_dir()):
            yield relative.as_posix(), path


def input_digest(path: Path, folder: Path) -> str:
    """The SHA-256 of an input file; for a link, also where it leads.

    A survey replaced by a link to an identical file elsewhere must not look unchanged: the
    build would answer "up to date" where validation refuses the link. A path that leads out
    of ``folder``, or to something that is not a regular file, is never read (it could be
    /dev/zero); its digest names the target, so the build validates it and says why not.
    """
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "missing"
    except (OSError, RuntimeError):
        return "link:loop"
    base = folder.resolve()
    if not target.is_relative_to(base) or not target.is_file():
        return f"not read:{target.as_posix()}"
    digest = _digest_or_missing(target)
    if path.is_symlink() or target != path.absolute():
        return f"link:{target.relative_to(base).as_posix()}:{digest}"
    return digest


def _listed(relative: Path) -> bool:
    # Hidden folders hold inputs too (a survey export kept in data/.exports/); an editor's
    # swap or backup file beside a narrative is read by no document.
    hidden_source = any(part in NOT_SOURCE for part in relative.parts)
    name = relative.name
    return not hidden_source and name not in NOT_INPUTS and not _editor_leftover(name)


def _editor_leftover(name: str) -> bool:
    return name.startswith(".#") or name.endswith(EDITOR_LEFTOVERS)


def _regular_digest(path: Path) -> str:
    """The digest of a file that is no link, as ``input_digest`` gives it."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "link:loop"
    if not stat.S_ISREG(status.st_mode):
        return f"not read:{path.resolve().as_posix()}"
    return _digest_or_missing(path)


def _identity(path: Path) -> tuple[int, ...] | None:
    """What changes whenever a file's content does (its change time cannot be set back), or
    None for a file changed in the last seconds: the clock the file system stamps with is
    coarse, so two quick writes of the same size could look alike (git's "racy" files)."""
    try:
        status = path.stat()
    except OSError:
        return None
    if time.time_ns() - status.st_ctime_ns < RACY_NS:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _digest_or_missing(path: Path) -> str:
    try:
        return file_digest(path)
    except OSError:
        return "missing"
