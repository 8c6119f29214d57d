"""Leave one respondent out, for every respondent at once (``robustness``'s method).

Each indicator's score without one answer depends only on that answer and its
respondent's weight, so it is computed exactly once per distinct (answer, weight) pair
(``_Indicator.without``) and looked up for every respondent; the dimension and overall
scores are then added up over all respondents together, in the same order and with the
same floating-point operations as ``robustness._mean``, so the figures are the same bits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from diamond.scoring.matrix import NONE, Matrix
from diamond.scoring.robustness import DECIMALS, Influence, LeaveOneOut, _Base, _rounded

Array = NDArray[np.float64]


def _dimension_without(base: _Base, m: Matrix, d: int) -> Array:
    """Dimension ``d``'s score without each respondent in turn (NaN: no score), adding
    the members up in the same order and with the same operations as ``_mean``."""
    n = len(m)
    _, windex = m.weight_values
    num, den = np.zeros(n), np.zeros(n)
    for member in base.members[d]:
        codes = m.codes[:, base.columns[member.id]]
        answered = codes != NONE
        base_score = math.nan if member.score is None else member.score
        scores = np.full(n, base_score)
        if answered.any():
            # the distinct pairs, ascending (``np.unique`` without its first call's
            # import of ``numpy.ma``, about 10 ms of a small ``assess``)
            pairs = np.flatnonzero(np.bincount(
                codes[answered].astype(np.int64) * len(base.weight_ints) + windex[answered]))
            table = np.full(int(pairs.max()) + 1, base_score)
            for pair in pairs.tolist():
                code, w = divmod(pair, len(base.weight_ints))
                found = member.without(member.lo + code, base.weight_ints[w])
                table[pair] = math.nan if found is None else found
            scores[answered] = table[codes[answered].astype(np.int64) * len(base.weight_ints)
                                     + windex[answered]]
        scored = ~np.isnan(scores)
        num = np.where(scored, num + member.weight * scores, num)
        den = np.where(scored, den + member.weight, den)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, math.nan)


def leave_one_out(base: _Base, m: Matrix) -> LeaveOneOut | None:
    """Each score's largest change when any one respondent is removed; None for one respondent."""
    n = len(m)
    if n < 2:
        return None
    olds = [*base.scores, base.overall]
    news = [_dimension_without(base, m, d) for d in range(len(base.dims))]
    num, den = np.zeros(n), np.zeros(n)
    for score, weight in zip(news, base.dim_weights, strict=True):
        if weight > 0:
            scored = ~np.isnan(score)
            num = np.where(scored, num + weight * score, num)
            den = np.where(scored, den + weight, den)
    with np.errstate(invalid="ignore", divide="ignore"):
        news.append(np.where(den > 0, num / den, math.nan))
    found = [Influence(None, None, None, None) if old is None
             else _influence(old, new, m.ids) for old, new in zip(olds, news, strict=True)]
    return LeaveOneOut(dict(zip(base.dims, found[:-1], strict=True)), found[-1])


def _influence(old: float, new: Array, ids: Sequence[str]) -> Influence:
    """The largest rounded change (ties: the smallest id), and the last respondent in the
    questionnaire's order without whom the score would have nothing to rest on."""
    gone = np.isnan(new)
    sole = ids[int(np.flatnonzero(gone)[-1])] if gone.any() else None
    change = np.where(gone, -1.0, np.abs(new - old))
    top_raw = float(change.max())
    top = round(top_raw, DECIMALS)
    if top <= 0:
        return Influence(0.0, None, _rounded(old), sole)
    # round() is monotonic: only changes this close to the largest can round to it
    near = np.flatnonzero(change >= top_raw - 2 * 10.0 ** -DECIMALS).tolist()
    tied = [r for r in near if round(float(change[r]), DECIMALS) == top]
    who = min(tied, key=ids.__getitem__)
    return Influence(top, ids[who], _rounded(float(new[who])), sole)
