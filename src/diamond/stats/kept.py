"""A bounded, least-recently-used store of arrays by key (``bootstrap.float_blocks``).

Values (an array, or a tuple of arrays) are kept until their total size would pass
``limit`` bytes; then the least recently used are dropped first. A value larger than the
limit is not kept. Lookups and insertions hold a lock, so threads may share a store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

from numpy.typing import NDArray

V = TypeVar("V", NDArray[Any], tuple[NDArray[Any], ...])


def _size(value: NDArray[Any] | tuple[NDArray[Any], ...]) -> int:
    if isinstance(value, tuple):
        return sum(int(part.nbytes) for part in value)
    return int(value.nbytes)


class Kept(Generic[V]):
    """Arrays (or tuples of arrays) by key, at most ``limit`` bytes in all."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """The value kept under ``key`` (now the most recently used), or None."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` under ``key``, dropping the least recently used to make room."""
        size = _size(value)
        if size > self._limit:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= _size(old)
            while self._items and self._size + size > self._limit:
                _, dropped = self._items.popitem(last=False)
                self._size -= _size(dropped)
            self._items[key] = value
            self._size += size

    def clear(self) -> None:
        """Drop every kept value."""
        with self._lock:
            self._items.clear()
            self._size = 0

    @property
    def size(self) -> int:
        """The bytes kept."""
        return self._size

    def __len__(self) -> int:
        return len(self._items)
