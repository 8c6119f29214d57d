"""Within-group agreement on a multi-item scale (one dimension's indicators).

Input: an ``n × J`` array of answers (NaN where not answered), respondent weights and
the scale. Item variances and means are the scoring engine's (weighted, Bessel-corrected
on the number of answers); with equal weights they are the ordinary ones.

* ``r*_wg(j) = 1 − s̄²/σ²_EU`` (Lindell, Brandt & Whitney 1999), ``s̄²`` the mean item
  variance, ``σ²_EU = (A² − 1)/12``;
* ``r_wg(j) = J(1 − s̄²/σ²_EU) / (J(1 − s̄²/σ²_EU) + s̄²/σ²_EU)`` (James, Demaree & Wolf
  1984), 0 when ``s̄² > σ²_EU`` (LeBreton & Senter 2008); it grows with J;
* ``a_wg(j)``: the mean over items of ``1 − 2s²/max s²``, with
  ``max s² = [(H + L)M − M² − HL] · n/(n − 1)`` (Brown & Hauenstein 2005), items whose
  mean sits at an end of the scale left out;
* ``AD_M(j)``: the mean over items of the (weighted) mean absolute deviation from the
  item mean (Burke & Dunlap 2002).

Only items with at least two answers enter.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.stats.led import Led

Array = NDArray[np.float64]
#: Above this many respondents ``agreements`` takes one scale at a time (as reliability's
#: ``GROUPED``): the all-scales copy would add a whole answers table to a large survey's peak.
AT_ONCE = 2048


@frozen
class Agreement:
    """A dimension's agreement indices; None where undefined."""

    rwg_j: float | None
    rstar_wg_j: float | None
    awg: float | None
    ad_m: float | None
    items: int  # items with at least two answers


def item_moments(answers: Array, weights: Array) -> tuple[Array, Array, Array]:
    """Per column: number answered, weighted mean, Bessel-corrected weighted variance."""
    n, mean, variance, _ = _moments(answers, weights)
    return n, mean, variance


