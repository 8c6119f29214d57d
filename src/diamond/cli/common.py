"""Shared CLI plumbing: error handling, colour decisions, common options."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TextIO, TypeVar

import typer

from diamond.cli.exit_codes import code_for
from diamond.errors import DiamondError, InvalidFileError
from diamond.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from diamond.loader import LoadOptions

F = TypeVar("F", bound=Callable[..., Any])


class Colour(StrEnum):
    """When to colour terminal output."""

    auto = "auto"
    always = "always"
    never = "never"


class Lang(StrEnum):
    """Report and listing languages."""

    tr = "tr"
    en = "en"

    @property
    def code(self) -> Literal["tr", "en"]:
        """The language as the core's ``Language`` literal."""
        return "tr" if self is Lang.tr else "en"


class MethodChoice(StrEnum):
    """How an indicator's answers are aggregated."""

    mean = "mean"
    median = "median"


MethodOption = Annotated[
    MethodChoice, typer.Option("--method", help=N_("Aggregate answers by weighted mean or median."))
]


class AggregationChoice(StrEnum):
    """How indicator scores become dimension scores, and dimensions the overall score."""

    arithmetic = "arithmetic"
    geometric = "geometric"


AggregationOption = Annotated[
    AggregationChoice,
    typer.Option("--aggregation", help=N_("Combine scores into dimensions and overall by weighted "
                 "arithmetic or geometric mean (geometric penalises an unbalanced diamond).")),
]
BootstrapOption = Annotated[
    int,
    typer.Option("--bootstrap", min=0, max=100_000, metavar="N",
                 help=N_("Bootstrap replicates for standard errors and 95 % intervals "
                 "(resampling respondents; seeded, so reports are reproducible); 0 turns the "
                 "bootstrap off (analytic standard errors only).")),
]
SensitivityOption = Annotated[
    int,
    typer.Option("--sensitivity", min=0, max=65_536, metavar="N",
                 help=N_("Base samples of the Sobol sensitivity analysis of the overall score and "
                 "the dimension ranks (seeded); 0 turns it off.")),
]
MessageLangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=N_("Language of messages (default: DIAMOND_LANG, else the locale, else en)."),
        show_default=False,
    ),
]
"""--lang on a command that writes no report: read before parsing (cli.language), so the
parameter itself is unused."""
ColourOption = Annotated[
    Colour,
    typer.Option(
        "--color", help=N_("Colour terminal output: auto (a terminal without NO_COLOR), "
                           "always, never.")
    ),
]
AllowOutsideOption = Annotated[
    bool,
    typer.Option(
        "--allow-outside-paths",
        help=N_("Let a questionnaire's 'framework:' path lead outside its folder "
        "and the current folder."),
    ),
]


def colour_enabled(choice: Colour, stream: TextIO) -> bool:
    """Apply --color, NO_COLOR and whether ``stream`` is a terminal."""
    if choice is Colour.always:
        return True
    if choice is Colour.never or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


@contextlib.contextmanager
def settled_imports() -> Iterator[None]:
    """Import modules with the cyclic collector off, then freeze what they built.

    For the modules a command is certain to load (``assess``: numpy, the scoring, the
    report modules, Jinja): a module's functions, classes and tables live until the
    process ends, so the collector's young-generation passes over them (about 1.5 ms each,
    three or four during ``assess``'s imports) find nothing to free. ``gc.freeze`` moves
    them out of the collector's sight, as ``main`` does for the command modules; the
    collector is on again after the block, and the work the command does next (loading,
    scoring, rendering) is collected as before.
    """
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def load_options(allow_outside: bool = False) -> LoadOptions:
    """Loading options from the command line and the environment."""
    from diamond.limits import Limits
    from diamond.loader import LoadOptions

    return LoadOptions(limits=Limits.from_env(), allow_outside_paths=allow_outside)


def print_error(error: DiamondError) -> None:
    """Report an error on standard error in the text format (if standard error can take it)."""
    # If standard error itself cannot be written, the exit code is all that is left.
    with contextlib.suppress(DiamondError, typer.Exit):
        _print_error(error)


def _print_error(error: DiamondError) -> None:
    from diamond.cli.console import line, warn

    if isinstance(error, InvalidFileError):
        from diamond.reporters.text import diagnostic_line

        for d in error.diagnostics:
            warn(diagnostic_line(d))
        errors = sum(1 for d in error.diagnostics if d.severity == "error")
        warn(line(ngettext("diamond: {path} is invalid ({count} error); fix it and run again",
                           "diamond: {path} is invalid ({count} errors); fix them and run again",
                           errors), path=error.path, count=errors))
    else:
        warn(line(_("diamond: error: {message}"), message=error))


def handled(func: F) -> F:
    """Turn every ``DiamondError`` into its message and exit code; nothing else is caught."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DiamondError as error:
            print_error(error)
            raise typer.Exit(code_for(error)) from None

    return wrapper  # type: ignore[return-value]
