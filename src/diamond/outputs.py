"""Write rendered report files into an output folder, atomically, never over an input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from diamond.atomic import write_atomic
from diamond.errors import OutputError


class OutputFile(Protocol):
    """A file to write: a bare name inside the output folder, and its text (or bytes)."""

    @property
    def name(self) -> str: ...

    @property
    def content(self) -> str | bytes: ...


def write_outputs(files: Sequence[OutputFile], folder: Path, inputs: Iterable[Path]) -> list[Path]:
    """Write every file into ``folder``; refuses names that escape it or hit an input file.

    All targets are checked before anything is written, so a refused run
    leaves the folder as it was. Each file replaces its predecessor whole.
    """
    protected = {p.resolve() for p in inputs}
    targets: list[tuple[Path, str | bytes]] = []
    for file in files:
        if Path(file.name).name != file.name or file.name in ("", ".", ".."):
            raise OutputError(f"refusing to write '{file.name}': not a plain file name")
        target = folder / file.name
        if target.resolve() in protected:
            raise OutputError(
                f"refusing to write {target}: it is an input file; choose another folder with -o"
            )
        if target.is_dir():
            raise OutputError(f"cannot write {target}: a folder of that name exists")
        targets.append((target, file.content))
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write into {folder}: it is a file, not a folder")
    written = []
    for target, content in targets:
        write_atomic(target, content)
        written.append(target)
    return written
