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
from diamond.scoring.robustness import (
    DECIMALS,
    Influence,
    LeaveOneOut,
    _Base,
    _Indicator,
    _rounded,
)

Array = NDArray[np.float64]


def _dimensions_without(base: _Base, m: Matrix) -> list[Array]:
    """Every dimension's score without each respondent in turn (NaN: no score), adding
    the members up in the same order and with the same operations as ``_mean``: per
    respondent ``num + weight · score`` member after member, a member without a score
    adding nothing (all respondents at once, member after member; an unscored member's
    term is 0.0, which leaves the sum unchanged, and starting from the first member's
    term instead of 0.0 + it changes nothing: no term is −0.0). The members of every
    dimension are looked up together, then added up dimension by dimension."""
    n = len(m)
    members = [member for group in base.members for member in group]
    if not members:
        return [np.full(n, math.nan) for _ in base.members]
    _, windex = m.weight_values
    weights = len(base.weight_ints)
    count = len(members)
    # members × respondents, each member's answers contiguous
    codes = np.ascontiguousarray(
        m.codes[:, [base.columns[member.id] for member in members]].T, dtype=np.int64)
    answered = codes != NONE
    pair = np.where(answered, codes * weights + windex[None, :], 0)
    # each member's score without each distinct (answer, weight) pair given, once
    width = int(pair.max()) + 1 if pair.size else 1
    table = np.full((count, width), math.nan)
    given = np.flatnonzero(np.bincount(
        (np.arange(count)[:, None] * width + pair)[answered], minlength=count * width))
    if not _means_without(members, base.weight_ints, given, width, table):
        for cell in given.tolist():
            k, where = divmod(cell, width)
            code, w = divmod(where, weights)
            member = members[k]
            found = member.score_without(member.lo + code, base.weight_ints[w])
            table[k, where] = math.nan if found is None else found
    own = np.array([math.nan if member.score is None else member.score for member in members])
    scores = np.where(answered, table[np.arange(count)[:, None], pair], own[:, None])
    scored = ~np.isnan(scores)
    factor = np.array([member.weight for member in members])[:, None]
    terms = np.where(scored, factor * scores, 0.0)
    weighed = np.where(scored, factor, 0.0)
    found_all: list[Array] = []
    at = 0
    with np.errstate(invalid="ignore", divide="ignore"):
        for group in base.members:
            if not group:
                found_all.append(np.full(n, math.nan))
                continue
            # member after member: ``add.accumulate`` adds row k to the sum of rows
            # before it, in order (its last row is the loop's sum)
            num = np.add.accumulate(terms[at:at + len(group)])[-1]
            den = np.add.accumulate(weighed[at:at + len(group)])[-1]
            found_all.append(np.where(den > 0, num / den, math.nan))
            at += len(group)
    return found_all


def _means_without(members: Sequence[_Indicator], weight_ints: Sequence[int],
                   given: NDArray[np.intp], width: int, table: Array) -> bool:
    """``score_without`` of the mean for every cell ``given`` (member × (answer, weight)
    of ``table``) at once; False, leaving ``table`` alone, for the median or integers too
    large. ``100·(Σw·x − x·w − lo·(Σw − w)) / (span·(Σw − w))`` is made in int64 and
    divided in double precision: while both sides stay below 2⁵³ they are exact, and the
    quotient of two exact doubles is the correctly rounded one that Python's int / int
    gives."""
    if not members or any(member.median for member in members):
        return False
    lo, span = members[0].lo, members[0].span
    largest = max(abs(lo), abs(lo + span), 1)
    totals = [member.total for member in members]
    top = max(totals)
    if max(weight_ints) >= 2**53 or 300 * largest * top >= 2**53 or span * top >= 2**53:
        return False
    k, where = np.divmod(given, width)
    code, w = np.divmod(where, len(weight_ints))
    weight = np.asarray(weight_ints, dtype=np.int64)[w]
    total = np.asarray(totals, dtype=np.int64)[k] - weight
    value = lo + code
    top_part = 100 * (np.asarray([member.sum for member in members], dtype=np.int64)[k]
                      - value * weight - lo * total)
    with np.errstate(invalid="ignore", divide="ignore"):
        found = top_part.astype(np.float64) / (span * total).astype(np.float64)
    table[k, where] = np.where(total > 0, found, math.nan)
    return True


def leave_one_out(base: _Base, m: Matrix) -> LeaveOneOut | None:
    """Each score's largest change when any one respondent is removed; None for one respondent."""
    n = len(m)
    if n < 2:
        return None
    olds = [*base.scores, base.overall]
    news = _dimensions_without(base, m)
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
