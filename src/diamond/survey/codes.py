"""LimeSurvey question codes for indicator ids, shared by ``diamond form`` and the importer.

LimeSurvey codes are letters and digits only, start with a letter and hold at most 20
characters, so ``factor.skilled_workforce`` cannot be a code as it stands. Its code
drops the separators and, when longer than 20 characters, shortens the indicator's
own part: ``factor.skilled_workforce`` -> ``factorSkilledWorkfor``. The importer
computes the same codes from the framework, so no map file is needed.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_CODE = 20


def _camel(text: str) -> str:
    parts = [p for p in "".join(c if c.isalnum() and c.isascii() else " " for c in text).split()]
    return "".join(p[:1].upper() + p[1:] for p in parts)


def limesurvey_code(indicator_id: str) -> str:
    """The LimeSurvey question code of an indicator id."""
    dimension, _, name = indicator_id.partition(".")
    head = _camel(dimension)
    head = (head[:1].lower() + head[1:]) or "q"
    if not head[0].isalpha():
        head = "q" + head
    return (head + _camel(name))[:MAX_CODE]


def limesurvey_codes(indicator_ids: Iterable[str]) -> dict[str, str]:
    """Code (case-folded) -> indicator id; codes two indicators share are left out."""
    codes: dict[str, str] = {}
    clashes: set[str] = set()
    for indicator_id in indicator_ids:
        key = limesurvey_code(indicator_id).casefold()
        if key in codes:
            clashes.add(key)
        codes[key] = indicator_id
    return {k: v for k, v in codes.items() if k not in clashes}
