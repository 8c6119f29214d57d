"""Names of our temporary files, and removal of those a killed run left behind.

A temporary is named ``.NAME.diamond-PID-RANDOM.tmp`` beside the file it will
replace. ``NAME`` is cut (at a character boundary) so the whole name stays
within 255 bytes, the limit of common file systems. A later run removes a
temporary of exactly this pattern once its process is gone (and it is older
than a minute), or once it is a day old whatever the process; nothing else in
the folder is touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

MAX_NAME_BYTES = 255
STALE_SECONDS = 60.0
ORPHAN_SECONDS = 24 * 3600.0
_OURS = re.compile(r"\..*\.diamond-(\d{1,10})-[0-9a-f]{8}\.tmp", re.DOTALL)
_cleaned: set[str] = set()


def temp_name(final_name: str, owner: int | None = None) -> str:
    """A fresh temporary name for ``final_name``, at most 255 bytes long.

    ``owner`` is the process whose life keeps it from being cleaned as stale (this
    process by default; a worker staging for the command that will rename it passes
    the command's).
    """
    tail = f".diamond-{os.getpid() if owner is None else owner}-{secrets.token_hex(4)}.tmp"
    raw = os.fsencode(final_name)
    room = MAX_NAME_BYTES - 1 - len(tail)
    if len(raw) > room:
        while room > 0 and raw[room] & 0xC0 == 0x80:  # not inside a UTF-8 character
            room -= 1
        raw = raw[:room]
    return "." + os.fsdecode(raw) + tail


def is_ours(name: str) -> bool:
    """Whether ``name`` follows our temporary naming."""
    return _OURS.fullmatch(name) is not None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _ours_in(folder: Path) -> list[tuple[os.DirEntry[str], int]]:
    """Our temporaries in ``folder`` (any kind of entry), each with its owner's pid."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found = ((entry, _OURS.fullmatch(entry.name)) for entry in entries)
    return [(entry, int(match.group(1))) for entry, match in found if match is not None]


def clean_stale(folder: Path, *, now: float | None = None) -> list[str]:
    """Remove our stale temporaries in ``folder`` (once per folder per run); their names."""
    key = os.path.abspath(folder)
    if now is None and key in _cleaned:
        return []
    _cleaned.add(key)
    moment = time.time() if now is None else now
    removed: list[str] = []
    for entry, owner in _ours_in(folder):
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            age = moment - info.st_mtime
            if not entry.is_file(follow_symlinks=False):
                continue
            if age > ORPHAN_SECONDS or (age > STALE_SECONDS and not _alive(owner)):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def remove_owned(folder: Path, owner: int) -> list[str]:
    """Remove the temporaries in ``folder`` named for process ``owner``; their names.

    For a command whose workers stage files for it: a worker that was killed leaves
    temporaries nobody else knows the names of, and the command removes them on failure.
    """
    removed: list[str] = []
    for entry, pid in _ours_in(folder):
        if pid != owner:
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed
