"""Intraclass correlations from one-way and two-way ANOVA.

``shrout_fleiss``: the six ICCs of Shrout & Fleiss (1979) for an ``n targets × k
judges`` table. ``icc1``/``icc2``: Bliese (2000), as R's ``multilevel::ICC1``/``ICC2``
compute them from a one-way ANOVA of individual values grouped by unit:
``ICC(1) = (MSB − MSW) / (MSB + (k̄ − 1)·MSW)`` with ``k̄ = N/G`` the mean group size, and
``ICC(2) = (MSB − MSW) / MSB``, the reliability of the group means. ``bliese`` gives both
from one ANOVA of the units' values as they are kept (one sequence per unit), without
laying every value out in one list first.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

import numpy as np

from diamond.frozen import frozen

RELIABLE_GROUP_MEANS = 0.70


@frozen
class OneWay:
    """One-way ANOVA mean squares and design."""

    msb: float
    msw: float
    groups: int
    total: int


def one_way(values: Sequence[float], groups: Sequence[Hashable]) -> OneWay | None:
    """Between- and within-group mean squares; None without two groups and a residual df."""
    by: dict[Hashable, list[float]] = {}
    for value, group in zip(values, groups, strict=True):
        by.setdefault(group, []).append(value)
    return one_way_of(by.items())


def one_way_of(parts: Iterable[tuple[Hashable, Iterable[float]]]) -> OneWay | None:
    """``one_way`` of the values given group by group: ``parts`` pairs a group with its
    values (a group may come more than once: its values are taken together; a group
    without values is left out, as it is absent from ``one_way``'s values). Each part is
    read once, into an ``array('d')``; the sums are ``one_way``'s, the same bits: every
    ``math.fsum`` is exact then rounded once, so it does not depend on the order of its
    terms, and every term is made with the same operations."""
    by: dict[Hashable, list[array[float]]] = {}
    for group, values in parts:
        found = array("d", values)
        if found:
            by.setdefault(group, []).append(found)
    g = len(by)
    sizes = [sum(map(len, kept)) for kept in by.values()]
    n = sum(sizes)
    if g < 2 or n - g < 1:
        return None
    # math.fsum: exact sums, so every Python gives the same bits (3.12's sum() compensates)
    grand = math.fsum(chain.from_iterable(chain.from_iterable(by.values()))) / n
    means = [math.fsum(chain.from_iterable(kept)) / size
             for kept, size in zip(by.values(), sizes, strict=True)]
    ssb = math.fsum(size * (mean - grand) ** 2 for mean, size in zip(means, sizes, strict=True))
    ssw = math.fsum((x - mean) ** 2 for mean, kept in zip(means, by.values(), strict=True)
                    for values in kept for x in values)
    return OneWay(ssb / (g - 1), ssw / (n - g), g, n)


def icc1(values: Sequence[float], groups: Sequence[Hashable]) -> float | None:
    """Bliese's ICC(1) with the mean group size (``multilevel::ICC1``)."""
    return _icc1(one_way(values, groups))


def icc2(values: Sequence[float], groups: Sequence[Hashable]) -> float | None:
    """Bliese's ICC(2), the reliability of group means (``multilevel::ICC2``)."""
    return _icc2(one_way(values, groups))


def bliese(parts: Iterable[tuple[Hashable, Iterable[float]]]) -> tuple[float | None, float | None]:
    """``(icc1, icc2)`` of the values given group by group (``one_way_of``'s ``parts``),
    from one ANOVA."""
    found = one_way_of(parts)
    return _icc1(found), _icc2(found)


def _icc1(a: OneWay | None) -> float | None:
    if a is None:
        return None
    size = a.total / a.groups
    denominator = a.msb + (size - 1) * a.msw
    return None if denominator == 0 else (a.msb - a.msw) / denominator


def _icc2(a: OneWay | None) -> float | None:
    return None if a is None or a.msb == 0 else (a.msb - a.msw) / a.msb
def shrout_fleiss(table: Any) -> Mapping[str, float]:
    """ICC(1,1), (2,1), (3,1), (1,k), (2,k), (3,k) of a complete targets × judges table."""
    x = np.asarray(table, dtype=float)
    n, k = x.shape
    grand = x.mean()
    bms = k * ((x.mean(axis=1) - grand) ** 2).sum() / (n - 1)
    jms = n * ((x.mean(axis=0) - grand) ** 2).sum() / (k - 1)
    wms = ((x - x.mean(axis=1, keepdims=True)) ** 2).sum() / (n * (k - 1))
    ess = ((x - x.mean(axis=1, keepdims=True) - x.mean(axis=0) + grand) ** 2).sum()
    ems = ess / ((n - 1) * (k - 1))
    return {
        "1,1": float((bms - wms) / (bms + (k - 1) * wms)),
        "2,1": float((bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)),
        "3,1": float((bms - ems) / (bms + (k - 1) * ems)),
        "1,k": float((bms - wms) / bms),
        "2,k": float((bms - ems) / (bms + (jms - ems) / n)),
        "3,k": float((bms - ems) / bms),
    }
