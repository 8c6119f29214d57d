"""Compact sort keys and places for ranking thousands of clusters in little memory.

``ranking.ranking_order`` sorted tuples of strings, tuples and floats, several a cluster
(about 0.8 KB each), so the main process's peak grew with the files of a portfolio.
Here a sort key is one ``bytes`` whose byte order is the order of the tuple it stands
for (Python compares ``bytes`` like that), and the ranking's result is kept in arrays:

- a text: its UTF-8 bytes (which sort as its code points), each zero byte written as
  ``00 FF``, then ``00 00``: no encoded text is the beginning of another, and a shorter
  text sorts first, so texts one after another sort as a tuple of them;
- a float: its IEEE bits, sign flipped (positive) or all inverted (negative), after
  ``+ 0.0`` (so −0.0 and 0.0 are one key); NaN has no place and is refused;
- a period key (``ranking._period_key``: ``(0, int)`` or ``(1, text)`` parts): each part
  as ``01`` + length + big-endian bytes (a non-negative int) or ``02`` + text, then ``00``.

Equal keys stand for equal tuples, so a stable sort on them gives the same order.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Sequence

from diamond.lazyseq import Built, Listed
from diamond.portfolio.spill import Spill, Spilled

__all__ = ["Draws", "Places", "float_key", "period_bytes", "text_key"]

_FLIP = (1 << 64) - 1
_SIGN = 1 << 63


def text_key(text: str) -> bytes:
    """``text`` as a key that sorts like it, and ends where it ends."""
    return text.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\xff") + b"\x00\x00"


def float_key(value: float) -> bytes:
    """``value`` (not NaN) as eight bytes that sort like it."""
    bits: int = struct.unpack(">Q", struct.pack(">d", float(value) + 0.0))[0]
    return (bits ^ _FLIP if bits & _SIGN else bits | _SIGN).to_bytes(8, "big")


def period_bytes(parts: tuple[tuple[int, object], ...]) -> bytes:
    """A period key (``ranking._period_key``) as bytes that sort like it."""
    out = bytearray()
    for kind, part in parts:
        if kind == 0:
            assert isinstance(part, int)
            raw = part.to_bytes((part.bit_length() + 7) // 8, "big")
            out += b"\x01" + len(raw).to_bytes(4, "big") + raw
        else:
            assert isinstance(part, str)
            out += b"\x02" + text_key(part)
    out += b"\x00"
    return bytes(out)


#: A cluster's place in the ranking: its index among the clusters given, its rank (0:
#: history), whether it is its cluster's latest period, and its rank interval (None:
#: as it was).
Place = tuple[int, int, bool, int | None, int | None]


class Places(Listed[Place]):
    """Places in rank order, in arrays (40 bytes a cluster); a missing interval is −1."""

    def __init__(self) -> None:
        self.at = array("q")
        self.rank = array("q")
        self.latest = bytearray()
        self.low = array("q")
        self.high = array("q")

    def add(self, index: int, rank: int, latest: bool, low: int | None, high: int | None
            ) -> None:
        self.at.append(index)
        self.rank.append(rank)
        self.latest.append(latest)
        self.low.append(-1 if low is None else low)
        self.high.append(-1 if high is None else high)

    def __len__(self) -> int:
        return len(self.at)

    def _item(self, k: int) -> Place:
        low, high = self.low[k], self.high[k]
        return (self.at[k], self.rank[k], bool(self.latest[k]),
                None if low < 0 else low, None if high < 0 else high)


class Draws(Built[Sequence[float]]):
    """The replicates of the clusters ``chosen`` (indices), made on each read: spilled
    ones from their offsets and counts, others as they were."""

    def __init__(self, chosen: Sequence[int], spill: Spill | None, offsets: array[int],
                 counts: array[int], loose: dict[int, Sequence[float]]) -> None:
        self._chosen, self._spill, self._loose = chosen, spill, loose
        self._offsets, self._counts = offsets, counts

    def __len__(self) -> int:
        return len(self._chosen)

    def _item(self, k: int) -> Sequence[float]:
        at = self._chosen[k]
        if self._offsets[at] < 0:
            return self._loose[at]
        assert self._spill is not None
        return Spilled(self._spill, self._offsets[at], self._counts[at])
