"""``diamond form``: write the survey instrument (XLSForm, LimeSurvey, paper, Apps Script)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from diamond.cli.common import AllowOutsideOption, Lang, handled, load_options
from diamond.cli.completion import complete_framework
from diamond.cli.console import line, warn, write_data
from diamond.errors import UsageError
from diamond.i18n import N_, _


class FormFormat(StrEnum):
    """Formats of ``form`` (the keys of ``diamond.survey.forms.WRITERS``)."""

    xlsform = "xlsform"
    limesurvey = "limesurvey"
    paper = "paper"
    paper_pdf = "paper-pdf"
    apps_script = "apps-script"


@handled
def form(
    file: Annotated[
        str | None,
        typer.Argument(
            help=N_("A questionnaire whose framework, scale, sector and language the form uses "
            "('-': standard input). Without it: --framework."),
            show_default=False,
        ),
    ] = None,
    to: Annotated[FormFormat, typer.Option("--to", help=N_("The survey tool's format."))] = (
        FormFormat.xlsform
    ),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=N_("Write to this file (default: standard output)."),
                     show_default=False),
    ] = None,
    framework: Annotated[
        str | None,
        typer.Option("--framework", autocompletion=complete_framework,
                     help=N_("Without a questionnaire: a built-in framework id or a framework "
                             "file (default stm-2015).")),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=N_("Language of the form (default: the questionnaire's, or "
                                       "tr).")),
    ] = None,
    respondent_id: Annotated[
        bool,
        typer.Option("--respondent-id/--no-respondent-id",
                     help=N_("Ask for a respondent code (becomes the respondent id).")),
    ] = False,
    swot: Annotated[
        bool,
        typer.Option("--swot/--no-swot", help=N_("End with the four free-text SWOT questions.")),
    ] = True,
    allow_outside_paths: AllowOutsideOption = False,
) -> None:
    """Write the questionnaire as a survey form: an XLSForm for KoboToolbox and ODK, a
    LimeSurvey structure file, a printable paper form (HTML), or an Apps Script that builds
    a Google Form. Its export comes back with 'diamond import' and no map file.
    """
    from diamond.io.atomic import write_atomic
    from diamond.io.guard import refuse_inputs
    from diamond.survey.forms import WRITERS
    from diamond.survey.forms.source import spec_for

    writer = WRITERS[to.value]
    if file is not None and output is not None:
        refuse_inputs([output], [file], hint=_("write the form elsewhere with -o"))
    if output is None and writer.binary and sys.stdout.isatty():
        raise UsageError(_("--to {format} writes a binary file: give -o FILE{suffix}").format(
            format=to.value, suffix=writer.suffix))
    spec = spec_for(
        file,
        framework=framework,
        lang=lang.code if lang is not None else None,
        respondent_id=respondent_id,
        swot=swot,
        load=load_options(allow_outside_paths),
    )
    data = writer.write(spec)
    if output is None:
        write_data(data)
        return
    write_atomic(output, data)
    warn(line(_("wrote {path}: {description}"), path=output, description=writer.description))
