"""An assessment's indicator, dimension and group records from its figures (``engine``).

What a record takes from the framework, the weights and the language alone (ids, texts,
names, weights, columns) is read once per framework, weights and language and kept
(``_fixed``): a portfolio assesses many files of one framework.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Group, Questionnaire
from diamond.models.text import Language
from diamond.scoring.bands import band_for
from diamond.scoring.memo import Memo
from diamond.scoring.result import DimensionResult, GroupResult, IndicatorResult, Reason
from diamond.scoring.weighting import weights_key

if TYPE_CHECKING:
    from diamond.scoring.exact import Ratio, Row

    #: An exact score: a ``Fraction``, or a ``Ratio`` not reduced to lowest terms.
    Exact = Fraction | Ratio

FEW_ANSWERS = 3
LOW_AGREEMENT = Fraction(1, 2)

#: Per dimension (framework order): its id, number, name and weight, and per indicator
#: its id, text, weight and column among the framework's indicators.
Fixed = list[tuple[str, str | None, str, float, list[tuple[str, str, float, int]]]]
_KEPT: Memo[Fixed] = Memo()


def as_float(value: Exact | None) -> float | None:
    """``float(value)``, which is the numerator's true division by the denominator
    (``numbers.Rational.__float__``; correctly rounded), without its two method calls."""
    return None if value is None else value.numerator / value.denominator


def is_low(agreement: Fraction | None) -> bool:
    """``agreement < LOW_AGREEMENT`` on the numerators and denominators (both positive
    denominators): the same comparison without the fractions' operator dispatch."""
    return agreement is not None and (agreement.numerator * LOW_AGREEMENT.denominator
                                      < LOW_AGREEMENT.numerator * agreement.denominator)


def reasons_of(n: int, low_agreement: bool) -> tuple[Reason, ...]:
    """Why an indicator of ``n`` answers is uncertain (``low_agreement``: r_wg < ½)."""
    if 0 < n < FEW_ANSWERS:
        return ("few-answers", "low-agreement") if low_agreement else ("few-answers",)
    return ("low-agreement",) if low_agreement else ()


def _fixed(questionnaire: Questionnaire, catalogue: Catalogue, lang: Language) -> Fixed:
    """What the records take from the framework, weights and language, made once."""
    weights = questionnaire.weights

    def made() -> Fixed:
        column = {i: k for k, i in enumerate(catalogue.indicators)}
        return [
            (dimension.id, dimension.number, dimension.name.get(lang),
             weights.dimensions.get(dimension.id, 1.0),
             [(indicator.id, indicator.text.get(lang),
               weights.indicators.get(indicator.id, 1.0), column[indicator.id])
              for indicator in dimension.indicators])
            for dimension in catalogue.framework.dimensions]

    return _KEPT.get(catalogue, (lang, weights_key(weights)), made)


def dimension_results(
    rows: Mapping[str, Row], dimension_scores: Mapping[str, Exact | None],
    questionnaire: Questionnaire, catalogue: Catalogue, lang: Language,
    points: Sequence[Sequence[int]],
) -> tuple[DimensionResult, ...]:
    """Every dimension's record with its indicators' (``rows``: each indicator's figures;
    ``points``: per indicator, framework order, the respondents per scale point)."""
    results: list[DimensionResult] = []
    for dimension, number, name, weight, members in _fixed(questionnaire, catalogue, lang):
        indicators: list[IndicatorResult] = []
        answered = 0
        for indicator, text, given, column in members:
            n, mean, median, sd, agreement, score, low = rows[indicator]
            if n > 0:
                answered += 1
            indicators.append(IndicatorResult(
                indicator, dimension, text, given, n, mean, median, sd, agreement, score,
                band_for(score), reasons_of(n, low), tuple(points[column])))
        score = as_float(dimension_scores[dimension])
        results.append(DimensionResult(dimension, number, name, weight, score, band_for(score),
                                       answered, len(indicators), tuple(indicators)))
    return tuple(results)


def groups(
    catalogue: Catalogue,
    scored: Mapping[Group, tuple[Mapping[str, Exact | None], Exact | None]],
    sizes: Mapping[Group, int],
) -> tuple[tuple[GroupResult, ...], dict[str, float | None]]:
    """Each group's result (``scored``: the groups present, in ``GROUPS`` order, their
    dimension and overall scores) and the spread of the groups' dimension scores."""
    found: list[GroupResult] = []
    for group, (dimensions, whole) in scored.items():
        overall = as_float(whole)
        found.append(GroupResult(
            id=group, respondents=sizes[group], overall=overall, band=band_for(overall),
            dimensions={d: as_float(s) for d, s in dimensions.items()},
        ))
    spread: dict[str, float | None] = {}
    for dimension_id in catalogue.dimensions:
        present = [s for s in (e[0][dimension_id] for e in scored.values()) if s is not None]
        spread[dimension_id] = _spread(present) if len(present) >= 2 else None
    return tuple(found), spread


def _spread(present: list[Exact]) -> float:
    """``float(max(present) - min(present))``, compared and subtracted on the numerators
    and denominators (positive): the float of the same exact difference, correctly
    rounded by Python's integer division as ``Fraction.__float__`` rounds it."""
    high = low = present[0]
    for value in present[1:]:
        if value.numerator * high.denominator > high.numerator * value.denominator:
            high = value
        elif value.numerator * low.denominator < low.numerator * value.denominator:
            low = value
    return ((high.numerator * low.denominator - low.numerator * high.denominator)
            / (high.denominator * low.denominator))
