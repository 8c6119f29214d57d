"""Rank the latest period of each cluster, with bootstrap rank intervals and ICCs.

A *cluster* is a sector in a region (names compared case-folded). Only its latest period
(the greatest ``period``, compared with digits as numbers; ties: the later path) is
ranked; earlier periods are kept as history with rank 0 and are never ranked against it.
Rank intervals: in each bootstrap replicate the latest clusters are ranked by their
replicate overall scores; the 2.5th and 97.5th percentiles of each cluster's rank.
ICC(1) and ICC(2) per dimension: respondents' own dimension scores grouped by cluster
(``diamond.stats.icc``, Bliese 2000); ICC(2) ≥ 0.70 means the survey tells the clusters'
means apart reliably.
"""

from __future__ import annotations

import os
import re
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import IO, Any

from diamond.portfolio.model import Cluster
from diamond.portfolio.sortkeys import Draws, Places, float_key, period_bytes, text_key
from diamond.portfolio.spill import Spill, Spilled

RELIABLE_ICC2 = 0.70


def _period_key(period: str) -> tuple[tuple[int, object], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part.casefold())
                 for part in re.findall(r"\d+|\D+", period))


def cluster_key(name: str, region: str) -> str:
    """The identity of a cluster: sector name and region, case-folded."""
    return f"{name.casefold()}\x00{region.casefold()}"


#: Replicate × cluster cells ranked at a time: memory stays a few MB whatever the count.
BLOCK_CELLS = 1 << 18
LOW, HIGH = 2.5, 97.5  # the percentiles of the rank interval


def _kept(replicates: int) -> int:
    """Ranks to keep at each end of a cluster's replicates: every one a percentile reads.

    ``np.percentile`` (linear) reads the sorted values at ``floor(q·(B−1))`` and the next;
    for 2.5 % that is among the ``floor(0.025·(B−1)) + 2`` smallest, for 97.5 % among as
    many largest. Two more for safety against rounding.
    """
    return int(LOW / 100 * (replicates - 1)) + 4


