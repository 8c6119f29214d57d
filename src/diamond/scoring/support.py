"""Whether the data single out the strongest and the weakest dimension.

A dimension named strongest (weakest) is *supported* when its rank is stable under the
weight perturbation (``diamond.scoring.robustness``) or its 95 % interval does not
overlap the interval of the next dimension in the ranking. Otherwise the summary names
the dimensions it cannot be told apart from: those whose intervals overlap its own
(bootstrap intervals, else the analytic ones).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from diamond.scoring.result import DimensionResult, Summary
from diamond.scoring.robustness import Robustness
from diamond.scoring.tows import by_score

if TYPE_CHECKING:
    from diamond.scoring.uncertainty import Statistics

Bounds = tuple[float, float] | None


def _bounds(statistics: Statistics | None, dimension_id: str) -> Bounds:
    if statistics is None:
        return None
    found = statistics.dimensions.get(dimension_id)
    if found is None:
        return None
    for interval in (found.interval, found.analytic):
        if interval.low is not None and interval.high is not None:
            return interval.low, interval.high
    return None


def _overlap(a: Bounds, b: Bounds) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _stable(robustness: Robustness | None, dimension_id: str) -> bool:
    if robustness is None:
        return False
    found = robustness.weights.dimensions.get(dimension_id)
    return found is not None and not found.unstable


def _judge(chosen: DimensionResult | None, ordered: Sequence[DimensionResult],
           robustness: Robustness | None,
           statistics: Statistics | None) -> tuple[bool, tuple[DimensionResult, ...]]:
    if chosen is None or len(ordered) < 2:
        return True, ()
    mine = _bounds(statistics, chosen.id)
    others = [d for d in ordered if d.id != chosen.id]
    nearest = others[0]
    if _stable(robustness, chosen.id) or not _overlap(mine, _bounds(statistics, nearest.id)):
        return True, ()
    tied = tuple(d for d in ordered
                 if d.id == chosen.id or _overlap(mine, _bounds(statistics, d.id)))
    return False, tied


def qualify(summary: Summary, dimensions: Sequence[DimensionResult],
            robustness: Robustness | None, statistics: Statistics | None) -> Summary:
    """``summary`` with the support of its strongest and weakest dimension decided."""
    weakest_first = by_score(tuple(dimensions))
    strongest_first = sorted(weakest_first, key=lambda d: -(d.score or 0.0))
    strong_ok, strong_tied = _judge(summary.strongest_dimension, strongest_first, robustness,
                                    statistics)
    weak_ok, weak_tied = _judge(summary.weakest_dimension, list(weakest_first), robustness,
                                statistics)
    return dataclasses.replace(summary, strongest_supported=strong_ok,
                               weakest_supported=weak_ok, strongest_tied=strong_tied,
                               weakest_tied=weak_tied)
