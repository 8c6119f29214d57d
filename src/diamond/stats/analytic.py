"""The analytic standard error of a weighted mean of respondents' own scores (docs/method.md).

``sd/√n_eff`` with Kish's effective n, as ``diamond.stats.difference.standard_error``
computes it from lists, here from arrays; ``interval`` turns it into the normal-theory
95 % interval around the assessment's own figure (``bootstrap.analytic``).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from diamond.stats import bootstrap
from diamond.stats.bootstrap import Interval

Array = NDArray[np.float64]


def interval(values: Array, weights: Array, estimate: float | None) -> Interval:
    """The analytic interval of ``estimate`` from the respondents' ``values`` (NaN: not
    scored, left out) and their ``weights``."""
    keep = ~np.isnan(values)
    return bootstrap.analytic(standard_error(values[keep], weights[keep]), estimate)


def standard_error(values: Array, weights: Array) -> float | None:
    """``difference.standard_error`` of arrays: the same operations on the same numbers
    (each product and difference made by numpy is the one Python makes; every sum is
    ``math.fsum``, exact; squares are Python's own ``** 2``), without a Python step per
    respondent for all but the squares."""
    top = float(weights.max()) if weights.size else 0.0
    if top <= 0 or not math.isfinite(top) or bool((weights < 0).any()):
        # the list version, for weights it cannot scale (imported here: only this needs it)
        from diamond.stats.difference import standard_error as of_lists

        return of_lists(values.tolist(), weights.tolist())
    w = weights / top
    keep = w > 0
    x, v = values[keep], w[keep]
    n = int(x.size)
    if n < 2:
        return None  # Kish's n is at most 1
    kept = v.tolist()
    total = math.fsum(kept)
    mean = math.fsum((v * x).tolist()) / total
    # each weight times its square in Python: the product numpy makes of the same floats
    spread = math.fsum([a * d ** 2 for a, d in zip(kept, (x - mean).tolist(), strict=True)]
                       ) / total
    variance = spread * n / (n - 1)
    # Kish's n of the kept weights, scaled by their largest (1.0: the same numbers)
    n_eff = total ** 2 / math.fsum((v * v).tolist())
    if n_eff < 2 or math.isnan(variance):
        return None
    return math.sqrt(variance / n_eff)
