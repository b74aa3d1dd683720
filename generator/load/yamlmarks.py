"""YAML loaded safely, with the line and column of every key and value kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Location, Problems

MAX_YAML_BYTES = 5 * 1024 * 1024
# An alias may point at a large subtree; a cap on expanded nodes stops "billion laughs" documents.
MAX_NODES = 200_000
MAX_DEPTH = 64  # far beyond any engagement file, well within Python's recursion limit
PLAIN_COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

KeyPath = tuple[Any, ...]


@dataclass
class MarkedDocument:
    """A YAML document's data and where each part of it was written."""

    path: str  # relative to the workspace, forward slashes
    data: Any
    value_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, keys: KeyPath, *, key: bool = False) -> Location:
        """Return where the value (or the key) at ``keys`` is written, else its nearest parent."""
        keys = tuple(keys)
        while True:
            marks = self.key_marks if key else self.value_marks
            if keys in marks:
                line, column = marks[keys]
                return Location(self.path, line, column)
            if not keys:
                return Location(self.path, 1, 1)
            keys = keys[:-1]
            key = False


class _TooLarge(Exception):
    pass


class _Unreadable(Exception):
    """A value nested too deep, or an alias to a value that contains the alias itself."""

    def __init__(self, node: yaml.Node, message: str):
        super().__init__(message)
        self.node = node
        self.message = message


class _Dates:
    """Impossible dates (2026-02-30) stay text, so that validation can say what is wrong."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


class _Loader(_Dates, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, and impossible dates kept as text for a clear error."""


# libyaml parses about ten times faster and refuses deep nesting by itself; the pure-Python
# parser stays for the wording of syntax errors, which the messages have always used.
_FastLoader = type("_FastLoader", (_Dates, getattr(yaml, "CSafeLoader", yaml.SafeLoader)), {})

# Only true/false are booleans: 'no' is Norway's country code, 'on'/'off' are words.
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {key: list(value) for key, value in _RESOLVERS.items()}
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _Dates.construct_yaml_timestamp)


class _Builder:
    def __init__(self, loader: _Loader, doc: MarkedDocument, problems: Problems):
        self.loader = loader
        self.doc = doc
        self.problems = problems
        self.count = 0
        self.open: set[int] = set()  # the collections being built, from the root down

    def build(self, node: yaml.Node, keys: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge
        if len(keys) > MAX_DEPTH:
            raise _Unreadable(node, f"values are nested more than {MAX_DEPTH} levels deep")
        if id(node) in self.open:
            raise _Unreadable(node, "an alias refers to a value that contains it")
        self.doc.value_marks.setdefault(keys, _mark(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if node.tag not in PLAIN_COLLECTIONS:
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                raise _Unreadable(node, f"the tag '{tag}' is not allowed here; remove it")
            self.open.add(id(node))
            try:
                return self._collection(node, keys)
            finally:
                self.open.discard(id(node))
        return self.loader.construct_object(node, deep=True)

    def _collection(self, node: yaml.Node, keys: KeyPath) -> Any:
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    self.problems.error(
                        self.doc.locate(keys + (str(key),)), "a key must be plain text"
                    )
                    continue
                if key in result:
                    line, column = _mark(key_node)
                    first_line = self.doc.key_marks[keys + (key,)][0]
                    self.problems.error(
                        Location(self.doc.path, line, column),
                        f"duplicate key '{key}' (the first is on line {first_line})",
                    )
                    continue
                self.doc.key_marks[keys + (key,)] = _mark(key_node)
                result[key] = self.build(value_node, keys + (key,))
            return result
        return [self.build(item, keys + (i,)) for i, item in enumerate(node.value)]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(text: str, rel_path: str, problems: Problems) -> MarkedDocument | None:
    """Parse ``text``; on a syntax error record it with its position and return None."""
    doc = MarkedDocument(rel_path, None)
    try:
        _compose(_FastLoader, text, doc, problems)
    except yaml.YAMLError as fast_error:
        doc = MarkedDocument(rel_path, None)
        try:
            _compose(_Loader, text, doc, problems)
        except yaml.YAMLError as exc:
            _syntax_error(exc, rel_path, problems, text)
            return None
        except RecursionError:
            _syntax_error(fast_error, rel_path, problems, text)
            return None
        _syntax_error(fast_error, rel_path, problems, text)  # only libyaml refused it
        return None
    except _TooLarge:
        problems.error(
            Location(rel_path), f"more than {MAX_NODES:,} values once aliases are expanded"
        )
        return None
    except _Unreadable as exc:
        problems.error(Location(rel_path, *_mark(exc.node)), exc.message)
        return None
    except RecursionError:  # a merge key (<<) that merges the mapping into itself
        problems.error(Location(rel_path), "an alias refers to a value that contains it")
        return None
    return doc


def _compose(loader_class: type, text: str, doc: MarkedDocument, problems: Problems) -> None:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _Builder(loader, doc, problems).build(node, ())
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, rel_path: str, problems: Problems, text: str) -> None:
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, (int, str)):
        # A character YAML does not accept (a control character): its place from its offset.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        code = f"U+{character:04X}"
        problems.error(
            Location(rel_path, line, column),
            f"a control character ({code}) that YAML does not accept; remove it",
        )
    elif isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        problems.error(Location(rel_path, line, column), f"YAML syntax: {message}")
    else:
        problems.error(Location(rel_path), f"YAML syntax: {exc}")


def read_yaml(
    path: Path, rel_path: str, problems: Problems, inside: Path | None = None
) -> MarkedDocument | None:
    """Read a YAML file from disk (a regular file, within ``inside``), bounded in size and
    decoded as UTF-8."""
    from generator.load.files import checked_file

    if not path.exists() and not path.is_symlink():
        problems.error(Location(rel_path), "cannot read: No such file or directory")
        return None
    resolved = checked_file(path, rel_path, problems, inside)
    if resolved is None:
        return None
    path = resolved
    try:
        size = path.stat().st_size
    except OSError as exc:
        problems.error(Location(rel_path), f"cannot read: {exc.strerror}")
        return None
    if size > MAX_YAML_BYTES:
        problems.error(
            Location(rel_path), f"{size:,} bytes is larger than the {MAX_YAML_BYTES:,} allowed"
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(Location(rel_path, line), "not UTF-8 text; save the file as UTF-8")
        return None
    return parse_yaml(text, rel_path, problems)
