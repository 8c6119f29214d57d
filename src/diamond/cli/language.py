"""Choose the message language once per invocation, before click parses anything.

``--lang`` is read from the arguments ahead of parsing, so that help texts and
click's own usage errors, which appear while parsing, are already in that language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup

from diamond import i18n


def explicit_language(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before a ``--``, if any."""
    found: str | None = None
    items = list(args)
    for index, arg in enumerate(items):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(items):
            found = items[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found


class LocalisedGroup(TyperGroup):
    """The ``diamond`` group: activates the message language, then runs as usual."""

    def main(self, args: Sequence[str] | None = None, *pargs: Any, **kwargs: Any) -> Any:
        import sys

        given = sys.argv[1:] if args is None else list(args)
        i18n.activate(i18n.resolve(explicit_language(given)))
        return super().main(given, *pargs, **kwargs)
