"""An allow-list URL fetcher for WeasyPrint: ``data:`` URLs and files under the allowed roots.

WeasyPrint's own fetcher reads ``file://``, ``http(s)://`` and ``ftp://`` URLs, so a survey
comment that reached the HTML unescaped could embed ``/etc/passwd`` or reach a local server.
This fetcher serves only virtual URLs (see ``generator.publish.urls``) that resolve to regular
files of a known type inside their root, and ``data:`` URLs; it records every refusal so the
caller can fail the build, since WeasyPrint only logs a failed image inside an SVG.

Importing this module imports WeasyPrint: import it only where a document is rendered.
"""

from __future__ import annotations

import base64
import logging
import os
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import unquote_to_bytes

from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.publish.urls import Refusal, check_roots, resolve_inside, split_virtual_url

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

# A fixed table rather than the mimetypes module, whose answers depend on the machine's
# /etc/mime.types; a type outside it (a survey export, a script) is refused.
CONTENT_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}


# What a document may not read in the workspace as a whole: each client's folder is open only
# to that client's documents (as the ``engagement`` root), and dot folders hold the parse
# cache and git's objects, never a document's asset.
PRIVATE_IN_WORKSPACE = ("engagements",)


def private_part(root: str, parts: tuple[str, ...]) -> str | None:
    """Say why a file at ``parts`` (relative to its root) is closed to documents, or None."""
    if root != "workspace":
        return None
    if parts[:1] and parts[0] in PRIVATE_IN_WORKSPACE:
        return "a client's folder is open only to that client's documents"
    if any(part.startswith(".") for part in parts):
        return "a hidden file or folder of the workspace"
    return None


class FetchRefused(ValueError):
    """The fetcher would not serve a URL."""


class AllowListFetcher(URLFetcher):
    """Serve ``data:`` URLs and regular files of known types under the allowed roots only.

    ``roots`` maps a root name (``builtin``, ``workspace``, ``engagement``) to its folder;
    refusals are appended to ``self.refusals`` and the files served to ``self.served`` (the
    files whose change changes the pages even when the HTML stays the same).
    """

    def __init__(self, roots: Mapping[str, Path], *, max_bytes: int = DEFAULT_MAX_BYTES):
        super().__init__(allowed_protocols=("https", "data"), allow_redirects=False)
        self.roots = check_roots(roots)
        self.max_bytes = max_bytes
        self.refusals: list[Refusal] = []
        self.served: set[Path] = set()

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        try:
            if url.startswith("data:"):
                return self._fetch_data(url)
            return self._fetch_file(url)
        except FetchRefused as refused:
            self.refusals.append(Refusal(_shorten(url), str(refused)))
            logger.debug("refused %s: %s", _shorten(url), refused)
            raise

    def _fetch_data(self, url: str) -> URLFetcherResponse:
        header, comma, payload = url[5:].partition(",")
        if not comma:
            raise FetchRefused("malformed data: URL")
        if len(payload) > self.max_bytes * 4 // 3 + 4:
            raise FetchRefused(f"data: URL larger than {self.max_bytes} bytes")
        params = header.split(";")
        is_base64 = params[-1].strip().lower() == "base64"
        if is_base64:
            params = params[:-1]
        media_type = params[0].strip() or "text/plain"
        try:
            raw = unquote_to_bytes(payload)
            body = base64.b64decode(raw, validate=False) if is_base64 else raw
        except ValueError as error:
            raise FetchRefused(f"malformed data: URL ({error})") from error
        content_type = "; ".join([media_type, *[p.strip() for p in params[1:] if p.strip()]])
        return URLFetcherResponse("data:", body, {"Content-Type": content_type})

    def _fetch_file(self, url: str) -> URLFetcherResponse:
        located = split_virtual_url(url.split("#", 1)[0].split("?", 1)[0])
        if located is None:
            raise FetchRefused("only files inside the templates, workspace and engagement")
        root, relative = located
        if root not in self.roots:
            raise FetchRefused(f"no folder named {root!r} is open to this document")
        content_type = CONTENT_TYPES.get(PurePosixPath(relative).suffix.lower())
        if content_type is None:
            raise FetchRefused("not a stylesheet, image or font file")
        try:
            path = resolve_inside(self.roots[root], relative)
        except FileNotFoundError as missing:
            raise FetchRefused("no such file") from missing
        except (OSError, ValueError, RuntimeError) as error:
            raise FetchRefused(str(error)) from error
        private = private_part(root, path.relative_to(self.roots[root]).parts)
        if private is not None:
            raise FetchRefused(private)
        data = self._read_regular(path)
        self.served.add(path)
        return URLFetcherResponse(url, data, {"Content-Type": content_type})

    def _read_regular(self, path: Path) -> bytes:
        # Open first, then check the opened file: a swap between check and read cannot
        # substitute a device or a larger file.
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except OSError as error:
            raise FetchRefused(f"cannot be opened ({error.strerror})") from error
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise FetchRefused("not a regular file")
            if info.st_size > self.max_bytes:
                raise FetchRefused(f"larger than {self.max_bytes} bytes")
            data = file.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise FetchRefused(f"larger than {self.max_bytes} bytes")
        return data


def _shorten(url: str, limit: int = 200) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
