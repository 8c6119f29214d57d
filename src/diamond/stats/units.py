"""Whole-number tallies: the bootstrap's products in single precision, exactly.

A resampled tally is ``Σ count × weight`` over the respondents who gave an answer. When
every respondent weighs the same, the weights are 1 and every tally, and every sum of a
tally times a scale point, is a whole number: single precision holds it exactly below
2**24, so the products give the same figures whatever their precision, block or order.

The mean needs only two such sums per indicator (the weight on an answer, and the weight
times the answer), not one per scale point: ``sums`` is that ``n × 2I`` matrix.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
#: Single precision holds every whole number below this exactly.
EXACT_BELOW = 2**24


def units(weights: Array) -> NDArray[np.float32] | None:
    """Each respondent's weight as a whole number of units (1 when all weigh the same),
    or None when the weights are not that."""
    if weights.size == 0 or not bool((weights == 1.0).all()):
        return None
    return np.ones(weights.shape, dtype=np.float32)


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
