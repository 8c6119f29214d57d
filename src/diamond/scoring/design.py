"""The respondent × indicator arrays every statistic of an assessment starts from."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from diamond.frameworks import Catalogue
from diamond.models.questionnaire import Questionnaire

Array = NDArray[np.float64]


@dataclass(frozen=True)
class Design:
    """The arrays every statistic starts from (framework order)."""

    respondents: tuple[str, ...]
    groups: tuple[str, ...]
    indicators: tuple[str, ...]
    dimensions: tuple[str, ...]
    answers: Array  # n × I, NaN where not answered
    weights: Array  # n, scaled so the largest is 1
    indicator_weights: Array  # I
    dimension_weights: Array  # D
    membership: Array  # I × D
    low: int
    high: int


def design(questionnaire: Questionnaire, catalogue: Catalogue) -> Design:
    """The respondent × indicator array (respondents by id), weights and membership."""
    dims = catalogue.framework.dimensions
    indicators = [i.id for d in dims for i in d.indicators]
    column = {i: k for k, i in enumerate(indicators)}
    # Sorted by id (unique): the resamples, and every floating-point sum, do not depend on
    # the order of respondents in the file.
    people = sorted(questionnaire.respondents, key=lambda p: p.id)
    answers = np.full((len(people), len(indicators)), np.nan)
    for r, person in enumerate(people):
        for indicator_id, value in person.answers.items():
            if value is not None and indicator_id in column:
                answers[r, column[indicator_id]] = value
    raw = np.array([p.weight for p in people], dtype=float)
    weights = raw / raw.max() if raw.size else raw
    membership = np.zeros((len(indicators), len(dims)))
    for d, dim in enumerate(dims):
        for i in dim.indicators:
            membership[column[i.id], d] = 1.0
    iw = questionnaire.weights.indicators
    dw = questionnaire.weights.dimensions
    return Design(
        tuple(p.id for p in people), tuple(p.group for p in people), tuple(indicators),
        tuple(d.id for d in dims), answers, weights,
        np.array([iw.get(i, 1.0) for i in indicators], dtype=float),
        np.array([dw.get(d.id, 1.0) for d in dims], dtype=float),
        membership, questionnaire.scale.min, questionnaire.scale.max,
    )
