"""YAML syntax errors in the user's terms: where, what, and how to fix it.

The reader (``diamond.yamlsource``) hands libyaml's errors here; this module only
words them, so the reader keeps one job.
"""

from __future__ import annotations

from typing import Any

import yaml

from diamond.errors import Diagnostic

__all__ = ["mark_position", "syntax_diagnostic"]


def mark_position(mark: Any) -> tuple[int, int]:
    """A libyaml mark as a 1-based (line, column)."""
    return (mark.line + 1, mark.column + 1)


_FRIENDLY = {
    "mapping values are not allowed in this context": (
        "a ': ' here would start a mapping; quote the value if it is text, or fix the indentation"
    ),
    "found character that cannot start any token": (
        "found a character that cannot start a value (such as '@', '`' or '%'); quote the text"
    ),
}


def syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, path: str) -> Diagnostic:
    """A syntax error in the user's terms: where, what, and where the construct opened."""
    mark = exc.problem_mark or exc.context_mark
    line, column = mark_position(mark) if mark is not None else (1, 1)
    problem = exc.problem or "cannot parse"
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent or (0 < column <= len(source_line) and source_line[column - 1] == "\t"):
        return Diagnostic(
            path,
            line,
            column,
            "error",
            "yaml-syntax",
            "YAML syntax error: a tab character is used for indentation",
            "YAML allows only spaces for indentation; replace the tab with spaces",
        )
    hint: str | None = (
        "check indentation and quoting around this spot; quote text containing ': ', ', ' or '#'"
    )
    friendly = _FRIENDLY.get(problem)
    if friendly:
        problem, hint = friendly, None
    context = ""
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        opened = mark_position(exc.context_mark)
        context = f" ({exc.context}, which started at line {opened[0]}, column {opened[1]})"
    return Diagnostic(
        path, line, column, "error", "yaml-syntax", f"YAML syntax error: {problem}{context}", hint
    )
