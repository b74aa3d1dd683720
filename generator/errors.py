"""Input problems with their location, collected and reported all at once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

# Control characters, and the bidirectional overrides that can make text read backwards.
_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return ``text`` as one terminal line: a line break or an escape code from an input is
    shown as its code (\\n, \\x1b), so it can neither start a fake line nor restyle the screen."""
    return _HIDDEN.sub(lambda m: repr(m.group())[1:-1], text)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where a value came from: a text file position or a spreadsheet cell."""

    path: str  # relative to the workspace, with forward slashes
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    sheet: str | None = None
    cell: str | None = None  # "D17"

    def __str__(self) -> str:
        if self.cell is not None:
            sheet = f"[{self.sheet}]" if self.sheet else ""
            return f"{self.path}{sheet}!{self.cell}"
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        label = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.location}: {label}{printable(self.message)}"

    def to_dict(self) -> dict:
        """The problem as JSON values (docs/json.md, "A problem")."""
        where = self.location
        return {
            "severity": self.severity.value,
            "file": where.path,
            "line": where.line,
            "column": where.column,
            "sheet": where.sheet,
            "cell": where.cell,
            "message": self.message,
            "text": str(self),
        }


@dataclass
class Problems:
    """An ordered collection of problems that a stage fills and the caller checks once."""

    items: list[Problem] = field(default_factory=list)

    def error(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message))

    def warning(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message, Severity.WARNING))

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def raise_if_errors(self, strict: bool = False) -> None:
        if self.errors or (strict and self.warnings):
            raise InputError(list(self.items))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)


class RapportError(Exception):
    """Base of every error the library raises for the command line to report."""


class InputError(RapportError):
    """The inputs have problems; each one is located."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=reading_order)
        super().__init__(f"{len(problems)} problem(s) in the inputs")


def reading_order(problem: Problem) -> tuple:
    """Sort by file, then line and column, so each file's problems read top to bottom."""
    where = problem.location
    return (where.path, where.sheet or "", where.line or 0, where.column or 0)


class WorkspaceNotFound(RapportError):
    pass


class UsageProblem(RapportError):
    """The command asks for something that does not exist (a client, a wave): exit code 2."""


class UnknownClient(UsageProblem):
    pass


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` naming the closest choice, or nothing when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
