"""``diamond init``: write a starter questionnaire."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import Lang, handled, load_options
from diamond.cli.console import line, say
from diamond.errors import UsageError
from diamond.names import DEFAULT_FRAMEWORK


@handled
def init(
    file: Annotated[
        Path, typer.Argument(help="The questionnaire file to create.", show_default=False)
    ],
    sector: Annotated[
        str, typer.Option("--sector", help="Sector or cluster name.", show_default=False)
    ],
    region: Annotated[
        str, typer.Option("--region", help="Region, province or city.", show_default=False)
    ],
    period: Annotated[
        str, typer.Option("--period", help="Period of the data, e.g. 2025-05.", show_default=False)
    ],
    framework: Annotated[
        str,
        typer.Option("--framework", help="A built-in framework id, or a path to a framework file."),
    ] = DEFAULT_FRAMEWORK,
    lang: Annotated[Lang, typer.Option("--lang", help="Report language.")] = Lang.tr,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a starter questionnaire listing every indicator with its question."""
    from diamond.atomic import write_atomic
    from diamond.frameworks import is_path, resolve_framework
    from diamond.scaffold import starter_questionnaire

    if file.exists() and not force:
        raise UsageError(f"{file} already exists; pass --force to overwrite it")
    if file.exists() and file.is_dir():
        raise UsageError(f"{file} is a folder")
    base = file.parent
    reference = framework
    if is_path(framework):
        # The questionnaire resolves the path relative to itself; store it that way.
        target = Path(framework).resolve()
        catalogue = resolve_framework(
            str(target), Path.cwd(), load_options().limits, allow_outside=True
        )
        try:
            reference = target.relative_to(base.resolve()).as_posix()
        except ValueError:
            import os

            reference = Path(os.path.relpath(target, base.resolve())).as_posix()
    else:
        catalogue = resolve_framework(framework, base, load_options().limits)
    for value, name in ((sector, "--sector"), (region, "--region"), (period, "--period")):
        if not value.strip():
            raise UsageError(f"{name} must not be empty")
    text = starter_questionnaire(
        catalogue,
        sector=sector,
        region=region,
        period=period,
        framework_ref=reference,
        lang=lang.code,
        file_name=file.name,
    )
    write_atomic(file, text)
    say(line("wrote {}: {} indicators to rate", file, len(catalogue.indicators)))
