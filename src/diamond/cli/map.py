"""``diamond map``: a regional cluster map from employment statistics (docs/map.md)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import Lang, handled, load_options
from diamond.cli.console import line, say, write_data
from diamond.cli.summary import print_written
from diamond.errors import UsageError
from diamond.i18n import N_, _, ngettext

DEFAULT_OUTPUT = Path("reports")


class MapFormat(StrEnum):
    """Map report formats (the registry in ``diamond.regional.render``)."""

    md = "md"
    html = "html"
    json = "json"
    xlsx = "xlsx"


class BaseChoice(StrEnum):
    """The LQ base."""

    all = "all"
    table = "table"


@handled
def map_command(
    table: Annotated[Path, typer.Argument(help=N_("The regional table, CSV (UTF-8) or XLSX."),
                                          show_default=False)],
    formats: Annotated[list[MapFormat] | None, typer.Option(
        "--format", "-f", help=N_("Output format; repeat for several. Default: md, html, json, "
        "xlsx."), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help=N_("Folder for the files (default: ./reports). With only "
        "--format json and no -o, the JSON goes to standard output."), show_default=False)] = None,
    lang: Annotated[Lang, typer.Option("--lang", help=N_("Report language."))] = Lang.tr,
    base: Annotated[BaseChoice, typer.Option(
        "--base", help=N_("LQ base: 'all' industries (TOTAL rows, else the sum of the table's "
        "rows) or the 'table' sectors only (a subset such as private or traded)."))
    ] = BaseChoice.all,
    national: Annotated[str, typer.Option(
        "--national", help=N_("Region code of the rows that hold national figures."))] = "TOTAL",
    year_from: Annotated[int | None, typer.Option(
        "--from", help=N_("First year of growth and shift-share (default: the table's first)."),
        show_default=False)] = None,
    year_to: Annotated[int | None, typer.Option(
        "--to", help=N_("Last year (default: the table's last)."), show_default=False)] = None,
    size_top: Annotated[float, typer.Option(
        "--size-top", min=0, max=100, help=N_("Star for size: top per cent of the sector's regions "
        "by employment."))] = 10.0,
    specialisation_lq: Annotated[float, typer.Option(
        "--specialisation-lq", min=0, help=N_("Star for specialisation: LQ at least this."))] = 2.0,
    focus_top: Annotated[float, typer.Option(
        "--focus-top", min=0, max=100, help=N_("Star for focus: top per cent of the sector's "
        "regions by share of regional employment."))] = 10.0,
    strong_top: Annotated[float, typer.Option(
        "--strong-top", min=0, max=100, help=N_("Strong cluster: top per cent of the sector's "
        "regions by LQ."))] = 25.0,
    top: Annotated[int, typer.Option("--top", min=1, help=N_("Candidate sectors per region."))] = 5,
    regions: Annotated[list[str] | None, typer.Option(
        "--region", help=N_("Show only this region in the Markdown and HTML (repeatable); with "
        "--evidence-into, the one region to take the evidence from."), show_default=False)] = None,
    sector: Annotated[str | None, typer.Option(
        "--sector", help=N_("With --evidence-into: the sector code."), show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help=N_("With --evidence-into: the year (default: --to)."), show_default=False)
    ] = None,
    evidence_into: Annotated[Path | None, typer.Option(
        "--evidence-into", help=N_("Write the evidence: block of this questionnaire from the "
        "table (--region and --sector), instead of writing a report."), show_default=False)] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help=N_("With --evidence-into: the evidence's source text (default: the "
        "table's file name)."), show_default=False)] = None,
) -> None:
    """Map regional employment statistics: LQ, stars, strong clusters, shift-share.
    """
    from diamond.regional import MapOptions, Thresholds, map_table
    from diamond.regional.render import render_map, write_map

    options = MapOptions(
        base=base.value, national=national, year_from=year_from, year_to=year_to,
        thresholds=Thresholds(size_top, specialisation_lq, focus_top, strong_top), top=top)
    shown = list(regions or [])
    if evidence_into is not None:
        if len(shown) != 1 or sector is None:
            raise UsageError(_("--evidence-into needs one --region and a --sector"))
    elif sector is not None or year is not None or source is not None:
        raise UsageError(_("--sector, --year and --source go with --evidence-into"))
    result = map_table(table, options)
    if evidence_into is not None:
        from diamond.io.guard import refuse_inputs
        from diamond.regional.evidence import evidence_block
        from diamond.regional.evidence import evidence_into as write_evidence

        refuse_inputs([evidence_into], [table],
                      hint=_("give the questionnaire after --evidence-into"))
        block = evidence_block(result, shown[0], sector or "", year or result.year_to, source,
                               lang.code)
        write_evidence(evidence_into, block, load_options())
        say(line(ngettext("wrote the evidence block of {path} (region {region}, sector {sector}, "
                          "{year}: LQ base {base}, {stars} star)",
                          "wrote the evidence block of {path} (region {region}, sector {sector}, "
                          "{year}: LQ base {base}, {stars} stars)", int(block["stars"] or 0)),
                 path=evidence_into, region=shown[0], sector=sector, year=block["year"],
                 base=base.value, stars=block["stars"]))
        return
    chosen = [f.value for f in (formats or list(MapFormat))]
    files = render_map(result, chosen, table.stem, lang.code, shown)
    if chosen == ["json"] and output is None:
        write_data(files[0].content)
        return
    written = write_map(files, output if output is not None else DEFAULT_OUTPUT, [table])
    print_written(written)
