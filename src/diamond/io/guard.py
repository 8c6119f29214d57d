"""The one rule every writing command follows: never write over one of its inputs."""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.read import STDIN
from diamond.memo import remember


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


#: A resolved path as its folder's text and its name: equal exactly when the resolved
#: paths are equal.
Place = tuple[str, str]


class _Resolver:
    """``Path.resolve`` of many paths in few folders: each folder resolved once.

    A path whose last part is a plain name that is not a symbolic link resolves to its
    folder's resolution joined with that name, so only the folder's symbolic links
    need resolving, once (a portfolio checks tens of thousands of files in a handful of
    folders); anything else is resolved whole. ``place`` gives the resolution as texts
    (its folder and name), without a ``Path`` for each file.
    """

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}  # a folder as given → resolved, as texts

    def place_of(self, folder: str, name: str) -> Place:
        """The place of ``name`` in ``folder`` (as ``os.fspath`` of a ``Path``'s parent
        and name give them)."""
        if name in ("", ".", "..") or os.path.islink(os.path.join(folder, name)):
            whole = Path(folder, name).resolve()
            return os.fspath(whole.parent), whole.name
        found = self.folders.get(folder)
        if found is None:
            found = remember(self.folders, folder, os.fspath(Path(folder).resolve()), 1024)
        return found, name

    def place(self, path: Path) -> Place:
        """The resolved ``path`` as its folder's text and its name."""
        name = path.name
        if name in ("", ".", ".."):
            whole = path.resolve()
            return os.fspath(whole.parent), whole.name
        return self.place_of(os.fspath(path.parent), name)

    def __call__(self, path: Path) -> Path:
        folder, name = self.place(path)
        return Path(folder, name)


def _sorted(values: array[int]) -> array[int]:
    return array("q", sorted(values))


def _has(values: array[int], value: int) -> bool:
    at = bisect_left(values, value)
    return at < len(values) and values[at] == value


class InputGuard:
    """The inputs of a command, resolved once, to check many targets against.

    Held in a few bytes an input (a portfolio's guard lives while tens of thousands of
    files are staged): the inputs' texts as given (shared with the caller's), the hashes
    of their resolved places and of their identities on disk, sorted, and the identities
    themselves. A hash found is confirmed against the inputs (the last one that matches,
    as a mapping from place to input would keep), so a collision refuses nothing.
    """

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self._given: list[str] = []
        self._devices, self._inodes = array("Q"), array("Q")  # each input's (0: none)
        self._known = bytearray()  # whether an input had an identity
        places, identities = array("q"), array("q")
        self._resolve = _Resolver()
        self._cwd: str | None = None
        for given in inputs:
            text = given if isinstance(given, str) else str(given)
            if text == STDIN:
                continue
            self._given.append(text)
            path = given if isinstance(given, Path) else Path(given)
            if self._cwd is None and not path.is_absolute():
                self._cwd = os.getcwd()  # where relative inputs are confirmed from
            places.append(hash(self._resolve.place(path)))
            identity = _identity(path)
            self._known.append(identity is not None)
            self._devices.append(0 if identity is None else identity[0])
            self._inodes.append(0 if identity is None else identity[1])
            if identity is not None:
                identities.append(hash(identity))
        self._places, self._identities = _sorted(places), _sorted(identities)

    def _by_place(self, place: Place) -> str | None:
        if not _has(self._places, hash(place)):
            return None
        for text in reversed(self._given):
            path = Path(text)
            if self._resolve.place(path if self._cwd is None else Path(self._cwd, path)
                                   ) == place:
                return text
        return None

    def _by_identity(self, target: str | Path) -> str | None:
        identity = _identity(target) if self._identities else None
        if identity is None or not _has(self._identities, hash(identity)):
            return None
        for k in range(len(self._given) - 1, -1, -1):
            if self._known[k] and (self._devices[k], self._inodes[k]) == identity:
                return self._given[k]
        return None

    def _source(self, place: Place, target: str | Path) -> str | None:
        """The input ``place`` (``target``'s resolution) is, by name or on disk."""
        found = self._by_place(place)
        return found if found is not None else self._by_identity(target)

    def _refused(self, target: object, source: str, hint: str | None) -> OutputError:
        return OutputError(
            _("refusing to write {target}: it is the input file {source}; {hint}").format(
                target=target, source=source, hint=hint or _("choose another output")
            )
        )

    def refuse(self, targets: Iterable[Path], *, hint: str | None = None) -> None:
        """Raise ``OutputError`` if any target is one of the inputs."""
        for target in targets:
            source = self._source(self._resolve.place(target), target)
            if source is not None:
                raise self._refused(target, source, hint)

    def refuse_in(self, folder: str, name: str, *, hint: str | None = None) -> None:
        """``refuse`` of the target ``Path(folder, name)``, given as texts (``os.fspath``
        of a ``Path``'s parent, and its name): no ``Path`` made unless it is refused."""
        source = self._source(self._resolve.place_of(folder, name), os.path.join(folder, name))
        if source is not None:
            raise self._refused(Path(folder, name), source, hint)


def refuse_inputs(
    targets: Iterable[Path], inputs: Iterable[Path | str], *, hint: str | None = None
) -> None:
    """Raise ``OutputError`` if any target is one of ``inputs``.

    A target counts as an input when it resolves to the same path (through
    symbolic links and ``..``) or is the same file on disk (a hard link).
    """
    InputGuard(inputs).refuse(targets, hint=hint)
