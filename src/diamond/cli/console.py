"""The one way the CLI writes to the terminal: every user-derived string is made safe here.

Commands never call ``print``, ``sys.stdout.write`` or a rich ``Console`` of their own.
They hand this module the message: ``say``/``warn`` for a line of plain text whose user
parts were passed through ``safe`` (or ``{}``-placeholders filled by ``line``), and
``print_table`` for a summary table whose cells are all user text. Three guarantees:

- every user string passes ``diamond.safetext.visible`` (ESC, CSI, OSC, BEL, backspace,
  C0/C1 controls, bidi overrides, undecodable file-name bytes become visible escapes);
- rich never parses user text as markup (``[/]``, ``[link=…]`` stay text): tables are
  built from ``rich.text.Text`` cells and rendered with markup, emoji and highlighting off;
- nothing the stream cannot encode raises: such characters are written as escapes.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

from diamond.cli.plain_table import Reread
from diamond.errors import OutputError
from diamond.safetext import visible

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["Rows", "line", "print_table", "safe", "say", "say_lines", "terminal", "warn", "write"]

Justify = Literal["left", "right"]
_SURROGATE = re.compile("[\ud800-\udfff]")


def safe(text: object) -> str:
    """User text (or a path) made safe for one line of terminal output."""
    return visible(text)


def line(template: str, *parts: object, **named: object) -> str:
    """``template`` (our own text, usually translated) with each ``{}`` or ``{name}``
    filled by a user part made ``safe``."""
    return template.format(*(safe(p) for p in parts), **{k: safe(v) for k, v in named.items()})


def write(text: str, stream: TextIO | None = None) -> None:
    """Write already-safe ``text`` to ``stream`` (stdout), escaping what it cannot encode.

    A stream that cannot be written (a full disk) raises ``OutputError``; a closed pipe
    ends the command quietly with exit code 4.
    """
    target = sys.stdout if stream is None else stream
    encoding = getattr(target, "encoding", None) or "utf-8"
    try:
        if codecs.lookup(encoding).name == "utf-8":
            # UTF-8 takes everything but lone surrogates; a search costs no copy of a
            # large output (validate can print tens of megabytes).
            if _SURROGATE.search(text):
                text = text.encode(encoding, "backslashreplace").decode(encoding)
        else:
            text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:  # pragma: no cover - a stream with an unknown codec name
        text = text.encode("ascii", "backslashreplace").decode("ascii")
    _emit(target, text)


def write_data(content: str | bytes) -> None:
    """A command's result on standard output: text through ``write``, bytes (a workbook,
    a form) as they are, with the same handling of a full disk or a closed pipe."""
    if isinstance(content, str):
        write(content)
        return
    sys.stdout.flush()
    _emit(sys.stdout, content)


def _emit(target: TextIO, data: str | bytes) -> None:
    try:
        if isinstance(data, bytes):
            target.buffer.write(data)
        else:
            target.write(data)
        target.flush()
    except OSError as error:
        from diamond.i18n import _

        name = _("standard error") if target is sys.stderr else _("standard output")
        if isinstance(error, BrokenPipeError):  # the reader left (| head): exit 4 quietly
            import typer

            from diamond.cli.exit_codes import OUTPUT

            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), target.fileno())
            raise typer.Exit(OUTPUT) from None
        raise OutputError(_("could not write to {stream}: {reason}").format(
            stream=name, reason=error.strerror or error)) from None


def say(text: str) -> None:
    """One line of already-safe text on standard output."""
    write(text + "\n", sys.stdout)


def say_lines(text: str) -> None:
    """Several lines of user-derived text on standard output, each made ``safe``."""
    write("".join(safe(part) + "\n" for part in text.splitlines()), sys.stdout)


def warn(text: str) -> None:
    """One line of already-safe text on standard error."""
    write(text + "\n", sys.stderr)


#: Rows above which a table without colour is printed a block of rows at a time
#: (``diamond.cli.long_table``: the same text, without rich holding all of it).
LONG_TABLE = 200

_SIZE_VARIABLES = ("COLUMNS", "LINES", "JUPYTER_COLUMNS", "JUPYTER_LINES")
_MIN_WIDTH, _MAX_WIDTH = 20, 1000


def _environment() -> dict[str, str]:
    """The environment as rich may read it: a terminal size of more than four digits (or
    not ASCII digits) is dropped, so rich neither fails to parse it nor pads to it."""
    env = dict(os.environ)
    for name in _SIZE_VARIABLES:
        value = env.get(name)
        if value is not None and not (value.isascii() and value.isdigit() and len(value) <= 4):
            del env[name]
    return env


def terminal(file: TextIO | None = None, **options: Any) -> Console:
    """A rich ``Console`` that reads no markup, emoji or highlighting from text, and a sane
    terminal size from the environment; for the progress bar and ``print_table``."""
    from rich.console import Console

    return Console(file=file, markup=False, emoji=False, highlight=False,
                   _environ=_environment(), **options)


#: A table's rows: each row's cells with whether it is emphasised (bold), re-readable.
Rows = Reread[tuple[Sequence[object], bool]]


class _SafeTexts:
    """The rows' cells made safe as they are read, each time they are read."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[list[str]]:
        return ([safe(c) for c in cells] for cells, _bold in self._rows)


def print_table(
    title: str,
    columns: Sequence[tuple[str, Justify]],
    rows: Rows,
    colour: bool,
) -> None:
    """A rich table on standard output; the title and every cell are user text, made safe.

    ``rows`` pairs each row's cells with whether it is emphasised (bold); it may be read
    more than once (see ``Rows``).
    """
    if not colour:  # the same text without importing rich, where that is certain
        from diamond.cli.plain_table import plain_table, rich_width

        width = rich_width(_environment())
        if width is not None:
            plain = plain_table(
                safe(title), [(safe(name), justify) for name, justify in columns],
                _SafeTexts(rows),
                min(max(width, _MIN_WIDTH), _MAX_WIDTH))
            if plain is not None:
                write(plain, sys.stdout)
                return
    from rich.table import Table
    from rich.text import Text

    width = min(max(terminal(sys.stdout).width, _MIN_WIDTH), _MAX_WIDTH)
    buffer = io.StringIO()
    console = terminal(
        buffer, width=width, soft_wrap=True, force_terminal=colour, no_color=not colour,
        color_system="standard" if colour else None,
    )
    if not colour and len(rows) > LONG_TABLE:
        from diamond.cli.long_table import print_long_table

        def lay_out(table: Table) -> str:
            console.print(table)
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        if print_long_table(console, lay_out, safe(title),
                            [(safe(name), justify) for name, justify in columns],
                            _SafeTexts(rows),
                            lambda text: write(text, sys.stdout)):
            return
    table = Table(title=Text(safe(title)), title_justify="left")
    for name, justify in columns:
        table.add_column(Text(safe(name)), justify=justify)
    for cells, bold in rows:
        table.add_row(*(Text(safe(c)) for c in cells), style="bold" if bold else None)
    console.print(table)
    write(buffer.getvalue(), sys.stdout)
