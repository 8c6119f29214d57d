"""Keep each cluster's bootstrap replicates and respondents' scores on disk, not in memory.

A national portfolio holds thousands of clusters, each with 1,000 bootstrap replicates
of its overall score (8 KB) and its respondents' own dimension scores, which only the
rank intervals and the ICCs read, once, at the end. ``Spill`` appends them to one
temporary file as each file's outcome arrives; a ``Spilled`` sequence reads them back
when asked, so the main process's memory does not grow with them. The file is removed
when the last ``Spilled`` that refers to it is gone (or the process ends).
``diamond.portfolio.stored`` keeps each arriving cluster there too, whole.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, Any, overload

__all__ = ["Spill", "Spilled"]

_ITEM = array("d").itemsize


class Spill:
    """One temporary file that float arrays are appended to."""

    def __init__(self) -> None:
        # kept open as long as the spill: removed by the system when closed
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="diamond-portfolio-")  # noqa: SIM115
        self._end = 0

    def put(self, values: Sequence[float]) -> Spilled:
        """Write ``values`` (as ``float64``) at the end of the file; a sequence reading them."""
        data = values if isinstance(values, array) and values.typecode == "d" else array(
            "d", values)
        raw = data.tobytes()
        os.pwrite(self._file.fileno(), raw, self._end)
        spilled = Spilled(self, self._end, len(data))
        self._end += len(raw)
        return spilled

    def put_bytes(self, raw: bytes) -> tuple[int, int]:
        """Write ``raw`` at the end of the file; its offset and size."""
        offset = self._end
        view = memoryview(raw)
        while view:
            done = os.pwrite(self._file.fileno(), view, self._end)
            view = view[done:]
            self._end += done
        return offset, len(raw)

    def get_bytes(self, offset: int, size: int) -> bytes:
        """The ``size`` bytes written at ``offset``."""
        raw = os.pread(self._file.fileno(), size, offset)
        while len(raw) < size:  # a short read (never seen on a regular file)
            more = os.pread(self._file.fileno(), size - len(raw), offset + len(raw))
            if not more:
                raise OSError(f"{self._file.name}: ended early")
            raw += more
        return raw

    def read(self, offset: int, count: int) -> array[float]:
        """``count`` floats written at byte ``offset``."""
        raw = os.pread(self._file.fileno(), count * _ITEM, offset)
        values = array("d")
        values.frombytes(raw)
        return values


class Spilled(Sequence[float]):
    """Floats kept in a ``Spill``: a read-only sequence that reads them back on use.

    Equal to any sequence of the same floats; pickled as an ``array('d')``.
    """

    __slots__ = ("_count", "_offset", "_spill")

    def __init__(self, spill: Spill, offset: int, count: int) -> None:
        self._spill = spill
        self._offset = offset
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> float: ...

    @overload
    def __getitem__(self, index: slice) -> array[float]: ...

    def __getitem__(self, index: int | slice) -> float | array[float]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step == 1:
                return self._spill.read(self._offset + start * _ITEM, max(0, stop - start))
            return self.values()[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._spill.read(self._offset + index * _ITEM, 1)[0]

    def values(self) -> array[float]:
        """Every value, read in one go."""
        return self._spill.read(self._offset, self._count)

    def __iter__(self) -> Iterator[float]:
        return iter(self.values())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == self._count and list(self.values()) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self.values()))

    def __repr__(self) -> str:
        return f"Spilled({list(self.values())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (array, ("d", self.values().tolist()))
