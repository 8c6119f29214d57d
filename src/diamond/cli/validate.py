"""``diamond validate``: check questionnaires (and framework files) for people and CI."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from diamond.cli import exit_codes
from diamond.cli.common import (
    AllowOutsideOption,
    Colour,
    ColourOption,
    MessageLangOption,
    colour_enabled,
    handled,
    load_options,
)
from diamond.cli.console import write
from diamond.i18n import N_


class ValidateFormat(StrEnum):
    """Output formats of ``validate``."""

    text = "text"
    json = "json"
    github = "github"


@handled
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help=N_("Files, folders (searched for *.yaml / *.yml), or '-' for standard input."),
            show_default=False,
        ),
    ],
    format: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=N_("Output format; default text, or github when GITHUB_ACTIONS is set."),
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Treat warnings as errors."))] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help=N_("Worker processes for many files; 0 (default) uses every core."),
        ),
    ] = 0,
    color: ColourOption = Colour.auto,
    allow_outside_paths: AllowOutsideOption = False,
    quality: Annotated[
        bool,
        typer.Option(
            "--quality",
            help=N_("Text format: also report response quality and coverage per questionnaire."),
        ),
    ] = False,
    lang: MessageLangOption = None,
) -> None:
    """Check questionnaires and report every problem as path:line:col.
    """
    from diamond.reporters import REPORTERS
    from diamond.validation import validate_paths

    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    workers = jobs or os.cpu_count() or 1
    report = validate_paths(paths, load_options(allow_outside_paths), strict=strict, jobs=workers)
    colour = chosen == "text" and colour_enabled(color, sys.stdout)
    write(REPORTERS[chosen](report, colour))
    if quality and chosen == "text":
        from diamond.survey.report import questionnaires_quality

        files = [f.path for f in report.files if f.kind == "questionnaire" and f.valid]
        write(
            questionnaires_quality(
                [p for p in files if os.path.isfile(p)], load_options(allow_outside_paths)
            )
        )
    if report.unreadable:
        raise typer.Exit(exit_codes.USAGE)
    if not report.valid:
        raise typer.Exit(exit_codes.INVALID)
