"""``json.dumps(data, ensure_ascii=False, indent=n)`` of plain data, written directly.

With an ``indent``, ``json.dumps`` leaves its C encoder for a pure-Python one that
walks every value through several generator layers; a report's or a portfolio's JSON
spent most of its time there. ``indented`` writes the same text for plain data: dicts
with string keys, lists and tuples, strings, ints, floats, bools and None (subclasses as
``json.dumps`` writes them). For anything else (another key or value type, or nesting
too deep for the interpreter) it returns None, and the caller uses ``json.dumps``,
which then converts, or raises, as it always did.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import Any

__all__ = ["indented"]


def indented(data: Any, indent: int) -> str | None:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``, or None (see the module)."""
    try:
        return _value(data, "", " " * indent)
    except RecursionError:
        return None


def _value(value: Any, pad: str, step: str) -> str | None:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (math.inf, -math.inf):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + step
        parts = []
        for key, item in value.items():
            text = _value(item, inner, step)
            if text is None or not isinstance(key, str):
                return None
            parts.append(f"{inner}{encode_basestring(key)}: {text}")
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + step
        parts = []
        for item in value:
            text = _value(item, inner, step)
            if text is None:
                return None
            parts.append(inner + text)
        return "[\n" + ",\n".join(parts) + "\n" + pad + "]"
    return None
