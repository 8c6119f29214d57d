"""A long summary table, printed as rich prints it, without holding it whole.

``console.print_table`` hands rich the whole table, and rich lays out every row and
keeps every piece of the output until it is printed: for a national portfolio's
8,100-row table that is about 56 MiB more peak memory and 3.7 s of CPU. Without
colour, a table's text is rich's layout of each row within the column widths rich
chose for the whole table, so this module prints it a block of rows at a time:

- **the widths**: rich's widths depend only on each column's widest cell and its
  longest word (each cell's ``Measurement``). The rows holding those cells (at most two
  a column) make a small table with the same columns: rich lays it out, and its widths,
  read from its bottom rule, are the whole table's. Its first lines (the title, the top
  rule, the header and the rule under it) are the whole table's too.
- **each row**: a cell that fits its column on one line (one-cell characters, single
  spaces, no edge spaces) is that text padded, as rich pads it; any other cell is laid
  out by rich itself (``Console.render_lines`` of the cell as the table renders it,
  remembered by text). Shorter cells get blank lines below, the lines are joined with
  the box's vertical rules, and a block of rows is written at once.

Only where the box rich draws is known (not on Windows, where rich may swap it, and
UTF-8 output); otherwise ``print_long_table`` returns False and the table goes to rich
whole. The rows are read twice (for the widths, then to print them), never held whole:
a portfolio's rows are made from its clusters on disk each time.
``tests/cli/test_long_table.py`` checks the text is rich's, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Literal

from diamond.cli.plain_table import Texts, _narrow
from diamond.memo import remember

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["BLOCK", "print_long_table"]

Justify = Literal["left", "right"]

#: Rows laid out and written at once.
BLOCK = 256
#: Cells laid out by rich that are remembered (a cluster's name recurs in every period).
_MEMO_MOST = 4096


def _table(title: str, columns: Sequence[tuple[str, Justify]],
           rows: Sequence[Sequence[str]]) -> Table:
    """The table ``console.print_table`` builds (the texts already safe)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left")
    for name, justify in columns:
        table.add_column(Text(name), justify=justify)
    for cells in rows:
        table.add_row(*(Text(c) for c in cells))
    return table


def _witnesses(console: Console, rows: Iterable[Sequence[str]],
               count: int) -> list[Sequence[str]] | None:
    """The rows holding each column's widest cell and longest word (first of equals), in
    table order; None if a row has not ``count`` cells."""
    from rich.measure import Measurement
    from rich.text import Text

    options = console.options
    measured: dict[str, tuple[int, int]] = {}
    best: list[list[tuple[int, int]]] = [[(-1, -1), (-1, -1)] for _ in range(count)]
    held: dict[int, Sequence[str]] = {}  # the rows some column's best is in (2 a column)
    for index, cells in enumerate(rows):
        if len(cells) != count:
            return None
        chosen = False
        for k, text in enumerate(cells):
            found = measured.get(text)
            if found is None:
                low, high = Measurement.get(console, options, Text(text))
                found = (low, high)
                if len(measured) < _MEMO_MOST:
                    measured[text] = found
            for side in (0, 1):
                if found[side] > best[k][side][0]:
                    best[k][side] = (found[side], index)
                    chosen = True
        if chosen:
            held[index] = cells
            kept = {index for column in best for _size, index in column}
            for gone in [k for k in held if k not in kept]:
                del held[gone]
    return [held[index] for index in sorted(
        {index for column in best for _size, index in column if index >= 0})]


def _blocks(rows: Iterable[Sequence[str]], size: int) -> Iterator[list[Sequence[str]]]:
    """``rows`` a list of ``size`` at a time (the last may be shorter)."""
    it = iter(rows)
    while block := list(islice(it, size)):
        yield block


def print_long_table(
    console: Console,
    lay_out: Callable[[Table], str],
    title: str,
    columns: Sequence[tuple[str, Justify]],
    rows: Texts,
    write: Callable[[str], None],
    block: int | None = None,
) -> bool:
    """Write the table ``console`` (no colour) would print, a block of rows (``block``,
    else ``BLOCK``) at a time through ``write``; the texts already safe. ``lay_out``
    gives the text ``console`` prints for a table (``console.print_table`` prints it
    into a buffer and returns it). False, writing
    nothing, where that is not certain (see the module)."""
    if console.legacy_windows or console.options.ascii_only or console.is_terminal:
        return False
    if not len(rows) or not columns:
        return False
    chosen = _witnesses(console, rows, len(columns))
    if chosen is None:
        return False
    lines = lay_out(_table(title, columns, chosen)).split("\n")
    if len(lines) < 2 or lines[-1] != "":
        return False
    bottom = lines[-2]
    if not (bottom.startswith("└") and bottom.endswith("┘")) or set(bottom[1:-1]) - {"─", "┴"}:
        return False
    widths = [len(run) for run in bottom[1:-1].split("┴")]
    if len(widths) != len(columns) or min(widths) < 2:
        return False
    head_rule = "┡" + "╇".join("━" * w for w in widths) + "┩"
    if head_rule not in lines:
        return False
    layout = _CellLayout(console, columns, widths)
    write("\n".join(lines[: lines.index(head_rule) + 1]) + "\n")
    step = block or BLOCK
    for part in _blocks(rows, step):
        write("".join(layout.row(cells) for cells in part))
    write(bottom + "\n")
    return True


class _CellLayout:
    """Rows laid out as rich lays them out in a table of these column widths."""

    def __init__(self, console: Console, columns: Sequence[tuple[str, Justify]],
                 widths: Sequence[int]) -> None:
        self.console = console
        self.justify = [justify for _name, justify in columns]
        self.widths = list(widths)
        self.memo: dict[tuple[int, str], list[str]] = {}

    def _rich(self, k: int, text: str) -> list[str]:
        from rich.padding import Padding
        from rich.text import Text

        found = self.memo.get((k, text))
        if found is None:
            options = self.console.options.update(
                width=self.widths[k], justify=self.justify[k], no_wrap=False,
                overflow="ellipsis", height=None, highlight=False)
            found = ["".join(segment.text for segment in line)
                     for line in self.console.render_lines(Padding(Text(text), (0, 1)),
                                                           options)]
            remember(self.memo, (k, text), found, _MEMO_MOST)
        return found

    def cell(self, k: int, text: str) -> list[str]:
        """The cell's lines, each its column's width."""
        inner = self.widths[k] - 2
        if (len(text) <= inner and _narrow(text) and text == text.strip()
                and "  " not in text):
            shown = text.rjust(inner) if self.justify[k] == "right" else text.ljust(inner)
            return [" " + shown + " "]
        return self._rich(k, text)

    def row(self, cells: Sequence[str]) -> str:
        """The row's lines, with the box's rules, each ending with a newline."""
        laid = [self.cell(k, text) for k, text in enumerate(cells)]
        if all(len(lines) == 1 for lines in laid):
            return "│" + "│".join(lines[0] for lines in laid) + "│\n"
        height = max(1, *(len(lines) for lines in laid))
        blank = [" " * w for w in self.widths]
        return "".join(
            "│" + "│".join(lines[n] if n < len(lines) else blank[k]
                           for k, lines in enumerate(laid)) + "│\n"
            for n in range(height))
