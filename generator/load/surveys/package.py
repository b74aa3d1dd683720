"""Which parts of an .xlsx package the reader will parse, found as calamine finds them.

calamine does not go by the usual part names: it takes the workbook from the package's
``_rels/.rels`` (its ``officeDocument``), each sheet from the workbook's relationships, and it
looks part names up without regard to case or ``\\`` separators. A check that looked only at
``xl/worksheets/*.xml`` would let an entity or grid bomb through under another name, so the
checks in ``workbook.py`` read the same relationships and cover the same parts.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from dataclasses import dataclass

MAX_INDEX_BYTES = 16 * 1024 * 1024  # the workbook and relationship parts name the others
_ATTRIBUTE = re.compile(rb'([\w:]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ELEMENT = re.compile(rb"<(?:\w+:)?(Relationship|sheet)\s([^>]*)>")


class PackageError(ValueError):
    """The package's index parts cannot be read."""


@dataclass(frozen=True)
class SheetPart:
    name: str  # as the workbook names it
    part: str  # the zip member holding it


@dataclass(frozen=True)
class Package:
    workbook: str  # the zip member of the workbook part
    sheets: tuple[SheetPart, ...]
    parsed: tuple[str, ...]  # every member the reader parses as XML


def normalized(name: str) -> str:
    return name.replace("\\", "/").lower()


def members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each member's normalized name → its name in the zip (as calamine looks names up)."""
    return {normalized(name): name for name in archive.namelist()}


def read_package(archive: zipfile.ZipFile) -> Package:
    """Find the workbook, its sheets and every part read as XML, following relationships."""
    names = members(archive)
    workbook = "xl/workbook.xml"
    for attributes in _elements(archive, names, "_rels/.rels", "Relationship"):
        if attributes.get("Type", "").endswith("/relationships/officeDocument"):
            workbook = attributes.get("Target", workbook).lstrip("/")
    folder = posixpath.dirname(workbook)
    base = f"{folder}/" if folder else ""
    rels = f"{base}_rels/{posixpath.basename(workbook)}.rels"
    targets = {
        attributes.get("Id", ""): attributes.get("Target", "")
        for attributes in _elements(archive, names, rels, "Relationship")
    }
    sheets = []
    for attributes in _elements(archive, names, workbook, "sheet"):
        relation = next((v for k, v in attributes.items() if k.endswith(":id")), "")
        target = targets.get(relation)
        if not target:
            continue
        part = _resolve(base, target)
        member = names.get(normalized(part))
        if member is not None:
            sheets.append(SheetPart(attributes.get("name", ""), member))
    parsed = [workbook, rels, f"{base}sharedStrings.xml", f"{base}styles.xml", "_rels/.rels"]
    parsed += [_resolve(base, target) for target in targets.values() if target]
    found = dict.fromkeys(names[normalized(part)] for part in parsed if normalized(part) in names)
    found.update(dict.fromkeys(sheet.part for sheet in sheets))
    return Package(names.get(normalized(workbook), workbook), tuple(sheets), tuple(found))


def _resolve(base: str, target: str) -> str:
    target = target.replace("\\", "/")
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(base + target) if ".." in target else base + target


def _elements(archive: zipfile.ZipFile, names: dict[str, str], part: str, tag: str):
    """Yield the attributes of each ``tag`` element of ``part`` (none when it is absent)."""
    member = names.get(normalized(part))
    if member is None:
        return
    if archive.getinfo(member).file_size > MAX_INDEX_BYTES:
        raise PackageError(f"{member} is larger than {MAX_INDEX_BYTES // 2**20} MB")
    with archive.open(member) as stream:
        data = stream.read(MAX_INDEX_BYTES + 1)
    if len(data) > MAX_INDEX_BYTES:
        raise PackageError(f"{member} is larger than {MAX_INDEX_BYTES // 2**20} MB")
    for element in _ELEMENT.finditer(data):
        if element.group(1).decode() != tag:
            continue
        yield {
            key.decode(errors="replace"): html.unescape(
                (double or single or b"").decode(errors="replace")
            )
            for key, double, single in _ATTRIBUTE.findall(element.group(2))
        }
