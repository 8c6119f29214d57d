"""The respondent × indicator arrays every statistic of an assessment starts from."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diamond.frameworks import Catalogue
from diamond.frozen import frozen
from diamond.models.questionnaire import GROUPS, Questionnaire
from diamond.scoring import matrix
from diamond.scoring.matrix import NONE, Matrix
from diamond.stats.composite import weighted_tallies

Array = NDArray[np.float64]


@frozen
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

    @cached_property
    def weighted(self) -> Array:
        """n × (I·K): each respondent's weight on the scale point they gave each indicator
        (what ``composite.tallies`` times the weights gives, without its n × I × K copy)."""
        return self._weighted(np.float64)

    @cached_property
    def equal_weights(self) -> bool:
        """True when every respondent weighs 1 (after scaling) and there are fewer than 2**24
        of them: every weighted tally is then a whole number that single precision holds
        exactly, so products in single precision give the same figures, faster."""
        return len(self.respondents) < 2**24 and bool((self.weights == 1.0).all())

    @cached_property
    def weighted32(self) -> NDArray[np.float32]:
        """``weighted`` in single precision (exact when ``equal_weights``)."""
        return self._weighted(np.float32)

    def tallies(self) -> NDArray[np.floating[Any]]:
        """``weighted32`` when ``equal_weights``, else ``weighted``."""
        return self.weighted32 if self.equal_weights else self.weighted

    def _weighted(self, dtype: type[np.floating[Any]]) -> NDArray[Any]:
        return weighted_tallies(self.answers, self.weights, self.low, self.high, dtype)

    @cached_property
    def members(self) -> dict[str, list[int]]:
        """Each stakeholder group's rows (groups present only)."""
        codes: dict[str, int] = {g: k for k, g in enumerate(GROUPS)}
        index = np.fromiter(map(codes.__getitem__, self.groups), dtype=np.int8,
                            count=len(self.groups))
        return {g: np.flatnonzero(index == k).tolist() for k, g in enumerate(GROUPS)
                if (index == k).any()}


def design(questionnaire: Questionnaire, catalogue: Catalogue) -> Design:
    """The respondent × indicator array (respondents by id), weights and membership."""
    return from_matrix(matrix.of(questionnaire, catalogue), questionnaire, catalogue)


def from_matrix(m: Matrix, questionnaire: Questionnaire, catalogue: Catalogue) -> Design:
    """``design`` from the respondents' arrays (``diamond.scoring.matrix``)."""
    dims = catalogue.framework.dimensions
    indicators = list(catalogue.indicators)  # framework order, the matrix's columns
    column = {i: k for k, i in enumerate(indicators)}
    # Sorted by id (unique): the resamples, and every floating-point sum, do not depend on
    # the order of respondents in the file.
    order = m.order
    codes = m.codes[order]
    answers = np.where(codes == NONE, np.nan, codes.astype(np.float64) + questionnaire.scale.min)
    raw = np.asarray(m.weights, dtype=float)[order]
    weights = raw / raw.max() if raw.size else raw
    ids = [m.ids[r] for r in order.tolist()]
    group_ids = [GROUPS[g] for g in m.groups[order].tolist()]
    membership = np.zeros((len(indicators), len(dims)))
    for d, dim in enumerate(dims):
        for i in dim.indicators:
            membership[column[i.id], d] = 1.0
    iw = questionnaire.weights.indicators
    dw = questionnaire.weights.dimensions
    return Design(
        tuple(ids), tuple(group_ids), tuple(indicators),
        tuple(d.id for d in dims), answers, weights,
        np.array([iw.get(i, 1.0) for i in indicators], dtype=float),
        np.array([dw.get(d.id, 1.0) for d in dims], dtype=float),
        membership, questionnaire.scale.min, questionnaire.scale.max,
    )
