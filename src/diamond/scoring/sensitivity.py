"""Variance-based sensitivity of the overall score and the dimension ranks (docs/method.md).

Five assumptions, as the OECD/JRC Handbook on composite indicators (2008, steps 7–8)
and COINr treat them, each one group of unit-uniform inputs of a Sobol design
(``diamond.stats.sensitivity``):

* ``dimension_weights``: every dimension weight × a factor uniform in [0.5, 1.5];
* ``indicator_weights``: every indicator weight × a factor uniform in [0.5, 1.5];
* ``aggregation``: arithmetic or geometric, with equal probability;
* ``method``: mean or median, with equal probability;
* ``respondents``: all respondents, or one of ``VARIANTS − 1`` seeded subsets that
  leave out each respondent with probability ``LEAVE_OUT``, with equal probability.

Outputs: the overall score and each dimension's rank (1 = highest; ties in framework
order). First-order and total-effect indices per assumption and output, and the 5th–95th
percentiles of the overall score, each dimension's score and its rank over the design's
random sample.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.scoring.design import Design
from diamond.stats import heap, quantile, rounding
from diamond.stats.composite import aggregate, aggregate_both, indicator_scores
from diamond.stats.ranks import ranks
from diamond.stats.sensitivity import indices, matrices, sobol

Array = NDArray[np.float64]
DEFAULT_SAMPLES = 1024
SEED = 2008
VARIANTS = 32
LEAVE_OUT = 0.1
ASSUMPTIONS = ("dimension_weights", "indicator_weights", "aggregation", "method",
               "respondents")
DECIMALS = 4
PERCENTILES = (0.05, 0.95)  # the intervals' 5th and 95th percentiles


@frozen
class Sensitivity:
    """Indices ``(first, total)`` per assumption for the overall score and each rank."""

    samples: int
    seed: int
    overall: Mapping[str, tuple[float, float]]
    ranks: Mapping[str, Mapping[str, tuple[float, float]]]
    score_interval: tuple[float, float] | None
    dimension_scores: Mapping[str, tuple[float, float] | None]
    rank_intervals: Mapping[str, tuple[int, int]]


def _r(value: float) -> float:
    return round(float(value), DECIMALS) + 0.0


def _pair(values: Array) -> tuple[float, float]:
    low, high = quantile.linear(values, PERCENTILES).tolist()
    return _r(low), _r(high)


def analyse(x: Design, samples: int = DEFAULT_SAMPLES, seed: int = SEED) -> Sensitivity | None:
    """The Sobol analysis of ``x``; None with fewer than two respondents or no samples."""
    n, n_ind, n_dim = len(x.respondents), len(x.indicators), len(x.dimensions)
    if n < 2 or samples < 1 or n_dim == 0:
        return None
    heap.keep()  # the temporaries' pages kept from one call to the next
    rows, log_rows, whole = _table(x, seed)
    groups = _groups(n_dim, n_ind)
    if whole:
        a, b = matrices(groups, samples, seed)
        found = indices(_outputs(a, b, x, rows, log_rows))
    else:
        found = sobol(_model(x, rows, log_rows, whole), groups, samples, seed)
    sample = found.sample
    # ``_r`` of every index at once (``rounding.rounded``: the same numbers): row g of
    # ``first`` then of ``total``, each the overall score and the D ranks
    width = 1 + n_dim
    figures = rounding.rounded(np.concatenate([found.first[:, :width],
                                               found.total[:, :width]]), DECIMALS)
    first = [figures[g * width:(g + 1) * width] for g in range(len(ASSUMPTIONS))]
    total = [figures[(len(ASSUMPTIONS) + g) * width:(len(ASSUMPTIONS) + g + 1) * width]
             for g in range(len(ASSUMPTIONS))]
    overall = {a: (first[g][0], total[g][0]) for g, a in enumerate(ASSUMPTIONS)}
    ranks = {d: {a: (first[g][1 + k], total[g][1 + k]) for g, a in enumerate(ASSUMPTIONS)}
             for k, d in enumerate(x.dimensions)}
    # numpy's 5th and 95th percentiles (``quantile.linear``: the same bits, no
    # ``numpy.ma`` import, one call for all the ranks, one for all the scores when none
    # is missing: each row's figures are those of its column alone)
    scored = sample[:, [0, *range(1 + n_dim, 1 + 2 * n_dim)]].T  # overall, dimensions
    pairs: list[tuple[float, float] | None]
    if np.isnan(scored).any():
        pairs = [None if good.size == 0 else _pair(good)
                 for good in (row[~np.isnan(row)] for row in scored)]
    else:
        bounds = rounding.rounded(quantile.linear(np.ascontiguousarray(scored), PERCENTILES,
                                                  nan_free=True), DECIMALS)  # lows, highs
        pairs = list(zip(bounds[:1 + n_dim], bounds[1 + n_dim:], strict=True))
    score = pairs[0]
    dim_scores: dict[str, tuple[float, float] | None] = dict(
        zip(x.dimensions, pairs[1:], strict=True))
    # ranks are whole numbers, never NaN
    rank_low, rank_high = quantile.linear(sample[:, 1:1 + n_dim].T, PERCENTILES,
                                          nan_free=True).tolist()
    rank_iv = {d: (math.floor(rank_low[k]), math.ceil(rank_high[k]))
               for k, d in enumerate(x.dimensions)}
    return Sensitivity(samples, seed, overall, ranks, score, dim_scores, rank_iv)


def _groups(n_dim: int, n_ind: int) -> list[list[int]]:
    """The design's input columns per assumption: dimension weights, indicator weights,
    aggregation, method, respondents (one column each for the last three)."""
    agg = n_dim + n_ind
    return [list(range(n_dim)), list(range(n_dim, agg)), [agg], [agg + 1], [agg + 2]]


def _table(x: Design, seed: int) -> tuple[Array, Array, bool]:
    """The indicator scores of every (method, respondent subset) as ``2·VARIANTS × I``
    rows, their scale positions' logarithms (the scores themselves when one is missing),
    and whether none is missing."""
    n, n_ind = len(x.respondents), len(x.indicators)
    points = x.high - x.low + 1
    rng = np.random.default_rng(seed)
    keep = rng.random((VARIANTS, n)) >= LEAVE_OUT
    keep[0] = True
    weighted = x.tallies()  # single precision when that is exact
    tally = np.asarray(keep.astype(weighted.dtype) @ weighted, dtype=np.float64).reshape(
        VARIANTS, n_ind, points)
    table = np.stack([indicator_scores(tally, x.low, x.high, m) for m in ("mean", "median")])
    # Without a missing score, the logarithms the geometric mean needs are taken once per
    # row of the table (64 rows) rather than once per model row (7,168): the same values.
    whole = not bool(np.isnan(table).any())
    logs = np.log(1.0 + table * (points - 1) / 100.0) if whole else table
    # (method, variant) as one row number: whole rows taken at once, the same values
    return table.reshape(2 * VARIANTS, n_ind), logs.reshape(2 * VARIANTS, n_ind), whole


def _model(x: Design, rows: Array, log_rows: Array, whole: bool) -> Callable[[Array], Array]:
    """The model of the design's rows (``sobol``'s one array): overall score, dimension
    ranks and dimension scores of each row of inputs."""
    n_dim, n_ind = len(x.dimensions), len(x.indicators)
    agg, meth, resp = n_dim + n_ind, n_dim + n_ind + 1, n_dim + n_ind + 2
    points = x.high - x.low + 1
    ones = np.ones((n_dim, 1))

    def model(u: Array) -> Array:
        row = ((u[:, meth] >= 0.5).astype(np.intp) * VARIANTS
               + np.minimum((u[:, resp] * VARIANTS).astype(np.intp), VARIANTS - 1))
        scores = np.take(rows, row, axis=0)
        # the columns are ranges: slices instead of gathered copies, the same values
        factor = 0.5 + u[:, n_dim:n_dim + n_ind]
        iw = np.multiply(x.indicator_weights, factor, out=factor)
        dw = x.dimension_weights * (0.5 + u[:, :n_dim])
        geometric = u[:, agg] >= 0.5
        if whole:  # ``scores`` and the taken logarithms are not used again
            arithmetic, geo = aggregate_both(scores, np.take(log_rows, row, axis=0), iw,
                                             x.membership, points, overwrite=True)
        else:
            arithmetic = aggregate(scores, iw, x.membership, "arithmetic", points)
            geo = aggregate(scores, iw, x.membership, "geometric", points)
        dims = np.where(geometric[:, None], geo, arithmetic)
        overall = np.where(geometric, aggregate(dims, dw, ones, "geometric", points)[:, 0],
                           aggregate(dims, dw, ones, "arithmetic", points)[:, 0])
        return np.column_stack([overall, ranks(dims), dims])

    return model


def _outputs(a: Array, b: Array, x: Design, rows: Array, log_rows: Array) -> Array:
    """The model's outputs at A, B and each ``AB_i`` (``7 × samples × (1 + 2D)``), for a
    table of scores without a missing one, from A and B alone.

    Of the seven blocks of model rows, the dimension scores need only five products:
    ``AB_i`` for the dimension weights and for the aggregation have A's indicator weights
    and scores, so A's arithmetic and geometric dimension scores; the indicator weights
    (and so the denominators) are A's everywhere but in B and ``AB_i`` for the indicator
    weights, which have B's. Each row is computed with the operations ``model`` applies
    to it in ``sobol``'s one array, element by element, and every product by the
    membership matrix has the model's number of rows (below), so the same bits; only the
    figures that would repeat another are not made.
    """
    samples = a.shape[0]
    n_dim, n_ind = len(x.dimensions), len(x.indicators)
    agg, meth, resp = n_dim + n_ind, n_dim + n_ind + 1, n_dim + n_ind + 2
    points = x.high - x.low + 1

    def row(method_from: Array, variant_from: Array) -> NDArray[np.intp]:
        found: NDArray[np.intp] = (
            (method_from[:, meth] >= 0.5).astype(np.intp) * VARIANTS
            + np.minimum((variant_from[:, resp] * VARIANTS).astype(np.intp), VARIANTS - 1))
        return found

    # Every product by the membership matrix keeps the shape of the model's own (7 ×
    # samples rows): the linear-algebra library may choose its kernel, and so its
    # rounding, by the size of a product (OpenBLAS does), so the rows not needed stay in
    # as zeros and their results are not used (buffers kept per thread: the same pages
    # from one analysis to the next, none to fault in again).
    total = 7 * samples
    # the indicator weights of A (rows 0..) and of B (rows samples..)
    weights = _padded("weights", (total, n_ind))
    np.add(0.5, a[:, n_dim:n_dim + n_ind], out=weights[:samples])
    np.add(0.5, b[:, n_dim:n_dim + n_ind], out=weights[samples:2 * samples])
    np.multiply(x.indicator_weights, weights[:2 * samples], out=weights[:2 * samples])
    denominators = (weights @ x.membership)[:2 * samples]
    # the five (weights, scores) pairs: A's; B's; B's weights with A's scores (AB_i of the
    # indicator weights); A's weights with AB_i's scores for the method and the respondents
    which = (0, 1, 1, 0, 0)
    at = np.concatenate([row(a, a), row(b, b), row(a, a), row(b, a), row(a, b)])
    used = 5 * samples
    scores, logs = _padded("scores", (total, n_ind)), _padded("logs", (total, n_ind))
    np.take(rows, at, axis=0, out=scores[:used], mode="clip")  # every index is in range
    np.take(log_rows, at, axis=0, out=logs[:used], mode="clip")
    for k, w in enumerate(which):
        part = slice(k * samples, (k + 1) * samples)
        mine = weights[w * samples:(w + 1) * samples]
        np.multiply(mine, scores[part], out=scores[part])
        np.multiply(mine, logs[part], out=logs[part])
    below = np.take(denominators.reshape(2, samples, n_dim), which, axis=0).reshape(-1, n_dim)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.exp((logs @ x.membership)[:used] / below)
        geometric = (mean - 1.0) * 100.0 / (points - 1)
        arithmetic = (scores @ x.membership)[:used] / below
    positive = below > 0
    arithmetic = np.where(positive, arithmetic, np.nan).reshape(5, samples, n_dim)
    geometric = np.where(positive, geometric, np.nan).reshape(5, samples, n_dim)
    # the seven blocks: A, B, AB_i for the dimension weights, the indicator weights, the
    # aggregation, the method and the respondents; the pair each takes its scores from,
    # and where its aggregation and dimension weights come from
    # (0: A's, 1: B's), all seven blocks at once: the same figures element by element
    pair = [0, 1, 0, 2, 0, 3, 4]
    chosen = [0, 1, 0, 0, 1, 0, 0]
    dim_from = [0, 1, 1, 0, 0, 0, 0]
    drawn = ((a[:, agg] >= 0.5), (b[:, agg] >= 0.5))
    use_geometric = np.concatenate([drawn[c] for c in chosen])
    flat = np.where(use_geometric.reshape(7, samples, 1), geometric[pair],
                    arithmetic[pair]).reshape(-1, n_dim)
    factors = (x.dimension_weights * (0.5 + a[:, :n_dim]),
               x.dimension_weights * (0.5 + b[:, :n_dim]))
    dw = np.concatenate([factors[f] for f in dim_from])
    ones = np.ones((n_dim, 1))
    if np.isnan(flat).any():
        geo_overall = aggregate(flat, dw, ones, "geometric", points)
        arith_overall = aggregate(flat, dw, ones, "arithmetic", points)
    else:  # both at once: the same operations, the weights' copy and denominator once
        arith_overall, geo_overall = aggregate_both(
            flat, np.log(1.0 + flat * (points - 1) / 100.0), dw, ones, points)
    # written into one array instead of stacked: the same figures
    out = np.empty((7 * samples, 1 + 2 * n_dim))
    np.copyto(out[:, 0], np.where(use_geometric, geo_overall[:, 0], arith_overall[:, 0]))
    out[:, 1:1 + n_dim] = ranks(flat)
    out[:, 1 + n_dim:] = flat
    return out.reshape(7, samples, -1)


_SCRATCH = threading.local()
#: Buffers larger than this many numbers (4 MB) are made for one analysis and let go;
#: smaller ones are kept by the thread (three of 7,168 × 31 at the default samples).
MAX_SCRATCH = 1 << 19


def _padded(name: str, shape: tuple[int, int]) -> Array:
    """A zero-filled buffer of ``shape`` for this thread, the same one from call to call
    (the callers write its leading rows only, so the rest stays zero)."""
    if shape[0] * shape[1] > MAX_SCRATCH:
        return np.zeros(shape)
    kept: dict[str, Array] | None = getattr(_SCRATCH, "buffers", None)
    if kept is None:
        kept = _SCRATCH.buffers = {}
    found = kept.get(name)
    if found is None or found.shape != shape:
        found = kept[name] = np.zeros(shape)
    return found
