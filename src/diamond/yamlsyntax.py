"""YAML syntax errors in the user's terms: where, what, and how to fix it.

The reader (``diamond.yamlsource``) hands libyaml's errors here; this module only
words them, so the reader keeps one job. libyaml's own problem texts are English;
the common ones are looked up in ``PROBLEMS`` and ``CONTEXTS`` and translated (an
English run shows them as libyaml wrote them). A structure error caused by one
mis-indented line is reported at that line (``diamond.yamlindent``).
"""

from __future__ import annotations

from typing import Any

import yaml

from diamond.errors import Diagnostic
from diamond.i18n import N_, _, ngettext

__all__ = ["mark_position", "problem_text", "syntax_diagnostic"]


def mark_position(mark: Any) -> tuple[int, int]:
    """A libyaml mark as a 1-based (line, column)."""
    return (mark.line + 1, mark.column + 1)


#: libyaml's problem texts (English) that are translated -> their message id. The id is
#: libyaml's text itself, except where a brace would read as a placeholder.
PROBLEMS: dict[str, str] = {
    text: text
    for text in (
        N_("did not find expected key"),
        N_("did not find expected '-' indicator"),
        N_("did not find expected ',' or ']'"),
        N_("did not find expected node content"),
        N_("did not find expected alphabetic or numeric character"),
        N_("did not find expected comment or line break"),
        N_("did not find expected whitespace or line break"),
        N_("did not find the expected '>'"),
        N_("did not find expected <document start>"),
        N_("could not find expected ':'"),
        N_("found unexpected end of stream"),
        N_("found unexpected document indicator"),
        N_("found unknown escape character"),
        N_("found undefined tag handle"),
        N_("found unknown directive name"),
        N_("found a tab character that violates indentation"),
        N_("found a tab character where an indentation space is expected"),
        N_("block sequence entries are not allowed in this context"),
        N_("mapping values are not allowed here"),
    )
}
PROBLEMS["did not find expected ',' or '}'"] = N_(
    "did not find expected ',' or the closing brace of a flow mapping"
)

#: libyaml's context texts (what it was reading), translated the same way.
CONTEXTS: dict[str, str] = {text: text for text in (
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a flow node"),
    N_("while parsing a block node"),
    N_("while parsing a node"),
    N_("while parsing a quoted scalar"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a simple key"),
    N_("while scanning an anchor"),
    N_("while scanning an alias"),
    N_("while scanning a tag"),
    N_("while scanning a block scalar"),
    N_("while scanning a directive"),
    N_("while scanning for the next token"),
)}


def problem_text(problem: str) -> str:
    """libyaml's problem (or context) text in the user's language, when it is a known one.

    Without a translation (an English run), libyaml's own text is kept.
    """
    message = PROBLEMS.get(problem) or CONTEXTS.get(problem)
    if message is None:
        return problem
    translated = _(message)
    return problem if translated == message else translated


def _friendly(problem: str) -> str | None:
    """Our own wording of the problems users meet most, replacing libyaml's (no hint)."""
    if problem == "mapping values are not allowed in this context":
        return _(
            "a ': ' here would start a mapping; quote the value if it is text, "
            "or fix the indentation"
        )
    if problem == "found character that cannot start any token":
        return _(
            "found a character that cannot start a value (such as '@', '`' or '%'); "
            "quote the text"
        )
    return None


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
            _("YAML syntax error: a tab character is used for indentation"),
            _("YAML allows only spaces for indentation; replace the tab with spaces"),
        )
    from diamond.yamlindent import STRUCTURE_PROBLEMS, misindented  # only on an error

    if problem in STRUCTURE_PROBLEMS:
        found = misindented(lines, line)
        if found is not None:
            return Diagnostic(
                path,
                found.line,
                found.indent + 1,
                "error",
                "yaml-syntax",
                ngettext(
                    "YAML syntax error: line {line} is indented by {found} space, "
                    "but the lines around it by {expected}, which breaks the structure",
                    "YAML syntax error: line {line} is indented by {found} spaces, "
                    "but the lines around it by {expected}, which breaks the structure",
                    found.indent,
                ).format(line=found.line, found=found.indent, expected=found.expected),
                ngettext(
                    "indent line {line} by {expected} space, as its neighbours are; "
                    "YAML reads the indentation as the structure",
                    "indent line {line} by {expected} spaces, as its neighbours are; "
                    "YAML reads the indentation as the structure",
                    found.expected,
                ).format(line=found.line, expected=found.expected),
            )
    hint: str | None = _(
        "check indentation and quoting around this spot; quote text containing ': ', ', ' or '#'"
    )
    friendly = _friendly(problem)
    if friendly:
        shown, hint = friendly, None
    else:
        shown = problem_text(problem)
    context = ""
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        opened = mark_position(exc.context_mark)
        context = _(" ({context}, which started at line {line}, column {column})").format(
            context=problem_text(exc.context), line=opened[0], column=opened[1]
        )
    return Diagnostic(
        path,
        line,
        column,
        "error",
        "yaml-syntax",
        _("YAML syntax error: {problem}{context}").format(problem=shown, context=context),
        hint,
    )
