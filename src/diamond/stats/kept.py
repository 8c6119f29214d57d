"""A bounded, least-recently-used store of arrays by key (``bootstrap.float_blocks``).

Arrays are kept until their total size would pass ``limit`` bytes; then the least
recently used are dropped first. An array larger than the limit is not kept. Lookups
and insertions hold a lock, so threads may share a store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from numpy.typing import NDArray


class Kept:
    """Arrays by key, at most ``limit`` bytes in all."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: OrderedDict[Hashable, NDArray[Any]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> NDArray[Any] | None:
        """The array kept under ``key`` (now the most recently used), or None."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, array: NDArray[Any]) -> None:
        """Keep ``array`` under ``key``, dropping the least recently used to make room."""
        size = int(array.nbytes)
        if size > self._limit:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= int(old.nbytes)
            while self._items and self._size + size > self._limit:
                _, dropped = self._items.popitem(last=False)
                self._size -= int(dropped.nbytes)
            self._items[key] = array
            self._size += size

    def clear(self) -> None:
        """Drop every kept array."""
        with self._lock:
            self._items.clear()
            self._size = 0

    @property
    def size(self) -> int:
        """The bytes kept."""
        return self._size

    def __len__(self) -> int:
        return len(self._items)
