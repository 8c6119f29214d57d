"""Help screens in the user's language, laid out the same with every typer release.

Typer builds its commands when the application is imported, long before the language
is known, so every help text is written as ``help=N_("...")`` and translated here, when
help is shown. The layout is ours rather than typer's: typer releases differ in how they
print metavars (``{file}``, ``<list[str]>``, ``FILE``) and newer ones carry their own copy
of click without gettext. Every option and argument shows a real metavar (its
``metavar=``, or its choices as ``[a|b]``); each command ends with its examples and the
exit codes it can return (``diamond.cli.commands``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer.core import TyperCommand

from diamond.i18n import _, ngettext

__all__ = ["LocalisedCommand", "format_command_help", "param_record", "usage_pieces"]

_SHORT_HELP_LIMIT = 60
# (command, parameter) -> help of each argument, read from the command functions:
# typer 0.16 with click 8.2 and later loses an argument's help when it builds it.
_ARGUMENT_HELP: dict[tuple[str, str], str] = {}


def register(name: str, function: Any) -> None:
    """Remember the help of ``function``'s arguments, the command ``name``'s."""
    import typing

    for param, hint in typing.get_type_hints(function, include_extras=True).items():
        for info in getattr(hint, "__metadata__", ()):
            text = getattr(info, "help", None)
            if type(info).__name__ == "ArgumentInfo" and text:
                _ARGUMENT_HELP[(name, param)] = text


def choices(param: Any) -> list[str] | None:
    """The values a parameter accepts, as text, if it has a fixed set (click or typer)."""
    found = getattr(getattr(param, "type", None), "choices", None)
    if found is None:
        descriptor = getattr(param, "type_descriptor", None)
        found = getattr(descriptor, "choices", None)
    if not found:
        return None
    return [str(getattr(c, "value", c)) for c in found]


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False)) and not getattr(param, "count", False)


def metavar(param: Any) -> str:
    """The placeholder shown for a parameter's value: FILE, N, [tr|en]...

    Choices show as ``[a|b]``; other values take their name from
    ``diamond.cli.commands`` (which ``LocalisedCommand`` applies when it is made).
    """
    values = choices(param)
    if values and not param.metavar:
        return "[" + "|".join(values) + "]"
    if param.metavar:
        return str(param.metavar)
    return str(param.name).upper()


def _bounds(param: Any) -> tuple[Any, Any]:
    low = getattr(param, "min", None)
    high = getattr(param, "max", None)
    if low is None and high is None:
        kind = getattr(param, "type", None)
        low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    return low, high


def _default_text(param: Any) -> str | None:
    if param.param_type_name != "option" or getattr(param, "show_default", None) is False:
        return None
    if getattr(param, "is_eager", False) or getattr(param, "hidden", False):
        return None
    default = param.default
    if callable(default) or default is None or default == [] or default == ():
        return None
    if _is_flag(param):
        if not param.secondary_opts or not isinstance(default, bool):
            return None
        return str((param.opts if default else param.secondary_opts)[0])
    if isinstance(default, (list, tuple)):
        return ", ".join(str(getattr(d, "value", d)) for d in default)
    return str(getattr(default, "value", default))


def param_record(param: Any) -> tuple[str, str] | None:
    """The two columns of a parameter's line in the help: names and metavar, help."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        name = metavar(param) + ("..." if param.nargs != 1 else "")
    else:
        names = ", ".join(sorted(param.opts, key=lambda o: (o.startswith("--"), o)))
        if param.secondary_opts:
            names += " / " + ", ".join(param.secondary_opts)
        name = names if _is_flag(param) else f"{names} {metavar(param)}"
    text = _(param.help) if param.help else ""
    extra = []
    default = _default_text(param)
    if default is not None:
        extra.append(_("default: {default}").format(default=default))
    low, high = _bounds(param)
    if low is not None and high is not None:
        extra.append(f"{low}–{high}")
    elif low is not None:
        extra.append(f"≥ {low}")
    elif high is not None:
        extra.append(f"≤ {high}")
    if param.required and param.param_type_name == "option":
        extra.append(_("required"))
    if extra:
        text = f"{text}  [{'; '.join(extra)}]" if text else f"[{'; '.join(extra)}]"
    return name, text


