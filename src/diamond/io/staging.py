"""A set of files written whole or not at all, staged one by one as they are made.

``write_set`` needs every file's content at once. A portfolio makes thousands of
reports, and pages that list them all, so it stages each into its temporary (written
and synced, exactly as ``write_set`` does) as soon as it is made, or as a page renders,
drops the text, and renames the whole set only at the end. The guarantees of
``diamond.io.atomic`` hold unchanged: nothing is renamed until every file is staged,
and on any failure every temporary is removed.

The set does not hold its temporaries' names in memory either (tens of thousands for
a national portfolio): past a small buffer they go to an unnamed temporary file, a
block of ``BUFFER`` at a time, and are read back, a block at a time, for the flush,
the renames or their removal.
"""

from __future__ import annotations

import itertools
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, overload

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.atomic import Content, Staged, cannot_write_into, commit, discard, stage
from diamond.io.flush import flush
from diamond.io.guard import InputGuard

__all__ = ["BUFFER", "StagedSet"]

#: Staged temporaries a set holds in memory before it writes them away as one block.
BUFFER = 512

Order = tuple[int, int]
_Record = tuple[Order, str, str, str, Path | None]


class _Ordered(Sequence[Staged]):
    """A set's temporaries in their order, read back from its records on each pass."""

    def __init__(self, read: Callable[[], Iterator[Staged]], count: int) -> None:
        self._read = read
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Staged]:
        return self._read()

    @overload
    def __getitem__(self, index: int) -> Staged: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Staged]: ...

    def __getitem__(self, index: int | slice) -> Staged | Sequence[Staged]:
        if isinstance(index, slice):  # only on a failed rename: read through once more
            return list(itertools.islice(self._read(), *index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return next(itertools.islice(self._read(), index, None))


class StagedSet:
    """Files staged into temporaries now, renamed together by ``commit``.

    Use it as a context manager: leaving the block by an exception removes every
    temporary. ``add`` refuses (``OutputError``) a target that is one of ``inputs``.
    """

    def __init__(self, inputs: Iterable[Path | str] = (), *,
                 hint: str | None = None, flush_first: bool = False) -> None:
        """``flush_first``: the temporaries (adopted ones included) may be unsynced
        (``atomic.stage(..., synced=False)``); ``commit`` puts them all on disk at once
        before the first rename (``flush.flush``)."""
        self._guard = InputGuard(inputs)
        self._flush_first = flush_first
        self._hint = hint if hint is not None else _("choose another folder with -o")
        self._buffer: list[tuple[Order, Staged]] = []
        self._file: IO[bytes] | None = None
        self._blocks: list[tuple[int, int]] = []  # offset and length of each in the file
        self._count = 0
        self._last: Order | None = None
        self._in_order = True  # orders arrived sorted: read back as they are
        self._done = False

    def _hold(self, order: Order, staged: Staged) -> None:
        if self._last is not None and order < self._last:
            self._in_order = False
        self._last = order
        self._buffer.append((order, staged))
        self._count += 1
        if len(self._buffer) >= BUFFER:
            self._write_block()

    def _write_block(self) -> None:
        if self._file is None:
            # removed by the system when closed (or when the process ends)
            self._file = tempfile.TemporaryFile(prefix="diamond-staged-")  # noqa: SIM115
        records: list[_Record] = [(order, s.folder, s.name, s.temp_name, s.given)
                                  for order, s in self._buffer]
        raw = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
        end = self._blocks[-1][0] + self._blocks[-1][1] if self._blocks else 0
        os.pwrite(self._file.fileno(), raw, end)
        self._blocks.append((end, len(raw)))
        self._buffer = []

    def _held(self) -> Iterator[tuple[Order, Staged]]:
        """Every temporary with its order, in staging order."""
        for offset, length in list(self._blocks):
            assert self._file is not None
            records: list[_Record] = pickle.loads(os.pread(self._file.fileno(), length, offset))
            for order, folder, name, temp_name, given in records:
                yield order, Staged(folder, name, temp_name, given).sharing()
        yield from list(self._buffer)

    def _ordered(self) -> Sequence[Staged]:
        if self._in_order:
            return _Ordered(lambda: (s for _, s in self._held()), self._count)
        return [s for _, s in sorted(self._held(), key=lambda item: item[0])]

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._blocks = []
        self._buffer = []

    def add(self, path: Path, content: Content, order: Order = (0, 0)) -> None:
        """Stage ``content`` for ``path`` (text in pieces is written as it comes, see
        ``atomic.stage``); ``order`` sorts the renames (then staging order)."""
        self._guard.refuse([path], hint=self._hint)
        self._hold(order, stage(path, content, synced=not self._flush_first))

    def adopt(self, staged: Sequence[Staged], order: int) -> None:
        """Take temporaries staged elsewhere (by a worker process) into the set, renamed
        in ``order`` then their own order; refuses them as ``add`` does, and removes
        them then with the rest."""
        for k, s in enumerate(staged):  # first: removable
            self._hold((order, k), s.sharing())
        for s in staged:
            if s.given is None:  # from its texts: no path made for each file
                self._guard.refuse_in(s.folder, s.name, hint=self._hint)
            else:
                self._guard.refuse([s.given], hint=self._hint)

    def __len__(self) -> int:
        return self._count

    def commit(self) -> list[Path]:
        """Rename every temporary over its file, in ``order``; the paths, in that order."""
        paths: list[Path] = []
        self.commit_each(lambda s: paths.append(s.shown))
        return paths

    def commit_each(self, each: Callable[[Staged], object]) -> None:
        """``commit``, handing each renamed temporary to ``each``, in order, instead of
        returning a path each (nothing held per file for a set of thousands)."""
        ordered = self._ordered()
        self._done = True
        try:
            if self._flush_first:
                try:
                    flush(ordered)
                except OSError as exc:
                    discard(ordered)
                    raise OutputError(cannot_write_into(ordered[0].folder, exc)) from None
            commit(ordered)
            for s in ordered:
                each(s)
        finally:
            self._close()
            self._guard = InputGuard(())  # every input resolved: no longer needed

    def discard(self) -> None:
        """Remove every temporary not yet renamed."""
        if not self._done:
            self._done = True
            try:
                discard(_Ordered(lambda: (s for _, s in self._held()), self._count))
            finally:
                self._close()
                self._guard = InputGuard(())

    def __enter__(self) -> StagedSet:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is not None:
            self.discard()
