"""Virtual URLs for the files a document may use, and their mapping back to real paths.

A rendered document never sees a real path: the builtin templates, the workspace and the
engagement are published under ``https://rapport.invalid/<root>/…`` (``.invalid`` can never
resolve, RFC 2606). The checkout folder therefore never reaches the PDF bytes, and the fetcher
can refuse every other URL. This module does not import WeasyPrint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from generator.errors import RapportError

VIRTUAL_HOST = "rapport.invalid"
VIRTUAL_BASE = f"https://{VIRTUAL_HOST}/"
ROOT_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


class AssetPathError(RapportError):
    """A path given for a document asset is not a plain relative path."""


@dataclass(frozen=True)
class Refusal:
    """A URL the fetcher would not serve, and why."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


def asset_url(root: str, relative_path: str) -> str:
    """Return the virtual URL of ``relative_path`` inside the allowed root ``root``."""
    if not ROOT_NAME.match(root):
        raise AssetPathError(f"{root!r} is not a root name")
    text = relative_path.replace("\\", "/")
    path = PurePosixPath(text)
    if not text or path.is_absolute() or ":" in text or ".." in path.parts:
        raise AssetPathError(
            f"{relative_path!r} must be a path relative to the {root} folder, without '..'"
        )
    parts = [part for part in path.parts if part not in ("", ".")]
    return VIRTUAL_BASE + quote(root) + "/" + "/".join(quote(part, safe="") for part in parts)


def split_virtual_url(url: str) -> tuple[str, str] | None:
    """Return ``(root, relative path)`` for a virtual URL, or None for any other URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.netloc != VIRTUAL_HOST:
        return None
    root, _, rest = parts.path.lstrip("/").partition("/")
    if not ROOT_NAME.match(root):
        return None
    return root, unquote(rest)


def resolve_inside(root_folder: Path, relative_path: str) -> Path:
    """Return the real file for ``relative_path`` under ``root_folder``, symlinks followed.

    Raises ``ValueError`` when the result is not inside the root folder.
    """
    base = root_folder.resolve(strict=True)
    target = (base / relative_path.lstrip("/")).resolve(strict=True)
    if not target.is_relative_to(base):
        raise ValueError(f"resolves outside the {base.name!r} folder")
    return target


def check_roots(roots: Mapping[str, Path]) -> dict[str, Path]:
    """Return the allowed roots resolved, refusing bad names and missing folders."""
    checked: dict[str, Path] = {}
    for name, folder in roots.items():
        if not ROOT_NAME.match(name):
            raise AssetPathError(f"{name!r} is not a root name (lowercase letters, digits, -, _)")
        real = Path(folder).resolve()
        if not real.is_dir():
            raise AssetPathError(f"the {name} folder {folder} does not exist")
        checked[name] = real
    return checked
