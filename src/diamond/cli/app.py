"""The typer application: commands are registered here, implemented one module each."""

from __future__ import annotations

from typing import Annotated

import typer

from diamond import __version__
from diamond.cli import assess, compare, form, indicators, init, portfolio, schema, survey, validate
from diamond.cli import map as map_cli
from diamond.cli.exit_codes import COMPARE_EPILOG, EPILOG
from diamond.cli.language import LocalisedGroup

app = typer.Typer(
    name="diamond",
    cls=LocalisedGroup,
    help="Porter Diamond / SWOT (GZFT) sector assessments: validate questionnaires, "
    "score the Diamond, render reports.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diamond {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Porter Diamond / SWOT (GZFT) sector assessments."""


app.command("init", epilog=EPILOG)(init.init)
app.command("validate", epilog=EPILOG)(validate.validate)
app.command("assess", epilog=EPILOG)(assess.assess)
app.command("indicators", epilog=EPILOG)(indicators.indicators)
app.command("schema", epilog=EPILOG)(schema.schema)
app.command("import", epilog=EPILOG)(survey.import_responses)
app.command("export", epilog=EPILOG)(survey.export_answers)
app.command("form", epilog=EPILOG)(form.form)
app.command("compare", epilog=COMPARE_EPILOG)(compare.compare)
app.command("portfolio", epilog=EPILOG)(portfolio.portfolio)
app.command("map", epilog=EPILOG)(map_cli.map_command)
