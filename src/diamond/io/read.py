"""Read a regular file (or standard input), never more than a byte cap."""

from __future__ import annotations

import os
import stat
import sys

from diamond.errors import InputError
from diamond.i18n import N_, _

STDIN = "-"
_CHUNK = 1 << 20

_KINDS = (
    (stat.S_ISDIR, N_("is a folder, not a file")),
    (stat.S_ISFIFO, N_("is a named pipe (FIFO), not a regular file")),
    (stat.S_ISCHR, N_("is a device, not a regular file")),
    (stat.S_ISBLK, N_("is a device, not a regular file")),
    (stat.S_ISSOCK, N_("is a socket, not a regular file")),
)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode cannot be read as an input, or None for a regular file."""
    for test, reason in _KINDS:
        if test(mode):
            return _(reason)
    return None if stat.S_ISREG(mode) else _("is not a regular file")


def cannot_read(path: str, exc: OSError) -> str:
    """The message for a file the system refused to read."""
    return _("{path}: cannot be read ({reason})").format(path=path, reason=exc.strerror or exc)


def read_regular(path: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``path`` (``-``: standard input).

    Only regular files are read: a folder, FIFO, device or socket raises
    ``InputError`` without a byte read and without waiting for a writer. The cap
    is enforced while reading, so a file that grows (or lies about its size)
    costs no more than the cap; callers compare the length with ``max_bytes``.
    """
    if path == STDIN:
        return sys.stdin.buffer.read(max_bytes + 1)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise InputError(_("{path}: is a folder, not a file").format(path=path)) from None
    except PermissionError:
        raise InputError(_("{path}: permission denied").format(path=path)) from None
    except OSError as exc:
        raise InputError(cannot_read(path, exc)) from None
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason is not None:
            raise InputError(
                _("{path}: {reason}; name a file saved on disk").format(path=path, reason=reason)
            )
        want = max_bytes + 1
        # The reported size only sizes the first read (one buffer, no copy); the cap is
        # what stops reading, whatever the size said (/proc files report 0).
        first = os.read(fd, min(want, info.st_size + 1) if info.st_size > 0 else min(want, _CHUNK))
        chunks = [first]
        total = len(first)
        while total < want:
            chunk = os.read(fd, min(_CHUNK, want - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return first if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise InputError(cannot_read(path, exc)) from None
    finally:
        os.close(fd)