def _moments(answers: Array, weights: Array
             ) -> tuple[Array, Array, Array, tuple[NDArray[np.bool_], Array, Array]]:
    """``item_moments``, and the arrays they are made from: where an answer is present,
    the weights (scaled to the largest) there, the answers with 0.0 where missing."""
    w = weights / weights.max() if weights.size and weights.max() > 0 else weights
    present = ~np.isnan(answers)
    ww = present * w[:, None]
    n = (present & (w[:, None] > 0)).sum(axis=0).astype(float)
    total = ww.sum(axis=0)
    x = np.where(present, answers, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (ww * x).sum(axis=0) / total
        spread = (ww * (x - mean) ** 2).sum(axis=0) / total
        variance = np.where(n >= 2, spread * n / (n - 1), np.nan)
    return n, mean, variance, (present, ww, x)


def agreement(answers: Any, weights: Any, low: int, high: int) -> Agreement:
    """r_wg(j), r*_wg(j), a_wg(j) and AD_M(j) of ``answers`` on the scale ``low..high``
    (finite answers or NaN)."""
    x = np.asarray(answers, dtype=float)
    w = np.asarray(weights, dtype=float)
    n, mean, variance, (present, ww, filled) = _moments(x, w)
    used = n >= 2
    items = int(used.sum())
    if items == 0:
        return Agreement(None, None, None, None, 0)
    every = items == used.size
    spreads = variance if every else variance[used]
    m, nn = (mean, n) if every else (mean[used], n[used])
    if every and x.flags.f_contiguous:
        # every column used, and ``x[:, used]`` would be ``x`` in the same (column-major)
        # layout: the moments' arrays are the ones to sum (the weights scaled to the
        # largest where an answer is present; the answers with 0.0 where missing, what
        # ``np.nan_to_num`` makes of finite answers), summed column by column as before
        deviations = np.where(present, np.abs(filled - m), 0.0)
    else:
        # a column-wise sum adds in another order in another layout: made from
        # ``x[:, used]`` (column-major) as before
        wn = w / w.max() if w.max() > 0 else w
        present = ~np.isnan(x[:, used])
        ww = present * wn[:, None]
        deviations = np.where(present, np.abs(np.nan_to_num(x[:, used]) - m), 0.0)
    ad = (ww * deviations).sum(axis=0) / ww.sum(axis=0)
    return _indices(spreads, m, nn, float(ad.mean()), low, high)


def agreements(answers: Any, weights: Any, low: int, high: int,
               columns: Sequence[NDArray[np.intp]]) -> list[Agreement]:
    """``agreement(answers[:, c], weights, low, high)`` for each ``c`` of ``columns`` (each
    scale's columns), every column's moments and mean absolute deviation made at once.

    ``answers[:, c]`` is column-major (numpy lays out a selection of columns so), and a
    column-wise sum of a column-major array adds each column as the 1-D array it is: the
    columns of one column-major copy of ``answers`` add up as those of each selection
    do, with the same elementwise operations, so every figure is the same bits. Other
    than two-dimensional C- or Fortran-ordered answers, and surveys of more than
    ``AT_ONCE`` respondents (where the copy and its moments would cost memory and one
    call per scale costs nothing), are taken scale by scale."""
    x = np.asarray(answers, dtype=float)
    w = np.asarray(weights, dtype=float)
    if (x.ndim != 2 or x.shape[0] > AT_ONCE
            or not (x.flags.c_contiguous or x.flags.f_contiguous)):
        return [agreement(x[:, c], w, low, high) for c in columns]
    n, mean, variance, (present, ww, filled) = _moments(np.asfortranarray(x), w)
    with np.errstate(invalid="ignore", divide="ignore"):  # columns nobody answered
        ad = (ww * np.where(present, np.abs(filled - mean), 0.0)).sum(axis=0) / ww.sum(axis=0)
        # a_wg's terms of every column (elementwise: the same whichever columns are used)
        maximum = ((high + low) * mean - mean * mean - high * low) * n / (n - 1)
        awg = 1.0 - 2.0 * variance / maximum
    usable = (n >= 2).tolist()
    near = (maximum > 1e-12).tolist()
    chosen = [[j for j in c.tolist() if usable[j]] for c in columns]
    bounded = [[j for j in used if near[j]] for used in chosen]
    # the means of every scale's variances, deviations and a_wg terms, each sum as the
    # scale's own 1-D array sums (``stats.led``), divided by the count as ``ndarray.mean``
    # divides
    width = variance.size
    spreads, deviations = _sums(variance, chosen, width), _sums(ad, chosen, width)
    ends = _sums(awg, bounded, width)
    found: list[Agreement] = []
    for s, used in enumerate(chosen):
        size = len(used)
        if not size:
            found.append(Agreement(None, None, None, None, 0))
            continue
        within = len(bounded[s])
        found.append(_of_means(size, spreads[s] / size, deviations[s] / size,
                               ends[s] / within if within else None, low, high))
    return found


def _sums(values: Array, parts: Sequence[Sequence[int]], width: int) -> list[float]:
    """Per part (indices into ``values``), the sum of its values as ``ndarray.sum`` of
    them gathered in that order gives it (0.0 for none)."""
    extended = np.zeros(width + 1)
    extended[:width] = values
    laid = Led(width)  # each sum led by the +0.0 after the values
    for part in parts:
        laid.add(part)
    summed: list[float] = laid.sums(extended).tolist()
    return summed


def _indices(spreads: Array, mean: Array, n: Array, ad_m: float, low: int, high: int
             ) -> Agreement:
    """The indices of a scale from its usable items' (at least two answers each)
    variances, means and numbers of answers, and their mean absolute deviation."""
    maximum = ((high + low) * mean - mean * mean - high * low) * n / (n - 1)
    ok = maximum > 1e-12
    awg = float((1.0 - 2.0 * spreads[ok] / maximum[ok]).mean()) if ok.any() else None
    return _of_means(int(spreads.size), float(spreads.mean()), ad_m, awg, low, high)


def _of_means(items: int, spread: float, ad_m: float, awg: float | None, low: int,
              high: int) -> Agreement:
    """The indices of a scale of ``items`` usable items from the mean of their variances,
    their mean absolute deviation and a_wg (None: no item's mean short of an end)."""
    points = high - low + 1
    expected = (points * points - 1) / 12.0
    ratio = spread / expected
    rstar = 1.0 - ratio
    rwg_j = 0.0 if ratio > 1 else items * rstar / (items * rstar + ratio)
    return Agreement(_clean(rwg_j), _clean(rstar), awg, _clean(ad_m), items)


def _clean(value: float) -> float | None:
    return None if math.isnan(value) else value
