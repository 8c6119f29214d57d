"""Weighted statistics, computed exactly.

Every function takes parallel sequences of values and weights (ints, floats or
``Fraction``) and works in ``fractions.Fraction`` arithmetic, so results do not
depend on the order of the inputs and comparisons such as "exactly half of the
total weight" are exact. Callers convert to ``float`` at the edge.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

Number = int | float | Fraction


Pairs = list[tuple[Fraction, Fraction]]
#: ``(value, weight) → how many times`` (what ``Counter(zip(values, weights))`` gives).
Counts = Mapping[tuple[int, float], int] | Mapping[tuple[Number, Number], int]


@functools.lru_cache(maxsize=4096, typed=True)
def _exact(number: Number) -> Fraction:
    """``number`` as a fraction; weights repeat, so each distinct one is converted once.

    A float is read as the decimal it was written as (its shortest round-trip text,
    ``0.1`` -> 1/10), not as its binary approximation, so weights 0.1/0.2/0.3 weigh
    exactly as 1/2/3 do.
    """
    if isinstance(number, float):
        return Fraction(repr(number))
    return Fraction(number)


@functools.lru_cache(maxsize=4096, typed=True)
def _ratio(number: Number) -> tuple[int, int]:
    """``_exact(number)`` as ``(numerator, denominator)``, for sums kept in integers."""
    exact = _exact(number)
    return exact.numerator, exact.denominator


def over_common_denominator(numbers: Iterable[Number]) -> tuple[list[int], int]:
    """``numbers`` read exactly (a ``Fraction`` as it is, any other number as ``_exact``
    reads it: a float as the decimal it prints as), in lowest terms, written over their
    least common denominator: the numerators and that denominator. The numerators are
    whole numbers in the numbers' ratios, so sums of them (and of their products with
    whole numbers) are the exact sums in integers; a number's sign is its numerator's."""
    ratios = [(x.numerator, x.denominator) if type(x) is Fraction else _ratio(x)
              for x in numbers]
    common = math.lcm(*[q for _, q in ratios])
    if common == 1:
        return [p for p, _ in ratios], 1
    return [p * (common // q) for p, q in ratios], common


def tally(values: Sequence[Number], weights: Sequence[Number]) -> tuple[Pairs, int]:
    """Distinct values (ascending) with their exact total weight, and the number weighted.

    Answers are whole numbers on a small scale and weights take few distinct
    values, so counting identical ``(value, weight)`` pairs first (a C-speed
    ``Counter``) leaves only a handful of exact fractions to add: the cost is
    linear in the answers with a small constant, and the result is still exact.
    Zero weights are left out; a negative weight is a ``ValueError``.
    """
    if len(values) != len(weights):
        raise ValueError(f"{len(values)} values but {len(weights)} weights")
    totals: dict[Fraction, Fraction] = {}
    n = 0
    for (value, weight), count in Counter(zip(values, weights, strict=True)).items():
        w = _exact(weight)
        if w < 0:
            raise ValueError(f"negative weight {weight}")
        if w > 0:
            x = _exact(value)
            totals[x] = totals.get(x, Fraction(0)) + w * count
            n += count
    return sorted(totals.items()), n


def summary(values: Sequence[Number], weights: Sequence[Number], *, mean: bool = True,
            median: bool = True, variance: bool = True,
            ) -> tuple[Fraction | None, Fraction | None, Fraction | None]:
    """``mean_of``, ``median_of`` and ``variance_of`` of ``tally(values, weights)`` at once.

    The same exact values (a ``Fraction`` is stored in lowest terms, so equal values are
    identical), but for whole-number answers the tally is kept as integers over one
    common denominator of the weights, and each statistic is built as one fraction at
    the end instead of adding fractions answer by answer. Other values take the general
    path. A statistic not asked for is ``None``.
    """
    if len(values) != len(weights):
        raise ValueError(f"{len(values)} values but {len(weights)} weights")
    return summary_of_counts(Counter(zip(values, weights, strict=True)), mean=mean,
                             median=median, variance=variance)


def summary_of_counts(counted: Counts, *, mean: bool = True, median: bool = True,
                      variance: bool = True,
                      ) -> tuple[Fraction | None, Fraction | None, Fraction | None]:
    """``summary`` of ``(value, weight) → how many times`` counts (as ``Counter`` gives them).

    Counting identical pairs first is how ``summary`` starts; a caller that already holds
    the counts (every indicator of a questionnaire counted in one pass) starts here.
    """
    if not all(type(value) is int for value, _ in counted):
        values = [v for (v, _), k in counted.items() for _ in range(k)]
        weights = [w for (_, w), k in counted.items() for _ in range(k)]
        pairs, n = tally(values, weights)
        return (mean_of(pairs) if mean else None, median_of(pairs) if median else None,
                variance_of(pairs, n) if variance else None)
    counts = list(counted.items())
    units, _ = over_common_denominator([weight for (_, weight), _ in counts])
    totals: dict[int, int] = {}
    n = 0
    for ((value, weight), count), unit in zip(counts, units, strict=True):
        if unit < 0:
            raise ValueError(f"negative weight {weight}")
        if unit > 0:
            whole = int(value)
            totals[whole] = totals.get(whole, 0) + unit * count
            n += count
    if not totals:
        return None, None, None
    s0 = sum(totals.values())
    s1 = sum(x * w for x, w in totals.items())
    the_mean = Fraction(s1, s0) if mean else None
    the_median = median_of_totals(sorted(totals.items()), s0) if median else None
    the_variance = None
    if variance:
        if n == 1:
            the_variance = Fraction(0)
        else:
            spread = sum(w * (x * s0 - s1) ** 2 for x, w in totals.items())
            the_variance = Fraction(spread * n, s0 ** 3 * (n - 1))
    return the_mean, the_median, the_variance


def median_of_totals(ordered: Sequence[tuple[int, int]], total: int) -> Fraction:
    """The weighted median of whole answers with whole positive weights (``ordered`` by
    answer, ``total`` their sum): ``median_of``'s rule in integers, the smallest answer
    whose cumulative weight reaches half, and at exactly half the mean with the next."""
    cumulative = 0
    for position, (x, w) in enumerate(ordered):
        cumulative += w
        if 2 * cumulative == total and position + 1 < len(ordered):
            return Fraction(x + ordered[position + 1][0], 2)
        if 2 * cumulative >= total:
            return Fraction(x)
    raise AssertionError("unreachable: the cumulative weight reaches the total")


def mean_of(pairs: Pairs) -> Fraction | None:
    """Σw·x / Σw of tallied pairs; ``None`` when nothing carries weight."""
    total = sum((w for _, w in pairs), Fraction(0))
    if total == 0:
        return None
    return sum((w * x for x, w in pairs), Fraction(0)) / total


def variance_of(pairs: Pairs, n: int) -> Fraction | None:
    """Bessel-corrected weighted variance of tallied pairs (see ``weighted_variance``)."""
    if n == 0:
        return None
    if n == 1:
        return Fraction(0)
    total = sum((w for _, w in pairs), Fraction(0))
    mean = sum((w * x for x, w in pairs), Fraction(0)) / total
    spread = sum((w * (x - mean) ** 2 for x, w in pairs), Fraction(0)) / total
    return spread * n / (n - 1)


def median_of(pairs: Pairs) -> Fraction | None:
    """Weighted median of tallied pairs (see ``weighted_median``)."""
    if not pairs:
        return None
    half = sum((w for _, w in pairs), Fraction(0)) / 2
    cumulative = Fraction(0)
    for position, (x, w) in enumerate(pairs):
        cumulative += w
        if cumulative == half and position + 1 < len(pairs):
            return (x + pairs[position + 1][0]) / 2
        if cumulative >= half:
            return x
    raise AssertionError("unreachable: the cumulative weight reaches the total")


def weighted_mean(values: Sequence[Number], weights: Sequence[Number]) -> Fraction | None:
    """Σw·x / Σw; ``None`` when nothing carries weight.

    The same exact value as ``mean_of(tally(values, weights)[0])``, built as one fraction:
    the weights over their common denominator, the values over theirs
    (``over_common_denominator``), summed in integers.
    """
    if len(values) != len(weights):
        raise ValueError(f"{len(values)} values but {len(weights)} weights")
    parts, _ = over_common_denominator(weights)
    kept: Sequence[Number] = values
    if not parts or min(parts) <= 0:  # zero weights left out, a negative one refused
        for weight, unit in zip(weights, parts, strict=True):
            if unit < 0:
                raise ValueError(f"negative weight {weight}")
        kept = [value for value, unit in zip(values, parts, strict=True) if unit > 0]
        parts = [unit for unit in parts if unit > 0]
        if not parts:
            return None
    numerators, common = over_common_denominator(kept)
    weighted = sum([w * p for w, p in zip(parts, numerators, strict=True)])
    return Fraction(weighted, sum(parts) * common)


def weighted_variance(values: Sequence[Number], weights: Sequence[Number]) -> Fraction | None:
    """Bessel-corrected weighted variance ``Σw(x−m)²/Σw · n/(n−1)``.

    ``n`` is the number of values with a positive weight. The result equals the
    ordinary sample variance when all weights are equal; it is 0 for a single
    value and ``None`` for none.
    """
    return variance_of(*tally(values, weights))


def weighted_median(values: Sequence[Number], weights: Sequence[Number]) -> Fraction | None:
    """The smallest value whose cumulative weight reaches half the total.

    When the cumulative weight reaches exactly half, the result is the mean of
    that value and the next larger one, so that with equal weights it equals
    the ordinary median. ``None`` when nothing carries weight.
    """
    return median_of(tally(values, weights)[0])


@functools.lru_cache(maxsize=64)
def uniform_variance(points: int) -> Fraction:
    """σ²_EU = (A² − 1)/12, the variance of uniform answers on an ``A``-point scale."""
    if points < 2:
        raise ValueError(f"a scale needs at least 2 points, not {points}")
    return Fraction(points * points - 1, 12)


def rwg(variance: Fraction | None, n: int, points: int) -> Fraction | None:
    """Agreement ``r_wg = 1 − s²/σ²_EU`` truncated to [0, 1]; ``None`` when ``n < 2``."""
    if variance is None or n < 2:
        return None
    spread = uniform_variance(points)
    exact = variance if type(variance) is Fraction else Fraction(variance)
    # 1 − s²/σ² = (σ_n·s_d − s_n·σ_d) / (σ_n·s_d), σ² > 0: clamp on the numerator's sign
    top = spread.numerator * exact.denominator
    left = top - exact.numerator * spread.denominator
    if left <= 0:
        return Fraction(0)
    if left >= top:
        return Fraction(1)
    return Fraction(left, top)


def normalise(value: Fraction, low: int, high: int) -> Fraction:
    """``(value − low) / (high − low) × 100``: a scale value as a 0–100 score."""
    if high <= low:
        raise ValueError(f"empty scale {low}..{high}")
    exact = value if type(value) is Fraction else Fraction(value)
    return Fraction((exact.numerator - low * exact.denominator) * 100,
                    exact.denominator * (high - low))
