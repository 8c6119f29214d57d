"""Rewrite a user's file in place of itself without losing anyone's changes.

Writers hold an exclusive ``flock`` on the file while they read, edit and
replace it, so two ``diamond`` processes take turns. A program that does not
lock (an editor saving) is caught by comparing the file, just before the
rename, with the bytes the edit started from: if it changed, the edit is
applied again to the new content, a few times at most.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from diamond.errors import InputError, OutputError
from diamond.i18n import _
from diamond.io.atomic import cannot_write, check_target, commit, discard, final_path, stage
from diamond.io.read import cannot_read, not_regular, read_regular

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the check before the rename remains
    fcntl = None  # type: ignore[assignment]

RETRIES = 5
LOCK_WAIT_SECONDS = 120.0
_POLL_SECONDS = 0.02


@contextlib.contextmanager
def locked(path: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Path]:
    """Hold an exclusive lock on the file at ``path`` (through a symbolic link).

    The lock is on the file itself; as writers replace the file by a rename, a
    lock won on a file that was replaced meanwhile is let go and taken again on
    the new one. Gives up with ``OutputError`` after ``wait`` seconds.
    """
    final = final_path(path)
    deadline = time.monotonic() + wait
    while True:
        _check_input(path, final)
        check_target(path, final)
        try:
            fd = os.open(final, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise OutputError(cannot_write(path, exc)) from None
        try:
            _lock(fd, path, deadline)
            now = os.stat(final)
            mine = os.fstat(fd)
            if (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                yield final
                return
        except FileNotFoundError:
            raise OutputError(
                _("cannot write {path}: it was removed while waiting").format(path=path)
            ) from None
        finally:
            os.close(fd)


def _check_input(path: Path, final: Path) -> None:
    """The file to rewrite is also an input: it must exist and be a regular file."""
    try:
        reason = not_regular(os.stat(final).st_mode)
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise InputError(cannot_read(str(path), exc)) from None
    if reason is not None:
        raise InputError(
            _("{path}: {reason}; name a file saved on disk").format(path=path, reason=reason)
        )


def _lock(fd: int, path: Path, deadline: float) -> None:
    if fcntl is None:  # pragma: no cover
        return
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise OutputError(
                    _(
                        "cannot write {path}: another program has held it locked for "
                        "{seconds:.0f} seconds; try again when it has finished"
                    ).format(path=path, seconds=LOCK_WAIT_SECONDS)
                ) from None
            time.sleep(_POLL_SECONDS)
        except OSError as exc:  # a file system without locks: the check before the rename stays
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP):
                return
            raise OutputError(
                _("cannot lock {path}: {reason}").format(path=path, reason=exc.strerror or exc)
            ) from None


def rewrite(
    path: Path,
    edit: Callable[[bytes], bytes | None],
    max_bytes: int,
    *,
    retries: int = RETRIES,
) -> bool:
    """Replace ``path`` with ``edit(current bytes)``; False when ``edit`` returns None.

    ``edit`` receives at most ``max_bytes + 1`` bytes (it decides what too large
    means) and may raise to stop. If the file changes between the read and the
    rename, the edit runs again on the new content; after ``retries`` attempts,
    ``OutputError`` says so and the file is left as the other writer left it.
    """
    with locked(path) as final:
        for _attempt in range(retries):
            data = read_regular(str(final), max_bytes)
            new = edit(data)
            if new is None:
                return False
            staged = stage(path, new)
            if read_regular(str(final), max_bytes) != data:
                discard([staged])
                continue
            commit([staged])
            return True
    raise OutputError(
        _(
            "cannot write {path}: it kept changing while diamond worked on it ({tries} tries), "
            "so nothing was written; close other programs editing it and run the command again"
        ).format(path=path, tries=retries)
    )
