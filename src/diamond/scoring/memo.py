"""Values an assessment makes from its framework (and other facts of its questionnaire,
such as its weights or language) alone, made once and kept: a portfolio assesses many
files of one framework.

A value is kept under its framework's identity and a key; the framework is kept with it,
so that its ``id`` cannot be reused by another while the value is kept. At most ``KEEP``
values are kept per store (then the store starts again). Kept values are only read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from diamond.memo import remember

T = TypeVar("T")
KEEP = 64


class Memo(Generic[T]):
    """Values by framework and key."""

    __slots__ = ("_found",)

    def __init__(self) -> None:
        self._found: dict[tuple[int, Hashable], tuple[object, T]] = {}

    def get(self, framework: object, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``framework`` and ``key``, made by ``make()`` when there is
        none yet."""
        found = self._found.get((id(framework), key))
        if found is not None and found[0] is framework:
            return found[1]
        made = make()
        remember(self._found, (id(framework), key), (framework, made), KEEP)
        return made
