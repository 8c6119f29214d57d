"""``diamond init``: write a starter questionnaire."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import Lang, handled, load_options
from diamond.cli.completion import complete_framework
from diamond.cli.console import line, say
from diamond.errors import UsageError
from diamond.i18n import N_, _, ngettext
from diamond.names import DEFAULT_FRAMEWORK


@handled
def init(
    file: Annotated[
        Path, typer.Argument(help=N_("The questionnaire file to create."), show_default=False)
    ],
    sector: Annotated[
        str, typer.Option("--sector", help=N_("Sector or cluster name."), show_default=False)
    ],
    region: Annotated[
        str, typer.Option("--region", help=N_("Region, province or city."), show_default=False)
    ],
    period: Annotated[
        str,
        typer.Option("--period", help=N_("Period of the data, e.g. 2025-05."), show_default=False),
    ],
    framework: Annotated[
        str,
        typer.Option("--framework", autocompletion=complete_framework,
                     help=N_("A built-in framework id, or a path to a framework file.")),
    ] = DEFAULT_FRAMEWORK,
    lang: Annotated[Lang, typer.Option("--lang", help=N_("Report language."))] = Lang.tr,
    force: Annotated[bool, typer.Option("--force", help=N_("Overwrite an existing file."))] = False,
    evidence_from: Annotated[Path | None, typer.Option(
        "--evidence-from", help=N_("Fill the evidence: block from this regional table (see "
        "diamond map); needs --region-code and --sector-code."), show_default=False)] = None,
    region_code: Annotated[str | None, typer.Option(
        "--region-code", help=N_("With --evidence-from: the table's region code."),
        show_default=False)] = None,
    sector_code: Annotated[str | None, typer.Option(
        "--sector-code", help=N_("With --evidence-from: the table's sector code."),
        show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help=N_("With --evidence-from: the year (default: the table's last)."),
        show_default=False)] = None,
) -> None:
    """Write a starter questionnaire listing every indicator with its question."""
    from diamond.frameworks import is_path, resolve_framework
    from diamond.io.atomic import create_new, write_atomic
    from diamond.io.guard import refuse_inputs
    from diamond.scaffold import starter_questionnaire

    if file.exists() and not force:
        raise UsageError(_("{path} already exists; pass --force to overwrite it").format(path=file))
    if file.exists() and file.is_dir():
        raise UsageError(_("{path} is a folder").format(path=file))
    base = file.parent
    reference = framework
    if is_path(framework):
        refuse_inputs([file], [framework], hint=_("name a new questionnaire file"))
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
            raise UsageError(_("{option} must not be empty").format(option=name))
    text = starter_questionnaire(
        catalogue,
        sector=sector,
        region=region,
        period=period,
        framework_ref=reference,
        lang=lang.code,
        file_name=file.name,
    )
    if evidence_from is not None:
        from diamond.regional import MapOptions, map_table
        from diamond.regional.evidence import evidence_block, splice_evidence

        if region_code is None or sector_code is None:
            raise UsageError(_("--evidence-from needs --region-code and --sector-code"))
        refuse_inputs([file], [evidence_from], hint=_("name a new questionnaire file"))
        result = map_table(evidence_from, MapOptions())
        text = splice_evidence(text, evidence_block(
            result, region_code, sector_code, year or result.year_to, lang=lang.code))
    elif region_code is not None or sector_code is not None or year is not None:
        raise UsageError(_("--region-code, --sector-code and --year go with --evidence-from"))
    if force:
        write_atomic(file, text)
    else:
        create_new(file, text)
    count = len(catalogue.indicators)
    say(line(ngettext("wrote {path}: {count} indicator to rate",
                      "wrote {path}: {count} indicators to rate", count), path=file, count=count))
