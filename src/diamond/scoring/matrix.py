"""The respondents as arrays: one row per respondent (the questionnaire's order), one
column per indicator (framework order), each cell the answer's position on the scale.

Scoring counts answers with numpy instead of one Python step per answer: the exact
statistics (``engine``) need only how many respondents of each stakeholder group and
weight gave each answer (``Tally``), a handful of figures per indicator however many
respondents there are, and turn them into exact fractions; the robustness checks and
the statistics read the same arrays. A table of respondents (``respondents_file``)
hands its columns over directly (``diamond.answers.table``), without a Python object
per respondent.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from itertools import chain
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from diamond.frameworks import Catalogue
from diamond.frozen import frozen
from diamond.i18n import _
from diamond.models.questionnaire import GROUPS, Group, Questionnaire, Respondent

NONE = -1  # a cell without an answer
#: Above this many (group, weight, indicator, answer) cells, counts are made by sorting
#: (many distinct weights) instead of one ``bincount`` over all the cells.
DENSE_CELLS = 4_000_000
#: Up to this many respondents the distinct weights are found with a Python ``set``.
FEW_RESPONDENTS = 4096


class Columns(Protocol):
    """What a table of respondents hands over instead of respondent objects."""

    def matrix(self, indicators: Sequence[str], low: int) -> Matrix:
        """The respondents' arrays, answers in the columns of ``indicators``."""
        ...


@frozen(eq=False)
class Matrix:
    """The respondents' ids, groups, weights and answers, in the questionnaire's order."""

    ids: list[str]
    groups: NDArray[np.int8]  # index into GROUPS
    weights: list[float]  # as given
    codes: NDArray[np.int16]  # n × I: answer − scale minimum, NONE where not answered

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def weight_values(self) -> tuple[list[float], NDArray[np.intp]]:
        """The distinct weights (ascending) and each respondent's index into them."""
        given = [float(w) for w in self.weights] if len(self.weights) <= FEW_RESPONDENTS else []
        if not given or not all(0.0 < w < math.inf for w in given):
            values, index = np.unique(np.asarray(self.weights, dtype=np.float64),
                                      return_inverse=True)
            return values.tolist(), index.reshape(-1).astype(np.intp)
        # what ``np.unique`` gives of the weights as doubles (finite and positive: equal
        # ones are the same double), without its sort of every respondent
        distinct = sorted(set(given))
        where = {w: k for k, w in enumerate(distinct)}
        return distinct, np.array([where[w] for w in given], dtype=np.intp)

    @cached_property
    def answered(self) -> NDArray[np.bool_]:
        """n × I: True where an answer is given."""
        found: NDArray[np.bool_] = self.codes != NONE
        return found

    @cached_property
    def order(self) -> NDArray[np.intp]:
        """Respondents sorted by id (the statistics' order)."""
        return np.asarray(sorted(range(len(self.ids)), key=self.ids.__getitem__),
                          dtype=np.intp)

    def silent(self) -> list[str]:
        """Ids of respondents who answered none of the framework's indicators."""
        quiet = ~self.answered.any(axis=1) if self.codes.shape[1] else np.ones(
            len(self.ids), dtype=bool)
        return [self.ids[r] for r in np.flatnonzero(quiet).tolist()]

    def sizes(self) -> dict[Group, int]:
        """How many respondents each group present has, in ``GROUPS`` order."""
        counts = np.bincount(self.groups, minlength=len(GROUPS)).tolist()
        return {g: counts[k] for k, g in enumerate(GROUPS) if counts[k]}


