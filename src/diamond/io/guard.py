"""The one rule every writing command follows: never write over one of its inputs."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.read import STDIN
from diamond.memo import remember


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


class _Resolver:
    """``Path.resolve`` of many paths in few folders: each folder resolved once.

    A path whose last part is a plain name that is not a symbolic link resolves to its
    folder's resolution joined with that name, so only the folder's symbolic links
    need resolving, once (a portfolio checks tens of thousands of files in a handful of
    folders); anything else is resolved whole.
    """

    def __init__(self) -> None:
        self.folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        name = path.name
        if name in ("", ".", "..") or os.path.islink(path):
            return path.resolve()
        parent = path.parent
        folder = self.folders.get(parent)
        if folder is None:
            folder = remember(self.folders, parent, parent.resolve(), 1024)
        return folder / name


class InputGuard:
    """The inputs of a command, resolved once, to check many targets against."""

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self.names: dict[Path, str] = {}
        self.files: dict[tuple[int, int], str] = {}
        self._resolve = _Resolver()
        for given in inputs:
            if str(given) == STDIN:
                continue
            self.names[self._resolve(Path(given))] = str(given)
            identity = _identity(Path(given))
            if identity is not None:
                self.files[identity] = str(given)

    def refuse(self, targets: Iterable[Path], *, hint: str | None = None) -> None:
        """Raise ``OutputError`` if any target is one of the inputs."""
        for target in targets:
            source = self.names.get(self._resolve(target))
            if source is None:
                identity = _identity(target)
                source = self.files.get(identity) if identity is not None else None
            if source is not None:
                raise OutputError(
                    _("refusing to write {target}: it is the input file {source}; {hint}").format(
                        target=target, source=source, hint=hint or _("choose another output")
                    )
                )


def refuse_inputs(
    targets: Iterable[Path], inputs: Iterable[Path | str], *, hint: str | None = None
) -> None:
    """Raise ``OutputError`` if any target is one of ``inputs``.

    A target counts as an input when it resolves to the same path (through
    symbolic links and ``..``) or is the same file on disk (a hard link).
    """
    InputGuard(inputs).refuse(targets, hint=hint)
