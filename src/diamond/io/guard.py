"""The one rule every writing command follows: never write over one of its inputs."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from diamond.errors import OutputError
from diamond.io.read import STDIN


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def refuse_inputs(
    targets: Iterable[Path], inputs: Iterable[Path | str], *, hint: str = "choose another output"
) -> None:
    """Raise ``OutputError`` if any target is one of ``inputs``.

    A target counts as an input when it resolves to the same path (through
    symbolic links and ``..``) or is the same file on disk (a hard link).
    """
    names: dict[Path, str] = {}
    files: dict[tuple[int, int], str] = {}
    for given in inputs:
        if str(given) == STDIN:
            continue
        names[Path(given).resolve()] = str(given)
        identity = _identity(Path(given))
        if identity is not None:
            files[identity] = str(given)
    for target in targets:
        source = names.get(target.resolve())
        if source is None:
            identity = _identity(target)
            source = files.get(identity) if identity is not None else None
        if source is not None:
            raise OutputError(f"refusing to write {target}: it is the input file {source}; {hint}")
