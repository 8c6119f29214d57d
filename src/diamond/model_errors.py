"""Turn pydantic's validation errors into findings a questionnaire author can act on."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from diamond.findings import Finding, describe, suggest
from diamond.i18n import N_, _
from diamond.pathwords import subject, value_at
from diamond.pathwords import where_text as where_text

Path = tuple[Any, ...]


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def model_at(root: type[BaseModel], path: Path) -> type[BaseModel] | None:
    """The model class that governs the mapping at ``path``, if any."""
    current = _unwrap(annotation_at(root, path))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def annotation_at(root: type[BaseModel], path: Path) -> Any:
    """The type annotation that governs the value at ``path`` (None if unknown)."""
    current: Any = root
    for part in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            current = field.annotation
            continue
        origin = typing.get_origin(current)
        if origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current


def _literal_choices(root: type[BaseModel], path: Path) -> list[str]:
    annotation = _unwrap(annotation_at(root, path))
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return []


def findings_from(error: ValidationError, root: type[BaseModel], data: Any) -> list[Finding]:
    """One finding per pydantic error, with a message and a hint in the tool's words."""
    findings = []
    for item in error.errors(include_url=False):
        loc: Path = tuple(
            p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        kind = item["type"]
        value = item.get("input")
        findings.append(_translate(kind, loc, value, item, root, data))
    return findings


def _translate(
    kind: str, loc: Path, value: Any, item: Any, root: type[BaseModel], data: Any
) -> Finding:
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("a key must be text; got {value}").format(value=describe(loc[-1])),
            _("quote the key"),
            at="key",
        )
    key = str(loc[-1]) if loc else ""
    name = subject(loc, data)
    got = describe(value)
    if kind == "extra_forbidden":
        parent = model_at(root, loc[:-1])
        allowed = list(parent.model_fields) if parent else []
        hint = suggest(loc[-1], allowed) or (
            _("allowed keys here: {keys}").format(keys=", ".join(allowed)) if allowed else None
        )
        return Finding(
            loc, "error", "unknown-key", _("unknown key '{key}'").format(key=key), hint, at="key"
        )
    if kind == "missing":
        return Finding(
            loc[:-1],
            "error",
            "missing-key",
            _("missing required key '{key}' in {where}").format(
                key=key, where=where_text(loc[:-1], data)
            ),
            _("add '{key}:' with a value").format(key=key),
            at="key",
        )
    if kind == "literal_error":
        if loc == ("diamond",):
            return Finding(
                loc,
                "error",
                "format-version",
                _("unsupported format version: {value}; this diamond reads version 1").format(
                    value=got
                ),
                _("write 'diamond: 1'"),
            )
        choices = _literal_choices(root, loc)
        hint = suggest(value, choices) if choices else None
        listed = ", ".join(choices) if choices else item["msg"]
        return Finding(
            loc,
            "error",
            "bad-value",
            _("{name} must be one of: {choices}; got {value}").format(
                name=name, choices=listed, value=got
            ),
            hint,
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if len(loc) >= 2 and loc[-2] == "answers":
            hint = _("write a whole number such as 4, or null for no answer")
            if isinstance(value, bool):
                hint = _("YAML reads yes/no, on/off and true/false as booleans; {hint}").format(
                    hint=hint
                )
            return Finding(
                loc,
                "error",
                "answer-type",
                _(
                    "answer to '{indicator}' must be a whole number on the scale, or null; "
                    "got {value}"
                ).format(indicator=key, value=got),
                hint,
            )
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("{name} must be a whole number; got {value}").format(name=name, value=got),
        )
    if kind in ("float_type", "float_parsing", "finite_number"):
        hint = None
        if isinstance(value, bool):
            hint = _(
                "YAML reads yes/no, on/off and true/false as booleans; write a number such as 1"
            )
        elif isinstance(value, str):
            hint = _("write the number without quotes")
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("{name} must be a finite number; got {value}").format(name=name, value=got),
            hint,
        )
    if kind in ("string_type", "string_unicode"):
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("{name} must be text; got {value}").format(name=name, value=got),
            _("put the value in quotes"),
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        hint = None
        if isinstance(value, str) and len(loc) >= 2 and loc[-2] in _QUADRANTS:
            hint = _("write the item as '- text: ...', with the finding after 'text: '")
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("{name} must be a mapping of 'key: value' lines; got {value}").format(
                name=name, value=got
            ),
            hint,
        )
    if kind == "list_type":
        return Finding(
            loc,
            "error",
            "wrong-type",
            _("{name} must be a list of items each starting with '- '; got {value}").format(
                name=name, value=got
            ),
        )
    if kind == "too_short" and isinstance(value_at(data, loc), list):
        return Finding(
            loc, "error", "empty-list", _("{name} needs at least one item").format(name=name)
        )
    if kind == "string_too_short":
        return Finding(
            loc,
            "error",
            "empty-text",
            _("{name} must not be empty").format(name=name),
            _("write some text"),
        )
    if kind == "string_too_long":
        limit = item.get("ctx", {}).get("max_length")
        return Finding(
            loc,
            "error",
            "text-too-long",
            _("{name} is longer than the limit of {limit} characters").format(
                name=name, limit=limit
            ),
            _("shorten it; put long context in sector.description"),
        )
    if kind == "string_pattern_mismatch":
        return Finding(
            loc,
            "error",
            "bad-id",
            _("{name} has the wrong form: {value}").format(name=name, value=got),
            _("ids are lower-case letters, digits and '_', like 'factor.land'"),
        )
    if kind in _BOUNDS:
        template, ctx_key = _BOUNDS[kind]
        bound = item.get("ctx", {}).get(ctx_key)
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return Finding(
            loc,
            "error",
            "out-of-range",
            _(template).format(name=name, bound=bound, value=got),
        )
    message = str(item["msg"]).removeprefix("Value error, ")
    return Finding(loc, "error", "invalid", f"{name}: {message}" if loc else message)


_QUADRANTS = frozenset({"strengths", "weaknesses", "opportunities", "threats"})

_BOUNDS = {
    "greater_than": (N_("{name} must be greater than {bound}; got {value}"), "gt"),
    "greater_than_equal": (N_("{name} must be at least {bound}; got {value}"), "ge"),
    "less_than": (N_("{name} must be less than {bound}; got {value}"), "lt"),
    "less_than_equal": (N_("{name} must be at most {bound}; got {value}"), "le"),
}
