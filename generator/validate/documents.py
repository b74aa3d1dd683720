"""Check a YAML document against its pydantic model and report each error at its position."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import Problems, did_you_mean
from generator.load.yamlmarks import KeyPath, MarkedDocument
from generator.schema.common import CADENCE_PATTERN, HOURS_PATTERN

M = TypeVar("M", bound=BaseModel)

_PLAIN_KEY = re.compile(r"^[\w-]+$")
SECRET_KEY_WORDS = ("password", "passwd", "secret", "token", "api_key", "apikey", "private_key")


def check_document(doc: MarkedDocument, model: type[M], problems: Problems) -> M | None:
    """Return the validated model, or None after recording every error with its location."""
    scan_for_secrets(doc, problems)
    data = {} if doc.data is None else doc.data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        report_validation_error(exc, doc, model, problems)
        return None


def report_validation_error(
    exc: ValidationError, doc: MarkedDocument, model: type[BaseModel], problems: Problems
) -> None:
    """Turn pydantic's errors into one located, plainly worded problem per place."""
    grouped: dict[tuple[KeyPath, str], list[dict[str, Any]]] = {}
    for error in exc.errors(include_url=False):
        keys = _data_keys(doc.data, error["loc"], error["type"])
        grouped.setdefault((keys, error["type"] == "missing"), []).append(error)
    for (keys, _), errors in grouped.items():
        error = errors[0]
        kind = error["type"]
        if kind == "missing":
            location = doc.locate(keys[:-1])
            label = key_label(doc.data, keys[:-1])
            where = f"{label}: " if label else ""
            problems.error(location, f"{where}'{keys[-1]}' is required")
        elif kind == "extra_forbidden":
            if _is_secret(keys[-1]):
                continue  # already reported by scan_for_secrets
            location = doc.locate(keys, key=True)
            allowed = _allowed_fields(model, keys[:-1])
            problems.error(
                location, f"{key_label(doc.data, keys)}: {_unknown_key(keys[-1], allowed)}"
            )
        else:
            annotation = _annotation_at(model, keys)
            expected = " or ".join(
                dict.fromkeys(_expected(e, annotation).removeprefix("expected ") for e in errors)
            )
            if _expected(errors[0], annotation).startswith("expected "):
                expected = "expected " + expected
            got = errors[0].get("input")
            message = expected if kind == "value_error" else f"{expected}, got {_show(got)}"
            problems.error(doc.locate(keys), f"{key_label(doc.data, keys)}: {message}")


def key_label(data: Any, keys: KeyPath) -> str:
    """Name a place in the document the way a person reads it: ``recommendations[R3].impact``."""
    label = ""
    node = data
    for key in keys:
        if isinstance(key, int):
            item = node[key] if isinstance(node, list) and key < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            label += f"[{ident}]" if isinstance(ident, (str, int)) else f"[{key}]"
        else:
            name = str(key) if _PLAIN_KEY.match(str(key)) else f'"{key}"'
            label += f".{name}" if label else name
        node = _child(node, key)
    return label


def scan_for_secrets(doc: MarkedDocument, problems: Problems) -> None:
    """Refuse passwords and tokens in files that go into git."""
    for keys in doc.key_marks:
        if _is_secret(keys[-1]):
            problems.error(
                doc.locate(keys, key=True),
                f"'{keys[-1]}': secrets do not belong in files kept in git; "
                "set them in an environment variable or the system keyring",
            )


def _is_secret(key: object) -> bool:
    return any(word in str(key).lower() for word in SECRET_KEY_WORDS)


def listing(choices: Iterable[str], most: int = 8) -> str:
    """Name the choices there are, when they are few enough to read."""
    choices = list(choices)
    if not choices:
        return " (there are none)"
    if len(choices) > most:
        return ""
    return f"; there is {choices[0]}" if len(choices) == 1 else f"; there are {', '.join(choices)}"


def _unknown_key(key: Any, allowed: list[str]) -> str:
    hint = did_you_mean(str(key), allowed)
    if not hint and allowed:
        hint = f"; expected one of: {', '.join(allowed)}"
    return f"unknown key '{key}'{hint}"


_MESSAGES = {
    "date_from_datetime_parsing": "expected a date as YYYY-MM-DD",
    "date_parsing": "expected a date as YYYY-MM-DD",
    "date_type": "expected a date as YYYY-MM-DD",
    "date_from_datetime_inexact": "expected a date as YYYY-MM-DD without a time",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_parsing": "expected a number",
    "float_type": "expected a number",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
    "string_type": "expected text",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping (key: value lines)",
    "model_type": "expected a mapping (key: value lines)",
    "model_attributes_type": "expected a mapping (key: value lines)",
    "string_too_short": "must not be empty",
}

_PATTERNS = {
    "^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$": "expected a colour as #RGB or #RRGGBB",
    "^[A-Za-z0-9][A-Za-z0-9_.-]*$": (
        "expected an id (letters, digits, '-', '_' or '.', starting with a letter or digit)"
    ),
    "^[A-Z]{2}$": "expected a two-letter country code such as US, LV or UA",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "expected an e-mail address",
    CADENCE_PATTERN: "expected a number and d, w or mo, such as 14d, 2w or 3mo",
    HOURS_PATTERN: "expected working hours as HH:MM-HH:MM, such as 09:00-17:30",
    r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$": "expected a day as MM-DD, such as 03-14",
}


def _expected(error: dict[str, Any], annotation: Any) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind in ("literal_error", "enum"):
        choices = _literal_choices(annotation)
        return "expected one of " + (", ".join(choices) if choices else str(ctx.get("expected")))
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(ctx.get("pattern", ""), f"does not match {ctx.get('pattern')}")
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        word = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        return f"must be {word} {next(iter(ctx.values()))}"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"needs at least {count} {'entry' if count == 1 else 'entries'}"
    if kind in ("too_long", "string_too_long"):
        return f"allows at most {ctx.get('max_length')}"
    return _MESSAGES.get(kind, error["msg"])


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _data_keys(data: Any, loc: tuple[Any, ...], kind: str) -> KeyPath:
    """Keep the parts of pydantic's location that are keys of the data (drop union tags)."""
    keys: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        if (
            isinstance(node, dict)
            and part in node
            or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node))
        ):
            keys.append(part)
            node = _child(node, part)
        elif kind == "missing" and i == len(loc) - 1:
            keys.append(part)
    return tuple(keys)


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _annotation_at(model: type[BaseModel], keys: KeyPath) -> Any:
    annotation: Any = model
    for key in keys:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(key))
            if field is None:
                return None
            annotation = field.annotation
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            return None
    return _unwrap(annotation)


def _allowed_fields(model: type[BaseModel], keys: KeyPath) -> list[str]:
    annotation = _annotation_at(model, keys)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _literal_choices(annotation: Any) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(choice) for choice in typing.get_args(annotation)]
    return []
