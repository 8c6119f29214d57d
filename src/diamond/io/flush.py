"""Temporaries' data on disk before their renames: one file-system sync for many files.

``atomic.stage`` syncs each temporary as it writes it, so a crash can never leave a
renamed file with missing data. A portfolio stages thousands of reports and renames
them only at the end; syncing each on its own makes its workers wait on the disk once
a file. ``flush`` gives the same guarantee at once, just before the renames: on Linux
one ``syncfs`` for each file system the temporaries are on (it writes back every
file's data there, whoever wrote it), elsewhere, or if that fails, an ``fsync`` of
each temporary in turn.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from diamond.io.atomic import Staged


def _syncfs() -> Callable[[int], int] | None:
    """libc's ``syncfs``, or None where there is none (not Linux, not glibc/musl)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


def _sync_systems(folders: Sequence[str], syncfs: Callable[[int], int]) -> bool:
    """``syncfs`` once per file system holding ``folders``; False if any call failed."""
    seen: set[int] = set()
    for folder in folders:
        fd = os.open(folder or ".", os.O_RDONLY)
        try:
            device = os.fstat(fd).st_dev
            if device in seen:
                continue
            seen.add(device)
            if syncfs(fd) != 0:
                return False
        finally:
            os.close(fd)
    return True


def _sync_each(staged: Sequence[Staged]) -> None:
    for item in staged:
        fd = os.open(item.temp_path(), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def flush(staged: Sequence[Staged]) -> None:
    """Put every temporary of ``staged`` on disk (see the module's text).

    Raises ``OSError`` as ``fsync`` would (a temporary gone, a disk error).
    """
    if not staged:
        return
    syncfs = _syncfs()
    folders = list(dict.fromkeys(item.folder for item in staged))
    if syncfs is not None:
        with contextlib.suppress(OSError):
            if _sync_systems(folders, syncfs):
                return
    _sync_each(staged)
