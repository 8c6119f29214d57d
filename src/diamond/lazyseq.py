"""Sequences whose items are made from their index when read.

A national portfolio has thousands of files, clusters and places; holding each as an
object would make the main process's memory grow with them. These sequences keep
compact columns (arrays, offsets into a spill file, shared texts) and build an item
whenever it is read. ``Built`` gives them one ``Sequence`` interface: subclasses say
how long they are and how item ``k`` is made.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class Built(Sequence[T]):
    """A read-only sequence of items made by ``_item(k)`` on every read, indexed and
    sliced as a list is (negative indices count from the end; a slice is a list)."""

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def _item(self, k: int) -> T:
        """Item ``k`` (0 <= k < len(self)), made afresh."""

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._item(k) for k in range(*index.indices(len(self)))]
        size = len(self)
        k = index + size if index < 0 else index
        if not 0 <= k < size:
            raise IndexError(index)
        return self._item(k)

    def __iter__(self) -> Iterator[T]:
        return (self._item(k) for k in range(len(self)))


class Listed(Built[T]):
    """A ``Built`` sequence that compares as a list does: equal to any sequence of equal
    items, and so not hashable."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
