"""Findings located by data path, turned into positioned diagnostics at the end.

Checks and model validation say *where in the data* something is wrong (a
path such as ``("respondents", 2, "answers", "factor.land")``); only when a
file has findings is it read again with marks to turn paths into
``line:column``. This keeps the common, valid case fast.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from diamond.errors import Diagnostic, Severity
from diamond.i18n import _
from diamond.yamlsource import Marks

Path = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """Something wrong (or doubtful) at ``path`` in a document."""

    path: Path
    severity: Severity
    code: str
    message: str
    hint: str | None = None
    at: Literal["key", "value"] = "value"


def locate(path_label: str, findings: Iterable[Finding], marks: Marks) -> list[Diagnostic]:
    """Give each finding the line and column of its key or value."""
    located = []
    for finding in findings:
        line, column = marks.key(finding.path) if finding.at == "key" else marks.value(finding.path)
        located.append(
            Diagnostic(
                path_label,
                line,
                column,
                finding.severity,
                finding.code,
                finding.message,
                finding.hint,
            )
        )
    return located


def suggest(word: object, choices: Iterable[str]) -> str | None:
    """A 'did you mean' hint for a misspelt, translated or abbreviated id or key, or None.

    Synonyms come first (``kamu`` -> ``public``, ``talep`` -> ``demand``; see
    ``diamond.synonyms``), then an indicator id without its dimension, then spelling.
    """
    if not isinstance(word, str):
        return None
    options = sorted(set(choices))
    if not options:
        return None
    from diamond.synonyms import canonical

    meant = canonical(word, frozenset(options))
    if meant is not None and meant != word:
        return did_you_mean(meant)
    # An indicator id given without its dimension: 'land' -> 'factor.land'.
    tails = [c for c in options if c.rpartition(".")[2] == word]
    if len(tails) == 1:
        return did_you_mean(tails[0])
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(
            word.lower(), [o.lower() for o in options], n=1, cutoff=0.6
        )
        close = [o for o in options if o.lower() in close][:1]
    if close:
        return did_you_mean(close[0])
    return None


def did_you_mean(choice: str) -> str:
    """The hint offering ``choice`` instead of what was written."""
    return _("did you mean '{choice}'?").format(choice=choice)


def describe(value: object) -> str:
    """A short, user-facing description of a value's YAML type and text."""
    if value is None:
        return _("null (empty)")
    if isinstance(value, bool):
        return _("true/false ({value})").format(value=str(value).lower())
    if isinstance(value, int):
        return _("the whole number {value}").format(value=value)
    if isinstance(value, float):
        return _("the decimal number {value}").format(value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return _("the text '{text}'").format(text=shown)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__
