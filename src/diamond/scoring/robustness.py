"""How far the scores can be trusted: the method, documented in docs/evidence-and-robustness.md.

**Leave one respondent out.** For each respondent, the dimension and overall
scores without their answers. Per score: the largest absolute change, who
causes it (ties: the smallest id, so the order of respondents does not
matter; none when no removal changes the score) and the score without them.
A removal that would leave a score with nothing to rest on is named as
``sole_respondent`` instead. With a single respondent: ``None``.

**Weight perturbation.** ``DRAWS`` draws from ``random.Random(SEED)``. Per
draw, every indicator weight (framework order) is multiplied by a factor
uniform in [``LOW``, ``HIGH``]; the dimension scores are recomputed from the
unchanged indicator scores and ranked (1 = highest; ties: framework order).
Then every dimension weight gets a fresh factor and the overall score is
recomputed from the base dimension scores. A dimension is *unstable* when its
rank differs from its base rank in more than ``UNSTABLE_SHARE`` of the draws.

Indicator scores are exact until one conversion to float (the assessment's
values); dimension and overall figures are floating point, rounded to
``DECIMALS`` decimals, on which changes and ranks are decided.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from diamond.frameworks import Catalogue
from diamond.frozen import frozen
from diamond.models.questionnaire import Questionnaire

if TYPE_CHECKING:
    from diamond.scoring.matrix import Matrix, Tally

DRAWS = 200
SEED = 2015
LOW, HIGH = 0.5, 1.5
UNSTABLE_SHARE = 0.1
DECIMALS = 9


@frozen
class Influence:
    """The largest change one respondent's removal makes to a score."""

    change: float | None  # None: the score itself is None
    respondent: str | None  # None: no removal changes the score
    score_without: float | None
    sole_respondent: str | None  # without them, the score would be None


@frozen
class LeaveOneOut:
    """Leave-one-respondent-out influence per dimension (framework order) and overall."""

    dimensions: Mapping[str, Influence]
    overall: Influence


@frozen
class RankRange:
    """A dimension's base rank, and its rank and score range across the draws."""

    rank: int | None
    rank_min: int | None
    rank_max: int | None
    score_min: float | None
    score_max: float | None
    changed: float | None  # share of draws whose rank differs from the base rank
    unstable: bool


@frozen
class Perturbation:
    """Ranks under perturbed indicator weights; overall under perturbed dimension weights."""

    dimensions: Mapping[str, RankRange]
    overall_min: float | None
    overall_max: float | None
    draws: int = DRAWS
    seed: int = SEED
    low: float = LOW
    high: float = HIGH
    unstable_share: float = UNSTABLE_SHARE


@frozen
class Robustness:
    """Both analyses; ``leave_one_out`` is None with a single respondent."""

    leave_one_out: LeaveOneOut | None
    weights: Perturbation


class _Indicator:
    """One counted indicator (weight > 0): its answers' weights by value, scaled to integers."""

    __slots__ = ("dim", "id", "lo", "median", "memo", "position", "score", "span", "sum",
                 "total", "values", "weight")

    def __init__(self, id: str, dim: int, position: int, weight: float, lo: int, span: int,
                 median: bool) -> None:
        self.id, self.dim, self.weight = id, dim, weight
        self.position = position  # within its dimension, framework order
        self.lo, self.span, self.median = lo, span, median
        self.values: list[tuple[int, int]] = []
        self.total = self.sum = 0
        self.score: float | None = None
        self.memo: dict[tuple[int, int], float | None] = {}

    def finish(self, row: list[int], total: int, first: int) -> None:
        """Fix the sums once every answer is in (``row``: each scale point's total weight,
        low to high; ``total`` their sum, ``first`` the sum of answer × weight); compute
        the base score. The median keeps the answers given with their weights."""
        if self.median:
            self.values = [(self.lo + k, w) for k, w in enumerate(row) if w]
        self.total, self.sum = total, first
        self.score = self.score_without(0, 0)

    def score_without(self, value: int, weight: int) -> float | None:
        """The exact 0–100 score, rounded once to float, without one answer (weight 0: none)."""
        total = self.total - weight
        if total <= 0:
            return None
        if not self.median:
            return 100 * (self.sum - value * weight - self.lo * total) / (self.span * total)
        cumulative, half_at = 0, None
        for x, w in self.values:
            w -= weight if x == value else 0
            if w <= 0:
                continue
            if half_at is not None:  # exactly half reached: the mean with the next answer
                return 100 * (half_at + x - 2 * self.lo) / (2 * self.span)
            cumulative += w
            if 2 * cumulative == total:
                half_at = x
            elif 2 * cumulative > total:
                return 100 * (x - self.lo) / self.span
        raise AssertionError("unreachable: the cumulative weight reaches the total")

    def without(self, value: int, weight: int) -> float | None:
        """``score_without``, kept for every (value, weight) pair asked once."""
        if (value, weight) not in self.memo:
            self.memo[value, weight] = self.score_without(value, weight)
        return self.memo[value, weight]


def _mean(pairs: Iterable[tuple[float | None, float]]) -> float | None:
    """The weighted mean of the scores that are not None (weights > 0); None if none."""
    num = den = 0.0
    for score, weight in pairs:
        if score is not None:
            num, den = num + weight * score, den + weight
    return num / den if den > 0 else None


def _rounded(value: float | None) -> float | None:
    """Floating-point noise removed: rounded to ``DECIMALS`` decimals."""
    return None if value is None else round(value, DECIMALS)


