"""YAML 1.1 scalar resolution as PyYAML's safe loader does it, with timestamps kept as text.

``resolve_plain`` gives an untagged plain scalar its value; ``EXPLICIT`` converts
scalars carrying one of the few core tags a questionnaire may use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_BOOL = {
    "yes": True, "Yes": True, "YES": True, "true": True, "True": True, "TRUE": True,
    "on": True, "On": True, "ON": True,
    "no": False, "No": False, "NO": False, "false": False, "False": False, "FALSE": False,
    "off": False, "Off": False, "OFF": False,
}  # fmt: skip
_NULL = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(
    r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
)
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_MAX_INT_DIGITS = 4000  # Python refuses str->int beyond 4300 digits; say so ourselves
#: The same cap on the value: a hexadecimal, octal, binary or sexagesimal literal of
#: under 4,000 characters can still be an integer of more than 4,300 decimal digits,
#: which Python refuses to print (in a message, a report or JSON).
_MAX_INT_BITS = 13_287  # 4,000 decimal digits: 4000 * log2(10) = 13287.7


class WrittenInt(int):
    """An integer written other than in plain decimal digits (``0700`` is octal 448, ``20:25``
    sexagesimal 1225, also ``0x1F``, ``1_000``, ``+5``): it keeps the text as written, so a
    free-text field such as ``sector.period`` can take the text rather than the number.
    """

    text: str


def _written(text: str, value: int) -> int:
    if text == str(value):
        return value
    written = WrittenInt(value)
    written.text = text
    return written


def _sexagesimal(text: str, convert: Callable[[str], Any]) -> Any:
    sign = -1 if text.startswith("-") else 1
    value: Any = 0
    for part in text.lstrip("+-").split(":"):
        value = value * 60 + convert(part)
    return sign * value


def _to_int(text: str) -> int:
    number = _parse_int(text)
    if number.bit_length() > _MAX_INT_BITS:
        raise ValueError("number too long")
    return number


def _parse_int(text: str) -> int:
    value = text.replace("_", "")
    sign = -1 if value.startswith("-") else 1
    body = value.lstrip("+-")
    if len(body) > _MAX_INT_DIGITS:
        raise ValueError("number too long")
    if ":" in body:
        return sign * int(_sexagesimal(body, int))
    if body.startswith("0b"):
        return sign * int(body[2:], 2)
    if body.startswith("0x"):
        return sign * int(body[2:], 16)
    if body != "0" and body.startswith("0"):
        return sign * int(body, 8)
    return sign * int(body)


def _to_float(text: str) -> float:
    value = text.replace("_", "").lower()
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value == ".nan":
        return float("nan")
    if ":" in value:
        return float(_sexagesimal(value, float))
    return float(value)


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar (YAML 1.1 rules, timestamps kept as text)."""
    if text in _NULL:
        return None
    first = text[0]
    if first in "0123456789-+.":
        if text.isascii() and text.isdigit() and len(text) < 10 and (text == "0" or first != "0"):
            return int(text)
        if _INT.fullmatch(text):
            return _written(text, _to_int(text))
        if _FLOAT.fullmatch(text):
            return _to_float(text)
        return text
    boolean = _BOOL.get(text)
    if boolean is not None:
        return boolean
    return text


EXPLICIT: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _to_int,
    "tag:yaml.org,2002:float": _to_float,
    "tag:yaml.org,2002:bool": lambda t: _BOOL[t],
    "tag:yaml.org,2002:null": lambda t: None if t in _NULL else _fail(t),
}
CONTAINER_TAGS = {None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def short_tag(tag: str) -> str:
    """A tag as the user wrote it: '!!python/object' rather than the full URI."""
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )


def _fail(text: str) -> Any:
    raise ValueError(text)
