"""A mapping made the first time it is read.

``Later(make)`` is the mapping ``make()`` returns, called once, on the first lookup,
iteration, length or comparison (never before); ``make`` is let go once called. The
statistics use it for what a report may never read: a portfolio's cluster report shows
the questionnaire's dimension and overall intervals, not its indicators' or its
stakeholder groups' (``diamond.scoring.uncertainty``), which the JSON report and
``compare`` read. Pickled (and copied) as the plain dictionary it stands for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Later(Mapping[K, V]):
    """The mapping ``make()`` returns, made on first use."""

    __slots__ = ("_lock", "_made", "_make")

    def __init__(self, make: Callable[[], Mapping[K, V]]) -> None:
        self._make: Callable[[], Mapping[K, V]] | None = make
        self._made: Mapping[K, V] | None = None
        self._lock = threading.Lock()

    def _items(self) -> Mapping[K, V]:
        made = self._made
        if made is None:
            with self._lock:  # made once, even when threads share it
                made = self._made
                if made is None:
                    assert self._make is not None
                    made = self._made = self._make()
                    self._make = None  # what it held (arrays, the design) let go
        return made

    def __getitem__(self, key: K) -> V:
        return self._items()[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __contains__(self, key: object) -> bool:
        return key in self._items()

    def __repr__(self) -> str:
        return repr(dict(self._items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (dict(self._items()),)
