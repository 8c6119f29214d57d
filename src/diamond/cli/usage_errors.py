"""click's usage errors ("No such option", "Missing argument") in the user's language.

Older typer releases use click, whose messages go through the standard library's
``gettext`` with click's own domain (no Turkish catalogue exists); newer ones carry
their own copy of click with the messages written in English and no gettext at all.
So neither replacing click's ``_`` nor a catalogue of click's msgids would reach every
release. Instead the ``diamond`` group runs click in non-standalone mode and prints the
errors itself (``LocalisedGroup.main``): each kind of error is rebuilt from its
attributes in our catalogue's words; a message we do not recognise stays English.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from diamond.i18n import N_, _, ngettext


def click_module() -> ModuleType:
    """The click that typer uses: its own copy (typer 0.2x and later), else click."""
    import importlib

    try:
        return importlib.import_module("typer._click")
    except ImportError:
        return importlib.import_module("click")


def _quoted(param: Any) -> str:
    from diamond.cli.helpformat import metavar

    if param is None:
        return _("a parameter")
    if param.param_type_name == "argument":
        return f"'{metavar(param)}'"
    return " / ".join(f"'{o}'" for o in param.opts)


_VALUE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?P<value>.*) is not one of (?P<choices>.*)\.", re.S),
     N_("{value} is not one of {choices}.")),
    (re.compile(r"(?P<value>'.*') is not a valid integer( range)?\.", re.S),
     N_("{value} is not a whole number.")),
    (re.compile(r"(?P<value>'.*') is not a valid float( range)?\.", re.S),
     N_("{value} is not a number.")),
    (re.compile(r"(?P<value>.*) is not in the range (?P<range>.*)\.", re.S),
     N_("{value} is not in the range {range}.")),
    (re.compile(r"(?P<value>.*) is not a valid boolean\.", re.S),
     N_("{value} is not a valid yes/no value.")),
    # typer 0.2x checks values with pydantic, whose messages name no value
    (re.compile(r"Input should be a valid integer.*", re.S), N_("a whole number is expected.")),
    (re.compile(r"Input should be a valid number.*", re.S), N_("a number is expected.")),
    (re.compile(r"Input should be greater than or equal to (?P<limit>\S+)", re.S),
     N_("the value must be at least {limit}.")),
    (re.compile(r"Input should be less than or equal to (?P<limit>\S+)", re.S),
     N_("the value must be at most {limit}.")),
)

_USAGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No such command (?P<name>'.*')\.", re.S), N_("No such command {name}.")),
    (re.compile(r"Missing command\.", re.S), N_("Missing command.")),
    (re.compile(r"Option (?P<name>'[^']*') requires (an argument|a value)\.", re.S),
     N_("Option {name} requires a value.")),
    (re.compile(r"Option (?P<name>'[^']*') does not take a value\.", re.S),
     N_("Option {name} does not take a value.")),
    (re.compile(r"Option (?P<name>'[^']*') requires (?P<count>\d+) arguments\.", re.S),
     N_("Option {name} requires {count} values.")),
)


def _matched(message: str, patterns: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    message = message.strip().removeprefix("Value error, ")
    for pattern, template in patterns:
        found = pattern.fullmatch(message.strip())
        if found:
            return _(template).format(**found.groupdict())
    return None


def error_message(error: Any) -> str:
    """A click usage error's message (without "Error: ") in the current language."""
    kinds = click_module().exceptions
    if isinstance(error, kinds.NoSuchOption):
        text = _("No such option: {name}").format(name=error.option_name)
        possibilities = sorted(error.possibilities or ())
        if len(possibilities) == 1:
            text += " " + _("Did you mean {possibility}?").format(possibility=possibilities[0])
        elif possibilities:
            text += " " + _("(Possible options: {options})").format(
                options=", ".join(possibilities))
        return text
    if isinstance(error, kinds.MissingParameter):
        param = error.param
        if param is not None and param.param_type_name == "argument":
            return _("Missing argument {name}.").format(name=_quoted(param))
        return _("Missing option {name}.").format(name=_quoted(param))
    if isinstance(error, kinds.BadParameter):
        message = _matched(error.message, _VALUE_PATTERNS) or error.message
        return _("Invalid value for {param}: {message}").format(
            param=_quoted(error.param), message=message)
    message = error.format_message()
    extra = re.fullmatch(r"Got unexpected extra arguments?(\(s\))? \((?P<args>.*)\)", message, re.S)
    if extra:
        count = len(extra.group("args").split())
        return ngettext("Got an unexpected extra argument ({args})",
                        "Got unexpected extra arguments ({args})", count).format(
            args=extra.group("args"))
    return _matched(message, _USAGE_PATTERNS) or message


def show(error: Any) -> None:
    """Print a click usage error as click would, translated, on standard error."""
    import sys

    from diamond.cli.console import safe, write

    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and ctx is not None:
        write(ctx.get_help() + "\n", sys.stderr)  # click 8.2 and later: help, not an error
        return
    parts = []
    if ctx is not None:
        parts.append(ctx.get_usage())
        names = ctx.help_option_names
        if ctx.command.get_help_option(ctx) is not None and names:
            parts.append(_("Try '{command} {option}' for help.").format(
                command=safe(ctx.command_path), option=names[0]))
        parts.append("")
    parts.append(_("Error: {message}").format(message=safe(error_message(error))))
    write("\n".join(parts) + "\n", sys.stderr)
