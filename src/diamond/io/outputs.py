"""Write rendered report files into an output folder, as one set, never over an input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.atomic import Content, write_set
from diamond.io.guard import refuse_inputs


class OutputFile(Protocol):
    """A file to write: a bare name inside the output folder, and its text (whole or in
    pieces) or bytes."""

    @property
    def name(self) -> str: ...

    @property
    def content(self) -> Content: ...


def check_outputs(files: Sequence[OutputFile], folder: Path, inputs: Iterable[Path]) -> list[Path]:
    """The targets of ``files`` in ``folder``; refuses names that escape it or hit an input."""
    targets: list[Path] = []
    for file in files:
        if Path(file.name).name != file.name or file.name in ("", ".", ".."):
            raise OutputError(
                _("refusing to write '{name}': not a plain file name").format(name=file.name)
            )
        targets.append(folder / file.name)
    refuse_inputs(targets, inputs, hint=_("choose another folder with -o"))
    for target in targets:
        if target.is_dir():
            raise OutputError(
                _("cannot write {path}: a folder of that name exists").format(path=target)
            )
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            _("cannot write into {folder}: it is a file, not a folder").format(folder=folder)
        )
    return targets


def write_outputs(files: Sequence[OutputFile], folder: Path, inputs: Iterable[Path]) -> list[Path]:
    """Write every file into ``folder`` as one set; refuses names that escape it or hit an input.

    All targets are checked before anything is written, and every file is
    written to a temporary before any is renamed, so a refused or failed run
    (a full disk, say) leaves the folder as it was.
    """
    targets = check_outputs(files, folder, inputs)
    return write_set([(t, f.content) for t, f in zip(targets, files, strict=True)])
