"""Every indicator's exact figures for the whole and each stakeholder group at once, from the
``Tally`` (``engine``'s method and numbers).

``engine.counted_figures`` takes one indicator's ``(answer, weight) → how many`` counts
(a ``Counter``) and adds them up in Python. Here the same sums are made for every
indicator of the whole questionnaire and of each group in one pass over the tally: each
distinct respondent weight read as the decimal it prints as becomes a positive integer
over the weights' common denominator (``stats.over_common_denominator``), and per
indicator the integers ``Σw``, ``Σw·x`` and ``Σw·x²`` (``w`` those integers, ``x`` the
answers) are added up in floating point, exact while every sum stays below 2⁵³ (checked
first; otherwise, or with a weight that is not positive, ``None``: the caller counts as
before). The figures are then the same exact fractions as ``stats.summary_of_counts``
makes (a ``Fraction`` is stored in lowest terms, so equal values are identical objects'
equals and convert to the same float): the mean ``Σw·x / Σw``; the weighted median by
the cumulative weights; the variance
``Σw(x − m)²/Σw · n/(n − 1) = (Σw·Σw·x² − (Σw·x)²) · n / ((Σw)² (n − 1))``.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from diamond.models.questionnaire import GROUPS, Scale
from diamond.scoring.matrix import Tally
from diamond.scoring.stats import median_of_totals, normalise, over_common_denominator, rwg

if TYPE_CHECKING:
    from diamond.scoring.engine import Figures
    from diamond.scoring.result import Method

#: Below this, every integer sum is exact in double precision.
EXACT = 2**53


def weight_units(weights: Sequence[float]) -> list[int] | None:
    """The distinct weights (read as decimals) times their common denominator: positive
    integers in the same ratios; None when a weight is not positive."""
    units, _ = over_common_denominator(weights)
    if not units or any(u <= 0 for u in units):
        return None
    return units


def figures(t: Tally, indicators: Sequence[str], scale: Scale, method: Method,
            groups: Sequence[int]) -> list[dict[str, Figures]] | None:
    """The figures of the whole (all statistics) and then of each group of ``groups``
    (indices into ``GROUPS``; the number of answers and the score, which is all a group's
    dimension and overall scores need), as ``engine.score_counted`` computes them from
    ``matrix.counted`` counts; None when the integer sums could be inexact in double
    precision or a weight is not positive (then count as before)."""
    from diamond.scoring.engine import Figures  # engine imports this module when scoring

    units = weight_units(t.weights)
    if units is None:
        return None
    low, points, width = scale.min, t.points, t.indicators
    largest = max(abs(low), abs(low + points - 1), 1)
    top = max(units)
    if top >= EXACT or top * int(t.counts.sum()) * largest * largest >= EXACT:
        return None
    cells = width * points
    weight_index, rest = np.divmod(t.keys, max(cells, 1))
    group, w = np.divmod(weight_index, len(t.weights))
    where = group * cells + rest
    size = len(GROUPS) * cells
    weighted = np.bincount(where, weights=t.counts * np.asarray(units, dtype=np.int64)[w],
                           minlength=size).reshape(len(GROUPS), width, points)
    counts = np.bincount(where, weights=t.counts, minlength=size).reshape(
        len(GROUPS), width, points)
    chosen = list(groups)
    totals = np.concatenate([weighted.sum(axis=0)[None], weighted[chosen]])
    x = np.arange(low, low + points, dtype=np.float64)
    s0 = totals.sum(axis=2).astype(np.int64).tolist()
    s1 = (totals * x).sum(axis=2).astype(np.int64).tolist()
    s2 = (totals * (x * x)).sum(axis=2).astype(np.int64).tolist()
    n = np.concatenate([counts.sum(axis=0)[None], counts[chosen]]).sum(axis=2).astype(
        np.int64).tolist()
    rows = totals.astype(np.int64).tolist()
    span = scale.max - scale.min
    by_mean = method == "mean"
    out: list[dict[str, Figures]] = []
    for s in range(len(chosen) + 1):
        full = s == 0
        if not full and by_mean and span > 0:  # a group's: the number and the score alone
            out.append({indicator: Figures(count, None, None, None, None, _mean_score(
                first, total, low, span) if total else None) for indicator, total, count, first
                in zip(indicators, s0[s], n[s], s1[s], strict=True)})
            continue
        found: dict[str, Figures] = {}
        for i, indicator in enumerate(indicators):
            total, count = s0[s][i], n[s][i]
            if total == 0:
                found[indicator] = Figures(count, None, None, None, None, None)
                continue
            first = s1[s][i]
            score = _mean_score(first, total, low, span) if by_mean and span > 0 else None
            mean = median = variance = agreement = None
            if by_mean or full:
                mean = Fraction(first, total)
            if not by_mean or full:
                median = median_of_totals(
                    [(low + k, w) for k, w in enumerate(rows[s][i]) if w > 0], total)
            if full:
                variance = (Fraction(0) if count == 1 else Fraction(
                    (total * s2[s][i] - first * first) * count, total * total * (count - 1)))
                agreement = rwg(variance, count, scale.points)
            if score is None:  # the median's (or an empty scale's: ``normalise`` raises)
                value = mean if by_mean else median
                assert value is not None
                score = normalise(value, low, scale.max)
            found[indicator] = Figures(count, mean, median, variance, agreement, score)
        out.append(found)
    return out


def _mean_score(first: int, total: int, low: int, span: int) -> Fraction:
    """The mean's score ``normalise(Σw·x / Σw)``, made from the sums ``Σw·x`` and ``Σw``."""
    return Fraction((first - low * total) * 100, total * span)
