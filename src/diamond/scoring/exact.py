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

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from diamond.models.questionnaire import GROUPS, Scale
from diamond.scoring.matrix import Tally
from diamond.scoring.stats import (
    median_of_totals,
    normalise,
    over_common_denominator,
    rwg,
    uniform_variance,
)
from diamond.scoring.weighting import Weighting, units_mean

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


class Sums:
    """Per set of respondents (the whole, then each group asked for) and indicator, in
    whole weight units: ``totals`` ``Σw``, ``firsts`` ``Σw·x``, ``seconds`` ``Σw·x²``,
    ``counts`` the number of answers, ``rows`` each scale point's ``Σw`` (low to high)."""

    __slots__ = ("counts", "firsts", "rows", "seconds", "totals")

    def __init__(self, totals: list[list[int]], firsts: list[list[int]],
                 seconds: list[list[int]], counts: list[list[int]],
                 rows: list[list[list[int]]]) -> None:
        self.totals, self.firsts, self.seconds = totals, firsts, seconds
        self.counts, self.rows = counts, rows


def sums(t: Tally, scale: Scale, groups: Sequence[int]) -> Sums | None:
    """The whole's and then each group's (``groups``: indices into ``GROUPS``) integer
    sums of every indicator; None when they could be inexact in double precision or a
    weight is not positive (then count as before)."""
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
    return Sums(totals.sum(axis=2).astype(np.int64).tolist(),
                (totals * x).sum(axis=2).astype(np.int64).tolist(),
                (totals * (x * x)).sum(axis=2).astype(np.int64).tolist(),
                np.concatenate([counts.sum(axis=0)[None], counts[chosen]]).sum(
                    axis=2).astype(np.int64).tolist(),
                totals.astype(np.int64).tolist())


def figures(found: Sums, indicators: Sequence[str], scale: Scale, method: Method
            ) -> list[dict[str, Figures]]:
    """The figures of the whole (all statistics) and then of each group ``found`` holds
    (the number of answers and the score, which is all a group's dimension and overall
    scores need), as ``engine.score_counted`` computes them from ``matrix.counted``
    counts."""
    return [figures_of(found, s, indicators, scale, method) for s in range(len(found.totals))]


def figures_of(found: Sums, s: int, indicators: Sequence[str], scale: Scale,
               method: Method) -> dict[str, Figures]:
    """The figures of set ``s`` of ``found`` (0: the whole, all statistics; a group: the
    number of answers and the score)."""
    from diamond.scoring.engine import Figures  # engine imports this module when scoring

    low = scale.min
    span = scale.max - scale.min
    by_mean = method == "mean"
    full = s == 0
    s0, n, s1 = found.totals[s], found.counts[s], found.firsts[s]
    if not full and by_mean and span > 0:  # a group's: the number and the score alone
        return {indicator: Figures(count, None, None, None, None, _mean_score(
            first, total, low, span) if total else None) for indicator, total, count, first
            in zip(indicators, s0, n, s1, strict=True)}
    rows, s2 = found.rows[s], found.seconds[s]
    out: dict[str, Figures] = {}
    for i, indicator in enumerate(indicators):
        total, count = s0[i], n[i]
        if total == 0:
            out[indicator] = Figures(count, None, None, None, None, None)
            continue
        first = s1[i]
        score = _mean_score(first, total, low, span) if by_mean and span > 0 else None
        mean = median = variance = agreement = None
        if by_mean or full:
            mean = Fraction(first, total)
        if not by_mean or full:
            median = median_of_totals(
                [(low + k, w) for k, w in enumerate(rows[i]) if w > 0], total)
        if full:
            variance = (Fraction(0) if count == 1 else Fraction(
                (total * s2[i] - first * first) * count, total * total * (count - 1)))
            agreement = rwg(variance, count, scale.points)
        if score is None:  # the median's (or an empty scale's: ``normalise`` raises)
            value = mean if by_mean else median
            assert value is not None
            score = normalise(value, low, scale.max)
        out[indicator] = Figures(count, mean, median, variance, agreement, score)
    return out


class Ratio(NamedTuple):
    """An exact rational ``numerator / denominator`` (denominator positive), not reduced
    to lowest terms: what a score needs when it is only compared, subtracted or turned
    into a float (``records``), each the same as of the reduced ``Fraction`` (Python's
    integer division rounds the same value correctly, whatever its terms)."""

    numerator: int
    denominator: int


