"""``diamond import`` and ``diamond export``: survey data in and out of a questionnaire."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import AllowOutsideOption, Lang, MessageLangOption, handled, load_options
from diamond.cli.completion import complete_framework
from diamond.cli.console import line, say_lines, warn, write_data
from diamond.errors import UsageError
from diamond.i18n import N_, _, ngettext


class GroupChoice(StrEnum):
    """Stakeholder groups (the questionnaire format's ``group`` values)."""

    firm = "firm"
    university = "university"
    public = "public"
    ngo = "ngo"
    other = "other"


class ExportFormat(StrEnum):
    """Output formats of ``export``."""

    csv = "csv"
    xlsx = "xlsx"


@handled
def import_responses(
    csv_file: Annotated[
        Path,
        typer.Argument(
            help=N_("The survey tool's export: CSV or .xlsx, or '-' for standard input "
            "(never modified)."),
            show_default=False,
        ),
    ],
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", help=N_("Add the respondents to this questionnaire."), show_default=False
        ),
    ] = None,
    new: Annotated[
        Path | None,
        typer.Option(
            "--new",
            help=N_("Create this questionnaire (needs --sector, --region, --period)."),
            show_default=False,
        ),
    ] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", help=N_("With --new: sector or cluster name."))
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help=N_("With --new: region, province or city."))
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", help=N_("With --new: period of the data, e.g. "
                                                     "2025-05."))
    ] = None,
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            autocompletion=complete_framework,
            help=N_("With --new: a built-in framework id or a framework file (default stm-2015)."),
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help=N_("With --new: report language (default tr)."))
    ] = None,
    map_file: Annotated[
        Path | None,
        typer.Option(
            "--map", help=N_("A map file naming columns, groups and answer labels."),
            show_default=False,
        ),
    ] = None,
    id_column: Annotated[
        str | None,
        typer.Option("--id-column", help=N_("The column holding respondent ids (default: "
                                            "detected).")),
    ] = None,
    group_column: Annotated[
        str | None,
        typer.Option(
            "--group-column", help=N_("The column holding stakeholder groups (default: detected).")
        ),
    ] = None,
    weight_column: Annotated[
        str | None,
        typer.Option("--weight-column", help=N_("The column holding weights (default: detected).")),
    ] = None,
    group: Annotated[
        GroupChoice | None,
        typer.Option(
            "--group", help=N_("Group of rows without a group column or value (default firm).")
        ),
    ] = None,
    id_prefix: Annotated[
        str, typer.Option("--id-prefix", help=N_("Prefix of generated ids: PREFIX-001, …."))
    ] = "resp",
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter", help=N_("CSV delimiter: one character or 'tab' (default: detected).")
        ),
    ] = None,
    encoding: Annotated[
        str, typer.Option("--encoding", help=N_("CSV encoding, e.g. cp1254 for Turkish Excel."))
    ] = "utf-8-sig",
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help=N_("The sheet of an .xlsx export (default: the first).")),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help=N_("Replace respondents whose id is already there."))
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Show what would be imported; write nothing."))
    ] = False,
    table: Annotated[
        bool | None,
        typer.Option(
            "--table/--no-table",
            help=N_("Keep the respondents in a CSV table beside the questionnaire "
                    "(respondents_file). Default: for --new over 10,000 respondents, when the "
                    "questionnaire already names a table, or when the list would pass the "
                    "size limit."),
            show_default=False,
        ),
    ] = None,
    allow_outside_paths: AllowOutsideOption = False,
) -> None:
    """Import respondents from a survey tool's CSV or .xlsx export (Google Forms, Microsoft
    Forms, KoboToolbox, ODK Central, LimeSurvey, Excel) into a questionnaire.

    Nothing is written unless every column and cell is understood and the result
    validates.
    """
    from diamond import survey
    from diamond.reporters.text import diagnostic_line

    if (into is None) == (new is None):
        raise UsageError(_("give exactly one of --into FILE (add) and --new FILE (create)"))
    details: survey.NewQuestionnaire | None = None
    if new is not None:
        missing = [
            n
            for n, v in (("--sector", sector), ("--region", region), ("--period", period))
            if v is None
        ]
        if missing:
            raise UsageError(_("--new needs {options}").format(options=", ".join(missing)))
        assert sector is not None and region is not None and period is not None
        details = survey.NewQuestionnaire(
            sector, region, period, framework or "stm-2015", (lang or Lang.tr).code
        )
    else:
        given = [
            n
            for n, v in (
                ("--sector", sector),
                ("--region", region),
                ("--period", period),
                ("--framework", framework),
                ("--lang", lang),
            )
            if v is not None
        ]
        if given:
            raise UsageError(ngettext("{options} only applies with --new",
                                      "{options} only apply with --new", len(given)).format(
                options=", ".join(given)))
    target = new if new is not None else into
    assert target is not None
    options = survey.ImportOptions(
        map_path=str(map_file) if map_file else None,
        id_column=id_column,
        group_column=group_column,
        weight_column=weight_column,
        default_group=group.value if group is not None else None,
        id_prefix=id_prefix,
        delimiter=survey.parse_delimiter(delimiter),
        encoding=encoding,
        replace=replace,
        dry_run=dry_run,
        sheet=sheet,
        table=table,
    )
    report = survey.import_responses(
        str(csv_file), str(target), options, load_options(allow_outside_paths), details
    )
    for warning in report.warnings:
        warn(diagnostic_line(warning))
    say_lines(survey.describe(report, verbose=dry_run))


