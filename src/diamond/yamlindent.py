"""Find the line whose indentation broke a YAML block structure.

libyaml reports a structure error where it noticed it, which is often a line or two
after the cause: a key outdented at line 24 is read as a key of the enclosing
mapping, and the error comes at line 26, the next line at the old depth. As YAML
linters do, this module compares the indentation of the lines near the error with
their siblings and names the one that stands out.

Only plain block lines are looked at: blank lines and comments are skipped, and the
lines of a block scalar (``|``, ``>``) belong to their key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["STRUCTURE_PROBLEMS", "Misindented", "misindented"]

#: libyaml problems that a wrongly indented line causes.
STRUCTURE_PROBLEMS: Final = frozenset({
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed in this context",
    "mapping values are not allowed here",
    "block sequence entries are not allowed in this context",
})

_BLOCK_SCALAR = re.compile(r"(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$")
_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class Misindented:
    """The line (1-based) that breaks the structure, its indentation and its siblings'."""

    line: int
    indent: int
    expected: int


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    inner: int | None  # for '- ' items: the column of the item's content (0-based)
    opens: bool  # ends with ':' (or is a bare '-'): the next line may be deeper

    def holds(self, indent: int) -> bool:
        """Whether a following line at ``indent`` sits beside this one or inside it."""
        return indent == self.indent or indent == self.inner


#: Lines looked at before and after the error: enough for any sibling, bounded in cost.
_BEFORE, _AFTER = 400, 40


def _significant(lines: list[str], first: int, last: int) -> list[_Line]:
    """The block lines ``first``..``last`` (1-based), skipping comments and block scalars."""
    found: list[_Line] = []
    scalar_indent: int | None = None  # the indentation of a block scalar's key line
    content_indent: int | None = None  # ... and of its first line of text
    for number, raw in enumerate(lines[first - 1 : last], first):
        stripped = raw.lstrip(" ")
        if not stripped.strip() or (stripped.startswith("#") and scalar_indent is None):
            continue
        indent = len(raw) - len(stripped)
        if scalar_indent is not None:
            if content_indent is None and indent > scalar_indent:
                content_indent = indent
            if content_indent is not None and indent >= content_indent:
                continue
            scalar_indent = content_indent = None
            if stripped.startswith("#"):
                continue
        body = _COMMENT.sub("", stripped).rstrip()
        inner = None
        if body == "-" or body.startswith("- "):
            rest = body[1:]
            inner = indent + 1 + (len(rest) - len(rest.lstrip(" "))) if rest.strip() else None
        opens = body.endswith(":") or body == "-" or bool(re.search(r":\s+&\S+$", body))
        found.append(_Line(number, indent, inner, opens))
        if _BLOCK_SCALAR.search(body):
            scalar_indent = indent
    return found


def misindented(lines: list[str], error_line: int) -> Misindented | None:
    """The mis-indented line behind a structure error libyaml found at ``error_line``.

    Two shapes are recognised, each in a run of sibling lines:

    - the error line itself stands out: its neighbours before and after share an
      indentation it lacks, or it is deeper than a line that opens nothing;
    - the line just before the error line stands out: the lines before and after it
      share an indentation, so it was outdented (or indented) by mistake, and the
      error came only when the old depth resumed.

    None when neither holds; the caller then keeps libyaml's position.
    """
    rows = _significant(
        lines, max(1, error_line - _BEFORE), min(len(lines), error_line + _AFTER)
    )
    at = next((i for i, row in enumerate(rows) if row.number == error_line), None)
    if at is None or at == 0:
        return None
    here, before = rows[at], rows[at - 1]
    after = rows[at + 1] if at + 1 < len(rows) else None
    # The line before the error was outdented: its neighbours agree, it does not.
    if at >= 2:
        first = rows[at - 2]
        if (
            not first.opens
            and first.holds(here.indent)
            and not first.holds(before.indent)
            and not before.opens
            and not before.holds(here.indent)
        ):
            return Misindented(before.number, before.indent, _sibling(first, here.indent))
    if here.inner is not None:
        sibling = _dash_sibling(rows, at)
        if sibling is not None:
            return Misindented(here.number, here.indent, sibling)
        # A list item where the previous item's keys go: it belongs beside that item.
        if before.inner is not None and here.indent == before.inner and not before.opens:
            return Misindented(here.number, here.indent, before.indent)
    if before.opens or before.holds(here.indent):
        return None
    # The error line stands out between two lines that agree.
    if after is not None and before.holds(after.indent) and not before.opens:
        return Misindented(here.number, here.indent, _sibling(before, after.indent))
    level = before.indent if before.inner is None else before.inner
    # The error line is deeper than a line that opens nothing, or at no open level.
    if here.indent > level or here.indent not in _levels(rows, at):
        return Misindented(here.number, here.indent, level)
    return None


def _dash_sibling(rows: list[_Line], at: int) -> int | None:
    """The indentation of the list items around the item ``rows[at]``, if it lacks it."""
    here = rows[at]
    previous = next((r for r in reversed(rows[:at]) if r.inner is not None), None)
    following = next((r for r in rows[at + 1 :] if r.inner is not None), None)
    if previous is None or following is None or previous.indent != following.indent:
        return None
    if previous.indent == here.indent:
        return None
    low = min(previous.indent, here.indent)
    between = [r for r in rows if previous.number < r.number < following.number and r is not here]
    if any(r.indent < low for r in between):
        return None
    return previous.indent


def _levels(rows: list[_Line], at: int) -> set[int]:
    """The indentations a line after ``rows[at - 1]`` may have: its own and its ancestors'."""
    levels: set[int] = set()
    bound = rows[at].indent + 1_000_000
    for row in reversed(rows[:at]):
        if row.indent < bound:
            levels.add(row.indent)
            if row.inner is not None:
                levels.add(row.inner)
            bound = row.indent
    return levels


def _sibling(row: _Line, indent: int) -> int:
    """The indentation a line beside ``row`` has, given that ``indent`` fits there."""
    return indent if row.holds(indent) else row.indent
