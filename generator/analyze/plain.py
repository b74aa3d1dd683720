"""Frozen results that turn into JSON-ready plain values, and the marker of a suppressed group."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any


def to_plain(value: Any) -> Any:
    """Return ``value`` as dicts, lists, strings, numbers, booleans and None only.

    Dates become ISO strings, tuples become lists, mapping keys become strings and a
    float that is not finite becomes None, so ``json.dumps`` never fails on the result.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class Plain:
    """Mixin for result dataclasses: ``to_dict()`` gives the JSON-ready structure."""

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class Suppressed(Plain):
    """A group too small to show: it carries no numbers at all, not even its size."""

    suppressed: bool = True


SUPPRESSED = Suppressed()


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that puts 'R2' before 'R10' and ignores case, with the text itself as tie-break."""
    parts = _DIGITS.split(text.casefold())
    keyed = tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part)
    return (keyed, text)


def clip(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)
