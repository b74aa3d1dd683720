"""A logo is checked as the renderer would use it, before anything is rendered.

WeasyPrint drops an image it cannot use with a log line whose reason is often empty, and the
imaging library warns about a very large one with its own install path: a text file named
``.png``, a 40,000 × 40,000 px bomb, an SVG with a DOCTYPE (entity bomb, XXE) or an
``@import`` would leave the cover without its logo and the build would still succeed. Each
is a located error at the ``logo`` line instead, found by ``validate`` already.

Raster sizes are read from the file's header (no pixel is decoded); an SVG is parsed with
``defusedxml`` refusing any DOCTYPE, and every reference in it must stay in the folder the
document may read (``#fragment``, ``data:`` or a relative path inside ``folder``).
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_SIDE_PIXELS = 10_000
MAX_PIXELS = 25_000_000  # 5,000 × 5,000: far more than a logo printed 5 cm wide needs
MAX_SVG_ELEMENTS = 50_000
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")

_PNG = b"\x89PNG\r\n\x1a\n"
_URL_IN_CSS = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_REFERENCE_ATTRIBUTES = ("href", "src")


class ImageRefused(ValueError):
    """Why an image file cannot be used in a document."""


def check_image(path: Path, folder: Path, *, exclude: tuple[str, ...] = ()) -> None:
    """Raise ImageRefused when the image at ``path`` cannot be used as it is.

    ``path`` is already known to be a regular file inside ``folder``; an SVG's references must
    resolve inside ``folder`` too, and not under any of the ``exclude`` folders in it.
    """
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ImageRefused(
            f"a {suffix or 'file without suffix'} cannot be a logo; use an SVG, PNG or JPEG"
        )
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageRefused(
            f"{size / 2**20:,.1f} MB is larger than the {MAX_IMAGE_BYTES // 2**20} MB "
            "an image may have"
        )
    data = path.read_bytes()
    if not data:
        raise ImageRefused("the file is empty")
    if suffix == ".svg":
        _check_svg(data, path, folder, exclude)
        return
    kind, width, height = raster_size(data)
    expected = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP"}
    if kind is None:
        raise ImageRefused(f"not a {expected[suffix]} image ({_looks_like(data)})")
    if kind != expected[suffix]:
        raise ImageRefused(f"a {kind} image named {suffix}; give it the right suffix")
    if width <= 0 or height <= 0:
        raise ImageRefused(f"the {kind} image has no size ({width} × {height} px)")
    if max(width, height) > MAX_SIDE_PIXELS or width * height > MAX_PIXELS:
        raise ImageRefused(
            f"{width:,} × {height:,} px is larger than a logo may be (at most "
            f"{MAX_SIDE_PIXELS:,} px a side and {MAX_PIXELS // 1_000_000} million pixels); "
            "scale it down"
        )
    if kind == "PNG":
        _check_png_chunks(data)


def raster_size(data: bytes) -> tuple[str | None, int, int]:
    """Return the format and pixel size a raster file's header declares ((None, 0, 0) if none)."""
    if data.startswith(_PNG) and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "PNG", width, height
    if data.startswith(b"\xff\xd8"):
        return "JPEG", *_jpeg_size(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return "GIF", width, height
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP", *_webp_size(data)
    return None, 0, 0


def _jpeg_size(data: bytes) -> tuple[int, int]:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return 0, 0
        marker = data[position + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        # SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if position + 9 > len(data):
                return 0, 0
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + length
    return 0, 0


def _webp_size(data: bytes) -> tuple[int, int]:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return 0, 0


def _check_png_chunks(data: bytes) -> None:
    """Walk the chunks to IEND checking each CRC: a cut or damaged file is refused here."""
    position = len(_PNG)
    while True:
        if position + 12 > len(data):
            raise ImageRefused("the PNG image is cut short (no IEND chunk); export it again")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        end = position + 12 + length
        if end > len(data):
            raise ImageRefused("the PNG image is cut short; export it again")
        crc = struct.unpack(">I", data[end - 4 : end])[0]
        if zlib.crc32(data[position + 4 : end - 4]) != crc:
            raise ImageRefused(f"the PNG image is damaged (its {kind!r} chunk fails its checksum)")
        if kind == b"IEND":
            return
        position = end


def _looks_like(data: bytes) -> str:
    head = data[:512].lstrip()
    if head.startswith(b"<"):
        return "it is XML or HTML text"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "its bytes are no image format"
    return "it is text"


def _check_svg(data: bytes, path: Path, folder: Path, exclude: tuple[str, ...]) -> None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImageRefused(
            "the SVG declares a DOCTYPE or entities, which a logo never needs "
            "(they can expand without end or read other files); save it without them"
        ) from None
    except ParseError as error:
        raise ImageRefused(f"the SVG is not well-formed XML ({error})") from None
    if not root.tag.endswith("svg"):
        raise ImageRefused(f"not an SVG image (its root element is <{_local(root.tag)}>)")
    for count, element in enumerate(root.iter(), start=1):
        if count > MAX_SVG_ELEMENTS:
            raise ImageRefused(f"the SVG has more than {MAX_SVG_ELEMENTS:,} elements")
        styles = [element.get("style") or ""]
        if _local(element.tag) == "style":
            styles.append("".join(element.itertext()))
        for css in styles:
            if "@import" in css.lower():
                raise ImageRefused("the SVG's style uses @import; put the rules in the SVG itself")
            for _, url in _URL_IN_CSS.findall(css):
                _check_reference(url, path, folder, exclude)
        for name, value in element.attrib.items():
            local = _local(name)
            if local in _REFERENCE_ATTRIBUTES:
                _check_reference(value, path, folder, exclude)
            elif "url(" in value:
                for _, url in _URL_IN_CSS.findall(value):
                    _check_reference(url, path, folder, exclude)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _check_reference(reference: str, path: Path, folder: Path, exclude: tuple[str, ...]) -> None:
    """A reference inside an SVG: a fragment, a data: URL or a file beside it in ``folder``."""
    text = reference.strip()
    if not text or text.startswith("#") or text.lower().startswith("data:"):
        return
    shown = text if len(text) <= 80 else text[:79] + "…"
    parts = urlsplit(text)
    if parts.scheme or parts.netloc or text.startswith(("/", "\\")):
        raise ImageRefused(
            f"the SVG refers to {shown!r}; a logo may use only files beside it in its folder"
        )
    relative = PurePosixPath(unquote(parts.path).replace("\\", "/"))
    try:
        target = (path.parent / relative).resolve()
        base = folder.resolve()
    except (OSError, RuntimeError):
        target, base = None, folder
    inside = target is not None and target.is_relative_to(base)
    if inside and target is not None:
        within = target.relative_to(base).parts
        inside = not (within and within[0] in exclude)
    if not inside:
        raise ImageRefused(f"the SVG refers to {shown!r}, outside the folder its document may read")


def logo_problem(folder: Path, relative: str, *, exclude: tuple[str, ...] = ()) -> str | None:
    """Return why the logo ``relative`` (to ``folder``) cannot be used, or None when it can."""
    import stat

    from generator.validate.paths import PathLoop, PathOutside, resolve_inside

    try:
        path = resolve_inside(folder, relative)
        path.resolve(strict=True)  # a dangling link says so here
    except PathLoop as exc:
        return str(exc)
    except PathOutside as exc:
        return f"{exc}; keep the logo inside {folder.name}/"
    except FileNotFoundError:
        return f"file not found: {relative}"
    if path.relative_to(folder.resolve()).parts[:1] in [(name,) for name in exclude]:
        return f"'{relative}' lies in another client's folder; copy the file in"
    if not stat.S_ISREG(path.stat().st_mode):
        return f"'{relative}' is not a regular file (a folder, a device or a pipe)"
    try:
        check_image(path, folder, exclude=exclude)
    except ImageRefused as refused:
        return f"{relative}: {refused}"
    except OSError as error:
        return f"{relative} cannot be read ({error.strerror or error})"
    return None
