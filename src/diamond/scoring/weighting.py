"""The weights of a questionnaire made once for the dimension and overall means of the
whole's and every stakeholder group's exact scores (``engine.scores_of``).

``stats.weighted_mean`` converts its weights to whole numbers over their common
denominator on every call; an assessment takes the means of the same weights for the
whole and each group, so ``Weighting`` converts them once and ``mean_in_units`` takes the
mean of exact values with weights already in units: the same ratios, so the same exact
``Fraction`` (kept in lowest terms).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Protocol

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Questionnaire, Weights
from diamond.scoring.memo import Memo
from diamond.scoring.stats import over_common_denominator

#: ``weights_key``: the named indicator weights, then the dimension weights.
WeightsKey = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]


class Weighting:
    """The indicator and dimension weights of a questionnaire, framework order, each set
    also as whole numbers over its least common denominator (``over_common_denominator``),
    made once for the whole's and every group's scores."""

    def __init__(self, questionnaire: Questionnaire, catalogue: Catalogue) -> None:
        weights = questionnaire.weights
        #: per dimension: its id, its indicators' ids, their weights and those in units
        self.dimensions: list[tuple[str, list[str], list[float], list[int]]] = []
        for dimension in catalogue.framework.dimensions:
            ids = [i.id for i in dimension.indicators]
            given = [weights.indicators.get(i, 1.0) for i in ids]
            self.dimensions.append((dimension.id, ids, given,
                                    over_common_denominator(given)[0]))
        #: per dimension: its id and its indicators with a positive weight, as (units,
        #: column among the framework's indicators)
        column = {i: k for k, i in enumerate(catalogue.indicators)}
        self.positive: list[tuple[str, list[tuple[int, int]]]] = [
            (d, [(unit, column[i]) for i, unit in zip(ids, units, strict=True) if unit > 0])
            for d, ids, _, units in self.dimensions]
        self.overall = [weights.dimensions.get(d, 1.0) for d, *_ in self.dimensions]
        self.overall_units = over_common_denominator(self.overall)[0]
        #: no weight is negative (``weighted_mean`` refuses one): the units can be used
        self.whole = min((u for *_, units in self.dimensions for u in units), default=0) >= 0 \
            and min(self.overall_units, default=0) >= 0


class Rational(Protocol):
    """An exact ratio of whole numbers (a ``Fraction``, or ``exact.Ratio``)."""

    @property
    def numerator(self) -> int: ...

    @property
    def denominator(self) -> int: ...


def units_mean(values: Sequence[Rational | None], units: Sequence[int]
               ) -> tuple[int, int] | None:
    """The weighted mean of the values that are not None, their weights given in whole
    units over one common denominator, as its numerator and (positive) denominator over
    the values' least common denominator, not reduced; None when none of them has a
    positive weight."""
    kept = [(value, unit) for value, unit in zip(values, units, strict=True)
            if value is not None and unit > 0]
    if not kept:
        return None
    common = math.lcm(*[value.denominator for value, _ in kept])
    return (sum([unit * value.numerator * (common // value.denominator) for value, unit in kept]),
            sum([unit for _, unit in kept]) * common)


def mean_in_units(values: list[Fraction | None], units: list[int]) -> Fraction | None:
    """``weighted_mean`` of the values that are not None, their weights given in whole
    units over one common denominator (the same ratios, so the same exact mean: a
    ``Fraction`` is kept in lowest terms); None when none of them has a positive weight."""
    found = units_mean(values, units)
    return None if found is None else Fraction(*found)


#: The ``Weighting``s made, by framework and weights.
_KEPT: Memo[Weighting] = Memo()


def weights_key(weights: Weights) -> WeightsKey:
    """The questionnaire's weights as a key: each named weight's id and ``repr`` (so that
    ``1`` and ``1.0``, or ``0.0`` and ``-0.0``, are told apart), in the order given."""
    return (tuple([(k, repr(v)) for k, v in weights.indicators.items()]),
            tuple([(k, repr(v)) for k, v in weights.dimensions.items()]))


def weighting_of(questionnaire: Questionnaire, catalogue: Catalogue) -> Weighting:
    """``Weighting(questionnaire, catalogue)``, made once per framework and weights and
    kept (it is only read)."""
    return _KEPT.get(catalogue, weights_key(questionnaire.weights),
                     lambda: Weighting(questionnaire, catalogue))
