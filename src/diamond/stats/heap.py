"""Freed memory kept for the statistics' next temporaries (glibc's malloc only).

The bootstrap and the Sobol analysis make and free many arrays of a few hundred KB to a
few MB per call. glibc's malloc serves requests above its mmap threshold with fresh
mappings and hands the top of its heap back to the kernel when more than its trim
threshold is free (both thresholds move with the sizes freed so far), so whether the
next call finds its pages or faults them in again depends on the heap's history: an
``assess`` of 300 respondents took from 2 to about 900 minor page faults (3.5 MB) with
the same code, depending on what ran before it, and the faults cost as much as the
statistics' own arithmetic that changed in between. ``keep`` fixes both thresholds once
per process: requests below ``MMAP_BELOW`` come from the heap, and up to ``TRIM_ABOVE``
of freed heap is kept; larger arrays (a survey of 100,000 respondents) are mapped and
returned to the kernel as before. Elsewhere (another C library, another system) it does
nothing.
"""

from __future__ import annotations

import sys

#: glibc's ``mallopt`` parameters (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
#: Requests from this size up are mapped (and unmapped when freed).
MMAP_BELOW = 4 << 20
#: At most this much freed memory at the top of the heap is kept.
TRIM_ABOVE = 32 << 20

_done: list[bool] = []


def keep() -> None:
    """Fix glibc's mmap and trim thresholds, once per process (no-op elsewhere)."""
    if _done:
        return
    _done.append(True)
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # numpy has imported it already

    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        glibc = hasattr(libc, "gnu_get_libc_version")  # musl's mallopt does nothing
    except (OSError, AttributeError):
        return
    if not glibc:
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    mallopt(M_MMAP_THRESHOLD, MMAP_BELOW)
    mallopt(M_TRIM_THRESHOLD, TRIM_ABOVE)
