"""numpy's default ("linear", Hyndman & Fan's 7th) quantiles, the same bits, cheaper.

``np.quantile`` and ``np.percentile`` call ``np.unique`` on their indexes, whose first
call imports ``numpy.ma`` (about 6–10 ms of a small ``assess``), and cost about a
quarter of a millisecond of Python per call. ``linear`` does numpy's own steps
(``numpy/lib/_function_base_impl.py``, unchanged since numpy 1.22): the virtual index
``(n − 1)·q``, its floor and the next index (both the last element from ``n − 1`` on),
``γ`` the virtual index minus the floor, the order statistics from a partition, and
``_lerp``: ``a + (b − a)·γ``, or ``b − (b − a)·(1 − γ)`` where ``γ ≥ 0.5``. Data with a
NaN go to numpy itself (its NaN rule stays numpy's).
``tests/unit/test_stats_fast_paths.py`` compares the two.

The order statistics of many rows at once that all lie in the tails (the bootstrap's
2.5th and 97.5th percentiles of 1,000 replicates, for some sixty columns) do not need
every row partitioned: ``_tails`` keeps each row's values beyond a threshold taken from a
subsample of the row (enough of them, or the row is partitioned after all) and sorts only
those, about a fifth of the partition's time (a row with many ties at a threshold, which
would widen every row's sort, is partitioned whole). An order statistic is one of the row's
values, so the results are the same numbers (of a tie between ``0.0`` and ``-0.0``
either zero may come, as from a partition).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
#: ``_tails`` is used for rows of at least this many values, this many values in all,
TAIL_ROW = 256
TAIL_CELLS = 16_384
#: and order statistics within the first or last ``1 / TAIL_SHARE`` of each row;
TAIL_SHARE = 8
#: its thresholds come from every ``STRIDE``-th value of a row;
STRIDE = 8
#: a row keeping more than about this many times the values needed is partitioned whole.
WIDE = 4


def linear(data: Array, quantiles: Sequence[float], *, nan_free: bool = False) -> Array:
    """The ``quantiles`` of ``data`` along its last axis: ``len(quantiles) × …`` (the
    shape of ``np.quantile(data, quantiles, axis=-1)``). ``nan_free``: the caller has
    checked that ``data`` holds no NaN (not checked again)."""
    values = np.asarray(data, dtype=np.float64)
    n = values.shape[-1]
    if n == 0 or (not nan_free and bool(np.isnan(values).any())):
        return np.asarray(np.quantile(values, list(quantiles), axis=-1), dtype=np.float64)
    plan = _plan(n, tuple(float(v) for v in quantiles))
    picked = (_tails(values.reshape(-1, n), plan.kth)
              if values.ndim > 1 and n >= TAIL_ROW and values.size >= TAIL_CELLS else None)
    if picked is None:
        ordered = np.partition(values, plan.kth, axis=-1)
        before, after = plan.before, plan.after
    else:  # the order statistics only, in ``kth``'s order: indexed by their place there
        ordered = picked.reshape(*values.shape[:-1], len(plan.kth))
        before, after = plan.before_place, plan.after_place
    # numpy moves the sampled axis first: results are ``quantiles × rest``
    a = np.moveaxis(ordered[..., before], -1, 0)
    b = np.moveaxis(ordered[..., after], -1, 0)
    shape = plan.gamma.shape + (1,) * (values.ndim - 1)
    diff = b - a
    out = np.add(a, diff * plan.gamma.reshape(shape))
    np.subtract(b, diff * plan.rest.reshape(shape), out=out, where=plan.upper.reshape(shape))
    return np.asarray(out, dtype=np.float64)


class _Plan(NamedTuple):
    """What ``linear`` reads of a row of ``n`` values for some quantiles: the order
    statistics before and after each virtual index (and their places in ``kth``), ``γ``,
    ``1 − γ`` and where ``γ ≥ 0.5``. Read-only arrays, shared by the calls."""

    kth: list[int]
    before: NDArray[np.intp]
    after: NDArray[np.intp]
    before_place: NDArray[np.intp]
    after_place: NDArray[np.intp]
    gamma: Array
    rest: Array
    upper: NDArray[np.bool_]


@lru_cache(maxsize=64)
def _plan(n: int, quantiles: tuple[float, ...]) -> _Plan:
    """numpy's indexes for ``quantiles`` of ``n`` values (made once per ``n`` and
    ``quantiles``: the same numbers every call)."""
    q = np.asarray(quantiles, dtype=np.float64)
    virtual = (n - 1) * q
    previous = np.floor(virtual)
    following = previous + 1
    above = virtual >= n - 1
    previous[above] = -1
    following[above] = -1
    below = virtual < 0
    previous[below] = 0
    following[below] = 0
    before = previous.astype(np.intp)
    after = following.astype(np.intp)
    gamma = np.asarray(virtual - before, dtype=np.float64)
    kth = sorted({int(k) % n for k in (*before.tolist(), *after.tolist())})
    place = {k: p for p, k in enumerate(kth)}
    plan = _Plan(kth, before, after,
                 np.array([place[int(k) % n] for k in before.tolist()], dtype=np.intp),
                 np.array([place[int(k) % n] for k in after.tolist()], dtype=np.intp),
                 gamma, 1 - gamma, gamma >= 0.5)
    for array in plan[1:]:
        array.flags.writeable = False
    return plan


def _tails(values: Array, kth: list[int]) -> Array | None:
    """``np.partition(values, kth, axis=1)[:, kth]`` for ``rows × n`` values without a NaN,
    when every ``k`` of ``kth`` is among the first or last ``n / TAIL_SHARE`` (None
    otherwise). The ``k``-th smallest value of a row is the ``k``-th smallest of its values
    at or below any threshold that more than ``k`` of them reach (and so for the largest):
    each row keeps its values at or below a low threshold and at or above a high one, both
    taken from a subsample, and sorts them; a row with too few kept beyond a threshold is
    partitioned whole."""
    rows, n = values.shape
    edge = n // TAIL_SHARE
    low = [k for k in kth if k < edge]
    high = [n - 1 - k for k in kth if k >= n - edge]  # counted from the largest
    if len(low) + len(high) != len(kth):
        return None
    # the subsample's values at about twice the needed share, and a few more: about twice
    # the values needed lie beyond them, in any distribution
    sample = values[:, ::STRIDE]
    size = sample.shape[1]
    need_low = max(low, default=-1) + 1
    need_high = max(high, default=-1) + 1
    at_low = min(size - 1, 2 * need_low // STRIDE + 2)
    at_high = max(0, size - 1 - (2 * need_high // STRIDE + 2))
    # the subsample's rows are short: sorting them is cheaper than partitioning them
    # (the same values at the two places)
    marks = np.sort(sample, axis=1)
    below, above = marks[:, at_low], marks[:, at_high]
    keep = values <= below[:, None]
    keep |= values >= above[:, None]
    counts = keep.sum(axis=1)
    # a row with many ties at a threshold (a small questionnaire's statistic with few
    # distinct replicates) would widen every row's sort: it is partitioned whole instead
    wide = counts > WIDE * (need_low + need_high) + 64
    if wide.any():
        keep[wide] = False
        counts[wide] = 0
    kept = np.compress(keep.ravel(), values.ravel())  # row after row (faster than values[keep])
    # the kept values, then infinities (at least as wide as the places read below)
    padded = np.full((rows, max(int(counts.max()), need_low, need_high)), np.inf)
    starts = np.cumsum(counts) - counts
    which = np.repeat(np.arange(rows), counts)
    padded[which, np.arange(kept.size) - starts[which]] = kept
    padded.sort(axis=1)
    place = np.array(low + [-1 - j for j in high], dtype=np.intp)  # -1: the row's largest
    index = np.where(place >= 0, place, counts[:, None] + place)
    out: Array = np.take_along_axis(padded, np.maximum(index, 0), axis=1)
    # enough kept on each side: the needed smallest at or below the low threshold, the
    # needed largest at or above the high one
    good = counts >= max(need_low, need_high)
    if low:
        good &= out[:, len(low) - 1 if low else 0] <= below
    if high:
        good &= out[:, len(low)] >= above
    if not good.all():
        redo = np.flatnonzero(~good)
        out[redo] = np.partition(values[redo], kth, axis=1)[:, kth]
    return out
