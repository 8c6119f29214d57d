"""Bounded memos for pure helpers that see the same inputs again and again.

The same labels, names and numbers recur in every report a process renders, and a
portfolio stages thousands of files into a handful of folders, so a few helpers remember
their results. ``remember`` stores one; a memo that is full is emptied first, so memory
stays bounded however many reports a portfolio makes.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

#: How many results a memo holds before it is emptied.
MOST = 8192
#: Texts longer than this (a questionnaire's own prose, say) are not kept.
LONGEST = 400


def remember(memo: dict[K, V], key: K, value: V, most: int | None = None) -> V:
    """Store ``value`` under ``key`` (emptying ``memo`` first when it holds ``most``, by
    default ``MOST``); ``value``."""
    if len(memo) >= (MOST if most is None else most):
        memo.clear()
    memo[key] = value
    return value