@handled
def export_answers(
    file: Annotated[
        str,
        typer.Argument(help=N_("The questionnaire, or '-' for standard input."),
                       show_default=False),
    ],
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help=N_("Output format (default: xlsx for an -o FILE.xlsx, else "
                                      "csv).")
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=N_("Write to this file (default: standard output)."),
            show_default=False,
        ),
    ] = None,
    bom: Annotated[
        bool, typer.Option("--bom", help=N_("Start with a UTF-8 byte-order mark, for Excel."))
    ] = False,
    delimiter: Annotated[
        str,
        typer.Option("--delimiter", help=N_("CSV delimiter: one character or 'tab' (';' for Excel "
                     "in Turkish).")),
    ] = ",",
    allow_outside_paths: AllowOutsideOption = False,
    lang: MessageLangOption = None,
) -> None:
    """Export a questionnaire's answers as a table: one row per respondent, one column per
    indicator, empty where there is no answer.
    """
    from diamond.io.atomic import write_atomic
    from diamond.io.guard import refuse_inputs
    from diamond.loader import load_questionnaire, require_valid
    from diamond.survey import export_csv, export_xlsx, parse_delimiter

    if output is not None:
        refuse_inputs([output], [file], hint=_("choose another file with -o"))
    chosen = format or (
        ExportFormat.xlsx
        if output is not None and output.suffix.lower() == ".xlsx"
        else ExportFormat.csv
    )
    sep = parse_delimiter(delimiter) or ","
    if output is None and chosen is ExportFormat.xlsx and sys.stdout.isatty():
        raise UsageError(_("--format xlsx writes a binary file: give -o FILE.xlsx"))
    questionnaire, catalogue = require_valid(
        load_questionnaire(file, load_options(allow_outside_paths))
    )
    if output is not None and questionnaire.respondents_file is not None:
        from diamond.answers.source import resolve_table

        base = Path.cwd() if file == "-" else Path(file).parent
        table = resolve_table(questionnaire.respondents_file, base, True)
        if isinstance(table, Path):  # its respondents' table is an input too
            refuse_inputs([output], [table], hint=_("choose another file with -o"))
    content: str | bytes = (
        export_xlsx(questionnaire, catalogue)
        if chosen is ExportFormat.xlsx
        else export_csv(questionnaire, catalogue, bom=bom, delimiter=sep)
    )
    if output is None:
        write_data(content)
        return
    write_atomic(output, content)
    count = len(questionnaire.respondents)
    warn(line(ngettext("wrote {path}: {count} respondent", "wrote {path}: {count} respondents",
                       count), path=output, count=count))
