"""The weight perturbation of ``diamond.scoring.robustness`` (its module text states the
method): every draw's dimension scores, ranks and overall score at once, the same bits
as one draw at a time.
"""

from __future__ import annotations

import functools
import math
import random

import numpy as np
from numpy.typing import NDArray

from diamond.scoring.robustness import (
    DECIMALS,
    DRAWS,
    HIGH,
    LOW,
    SEED,
    UNSTABLE_SHARE,
    Perturbation,
    RankRange,
    _Base,
    _rounded,
    ranks,
)

Array = NDArray[np.float64]


@functools.lru_cache(maxsize=16)
def _factors(width: int) -> Array:
    """The ``DRAWS × width`` weight factors: the stream is seeded (``SEED``), so the same
    width always draws the same factors; made once per width and process, read-only."""
    rng = random.Random(SEED)
    draws = np.array([rng.random() for _ in range(DRAWS * width)]).reshape(DRAWS, width)
    factors = LOW + (HIGH - LOW) * draws
    factors.setflags(write=False)
    return factors


def perturb(base: _Base) -> Perturbation:
    """Rank and score ranges under perturbed indicator weights; overall under dimension weights."""
    from diamond.stats.ranks import ranks as ranks_within

    n = len(base.dims)
    base_ranks = ranks(base.scores)
    # Every draw's factors at once, in the order the draws take them (per draw: one per
    # indicator of the framework, counted or not, in framework order, then one per
    # dimension): ``uniform(a, b)`` is ``a + (b - a) * random()``, the same operations
    # here, and the weighted means below add up in ``_mean``'s order with its
    # operations, draw by draw, so every figure is the same bits as one draw at a time.
    width = sum(base.sizes) + n
    factors = _factors(width)
    starts = [sum(base.sizes[:d]) for d in range(n)]
    scores = np.full((DRAWS, n), math.nan)  # NaN: no score in that draw
    # per draw and dimension ``num + weight · score`` and ``den + weight`` member after
    # member (the scored ones), every draw and dimension at once: the k-th scored members
    # of all dimensions side by side, 0.0 where a dimension has fewer (adding 0.0 leaves
    # a sum as it is: no term is -0.0), and starting from the first term instead of
    # 0.0 + it changes nothing
    scored_members = [[m for m in base.members[d] if m.score is not None] for d in range(n)]
    used = [d for d in range(n) if scored_members[d]]
    if used:
        members = [m for d in used for m in scored_members[d]]
        dims = [d for d in used for _ in scored_members[d]]
        slots = [k for d in used for k in range(len(scored_members[d]))]
        weight = np.array([m.weight for m in members]) * factors[
            :, [starts[m.dim] + m.position for m in members]]
        terms = weight * np.array([m.score for m in members])
        laid = np.zeros((max(slots) + 1, 2, DRAWS, n))
        laid[slots, 0, :, dims] = terms.T
        laid[slots, 1, :, dims] = weight.T
        sums = np.add.accumulate(laid)[-1]  # slot after slot, in order
        num, den = sums[0][:, used], sums[1][:, used]
        with np.errstate(invalid="ignore", divide="ignore"):
            scores[:, used] = np.where(den > 0, num / den, math.nan)
    num, den = np.zeros(DRAWS), np.zeros(DRAWS)
    for d, (score, w) in enumerate(zip(base.scores, base.dim_weights, strict=True)):
        weight = w * factors[:, width - n + d]
        if score is not None:
            use = weight > 0
            num = np.where(use, num + weight * score, num)
            den = np.where(use, den + weight, den)
    positive = den > 0
    # the draws with a positive total weight: no NaN among them, so numpy's least and
    # largest are ``min``'s and ``max``'s
    overalls = num[positive] / den[positive]
    # each draw's ranks as ``ranks`` gives them (on the scores rounded by Python's
    # ``round``; a missing score ranks below every other and is then left out)
    drawn = ranks_within(_rounded_where_near(scores)) if n else np.zeros((DRAWS, 0),
                                                                         dtype=np.int64)
    dimensions = _ranges(base, base_ranks, scores, drawn)
    if not overalls.size:
        return Perturbation(dimensions, None, None)
    return Perturbation(dimensions, _rounded(float(overalls.min())),
                        _rounded(float(overalls.max())))


