"""``diamond indicators``: list a framework's dimensions and indicators."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from diamond.cli.common import Colour, Lang, colour_enabled, handled, load_options
from diamond.cli.completion import complete_framework, complete_indicator
from diamond.cli.console import write
from diamond.errors import InputError, UsageError
from diamond.i18n import N_, _
from diamond.names import DEFAULT_FRAMEWORK

if TYPE_CHECKING:
    from diamond.frameworks import Catalogue
    from diamond.models.framework import Dimension, Indicator


class ListFormat(StrEnum):
    """Output formats of ``indicators``."""

    table = "table"
    json = "json"


def require_framework_file(reference: str) -> None:
    """Refuse a framework path that names no file, relative to the current folder (the
    core's message speaks of a questionnaire's folder, and this command has none)."""
    from diamond.frameworks import is_path

    if is_path(reference) and "\0" not in reference and not Path(reference).exists():
        raise InputError(_("framework file '{path}' not found (looked for {resolved}); the path "
                           "is relative to the current folder").format(
            path=reference, resolved=Path(reference).resolve()))


def chosen(catalogue: Catalogue, ids: list[str]) -> list[tuple[Dimension, list[Indicator]]]:
    """The dimensions and indicators named by ``ids`` (all when none), in framework order."""
    dimensions = catalogue.framework.dimensions
    if not ids:
        return [(d, list(d.indicators)) for d in dimensions]
    known = {d.id for d in dimensions} | {i.id for d in dimensions for i in d.indicators}
    for wanted in ids:
        if wanted not in known:
            from diamond.findings import suggest

            hint = suggest(wanted, sorted(known))
            message = _("unknown dimension or indicator '{id}' in framework '{framework}'").format(
                id=wanted, framework=catalogue.framework.id)
            raise UsageError(f"{message}; {hint}" if hint else message)
    picked = set(ids)
    found = []
    for d in dimensions:
        shown = [i for i in d.indicators if d.id in picked or i.id in picked]
        if shown:
            found.append((d, shown))
    return found


@handled
def indicators(
    ids: Annotated[
        list[str] | None,
        typer.Argument(help=N_("Only these dimensions or indicators, by id (default: all)."),
                       autocompletion=complete_indicator, show_default=False),
    ] = None,
    framework: Annotated[
        str,
        typer.Option("--framework", help=N_("A built-in framework id, or a path to a framework "
                                            "file."), autocompletion=complete_framework),
    ] = DEFAULT_FRAMEWORK,
    lang: Annotated[Lang, typer.Option("--lang", help=N_("Language of the texts."))] = Lang.tr,
    prompts: Annotated[
        bool, typer.Option("--prompts", help=N_("Show each indicator's question."))
    ] = False,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=N_("table or json."))
    ] = ListFormat.table,
) -> None:
    """List the dimensions and indicators of a framework, with the ids questionnaires use."""
    from diamond.frameworks import resolve_framework

    require_framework_file(framework)
    catalogue = resolve_framework(framework, Path.cwd(), load_options().limits, allow_outside=True)
    language = lang.code
    dimensions = chosen(catalogue, ids or [])
    if format is ListFormat.json:
        rows = [
            {
                "dimension": d.id,
                "id": i.id,
                "text": i.text.get(language),
                "prompt": i.prompt.get(language),
            }
            for d, shown in dimensions
            for i in shown
        ]
        write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from diamond.cli.console import Justify, print_table

    colour = colour_enabled(Colour.auto, sys.stdout)
    for d, shown in dimensions:
        number = f"{d.number} " if d.number else ""
        columns: list[tuple[str, Justify]] = [
            ("id", "left"), ("indicator" if language == "en" else "gösterge", "left")
        ]
        if prompts:
            columns.append(("question" if language == "en" else "soru", "left"))
        table_rows = [
            ([i.id, i.text.get(language)] + ([i.prompt.get(language)] if prompts else []), False)
            for i in shown
        ]
        print_table(f"{number}{d.name.get(language)} ({d.id})", columns, table_rows, colour)
