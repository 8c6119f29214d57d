"""The scoring pipeline on arrays, vectorised over replicates (bootstrap, sensitivity draws).

The same method as ``diamond.scoring.engine`` (which is exact and stays the reference),
in floating point so that thousands of replicates cost milliseconds:

* an indicator's answers arrive as *tallies*: the total respondent weight on each of
  the ``K`` scale points (array ``... × I × K``); its mean, or weighted median (the
  engine's rule, ties within 1e-9 of half the weight), becomes a 0–100 score;
* ``aggregate`` combines scores with weights over a membership matrix (indicators →
  dimensions, or dimensions → overall), leaving out missing scores and zero weights:
  arithmetic ``Σw·s/Σw``, or geometric on scale positions ``p = 1 + s·(K − 1)/100``
  (``exp(Σw·ln p / Σw)`` mapped back to 0–100), so a score of 0 stays defined.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
Aggregation = Literal["arithmetic", "geometric"]
AGGREGATIONS: tuple[Aggregation, ...] = ("arithmetic", "geometric")
_TIE = 1e-9


def tallies(answers: Array, low: int, high: int) -> Array:
    """One-hot ``n × I × K`` array: 1 where respondent r gave answer ``low + k`` to item i."""
    points = np.arange(low, high + 1, dtype=float)
    return np.asarray(answers[:, :, None] == points[None, None, :], dtype=np.float64)


def weighted_tallies(answers: Array, weights: NDArray[Any], low: int, high: int,
                     dtype: type[np.floating[Any]]) -> NDArray[Any]:
    """``n × I·K`` in ``dtype``: each respondent's weight on the scale point they gave each
    indicator (what ``tallies`` times the weights gives, without its ``n × I × K`` copy
    in double precision)."""
    points = np.arange(low, high + 1, dtype=np.float64)
    out = (answers[:, :, None] == points).astype(dtype)  # one-hot, n × I × K
    out *= weights.astype(dtype)[:, None, None]  # 1 × weight: the weight itself
    found: NDArray[Any] = out.reshape(answers.shape[0], -1)
    return found


def indicator_scores(tally: Array, low: int, high: int, method: str) -> Array:
    """0–100 scores from weighted tallies (``... × I × K``); NaN where nothing carries weight."""
    k = tally.shape[-1]
    total = _sum_last(tally)
    values = low + np.arange(k, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "mean":
            value = _weighted_sum_last(tally, values) / total
        else:
            value = _median(tally, total, values)
        value = np.where(total > 0, value, np.nan)
    if value.ndim == 0:
        return (value - low) / (high - low) * 100.0
    # in place, on the new array ``np.where`` made: the same operations, the same bits
    value -= low
    value /= high - low
    value *= 100.0
    return value


def mean_scores(total: NDArray[Any], weighted: NDArray[Any], low: int, high: int) -> Array:
    """``indicator_scores(tally, low, high, "mean")`` from each indicator's total weight
    (``tally`` summed over the points) and weighted sum of points: the operations that
    follow those two sums there, so the same bits when the sums are the same numbers.

    The sums may come in single precision (whole numbers, ``diamond.stats.units``): the
    division is made in double precision, on their exact double values, as after a cast.
    The sums are whole numbers (the callers' are): each ``mean − low`` is 0 or at least
    about ``1 / total``, far from the subnormal range, so where ``high − low`` is a power
    of two the division by it is exact and ``/ (high − low) * 100`` is the one rounding of
    ``* (100 / (high − low))`` (an exact double): one pass instead of two, the same bits.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        value: Array = np.divide(weighted, total, dtype=np.float64)
    positive = total > 0
    if not positive.all():  # NaN where nothing carries weight, numpy's own NaN
        value = np.where(positive, value, np.nan)
    value -= low
    span = high - low
    if span > 0 and span & (span - 1) == 0:
        value *= 100.0 / span
    else:
        value /= span
        value *= 100.0
    return value


def _weighted_sum_last(tally: Array, values: Array) -> Array:
    """``_sum_last(tally * values)`` without the whole product: each point's products
    are the same numbers, added in the same order, so the same bits."""
    k = tally.shape[-1]
    if k == 0 or k >= 8:
        return _sum_last(tally * values)
    out: Array = np.multiply(tally[..., 0], values[0], dtype=np.float64)
    for point in range(1, k):
        out += np.multiply(tally[..., point], values[point], dtype=np.float64)
    return out


def _sum_last(array: Array) -> Array:
    """``array.sum(axis=-1)`` for a short last axis (the scale's points), added in the same
    order (first to last, as numpy does below eight terms), so the same bits, but one
    whole-array addition per point instead of a reduction per element."""
    if array.shape[-1] == 0 or array.shape[-1] >= 8:
        return np.asarray(array.sum(axis=-1), dtype=np.float64)
    out = np.array(array[..., 0], dtype=np.float64)
    for k in range(1, array.shape[-1]):
        out += array[..., k]
    return out


def _median(tally: Array, total: Array, values: Array) -> Array:
    k = tally.shape[-1]
    cumulative = np.cumsum(tally, axis=-1)
    half = (total / 2.0)[..., None]
    reached = cumulative >= half * (1 - _TIE)
    position = np.argmax(reached, axis=-1)
    at = np.take_along_axis(cumulative, position[..., None], axis=-1)
    tie = np.abs(at - half) <= _TIE * np.maximum(half, 1e-300)
    index = np.where(tally > 0, np.arange(k), k)
    following = np.minimum.accumulate(index[..., ::-1], axis=-1)[..., ::-1]
    following = np.concatenate([following[..., 1:], np.full(following[..., :1].shape, k)], -1)
    nxt = np.take_along_axis(following, position[..., None], axis=-1)
    here = values[position]
    later = values[np.minimum(nxt[..., 0], k - 1)]
    use = tie[..., 0] & (nxt[..., 0] < k)
    return np.asarray(np.where(use, (here + later) / 2.0, here), dtype=np.float64)


def aggregate(scores: Array, weights: Array, membership: Array,
              aggregation: Aggregation = "arithmetic", points: int = 5) -> Array:
    """Weighted combination of ``scores`` (``... × I``) into ``... × D`` by ``membership`` (I × D).

    ``weights`` broadcasts against ``scores``. NaN where no scored member has weight.
    """
    missing = np.isnan(scores)
    if missing.any():
        w = np.where(missing, 0.0, np.broadcast_to(weights, scores.shape))
        s = np.where(missing, 0.0, scores)
    else:  # nothing to leave out: the same arrays without two passes over them
        w = np.array(np.broadcast_to(weights, scores.shape), dtype=np.float64, order="C")
        s = scores
    denominator = w @ membership
    return np.where(denominator > 0,
                    _combined(w, s, membership, denominator, aggregation, points), np.nan)


def _combined(w: Array, scores: Array, membership: Array, denominator: Array,
              aggregation: Aggregation, points: int) -> Array:
    """The weighted combination itself (NaN or infinite where ``denominator`` is 0)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        if aggregation == "geometric":
            position = 1.0 + scores * (points - 1) / 100.0
            mean = np.exp((w * np.log(position)) @ membership / denominator)
            out: Array = (mean - 1.0) * 100.0 / (points - 1)
            return out
        combined: Array = (w * scores) @ membership / denominator
        return combined


class Combine:
    """``aggregate`` with one set of weights and membership for many score arrays (the
    bootstrap's replicates of a questionnaire and of each group): the weights' copy and
    the denominator, the same for every array of one shape without a missing score, are
    made once per shape. The same operations on the same arrays as ``aggregate``, so the
    same bits; arrays with a missing score go to ``aggregate`` itself."""

    def __init__(self, weights: Array, membership: Array, aggregation: Aggregation,
                 points: int) -> None:
        self._weights, self._membership = weights, membership
        self._aggregation, self._points = aggregation, points
        self._made: dict[tuple[int, ...], tuple[Array, Array, NDArray[np.bool_], bool]] = {}

    def __call__(self, scores: Array) -> Array:
        if np.isnan(scores).any():
            return aggregate(scores, self._weights, self._membership, self._aggregation,
                             self._points)
        made = self._made.get(scores.shape)
        if made is None:
            w = np.array(np.broadcast_to(self._weights, scores.shape), dtype=np.float64,
                         order="C")
            denominator = w @ self._membership
            positive = denominator > 0
            made = self._made[scores.shape] = (w, denominator, positive, bool(positive.all()))
        w, denominator, positive, everywhere = made
        out = _combined(w, scores, self._membership, denominator, self._aggregation,
                        self._points)
        # every denominator positive: ``np.where`` would copy ``out`` as it is
        return out if everywhere else np.where(positive, out, np.nan)


def aggregate_both(scores: Array, logs: Array, weights: Array, membership: Array,
                   points: int = 5, *, overwrite: bool = False) -> tuple[Array, Array]:
    """``aggregate`` arithmetic and geometric at once, for ``scores`` without a missing
    one: the weights' copy and the denominator are made once, and the logarithms of the
    scale positions come as ``logs`` (``np.log(1.0 + scores * (points - 1) / 100.0)``,
    which may be taken once per distinct row before the rows are gathered). The same
    operations on the same arrays as two ``aggregate`` calls, so the same bits.
    ``overwrite``: the weighted products are written over ``scores`` and ``logs`` (no
    new arrays of their size)."""
    # a C-contiguous copy of the weights, as ``aggregate`` makes (no copy when they are one)
    w = np.ascontiguousarray(np.broadcast_to(weights, scores.shape), dtype=np.float64)
    denominator = w @ membership
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.exp(np.multiply(w, logs, out=logs if overwrite else None) @ membership
                      / denominator)
        geometric = (mean - 1.0) * 100.0 / (points - 1)
        arithmetic = (np.multiply(w, scores, out=scores if overwrite else None) @ membership
                      / denominator)
    positive = denominator > 0
    return np.where(positive, arithmetic, np.nan), np.where(positive, geometric, np.nan)