def usage_pieces(command: Any, ctx: Any) -> list[str]:
    """``[OPTIONS] FILE [PATH]...``: the arguments by their metavars."""
    pieces = [_("[OPTIONS]")] if command.options_metavar else []
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        piece = metavar(param)
        if param.nargs != 1:
            piece += "..."
        pieces.append(piece if param.required else f"[{piece}]")
    return pieces


def translated_help(command: Any) -> str:
    """The command's help text in the current language."""
    return _(command.help) if command.help else ""


def short_help(command: Any, limit: int = _SHORT_HELP_LIMIT) -> str:
    """The first sentence of the translated help, cut at a word if it is too long."""
    if command.short_help:
        return _(command.short_help)
    text = " ".join(translated_help(command).split("\n\n", 1)[0].split())
    sentence = text.split(". ", 1)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 3].rsplit(" ", 1)[0] + "..."


def write_paragraphs(formatter: Any, text: str) -> None:
    """Each blank-line separated paragraph, rewrapped and indented."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        return
    formatter.write_paragraph()
    with formatter.indentation():
        for index, paragraph in enumerate(paragraphs):
            if index:
                formatter.write_paragraph()
            formatter.write_text(paragraph)


def format_usage(command: Any, ctx: Any, formatter: Any, extra: Sequence[str] = ()) -> None:
    """``Usage: diamond validate [OPTIONS] PATH...`` in the current language."""
    formatter.write_usage(ctx.command_path, " ".join([*usage_pieces(command, ctx), *extra]),
                          _("Usage: "))


def format_params(command: Any, ctx: Any, formatter: Any) -> None:
    """The Arguments and Options sections."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param_record(param)
        if record is None:
            continue
        (arguments if param.param_type_name == "argument" else options).append(record)
    for title, records in ((_("Arguments"), arguments), (_("Options"), options)):
        if records:
            with formatter.section(title):
                formatter.write_dl(records)


def format_epilog(name: str, formatter: Any) -> None:
    """The command's examples and the exit codes it can return."""
    from diamond.cli.commands import EXAMPLES, exit_code_lines

    examples = EXAMPLES.get(name, ())
    if examples:
        with formatter.section(ngettext("Example", "Examples", len(examples))):
            for command_line, what in examples:
                formatter.write_text(_(what))
                # a command line is never wrapped: it is meant to be copied
                formatter.write(" " * (formatter.current_indent + 2) + command_line + "\n")
    with formatter.section(_("Exit codes")):
        formatter.write_dl(exit_code_lines(name))


def format_command_help(command: Any, ctx: Any, formatter: Any) -> None:
    """A command's whole help screen."""
    format_usage(command, ctx, formatter)
    write_paragraphs(formatter, translated_help(command))
    format_params(command, ctx, formatter)
    format_epilog(command.name or "", formatter)


class LocalisedCommand(TyperCommand):
    """A ``diamond`` command whose help is translated and laid out when it is shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from diamond.cli.commands import metavar_for

        params: list[Any] = list(self.params)
        for param in params:
            if param.param_type_name == "argument" and not param.help and param.name:
                param.help = _ARGUMENT_HELP.get((self.name or "", param.name))
            if param.metavar is None and param.name is not None and choices(param) is None:
                param.metavar = metavar_for(self.name or "", param.name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        format_command_help(self, ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        # typer 0.16 under click 8.2 and later lets a required argument through as None
        from diamond.cli.usage_errors import click_module

        for param in self.get_params(ctx):
            value = ctx.params.get(param.name)
            missing = value is None or (isinstance(value, (list, tuple)) and not value)
            if param.param_type_name == "argument" and param.required and missing:
                raise click_module().exceptions.MissingParameter(ctx=ctx, param=param)
        return super().invoke(ctx)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        format_usage(self, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self, max(limit, _SHORT_HELP_LIMIT))
