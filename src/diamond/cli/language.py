"""Choose the message language once per invocation, before click parses anything.

``--lang`` is read from the arguments ahead of parsing (``diamond --lang tr ...`` or a
command's own ``--lang``), so that help texts and click's own usage errors, which
appear while parsing, are already in that language. The group also lays out its help
and prints click's usage errors itself, translated (``helpformat``, ``usage_errors``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from diamond import i18n
from diamond.i18n import _


def explicit_language(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before a ``--``, if any."""
    found: str | None = None
    items = list(args)
    for index, arg in enumerate(items):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(items):
            found = items[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


class LocalisedGroup(TyperGroup):
    """The ``diamond`` group: activates the message language, then runs as usual."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = sys.argv[1:] if args is None else list(args)
        i18n.activate(i18n.resolve(explicit_language(given)))
        if not standalone_mode:
            return super().main(given, prog_name, complete_var, False, **extra)
        from diamond.cli.usage_errors import click_module, show

        kinds = click_module().exceptions
        try:
            result = super().main(given, prog_name, complete_var, False, **extra)
        except kinds.UsageError as error:
            show(error)
            sys.exit(error.exit_code)
        except kinds.ClickException as error:
            from diamond.cli.console import line, warn

            warn(line(_("Error: {message}"), message=error.format_message()))
            sys.exit(error.exit_code)
        except typer.Abort:
            from diamond.cli.console import warn

            warn(_("Aborted!"))
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from diamond.cli.helpformat import format_usage

        format_usage(self, ctx, formatter, [_("COMMAND [ARGS]...")])

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from diamond.cli.helpformat import (
            format_epilog,
            format_params,
            short_help,
            translated_help,
            write_paragraphs,
        )

        self.format_usage(ctx, formatter)
        write_paragraphs(formatter, translated_help(self))
        format_params(self, ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, short_help(command)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)
        format_epilog("", formatter)
