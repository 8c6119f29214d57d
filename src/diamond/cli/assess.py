"""``diamond assess``: score a questionnaire and write the sector evaluation report."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import (
    AggregationChoice,
    AggregationOption,
    AllowOutsideOption,
    BootstrapOption,
    Colour,
    ColourOption,
    Lang,
    MethodChoice,
    MethodOption,
    SensitivityOption,
    colour_enabled,
    handled,
    load_options,
    settled_imports,
)
from diamond.cli.console import write
from diamond.errors import UsageError
from diamond.i18n import N_, _
from diamond.safetext import visible

DEFAULT_OUTPUT = Path("reports")


class TextFormat(StrEnum):
    """The text report formats (compare and portfolio write these)."""

    md = "md"
    html = "html"
    json = "json"


class ReportFormat(StrEnum):
    """Report formats of ``assess``."""

    md = "md"
    html = "html"
    json = "json"
    docx = "docx"
    xlsx = "xlsx"
    pptx = "pptx"
    pdf = "pdf"


DEFAULT_FORMATS = [ReportFormat.md, ReportFormat.html, ReportFormat.json]


_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")  # ASCII digits only


def real_date(value: str) -> bool:
    """Whether ``value`` is a real ISO date: YYYY, YYYY-MM (month 01-12) or YYYY-MM-DD."""
    if not _DATE.fullmatch(value):
        return False
    import datetime

    try:
        datetime.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return False
    return True


@handled
def assess(
    file: Annotated[str, typer.Argument(help=N_("The questionnaire ('-' for standard input)."))],
    formats: Annotated[
        list[ReportFormat] | None,
        typer.Option(
            "--format",
            "-f",
            help=N_("Report format; repeat for several. Default: md, html and json."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=N_("Folder for the reports (default: ./reports). With only --format json "
            "and no -o, the JSON goes to standard output."),
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help=N_("Report language (default: the questionnaire's sector.language).")
        ),
    ] = None,
    method: MethodOption = MethodChoice.mean,
    aggregation: AggregationOption = AggregationChoice.arithmetic,
    bootstrap: BootstrapOption = 1000,
    sensitivity: SensitivityOption = 1024,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help=N_("Date of the data shown in the report: YYYY, YYYY-MM or YYYY-MM-DD.")
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help=N_("Folder of your own report templates overriding the "
                                   "built-in ones.")
        ),
    ] = None,
    brand: Annotated[
        Path | None,
        typer.Option("--brand", help=N_("A brand file (logo, colours, organisation, footer) for "
                     "HTML, PDF, Word and PowerPoint.")),
    ] = None,
    reference_docx: Annotated[
        Path | None,
        typer.Option("--reference-docx", help=N_("A Word document whose styles the Word report "
                                                 "uses.")),
    ] = None,
    color: ColourOption = Colour.auto,
    allow_outside_paths: AllowOutsideOption = False,
) -> None:
    """Score a questionnaire and write its sector evaluation report.
    """
    chosen = list(dict.fromkeys(formats or DEFAULT_FORMATS))
    if date is not None and not real_date(date):
        raise UsageError(_("--date '{date}' is not a real date written YYYY, YYYY-MM or "
                           "YYYY-MM-DD with ASCII digits, such as 2025-05-31").format(
            date=visible(date)))
    if templates is not None and not templates.is_dir():
        raise UsageError(_("--templates '{path}' is not a folder").format(path=templates))
    if reference_docx is not None and not reference_docx.is_file():
        raise UsageError(_("--reference-docx '{path}' is not a file").format(path=reference_docx))
    # The modules the first score and the first text report load (numpy, Jinja) are
    # imported here, so that they are settled too; nothing is imported ahead of its use.
    with settled_imports():
        import diamond.scoring.design
        import diamond.scoring.matrix
        import diamond.scoring.sensitivity
        import diamond.scoring.uncertainty
        from diamond.io.outputs import write_outputs
        from diamond.loader import load_questionnaire, require_valid
        from diamond.render.brand import brand_for
        from diamond.render.report import RenderOptions, render_reports, report_stem
        from diamond.scoring import assess as score

        if ReportFormat.md in chosen or ReportFormat.html in chosen:
            import diamond.render.templates  # noqa: F401
    loaded = load_questionnaire(file, load_options(allow_outside_paths))
    questionnaire, catalogue = require_valid(loaded)
    if loaded.warnings:  # what 'validate' would say about the file, on standard error
        from diamond.cli.console import warn
        from diamond.reporters.text import diagnostic_line

        for warning in loaded.warnings:
            warn(diagnostic_line(warning))
    language = None if lang is None else lang.code
    assessment = score(questionnaire, catalogue, method.value, lang=language, date=date,
                       aggregation=aggregation.value, bootstrap=bootstrap,
                       sensitivity_samples=sensitivity)
    stem = report_stem("report" if file == "-" else Path(file).stem, language,
                       questionnaire.sector.language)
    cover = questionnaire.report.cover if questionnaire.report is not None else None
    base_dir = Path.cwd() if file == "-" else Path(file).parent
    options = RenderOptions(templates, brand_for(brand, cover.logo if cover else None, base_dir),
                            reference_docx)
    rendered = render_reports(
        assessment, [f.value for f in chosen], stem=stem, lang=language, options=options
    )
    if output is None and chosen == [ReportFormat.json]:
        content = rendered[0].content
        write(content if isinstance(content, str) else content.decode("utf-8"))
        return
    folder = output if output is not None else DEFAULT_OUTPUT
    inputs = [] if file == "-" else [Path(file)]
    written = write_outputs(rendered, folder, inputs)
    from diamond.cli.summary import print_summary

    print_summary(assessment, written, colour_enabled(color, sys.stdout))