@frozen
class Tally:
    """How many respondents of each group and distinct weight gave each answer.

    Only the combinations that occur are kept (at most one per answer given, however many
    distinct weights there are): ``keys`` numbers a cell ``((g·W + w)·I + i)·K + k`` for
    group ``GROUPS[g]``, weight ``weights[w]``, indicator ``i`` and answer ``low + k``,
    ascending; ``counts`` says how many respondents gave it.
    """

    keys: NDArray[np.int64]
    counts: NDArray[np.int64]
    weights: list[float]
    indicators: int
    points: int

    def summed(self, groups: Sequence[int] | None = None
               ) -> tuple[list[int], list[int], list[int], list[int]]:
        """(weight, indicator, answer, count) of the cells of ``groups`` (all when None),
        added up over the groups."""
        cells = len(self.weights) * self.indicators * self.points
        rest, counts = self.keys % max(cells, 1), self.counts
        if groups is not None:
            keep = np.isin(self.keys // max(cells, 1), np.asarray(list(groups), dtype=np.int64))
            rest, counts = rest[keep], counts[keep]
        found, where = np.unique(rest, return_inverse=True)
        total = np.bincount(where.reshape(-1), weights=counts, minlength=found.size)
        w, rest2 = np.divmod(found, self.indicators * self.points)
        i, k = np.divmod(rest2, self.points)
        return w.tolist(), i.tolist(), k.tolist(), total.astype(np.int64).tolist()

    def by_point(self) -> list[list[int]]:
        """Per indicator, how many respondents gave each answer (low to high)."""
        cells = self.indicators * self.points
        out = np.bincount(self.keys % max(cells, 1), weights=self.counts, minlength=cells)
        found: list[list[int]] = out.astype(np.int64).reshape(
            self.indicators, self.points).tolist()
        return found


def of(questionnaire: Questionnaire, catalogue: Catalogue) -> Matrix:
    """The questionnaire's respondents as a ``Matrix`` (indicators in framework order)."""
    indicators = list(catalogue.indicators)
    low = questionnaire.scale.min
    source: Any = questionnaire.respondents
    columns = getattr(source, "columns", None)
    if columns is not None:
        found: Matrix = columns.matrix(indicators, low)
        return found
    return from_respondents(source, indicators, low, questionnaire.scale.max)


def from_respondents(respondents: Sequence[Respondent], indicators: Sequence[str],
                     low: int, high: int | None = None) -> Matrix:
    """A ``Matrix`` from respondent objects; answers to other ids are left out.

    An answer outside ``low..high`` (which the loader's checks refuse) is a ``ValueError``.
    """
    n, width = len(respondents), len(indicators)
    cells = list(chain.from_iterable(map(r.answers.get, indicators) for r in respondents))
    values = np.array(cells, dtype=np.float64).reshape(n, width) if n else np.zeros((0, width))
    top = low + np.iinfo(np.int16).max if high is None else high
    outside = (values < low) | (values > top)  # NaN (no answer) compares False
    if outside.any():
        value = int(values[outside][0])
        raise ValueError(_("{value} is outside the scale {low}..{high}").format(
            value=value, low=low, high=top))
    codes = np.where(np.isnan(values), NONE, values - low).astype(np.int16)
    index = {g: k for k, g in enumerate(GROUPS)}
    groups = np.array([index[r.group] for r in respondents], dtype=np.int8)
    return Matrix([r.id for r in respondents], groups, [r.weight for r in respondents], codes)


def tally(m: Matrix, points: int) -> Tally:
    """Every answer counted by group, weight, indicator and answer, in one pass."""
    weights, windex = m.weight_values
    width = m.codes.shape[1]
    size = len(GROUPS) * len(weights) * width * points
    answered = m.answered
    row = (m.groups.astype(np.int64) * len(weights) + windex) * width  # n
    keys = ((row[:, None] + np.arange(width, dtype=np.int64)[None, :]) * points
            + m.codes.astype(np.int64))[answered]
    if size <= DENSE_CELLS:
        dense = np.bincount(keys, minlength=size)
        found = np.flatnonzero(dense)
        return Tally(found.astype(np.int64), dense[found].astype(np.int64), weights, width,
                     points)
    unique, how_many = np.unique(keys, return_counts=True)
    return Tally(unique.astype(np.int64), how_many.astype(np.int64), weights, width, points)


def counted(t: Tally, indicators: Sequence[str], low: int,
            groups: Sequence[int] | None = None) -> dict[str, Counter[tuple[int, float]]]:
    """``engine``'s counts (indicator → (answer, weight) → how many) of some groups
    (all of them when ``groups`` is None)."""
    out: dict[str, Counter[tuple[int, float]]] = {i: Counter() for i in indicators}
    for w, i, k, count in zip(*t.summed(groups), strict=True):
        out[indicators[i]][low + k, t.weights[w]] = count
    return out