def _scaled(weights: list[float]) -> list[float]:
    """Huge weights scaled down by a power of two, so that no sum overflows."""
    top = max(weights, default=0.0)
    if top <= 2.0**500:
        return weights
    return [math.ldexp(w, -math.frexp(top)[1]) for w in weights]  # a weighted mean is unchanged


def ranks(scores: Sequence[float | None]) -> list[int | None]:
    """1 for the highest score; ties go to the earlier dimension; None for no score."""
    order = sorted((i for i, s in enumerate(scores) if s is not None),
                   key=lambda i: (-round(scores[i] or 0.0, DECIMALS), i))
    found: list[int | None] = [None] * len(scores)
    for position, i in enumerate(order, 1):
        found[i] = position
    return found


class _Base:
    """The base figures, computed once: counted indicators by dimension, their scores."""

    def __init__(self, questionnaire: Questionnaire, catalogue: Catalogue, median: bool,
                 tally: Tally) -> None:
        weights, scale = questionnaire.weights, questionnaire.scale
        self.dims = [d.id for d in catalogue.framework.dimensions]
        self.dim_weights = _scaled([weights.dimensions.get(d, 1.0) for d in self.dims])
        self.indicators: dict[str, _Indicator] = {}
        self.members: list[list[_Indicator]] = []  # counted indicators (weight > 0) by dimension
        self.sizes: list[int] = []  # every indicator's count by dimension
        for dim, dimension in enumerate(catalogue.framework.dimensions):
            given = [weights.indicators.get(i.id, 1.0) for i in dimension.indicators]
            members = [
                _Indicator(i.id, dim, k, w, scale.min, scale.max - scale.min, median)
                for k, (i, w) in enumerate(zip(dimension.indicators, _scaled(given), strict=True))
                if w > 0]
            self.members.append(members)
            self.sizes.append(len(given))
            self.indicators.update((m.id, m) for m in members)
        # respondent weights times a common power of two: exact integers (one per distinct
        # weight of the tally)
        ratios = [float(w).as_integer_ratio() for w in tally.weights]
        shift = max((q.bit_length() for _, q in ratios), default=1)
        self.weight_ints = [p << (shift - q.bit_length()) for p, q in ratios]
        self.columns = {i: k for k, i in enumerate(catalogue.indicators)}
        rows, totals, firsts = _totals(tally, self.weight_ints, scale.min)
        for counted in self.indicators.values():
            column = self.columns[counted.id]
            counted.finish(rows[column], totals[column], firsts[column])
        self.scores = [self.dimension(d, {}) for d in range(len(self.dims))]
        self.overall = self.overall_of(self.scores, self.dim_weights)

    def dimension(self, d: int, changed: Mapping[str, float | None]) -> float | None:
        """Dimension ``d``'s score with the ``changed`` indicator scores."""
        return _mean((changed.get(m.id, m.score), m.weight) for m in self.members[d])

    @staticmethod
    def overall_of(scores: Sequence[float | None], weights: Sequence[float]) -> float | None:
        """The weighted mean of the scored dimensions with a positive weight."""
        return _mean((s, w) for s, w in zip(scores, weights, strict=True) if w > 0)


def _totals(tally: Tally, weight_ints: Sequence[int], low: int
            ) -> tuple[list[list[int]], list[int], list[int]]:
    """Per indicator (framework order): every scale point's total weight in
    ``weight_ints`` units (0: nobody gave it), their sum and the sum of answer × weight.
    In double precision (one ``bincount``) when every weight is positive and every sum
    stays below 2⁵³, so exact; else added up in Python integers."""
    import numpy as np  # loaded by scoring already (``assess``)

    width, points = tally.indicators, tally.points
    cells = max(width * points, 1)
    largest = max(abs(low), abs(low + points - 1), 1)
    if (weight_ints and min(weight_ints) > 0
            and max(weight_ints) * int(tally.counts.sum()) * largest < 2**53):
        units = np.asarray(weight_ints, dtype=np.float64)
        which, rest = np.divmod(tally.keys % (len(weight_ints) * cells), cells)
        summed = np.bincount(rest, weights=units[which] * tally.counts,
                             minlength=cells).reshape(width, points)
        x = np.arange(low, low + points, dtype=np.float64)
        found: list[list[int]] = summed.astype(np.int64).tolist()
        totals: list[int] = summed.sum(axis=1).astype(np.int64).tolist()
        firsts: list[int] = (summed * x).sum(axis=1).astype(np.int64).tolist()
        return found, totals, firsts
    rows = [[0] * points for _ in range(width)]
    for w, column, k, how_many in zip(*tally.summed(), strict=True):
        rows[column][k] += how_many * weight_ints[w]
    return (rows, [sum(row) for row in rows],
            [sum((low + k) * t for k, t in enumerate(row)) for row in rows])


def analyse(
    questionnaire: Questionnaire, catalogue: Catalogue, method: Literal["mean", "median"],
    answers: Matrix | None = None, counts: Tally | None = None,
) -> Robustness:
    """Leave-one-respondent-out influence and weight sensitivity of ``questionnaire``'s scores."""
    from diamond.scoring import influence, matrix, perturbation  # numpy: only when scoring

    if answers is None:
        answers = matrix.of(questionnaire, catalogue)
    if counts is None:
        counts = matrix.tally(answers, questionnaire.scale.points)
    base = _Base(questionnaire, catalogue, median=method == "median", tally=counts)
    return Robustness(influence.leave_one_out(base, answers), perturbation.perturb(base))