def _ranges(base: _Base, base_ranks: list[int | None], scores: Array,
            drawn: NDArray[np.int64]) -> dict[str, RankRange]:
    """Each dimension's rank and score range over the draws where it has a score. A
    dimension has a score in every draw or in none (its positive weights times positive
    factors): then every dimension's least and largest (exact, in any order) and count of
    changed ranks are taken at once; otherwise dimension by dimension."""
    dimensions: dict[str, RankRange] = {}
    missing: NDArray[np.bool_] = np.isnan(scores)
    if scores.size and not (missing.any(axis=0) & ~missing.all(axis=0)).any():
        ranked = np.array([0 if r is None else r for r in base_ranks], dtype=np.int64)
        changed_counts: list[int] = np.count_nonzero(drawn != ranked, axis=0).tolist()
        with np.errstate(invalid="ignore"):
            lows, highs = drawn.min(axis=0).tolist(), drawn.max(axis=0).tolist()
            least, largest = np.fmin.reduce(scores).tolist(), np.fmax.reduce(scores).tolist()
        every: list[bool] = np.logical_and.reduce(missing, axis=0).tolist()
        for d, dim_id in enumerate(base.dims):
            rank = base_ranks[d]
            if rank is None or every[d]:
                dimensions[dim_id] = RankRange(None, None, None, None, None, None, False)
                continue
            changed = changed_counts[d] / scores.shape[0]
            dimensions[dim_id] = RankRange(rank, lows[d], highs[d], _rounded(least[d]),
                                           _rounded(largest[d]), changed,
                                           changed > UNSTABLE_SHARE)
        return dimensions
    for d, dim_id in enumerate(base.dims):
        rank = base_ranks[d]
        kept = ~missing[:, d]
        got = drawn[kept, d]
        if rank is None or not got.size:
            dimensions[dim_id] = RankRange(None, None, None, None, None, None, False)
            continue
        seen = scores[kept, d]  # no NaN: its least and largest are ``min``'s and ``max``'s
        changed = int(np.count_nonzero(got != rank)) / got.size
        low, high = _rounded(float(seen.min())), _rounded(float(seen.max()))
        dimensions[dim_id] = RankRange(rank, int(got.min()), int(got.max()), low, high,
                                       changed, changed > UNSTABLE_SHARE)
    return dimensions


def _rounded_where_near(scores: Array) -> Array:
    """``scores`` (draws × dimensions, NaN: none) ranked as ``ranks`` ranks them: on the
    values rounded by Python's ``round`` to ``DECIMALS`` decimals. Rounding is monotonic
    and moves a value by at most half a unit of the last decimal (plus a rounding to
    double, below 10⁻¹² for values up to 1,000), so two scores further apart than two
    such units keep their order once rounded and cannot become equal: only the draws
    with two scores that close (or any value beyond 1,000) are rounded, the others
    rank the same on their own values."""
    near = 2 * 10.0 ** -DECIMALS
    with np.errstate(invalid="ignore"):
        if (np.abs(scores) > 1000.0).any():
            chosen = np.arange(scores.shape[0])
        else:
            close = np.abs(scores[:, :, None] - scores[:, None, :]) <= near
            diagonal = np.arange(scores.shape[1])
            close[:, diagonal, diagonal] = False
            chosen = np.flatnonzero(close.any(axis=(1, 2)))
    if not chosen.size:
        return scores
    out = scores.copy()
    part = scores[chosen]
    out[chosen] = np.array([round(v, DECIMALS) for v in part.ravel().tolist()]).reshape(
        part.shape)
    return out
