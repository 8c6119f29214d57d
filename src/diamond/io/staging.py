"""A set of files written whole or not at all, staged one by one as they are made.

``write_set`` needs every file's content at once. A portfolio makes thousands of
reports, and pages that list them all, so it stages each into its temporary (written
and synced, exactly as ``write_set`` does) as soon as it is made, or as a page renders,
drops the text, and renames the whole set only at the end. The guarantees of
``diamond.io.atomic`` hold unchanged: nothing is renamed until every file is staged,
and on any failure every temporary is removed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from diamond.errors import OutputError
from diamond.i18n import _
from diamond.io.atomic import Content, Staged, cannot_write_into, commit, discard, stage
from diamond.io.flush import flush
from diamond.io.guard import InputGuard

__all__ = ["StagedSet"]


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
        self._staged: list[tuple[tuple[int, int], Staged]] = []
        self._done = False

    def add(self, path: Path, content: Content, order: tuple[int, int] = (0, 0)) -> None:
        """Stage ``content`` for ``path`` (text in pieces is written as it comes, see
        ``atomic.stage``); ``order`` sorts the renames (then staging order)."""
        self._guard.refuse([path], hint=self._hint)
        self._staged.append((order, stage(path, content, synced=not self._flush_first)))

    def adopt(self, staged: Sequence[Staged], order: int) -> None:
        """Take temporaries staged elsewhere (by a worker process) into the set, renamed
        in ``order`` then their own order; refuses them as ``add`` does, and removes
        them then with the rest."""
        self._staged += [((order, k), s.sharing())  # first: removable
                         for k, s in enumerate(staged)]
        self._guard.refuse([s.shown for s in staged], hint=self._hint)

    def __len__(self) -> int:
        return len(self._staged)

    def commit(self) -> list[Path]:
        """Rename every temporary over its file, in ``order``; the paths, in that order."""
        ordered = [s for _, s in sorted(self._staged, key=lambda item: item[0])]
        self._done = True
        self._staged = []  # renamed or removed by ``commit``: nothing left to hold
        if self._flush_first:
            try:
                flush(ordered)
            except OSError as exc:
                discard(ordered)
                raise OutputError(cannot_write_into(ordered[0].folder, exc)) from None
        commit(ordered)
        return [s.shown for s in ordered]

    def discard(self) -> None:
        """Remove every temporary not yet renamed."""
        if not self._done:
            self._done = True
            discard([s for _, s in self._staged])

    def __enter__(self) -> StagedSet:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is not None:
            self.discard()
