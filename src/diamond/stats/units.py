"""Whole-number tallies: the bootstrap's products in single precision, exactly.

A resampled tally is ``Σ count × weight`` over the respondents who gave an answer. When
the weights are whole numbers of a common unit (all 1 when every respondent weighs the
same; 1, 2, 3, 4 and 6 sixths of the largest for weights of 0.5, 1, 1.5, 2 and 3), every
tally in units, and every sum of a tally times a scale point, is a whole number: single
precision holds it exactly below 2**24, so the products give the same figures whatever
their precision, block or order, and the scores (ratios of such sums) are the correctly
rounded ones, which the double-precision products of the weights themselves (each
rounded, in the order of the linear-algebra library) approach to a few units in the
last place.

The mean needs only two such sums per indicator (the weight on an answer, and the weight
times the answer), not one per scale point: ``sums`` is that ``n × 2I`` matrix.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
#: Single precision holds every whole number below this exactly.
EXACT_BELOW = 2**24
#: The largest number of units a weight of 1 is split into.
MAX_DENOMINATOR = 1024
#: More distinct weights than this: not looked at (weights from a continuous range).
MAX_DISTINCT = 64


def units(weights: Array) -> NDArray[np.float32] | None:
    """Each respondent's weight (scaled so the largest is 1) as a whole number of units
    ``m / D``, the smallest ``D`` up to ``MAX_DENOMINATOR`` for which every weight is the
    double nearest ``m / D`` (1 when all weigh the same; 1, 2, 3, 4 and 6 for weights of
    0.5, 1, 1.5, 2 and 3); None when there is no such ``D`` or more than
    ``MAX_DISTINCT`` distinct weights."""
    if weights.size == 0 or not bool((weights >= 0).all()):
        return None
    if bool((weights == 1.0).all()):
        return np.ones(weights.shape, dtype=np.float32)
    distinct = set(weights.tolist())  # 0.0 and -0.0 are one weight, as in a sort
    if len(distinct) > MAX_DISTINCT:
        return None
    denominator = _denominator(distinct)
    if denominator is None:
        return None
    found: NDArray[np.float32] = np.rint(weights * denominator).astype(np.float32)
    return found


#: ``_denominator`` tries this many denominators one by one before the rest at once.
FIRST = 16


def _denominator(distinct: set[float]) -> float | None:
    """The smallest ``D`` of ``units`` for these weights, or None: the first few one by
    one (most weights fit one of them; Python's ``round(w * D) / D`` is numpy's
    ``rint(w * D) / D``: the same product, the same whole number, half to even, and the
    correctly rounded quotient of two exact numbers), then the rest in one array."""
    if all(math.isfinite(w) for w in distinct):
        for d in range(1, min(FIRST, MAX_DENOMINATOR) + 1):
            if all(round(w * d) / d == w for w in distinct):
                return float(d)
        start = FIRST + 1
    else:
        start = 1
    values = np.array(sorted(distinct), dtype=np.float64)
    denominators = np.arange(start, MAX_DENOMINATOR + 1, dtype=np.float64)[:, None]
    whole = np.rint(values * denominators)
    fits = np.flatnonzero((whole / denominators == values).all(axis=1))
    return None if fits.size == 0 else float(denominators[fits[0], 0])


def exact(units: NDArray[np.float32], low: int, high: int) -> bool:
    """Whether every resampled sum of units × scale point stays below ``EXACT_BELOW``: at
    most every respondent drawn with the largest unit, times the largest point."""
    top = float(units.max()) if units.size else 0.0
    return units.size * top * max(abs(low), abs(high), 1) < EXACT_BELOW


def sums(answers: Array, units: NDArray[np.float32]) -> NDArray[np.float32]:
    """``n × 2I``: each respondent's units on every answered indicator (0 where not
    answered), then their units times the answer."""
    answered = ~np.isnan(answers)
    out = np.empty((answers.shape[0], 2 * answers.shape[1]), dtype=np.float32)
    n_ind = answers.shape[1]
    np.multiply(answered, units[:, None], out=out[:, :n_ind])
    np.multiply(np.where(answered, answers, 0.0), units[:, None], out=out[:, n_ind:],
                casting="same_kind")
    return out
