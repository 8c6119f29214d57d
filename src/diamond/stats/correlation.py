"""The correlation ratio η², the first-order effect of one score on another (docs/method.md).

``correlation_ratio`` estimates each dimension's *effective weight* in the overall score
(Paruolo, Saisana & Saltelli 2013): the share of the overall score's variance over
respondents that the dimension's score explains, from the weighted means of the overall
score within bins of respondents sorted by the dimension's score.
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
#: ``a.sum()`` of a one-dimensional array without its Python wrapper: the same reduction.
_sum = np.add.reduce


def correlation_ratio(x: Array, y: Array, weights: Array) -> float | None:
    """η² of y on x: the weighted variance of y's means within equal-count bins of x.

    Bins: ``max(2, min(10, round(√n)))`` groups of respondents sorted by x, respondents
    with equal x kept in one bin (Paruolo, Saisana & Saltelli 2013 estimate the same
    first-order effect by smoothing; binning is the simplest consistent estimator).
    """
    n = x.size
    if n < 4:
        return None
    order = np.argsort(x, kind="stable")
    xs, ys, ws = x[order], y[order], weights[order]
    bins = max(2, min(10, round(float(np.sqrt(n)))))
    label = np.floor(np.arange(n) * bins / n)
    # ties stay together: every respondent takes the bin of the first of their equal run
    starts = np.flatnonzero(np.concatenate([[True], xs[1:] != xs[:-1]]))
    first = np.zeros(n, dtype=np.intp)
    first[starts] = starts
    label = label[np.maximum.accumulate(first)]
    total = _sum(ws)
    mean = _sum(ws * ys) / total
    spread = _sum(ws * (ys - mean) ** 2)
    if spread <= 0:
        return None
    between = 0.0
    # the labels ascend, so each bin is a run of respondents: its slice holds the values
    # ``label == b`` picks, in the same order (the same sums); found without
    # ``np.unique`` (which imports ``numpy.ma`` on its first call)
    edges = np.flatnonzero(np.concatenate([[True], label[1:] != label[:-1], [True]])).tolist()
    for start, end in pairwise(edges):
        w_bin = ws[start:end]
        wb = _sum(w_bin)
        if wb > 0:  # a bin of weights that underflow to zero (5e-324 beside 1e6) adds none
            between += wb * (_sum(w_bin * ys[start:end]) / wb - mean) ** 2
    ratio = float(between / spread)
    return ratio if math.isfinite(ratio) else None