def _rank_percentiles(draws: Any, clusters: int, replicates: int) -> tuple[Any, Any]:
    """The 2.5th and 97.5th percentiles of each cluster's rank over the replicates.

    ``draws(start, stop)`` gives the ``(stop − start) × clusters`` replicate scores of
    replicates ``start`` to ``stop``. The replicates are ranked a block at a time, and
    only each cluster's ``_kept`` smallest and largest ranks are carried from block to
    block: the percentiles read nothing else, so they come out exactly as over the whole
    ``replicates × clusters`` table, in a few MB (``BLOCK_CELLS``) instead of four such tables.
    """
    import numpy as np

    from diamond.stats.ranks import ranks

    keep = _kept(replicates)
    if 2 * keep >= replicates:  # few replicates: keep them all
        ranked = ranks(draws(0, replicates))
        return (np.percentile(ranked, LOW, axis=0), np.percentile(ranked, HIGH, axis=0))
    block = max(1, BLOCK_CELLS // clusters)
    # a rank is at most the clusters: int32 halves the kept ranks, which grow with them
    kind = np.int32 if clusters < 2**31 else np.int64
    low = high = np.empty((0, clusters), dtype=kind)
    for start in range(0, replicates, block):
        ranked = ranks(draws(start, min(replicates, start + block))).astype(kind)
        low = np.concatenate([low, ranked])
        high = np.concatenate([high, ranked])
        del ranked
        if len(low) > keep:
            low = np.partition(low, keep - 1, axis=0)[:keep]
            high = np.partition(high, len(high) - keep, axis=0)[-keep:]
    # A stand-in of every replicate, a block of clusters at a time: the kept ranks, and
    # the middle filled with the largest small one (between the two kept ends, so the
    # sorted ends, all the percentiles read, are those of the whole table).
    low.sort(axis=0)
    high.sort(axis=0)
    lows, highs = np.empty(clusters), np.empty(clusters)
    width = max(1, BLOCK_CELLS // replicates)
    for first in range(0, clusters, width):
        part = slice(first, first + width)
        middle = np.repeat(low[-1:, part], replicates - 2 * keep, axis=0)
        whole = np.concatenate([low[:, part], middle, high[:, part]])
        lows[part] = np.percentile(whole, LOW, axis=0)
        highs[part] = np.percentile(whole, HIGH, axis=0)
    return lows, highs


class _ByReplicate:
    """The clusters' replicate scores turned replicate-major, in a temporary file.

    ``_rank_percentiles`` asks for a block of replicates of every cluster at a time.
    Read from each cluster's own replicates (kept on disk, ``portfolio.spill``) that is
    one read per cluster per block: 8,100 clusters in 16 blocks, 130,000 reads, growing
    with the square of the clusters. Here each cluster's replicates are read once, a
    tile of clusters (``BLOCK_CELLS`` values) is written replicate by replicate, and a
    block is then one read per tile. The same floats, in a few MB whatever the count.
    """

    def __init__(self, draws: Sequence[Sequence[float]], replicates: int) -> None:
        import numpy as np

        self.count = len(draws)
        self.replicates = replicates
        self.width = max(1, BLOCK_CELLS // replicates)  # clusters a tile
        # removed by the system when closed (or when the process ends)
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="diamond-ranks-")  # noqa: SIM115
        for first in range(0, self.count, self.width):
            part = draws[first:first + self.width]
            tile = np.empty((replicates, len(part)))  # replicates × clusters
            for k, d in enumerate(part):
                tile[:, k] = np.asarray(d[0:replicates], dtype=float)
            self._write(tile.tobytes(), first * replicates * _FLOAT)

    def _write(self, raw: bytes, offset: int) -> None:
        view = memoryview(raw)
        while view:
            done = os.pwrite(self.file.fileno(), view, offset)
            view, offset = view[done:], offset + done

    def _read(self, size: int, offset: int) -> bytes:
        parts: list[bytes] = []
        while size:
            raw = os.pread(self.file.fileno(), size, offset)
            if not raw:
                raise OSError(f"{self.file.name}: ended early")
            parts.append(raw)
            size, offset = size - len(raw), offset + len(raw)
        return b"".join(parts)

    def __call__(self, start: int, stop: int) -> Any:
        """Replicates ``start`` to ``stop`` of every cluster: (stop − start) × clusters."""
        import numpy as np

        rows = stop - start
        table = np.empty((rows, self.count))
        for first in range(0, self.count, self.width):
            width = min(self.width, self.count - first)
            raw = self._read(rows * width * _FLOAT,
                             (first * self.replicates + start * width) * _FLOAT)
            table[:, first:first + width] = np.frombuffer(raw, dtype=float).reshape(rows, width)
        return table

    def close(self) -> None:
        self.file.close()


_FLOAT = 8  # bytes of a float64


def _intervals(draws: Sequence[Sequence[float]]) -> list[tuple[int, int]] | None:
    """Each ranked cluster's rank interval from its replicates (in rank order); None
    when there are fewer than two, or their replicates differ in number or are none."""
    import numpy as np

    sizes = {len(d) for d in draws}
    if len(draws) < 2 or len(sizes) != 1 or 0 in sizes:
        return None
    replicates = sizes.pop()

    def direct(start: int, stop: int) -> Any:
        table = np.empty((stop - start, len(draws)))  # replicates × clusters
        for k, d in enumerate(draws):
            table[:, k] = np.asarray(d[start:stop], dtype=float)
        return table

    if max(1, BLOCK_CELLS // len(draws)) >= replicates:  # one block: read each once
        low, high = _rank_percentiles(direct, len(draws), replicates)
    else:
        by_replicate = _ByReplicate(draws, replicates)
        try:
            low, high = _rank_percentiles(by_replicate, len(draws), replicates)
        finally:
            by_replicate.close()
    return [(int(lo), int(hi)) for lo, hi in zip(np.floor(low).astype(int),
                                                 np.ceil(high).astype(int), strict=True)]


def _by_tuples(clusters: Sequence[Cluster]) -> Places:
    """``ranking_order`` the plain way, with tuples of each cluster's sort keys: for the
    clusters the compact keys cannot stand for (see ``ranking_order``)."""
    heads = [(c.key, _period_key(c.period), c.source, c.overall, c.name, c.region, c.draws)
             for c in clusters]
    latest: dict[str, int] = {}
    for k, (key, period, source, *_rest) in enumerate(heads):
        held = latest.get(key)
        if held is None or (period, source) > (heads[held][1], heads[held][2]):
            latest[key] = k
    current = [k for k, head in enumerate(heads) if latest[head[0]] == k]
    ordered = sorted(current, key=lambda k: (heads[k][3] is None, -(heads[k][3] or 0.0),
                                             heads[k][4].casefold(), heads[k][4],
                                             heads[k][2]))
    intervals = _intervals([heads[k][6] for k in ordered])
    places = Places()
    for r, k in enumerate(ordered, 1):
        places.add(k, r, True, *((None, None) if intervals is None else intervals[r - 1]))
    history = sorted((k for k, head in enumerate(heads) if latest[head[0]] != k),
                     key=lambda k: (heads[k][4].casefold(), heads[k][5].casefold(),
                                    heads[k][1], heads[k][2]))
    for k in history:
        places.add(k, 0, False, None, None)
    return places


def ranking_order(clusters: Sequence[Cluster]) -> Places:
    """What ``rank`` makes of ``clusters``, as places, in one pass over them holding two
    short ``bytes`` keys a cluster (``sortkeys``) and its replicates' offset. One sorts
    by (cluster key, period, source): each key's last is its latest period, the others
    its history, in the history's order (a cluster key is the case-folded name and
    region joined by a zero character); the other sorts the latest by score. What the
    keys cannot stand for (a key that is not that join, a zero character in a name or
    region, a NaN score, two alike) goes to ``_by_tuples``: the same order either way.
    """
    by_key: list[bytes] = []  # (cluster key, period, source)
    by_score: list[bytes] = []  # (no score, −score, name case-folded, name, source)
    offsets, counts = array("q"), array("q")
    loose: dict[int, Sequence[float]] = {}
    spill: Spill | None = None
    for k, c in enumerate(clusters):
        name, region, overall = c.name, c.region, c.overall
        folded = name.casefold()
        if (c.key != f"{folded}\x00{region.casefold()}" or "\x00" in name or "\x00" in region
                or (overall is not None and overall != overall)):
            return _by_tuples(clusters)
        source = text_key(c.source)
        by_key.append(text_key(c.key) + period_bytes(_period_key(c.period)) + source)
        by_score.append((b"\x01" + float_key(0.0) if overall is None
                         else b"\x00" + float_key(-overall))
                        + text_key(folded) + text_key(name) + source)
        draws = c.draws
        if isinstance(draws, Spilled) and (spill is None or draws._spill is spill):
            spill = draws._spill
            offsets.append(draws._offset)
            counts.append(draws._count)
        else:
            loose[k] = draws
            offsets.append(-1)
            counts.append(0)
    order = sorted(range(len(by_key)), key=by_key.__getitem__)
    current, history = array("q"), array("q")
    for pos, k in enumerate(order):
        whole = by_key[k]
        after = by_key[order[pos + 1]] if pos + 1 < len(order) else b""
        if after == whole:
            return _by_tuples(clusters)
        cut = whole.index(b"\x00\x00") + 2  # the end of the cluster key
        (current if after[:cut] != whole[:cut] else history).append(k)
    del order, by_key
    ordered = array("q", sorted(sorted(current), key=by_score.__getitem__))
    del by_score, current
    intervals = _intervals(Draws(ordered, spill, offsets, counts, loose))
    places = Places()
    for r, k in enumerate(ordered, 1):
        places.add(k, r, True, *((None, None) if intervals is None else intervals[r - 1]))
    for k in history:
        places.add(k, 0, False, None, None)
    return places


def rank(clusters: Sequence[Cluster]) -> tuple[Cluster, ...]:
    """Latest periods ranked (1 = best), each with its rank interval; then the history."""
    found: list[Cluster] = []
    for k, r, is_latest, low, high in ranking_order(clusters):
        c = replace(clusters[k], rank=r, latest=is_latest)
        found.append(c if low is None else replace(c, rank_low=low, rank_high=high))
    return tuple(found)


def iccs(clusters: Sequence[Cluster], dimensions: Sequence[str]
         ) -> dict[str, tuple[float | None, float | None]]:
    """ICC(1) and ICC(2) of each dimension over the latest clusters' respondents."""
    from diamond.stats.icc import bliese

    # one pass over the clusters (a stored one is rebuilt on each read): the latest ones'
    # keys and own scores (on disk); each dimension's ANOVA then reads every cluster's
    # values once, as they are kept (``bliese``: no list of every value)
    kept = [(c.key, c.own) for c in clusters if c.latest]
    return {dim: bliese((key, own.get(dim, ())) for key, own in kept) for dim in dimensions}
