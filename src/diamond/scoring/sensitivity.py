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
from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.scoring.design import Design
from diamond.stats import quantile
from diamond.stats.composite import aggregate, aggregate_both, indicator_scores
from diamond.stats.sensitivity import sobol

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


def _ranks(scores: Array) -> Array:
    """Rank 1 = highest; ties keep framework order; a missing score ranks last."""
    filled = np.where(np.isnan(scores), -np.inf, scores)
    d = scores.shape[1]
    above = filled[:, None, :] > filled[:, :, None]
    tied_before = (filled[:, None, :] == filled[:, :, None]) & (
        np.arange(d)[None, :] < np.arange(d)[:, None])[None, :, :]
    return np.asarray(1 + (above | tied_before).sum(axis=2), dtype=float)


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
    points = x.high - x.low + 1
    rng = np.random.default_rng(seed)
    keep = rng.random((VARIANTS, n)) >= LEAVE_OUT
    keep[0] = True
    weighted = x.tallies()  # single precision when that is exact
    tally = np.asarray(keep.astype(weighted.dtype) @ weighted, dtype=np.float64).reshape(
        VARIANTS, n_ind, points)
    table = np.stack([indicator_scores(tally, x.low, x.high, m) for m in ("mean", "median")])
    col = 0
    dcols = list(range(col, col + n_dim))
    icols = list(range(col + n_dim, col + n_dim + n_ind))
    agg, meth, resp = n_dim + n_ind, n_dim + n_ind + 1, n_dim + n_ind + 2
    ones = np.ones((n_dim, 1))

    # Without a missing score, the logarithms the geometric mean needs are taken once per
    # row of the table (64 rows) rather than once per model row (7,168): the same values.
    whole = not bool(np.isnan(table).any())
    logs = np.log(1.0 + table * (points - 1) / 100.0) if whole else table
    # (method, variant) as one row number: whole rows taken at once, the same values
    rows, log_rows = table.reshape(2 * VARIANTS, n_ind), logs.reshape(2 * VARIANTS, n_ind)

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
        return np.column_stack([overall, _ranks(dims), dims])

    groups = [dcols, icols, [agg], [meth], [resp]]
    found = sobol(model, groups, samples, seed)
    first, total, sample = found.first, found.total, found.sample
    overall = {a: (_r(first[g, 0]), _r(total[g, 0])) for g, a in enumerate(ASSUMPTIONS)}
    ranks = {d: {a: (_r(first[g, 1 + k]), _r(total[g, 1 + k]))
                 for g, a in enumerate(ASSUMPTIONS)} for k, d in enumerate(x.dimensions)}
    # numpy's 5th and 95th percentiles (``quantile.linear``: the same bits, no
    # ``numpy.ma`` import, one call for all the ranks)
    good = sample[~np.isnan(sample[:, 0]), 0]
    score = None if good.size == 0 else _pair(good)
    dim_scores: dict[str, tuple[float, float] | None] = {}
    rank_iv: dict[str, tuple[int, int]] = {}
    rank_low, rank_high = quantile.linear(sample[:, 1:1 + n_dim].T, PERCENTILES).tolist()
    for k, d in enumerate(x.dimensions):
        column = sample[:, 1 + n_dim + k]
        column = column[~np.isnan(column)]
        dim_scores[d] = None if column.size == 0 else _pair(column)
        rank_iv[d] = (math.floor(rank_low[k]), math.ceil(rank_high[k]))
    return Sensitivity(samples, seed, overall, ranks, score, dim_scores, rank_iv)