def mean_scores(found: Sums, s: int, weighting: Weighting, low: int, span: int
                ) -> tuple[dict[str, Ratio | None], Ratio | None]:
    """Set ``s``'s dimension and overall scores by the mean, arithmetic aggregation
    (``weighting.whole``, ``span > 0``), straight from the sums: the exact values
    ``engine.scores_of`` makes of the figures' mean scores, as ``Ratio``s. A dimension's
    is ``Σ u·score / Σ u`` over its indicators with an answer and a positive weight
    ``u``, each score ``100 (Σw·x − low·Σw) / (span · Σw)``: over the least common
    multiple ``L`` of their ``Σw``, ``100 Σ u (Σw·x − low·Σw)(L / Σw) / (span · Σu · L)``;
    the overall is their ``units_mean`` (``mean_in_units`` without the reduction)."""
    s0, s1 = found.totals[s], found.firsts[s]
    dimensions: dict[str, Ratio | None] = {}
    for d, members in weighting.positive:
        kept = [(unit, s0[c], s1[c]) for unit, c in members if s0[c]]
        if not kept:
            dimensions[d] = None
            continue
        common = math.lcm(*[total for _, total, _ in kept])
        top = sum([unit * (first - low * total) * (common // total)
                   for unit, total, first in kept])
        dimensions[d] = Ratio(100 * top, span * sum([unit for unit, _, _ in kept]) * common)
    overall = units_mean(list(dimensions.values()), weighting.overall_units)
    return dimensions, None if overall is None else Ratio(*overall)


#: One indicator's figures as its record shows them: the number of answers, the mean, the
#: median, the standard deviation, r_wg and the score as floats (None where undefined),
#: and whether r_wg is below one half.
Row = tuple[int, float | None, float | None, float | None, float | None, float | None, bool]


def mean_rows(found: Sums, indicators: Sequence[str], scale: Scale) -> dict[str, Row]:
    """The whole's (set 0) ``Row`` of every indicator by the mean (``span > 0``), straight
    from the integer sums: each float is the correctly rounded quotient of two integers
    (Python's ``int / int``), which is the ``float`` of the exact fraction
    ``figures_of`` makes of them (a fraction in lowest terms has the same value, so the
    same correctly rounded quotient), and r_wg is compared with one half on integers
    of the same ratio."""
    low, span = scale.min, scale.max - scale.min
    spread = uniform_variance(scale.points)
    sn, sd = spread.numerator, spread.denominator
    s0, n, s1, s2 = found.totals[0], found.counts[0], found.firsts[0], found.seconds[0]
    rows = found.rows[0]
    out: dict[str, Row] = {}
    for i, indicator in enumerate(indicators):
        total, count = s0[i], n[i]
        if total == 0:
            out[indicator] = (count, None, None, None, None, None, False)
            continue
        first = s1[i]
        median = median_of_totals([(low + k, w) for k, w in enumerate(rows[i]) if w > 0],
                                  total)
        agreement: float | None = None
        low_agreement = False
        if count == 1:
            deviation = 0.0
        else:
            # the variance (Σw·Σw·x² − (Σw·x)²)·n / ((Σw)²(n − 1)) = top / bottom, and
            # r_wg = 1 − variance/σ²_EU truncated to [0, 1] (``stats.rwg``) on them
            top = (total * s2[i] - first * first) * count
            bottom = total * total * (count - 1)
            deviation = math.sqrt(top / bottom)
            whole = sn * bottom
            left = whole - top * sd
            if left <= 0:
                agreement, low_agreement = 0.0, True
            elif left >= whole:
                agreement = 1.0
            else:
                agreement, low_agreement = left / whole, 2 * left < whole
        out[indicator] = (count, first / total, median.numerator / median.denominator,
                          deviation, agreement, (first - low * total) * 100 / (total * span),
                          low_agreement)
    return out


def _mean_score(first: int, total: int, low: int, span: int) -> Fraction:
    """The mean's score ``normalise(Σw·x / Σw)``, made from the sums ``Σw·x`` and ``Σw``."""
    return Fraction((first - low * total) * 100, total * span)
