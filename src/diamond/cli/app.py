"""The typer application: commands are registered here, implemented one module each."""

from __future__ import annotations

from typing import Annotated

import typer

from diamond import __version__
from diamond.cli import assess, compare, form, indicators, init, portfolio, schema, survey, validate
from diamond.cli import map as map_cli
from diamond.cli.commands import HELP, ROOT
from diamond.cli.common import Lang
from diamond.cli.helpformat import LocalisedCommand, register
from diamond.cli.language import LocalisedGroup
from diamond.i18n import N_

app = typer.Typer(
    name="diamond",
    cls=LocalisedGroup,
    help=HELP[ROOT],
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diamond {__version__}")
        raise typer.Exit()


@app.callback(help=HELP[ROOT])
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Show the version and exit.")
        ),
    ] = False,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help=N_("Language of messages and help (default: DIAMOND_LANG, else the locale, "
                    "else en); a command's own --lang chooses it too."),
            show_default=False,
        ),
    ] = None,
) -> None:
    # The language is chosen before parsing (cli.language), so --lang is only declared here.
    del lang


_COMMANDS = (
    ("init", init.init),
    ("validate", validate.validate),
    ("assess", assess.assess),
    ("indicators", indicators.indicators),
    ("schema", schema.schema),
    ("import", survey.import_responses),
    ("export", survey.export_answers),
    ("form", form.form),
    ("compare", compare.compare),
    ("portfolio", portfolio.portfolio),
    ("map", map_cli.map_command),
)
for _name, _function in _COMMANDS:
    register(_name, _function)
    app.command(_name, cls=LocalisedCommand, help=HELP[_name])(_function)
