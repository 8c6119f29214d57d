"""The seeded, deterministic bootstrap over respondents.

``counts`` draws ``B`` resamples of ``n`` respondents with replacement (Efron &
Tibshirani 1993) from ``numpy.random.default_rng(seed)`` (PCG64, the same stream on
every platform) as an ``B × n`` matrix of how often each respondent is drawn, so a
replicate of any weighted total is one matrix product. ``interval`` summarises
replicates as a standard error (their standard deviation) and a percentile interval.
Figures are rounded to ``DECIMALS`` so reports are byte-identical on every machine
whatever the floating-point summation order of its linear-algebra library.

The counts depend only on ``(n, replicates, seed)``: a portfolio's questionnaires of the
same size, and their groups of the same size, draw the same ones. ``float_blocks`` keeps
the counts it drew in one block (``diamond.stats.kept``, at most ``KEPT_BYTES``), so a
process that scores many such files draws each matrix once; the figures are the same
numbers as drawn afresh.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.stats import kept, quantile, rounding

Array = NDArray[np.float64]
DEFAULT_REPLICATES = 1000
SEED = 20151
LEVEL = 0.95
DECIMALS = 4
#: Blocks of up to this many cells are counted a few rows at a time, larger ones row by row.
WHOLE_BLOCK = 1 << 20
#: Rows counted at once in a small block: this many cells (their temporaries stay small
#: enough to be reused from the heap instead of fresh pages from the kernel each time).
CHUNK_CELLS = 1 << 15
#: Counts drawn in one block are kept for the next call with the same arguments, up to
#: this many bytes per process (the least recently used dropped first).
KEPT_BYTES = 16 << 20

#: Resamples of at most this many respondents can be scored once per distinct resample
#: (``distinct``: at most 462 of them).
DISTINCT_UP_TO = 6

_kept: kept.Kept[NDArray[Any]] = kept.Kept(KEPT_BYTES)
_kept_distinct: kept.Kept[tuple[NDArray[Any], ...]] = kept.Kept(KEPT_BYTES // 16)


@frozen
class Interval:
    """A standard error and a ``level`` interval; None where the statistic is undefined."""

    se: float | None
    low: float | None
    high: float | None
    level: float = LEVEL


NO_INTERVAL = Interval(None, None, None)


def counts(n: int, replicates: int, seed: int = SEED) -> NDArray[np.int64]:
    """``replicates × n`` resampling counts (each row sums to n)."""
    return np.vstack(list(blocks(n, replicates, replicates, seed)))


def blocks(n: int, replicates: int, size: int, seed: int = SEED) -> Iterator[NDArray[np.int64]]:
    """The rows of ``counts`` in blocks of at most ``size``, drawn as they are needed.

    One generator draws every block in turn, so the replicates are those of ``counts``
    whatever the block size, and memory stays at one block (a 10,000-respondent file
    needs 16 MB per 200 replicates instead of 80 MB for all 1,000).
    """
    for block in float_blocks(n, replicates, size, seed):
        yield block.astype(np.int64)


def float_blocks(n: int, replicates: int, size: int, seed: int = SEED,
                 dtype: type[np.floating[Any]] = np.float64) -> Iterator[NDArray[Any]]:
    """``blocks`` as floating-point counts (what a matrix product takes), made without an
    integer copy: the draws are the same numbers (``integers`` gives the same values as
    32-bit integers below 2³¹), each row counted on its own, in cache. The one block
    yielded is reused: use it before asking for the next. A block holding all the
    replicates is kept (read-only) and given again to the next call with the same
    arguments (``forget`` drops every kept block)."""
    if size >= replicates and replicates > 0:
        key = (n, replicates, seed, np.dtype(dtype).str)
        found = _kept.get(key)
        if found is None:
            found = next(_drawn(n, replicates, size, seed, dtype))
            found.flags.writeable = False
            _kept.put(key, found)
        yield found
        return
    yield from _drawn(n, replicates, size, seed, dtype)


def distinct(n: int, replicates: int, seed: int = SEED,
             dtype: type[np.floating[Any]] = np.float64,
             ) -> tuple[NDArray[Any], NDArray[np.intp]] | None:
    """The distinct rows of ``float_blocks(n, replicates, replicates, seed, dtype)``'s one
    block (in the order of their first replicate) and, for each replicate, its row among
    them: ``rows[index]`` is the block. A resample of ``n`` respondents is one of
    ``C(2n − 1, n)`` count vectors, 3 for two respondents and 462 for six, so a small
    group's 1,000 replicates repeat a few hundred rows at most. None above
    ``DISTINCT_UP_TO`` respondents or when fewer than half the rows would be saved. Kept
    with the counts."""
    if not 1 <= n <= DISTINCT_UP_TO or replicates < 1:
        return None
    key = (n, replicates, seed, np.dtype(dtype).str, "distinct")
    found = _kept_distinct.get(key)
    if found is None:
        block = next(float_blocks(n, replicates, replicates, seed, dtype))
        # each row as one whole number in base n + 1 (below (n + 1)**n)
        codes = block.astype(np.int64) @ ((n + 1) ** np.arange(n, dtype=np.int64))
        seen = np.zeros(int(codes.max()) + 1, dtype=np.intp)
        first = np.full(seen.size, replicates, dtype=np.intp)
        np.minimum.at(first, codes, np.arange(replicates, dtype=np.intp))
        starts = np.sort(first[first < replicates])  # each distinct row's first replicate
        seen[codes[starts]] = np.arange(starts.size, dtype=np.intp)
        rows = block[starts]
        index = seen[codes]
        rows.flags.writeable = False
        index.flags.writeable = False
        found = (rows, index)
        _kept_distinct.put(key, found)
    rows, index = found
    return (rows, index) if 2 * rows.shape[0] <= replicates else None


def forget() -> None:
    """Drop the counts ``float_blocks`` keeps (the next calls draw them afresh)."""
    _kept.clear()
    _kept_distinct.clear()


def _drawn(n: int, replicates: int, size: int, seed: int,
           dtype: type[np.floating[Any]]) -> Iterator[NDArray[Any]]:
    """``float_blocks``'s blocks, drawn from the seeded generator."""
    rng = np.random.default_rng(seed)
    kind = np.int32 if n <= 2**31 else np.int64
    out = np.empty((min(size, replicates), n), dtype=dtype)
    step = max(1, CHUNK_CELLS // max(n, 1))
    offsets = (np.arange(min(step, size, replicates), dtype=np.intp) * n)[:, None]
    for start in range(0, replicates, size):
        rows = min(size, replicates - start)
        block = out[:rows]
        if rows * n <= WHOLE_BLOCK:  # small: counted a few rows at a time, in cache
            # drawn in the same order as all the block's rows at once: the same numbers
            for lo in range(0, rows, step):
                part = min(step, rows - lo)
                drawn = rng.integers(0, n, size=(part, n), dtype=kind)
                block[lo:lo + part] = np.bincount((drawn + offsets[:part]).ravel(),
                                                  minlength=part * n).reshape(part, n)
        else:  # large: row by row, each row's counts in cache
            drawn = rng.integers(0, n, size=(rows, n), dtype=kind)
            for row in range(rows):
                block[row] = np.bincount(drawn[row], minlength=n)
        yield block


def _round(value: float) -> float:
    return round(value, DECIMALS) + 0.0


def interval(replicates: Array) -> list[Interval]:
    """Per column of ``B × m`` replicates: SE and percentile interval (None if any is NaN).

    A statistic undefined in more than 5 % of the replicates gets no interval; below
    that, the undefined replicates are left out (``interval_rows``).
    """
    data = np.asarray(replicates, dtype=float)
    if data.ndim != 2:
        return []
    return interval_rows(np.ascontiguousarray(data.T))


def interval_rows(rows: Array) -> list[Interval]:
    """``interval`` of the transposed replicates: one row of ``m × B`` per statistic.

    The rows without an undefined replicate are summarised together, in one call per
    statistic (the same figures as row by row: each row is contiguous, so its sums run
    in the order of a single row's); the others one by one.
    """
    data = np.asarray(rows, dtype=float)
    out: list[Interval] = [NO_INTERVAL] * data.shape[0]
    if data.shape[0] == 0:
        return out
    complete = ~np.isnan(data).any(axis=1)
    whole = np.flatnonzero(complete)
    if whole.size and data.shape[1] >= 2:
        block = data if whole.size == data.shape[0] else data[whole]
        bounds = quantile.linear(block, [(1 - LEVEL) / 2, (1 + LEVEL) / 2], nan_free=True)
        ses = np.std(block, axis=1, ddof=1)
        # ``_round`` of each figure, all at once (``diamond.stats.rounding``)
        figures = rounding.rounded(np.concatenate([ses, bounds.ravel()]), DECIMALS)
        m = whole.size
        for k, row in enumerate(whole.tolist()):
            out[row] = Interval(figures[k], figures[m + k], figures[2 * m + k])
    for row in np.flatnonzero(~complete).tolist():
        good = data[row][~np.isnan(data[row])]
        if good.size < 2 or good.size < 0.95 * data.shape[1]:
            continue
        low, high = quantile.linear(good, [(1 - LEVEL) / 2, (1 + LEVEL) / 2])
        se = float(np.std(good, ddof=1))
        out[row] = Interval(_round(se), _round(float(low)), _round(float(high)))
    return out


def analytic(se: float | None, estimate: float | None) -> Interval:
    """A normal-theory 95 % interval ``estimate ± 1.96·SE`` (for the analytic SE)."""
    if se is None or estimate is None or math.isnan(se):
        return NO_INTERVAL
    half = 1.959963984540054 * se
    return Interval(_round(se), _round(estimate - half), _round(estimate + half))
