"""``diamond indicators``: list a framework's dimensions and indicators."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import Colour, Lang, colour_enabled, handled, load_options
from diamond.cli.console import write
from diamond.i18n import N_
from diamond.names import DEFAULT_FRAMEWORK


class ListFormat(StrEnum):
    """Output formats of ``indicators``."""

    table = "table"
    json = "json"


@handled
def indicators(
    framework: Annotated[
        str,
        typer.Option("--framework", help=N_("A built-in framework id, or a path to a framework "
                                            "file.")),
    ] = DEFAULT_FRAMEWORK,
    lang: Annotated[Lang, typer.Option("--lang", help=N_("Language of the texts."))] = Lang.en,
    prompts: Annotated[
        bool, typer.Option("--prompts", help=N_("Show each indicator's question."))
    ] = False,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help=N_("table or json."))
    ] = ListFormat.table,
) -> None:
    """List the dimensions and indicators of a framework, with the ids questionnaires use."""
    from diamond.frameworks import resolve_framework

    catalogue = resolve_framework(framework, Path.cwd(), load_options().limits, allow_outside=True)
    language = lang.code
    if format is ListFormat.json:
        rows = [
            {
                "dimension": d.id,
                "id": i.id,
                "text": i.text.get(language),
                "prompt": i.prompt.get(language),
            }
            for d in catalogue.framework.dimensions
            for i in d.indicators
        ]
        write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    from diamond.cli.console import Justify, print_table

    colour = colour_enabled(Colour.auto, sys.stdout)
    for d in catalogue.framework.dimensions:
        number = f"{d.number} " if d.number else ""
        columns: list[tuple[str, Justify]] = [
            ("id", "left"), ("indicator" if language == "en" else "gösterge", "left")
        ]
        if prompts:
            columns.append(("question" if language == "en" else "soru", "left"))
        table_rows = [
            ([i.id, i.text.get(language)] + ([i.prompt.get(language)] if prompts else []), False)
            for i in d.indicators
        ]
        print_table(f"{number}{d.name.get(language)} ({d.id})", columns, table_rows, colour)
