"""The summary table without rich, when it is certain to be the text rich would print.

``console.print_table`` draws its tables with rich, whose import is about 18 ms of a
``diamond assess`` that takes 0.4 s. Without colour, and where rich's own choices are
known (not a terminal on any standard stream, so the width is ``COLUMNS`` or 80; every
character one cell wide; the table and its title fit that width), the table is plain
text: rich's ``HEAVY_HEAD`` box with one space of padding. Anything else (colour, a
terminal, wide or combining characters, a table that would wrap) goes to rich as
before. ``tests/cli/test_plain_table.py`` checks the two give the same text.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal, Protocol, TypeVar

__all__ = ["Reread", "Texts", "plain_table", "rich_width"]

Justify = Literal["left", "right"]

#: Characters rich gives one cell (checked by the tests against ``rich.cells.cell_len``):
#: printable ASCII, Latin-1 letters and Latin Extended-A and -B (Turkish among them),
#: and the dashes, quotes and dots diamond's own texts use.
_EXTRA = frozenset("–—−‘’“”…·•°±×÷")


Row = TypeVar("Row", covariant=True)


class Reread(Protocol[Row]):
    """A table's rows: a list, or anything that gives the same rows each time it is
    iterated (a long table is read twice, once for its widths and once to lay the rows
    out, rather than held whole)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Row]: ...


#: A table's rows of cell texts.
Texts = Reread[Sequence[str]]


def _narrow(text: str) -> bool:
    return all(" " <= c <= "~" or "\u00c0" <= c <= "\u024f" or c in _EXTRA for c in text)


def rich_width(environ: Mapping[str, str]) -> int | None:
    """The width rich would give a console here, when that is certain; None otherwise."""
    if sys.platform == "win32" or environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    for fd in (0, 1, 2):
        try:
            if os.isatty(fd):  # rich would ask the terminal
                return None
        except OSError:  # pragma: no cover - a closed descriptor
            return None
    columns = environ.get("COLUMNS")
    if columns is None:
        return 80
    return int(columns) if columns.isascii() and columns.isdigit() else None


def _plain(text: str) -> bool:
    """One-cell characters, single spaces, no edge spaces: rich prints it as it is."""
    return _narrow(text) and text == text.strip() and "  " not in text


def _cell(text: str, width: int, justify: Justify) -> str:
    return " " + (text.rjust(width) if justify == "right" else text.ljust(width)) + " "


def plain_table(
    title: str,
    columns: Sequence[tuple[str, Justify]],
    rows: Texts,
    width: int,
) -> str | None:
    """The table rich prints in ``width`` columns without colour, or None if not certain.

    Every text must already be safe (``console.safe``). ``rows`` is read twice (once
    only when the answer is None), never held whole.
    """
    header = [name for name, _ in columns]
    if not title or not columns:
        return None
    if not all(_plain(text) for text in (title, *header)):
        return None
    sizes = [len(name) for name in header]
    for cells in rows:
        if len(cells) != len(columns):
            return None
        for k, text in enumerate(cells):
            if not _plain(text):
                return None
            if len(text) > sizes[k]:
                sizes[k] = len(text)
    total = sum(sizes) + 3 * len(sizes) + 1
    if total > width or len(title) > total:
        return None
    justify = [j for _, j in columns]

    def line(left: str, cells: Sequence[str], middle: str, right: str) -> str:
        return left + middle.join(cells) + right

    def rule(left: str, fill: str, middle: str, right: str) -> str:
        return line(left, [fill * (size + 2) for size in sizes], middle, right)

    def row(border: str, cells: Sequence[str]) -> str:
        shown = [_cell(text, size, j) for text, size, j in zip(cells, sizes, justify, strict=True)]
        return line(border, shown, border, border)

    out = [title, rule("┏", "━", "┳", "┓"), row("┃", header), rule("┡", "━", "╇", "┩")]
    out += [row("│", cells) for cells in rows]
    out.append(rule("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
