"""Shell completion of the values ``diamond`` knows: framework ids and indicator ids.

``diamond --install-completion`` (typer's) installs the completion script; the shell
then asks ``diamond`` itself (``_DIAMOND_COMPLETE=bash_complete``) for candidates, and
these callbacks answer. Choices such as ``--format`` values are completed by click
from their declared choices. The callbacks take ``ctx`` and ``incomplete`` by name, as
typer's ``autocompletion=`` expects. A callback never fails: a framework that cannot be read
simply offers nothing.
"""

from __future__ import annotations

import contextlib
from typing import Any


def framework_ids(incomplete: str) -> list[str]:
    """The built-in framework ids starting with ``incomplete`` (a path completes as a file)."""
    from diamond.names import BUILTIN_FRAMEWORKS

    return [name for name in sorted(BUILTIN_FRAMEWORKS) if name.startswith(incomplete)]


def complete_framework(ctx: Any, incomplete: str) -> list[str]:
    """``--framework``: the built-in framework ids."""
    return framework_ids(incomplete)


def indicator_ids(framework: str | None, incomplete: str) -> list[str]:
    """Dimension and indicator ids of ``framework`` (default: the built-in one)."""
    from pathlib import Path

    from diamond.frameworks import resolve_framework
    from diamond.limits import Limits
    from diamond.names import DEFAULT_FRAMEWORK

    with contextlib.suppress(Exception):  # completion offers nothing rather than failing
        catalogue = resolve_framework(framework or DEFAULT_FRAMEWORK, Path.cwd(), Limits(),
                                      allow_outside=True)
        ids = []
        for dimension in catalogue.framework.dimensions:
            ids.append(dimension.id)
            ids += [indicator.id for indicator in dimension.indicators]
        return [i for i in ids if i.startswith(incomplete)]
    return []


def complete_indicator(ctx: Any, incomplete: str) -> list[str]:
    """Indicator ids of the framework named by ``--framework`` on the same line."""
    framework = ctx.params.get("framework") if ctx is not None else None
    return indicator_ids(framework if isinstance(framework, str) else None, incomplete)
