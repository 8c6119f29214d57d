"""Internal consistency of a multi-item scale: Cronbach's α and item statistics.

Missing answers are handled **available-case (pairwise)**: each covariance uses the
respondents who answered both items, as ``psych::alpha(use = "pairwise")`` does; with
complete data this is the ordinary covariance matrix. Respondent weights enter as in
the scoring engine (equal weights give the ordinary figures).

* ``α = k/(k − 1) · (1 − Σ s²_i / Σ_ij C_ij)`` (Cronbach 1951), from the covariance matrix C;
* α-if-deleted: the same without item i;
* corrected item-total r: ``Σ_{j≠i} C_ij / √(C_ii · Σ_{j,l≠i} C_jl)``, the correlation of
  item i with the sum of the others;
* first-eigenvalue share: the largest eigenvalue of the correlation matrix over k, the
  share of variance one common factor would carry.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.stats import alphas

Array = NDArray[np.float64]
ACCEPTABLE_ALPHA = 0.70
#: At most about this many cells (pairs × respondents) are held at once by the pairs'
#: covariances.
CHUNK = 1 << 16
#: Above this many respondents the pairs are taken one at a time.
GROUPED = 2048


@frozen
class Reliability:
    """α with its item statistics (keys: item ids); None where undefined."""

    alpha: float | None
    alpha_if_deleted: Mapping[str, float | None]
    item_total: Mapping[str, float | None]
    first_eigen_share: float | None


def pairwise_covariance(answers: Any, weights: Any) -> Array:
    """The available-case weighted covariance matrix (NaN where fewer than 2 share items)."""
    x = np.asarray(answers, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.max() if w.size and w.max() > 0 else w
    k = x.shape[1]
    out = np.full((k, k), np.nan)
    if x.shape[0] > GROUPED:
        done = _complete_pairs(x, w, out)
        if not all(done):
            _pair_by_pair(x, w, k, done, out)
        return out
    first, second = _upper(k)
    _grouped(x, w, first, second, out)
    return out


def _grouped(x: Array, w: Array, first: NDArray[np.intp], second: NDArray[np.intp],
             out: Array) -> None:
    """The covariances of the pairs of columns ``(first, second)`` of ``x`` into ``out``
    (``w``: the weights scaled to the largest), all pairs in one pass."""
    # every pair (i ≤ j, the loop's order), one row each: the respondents it shares
    # (answered both, weight positive) in the respondents' order, after one leading +0.0
    # (column 0; see ``_segments``)
    n, k = x.shape
    items = np.zeros((k, n + 1))
    items[:, 1:] = x.T
    usable = np.ones((k, n + 1), dtype=bool)
    usable[:, 1:] = ~np.isnan(x.T) & (w > 0)
    padded = np.zeros(n + 1)
    padded[1:] = w
    step = max(1, CHUNK // (n + 1))  # a bounded number of cells at a time
    for start in range(0, first.size, step):
        i, j = first[start:start + step], second[start:start + step]
        _segments(items, usable, padded, i, j, out)


def _segments(items: Array, usable: NDArray[np.bool_], padded: Array, i: NDArray[np.intp],
              j: NDArray[np.intp], out: Array) -> None:
    """The covariances of the pairs ``(i, j)`` into ``out`` (those shared by fewer than 2
    respondents are left NaN): each pair's shared respondents laid out one after another,
    every sum an ``np.add.reduceat`` over the pair's segment. Each segment starts with one
    +0.0, so that it adds up as a sum of the pair's own 1-D array does (numpy adds the
    array's pairwise sum to the identity +0.0, ``reduceat`` its segment's tail to the
    segment's first element): every elementwise operation and every sum is the
    pair-by-pair loop's, the same bits."""
    mask = usable[i] & usable[j]
    counts = mask.sum(axis=1) - 1
    keep = counts >= 2
    if not keep.all():
        mask, counts, i, j = mask[keep], counts[keep], i[keep], j[keep]
    if not i.size:
        return
    lengths = counts + 1
    starts = np.cumsum(lengths) - lengths
    v = (mask * padded)[mask]  # w · 1.0 is w
    a = items[i][mask]
    b = items[j][mask]
    total = np.add.reduceat(v, starts)
    mean_a = np.repeat(np.add.reduceat(v * a, starts) / total, lengths)
    mean_b = np.repeat(np.add.reduceat(v * b, starts) / total, lengths)
    terms = v * (a - mean_a) * (b - mean_b)
    terms[starts] = 0.0
    cov = np.add.reduceat(terms, starts) / total
    out[i, j] = out[j, i] = cov * counts / (counts - 1)


def _pair_by_pair(x: Array, w: Array, k: int, done: list[bool], out: Array) -> None:
    """The pairs not done, one at a time (many respondents: selecting each pair's
    respondents by mask is then cheaper than gathering many pairs' rows)."""
    # each item's usable answers (answered, weight positive) and its column, made once
    valid = [np.asarray(~np.isnan(x[:, i]) & (w > 0), dtype=bool) for i in range(k)]
    columns = [x[:, i] for i in range(k)]
    for i in range(k):
        for j in range(i, k):
            if done[i] and done[j]:
                continue
            both = valid[i] & valid[j]
            n = int(np.count_nonzero(both))
            if n < 2:
                continue
            v, a, b = w[both], columns[i][both], columns[j][both]
            total = v.sum()
            cov = (v * (a - (v * a).sum() / total) * (b - (v * b).sum() / total)).sum() / total
            out[i, j] = out[j, i] = cov * n / (n - 1)


@functools.lru_cache(maxsize=64)
def _upper(k: int) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The pairs ``i ≤ j`` of ``k`` items, row by row (``np.triu_indices``), read-only."""
    first, second = np.triu_indices(k)
    first.setflags(write=False)
    second.setflags(write=False)
    return first, second


@functools.lru_cache(maxsize=64)
def _others(k: int) -> NDArray[np.intp]:
    """``k × (k − 1)``: row p lists the items but p, ascending; read-only."""
    found = np.array([[q for q in range(k) if q != p] for p in range(k)], dtype=np.intp)
    found.setflags(write=False)
    return found


def _complete_pairs(x: Array, w: Array, out: Array) -> list[bool]:
    """The pairs of items that everyone answered, all at once, into ``out``; which items
    those are. The same figures as the pairwise loop: with every weight positive and no
    answer missing, each pair's respondents are everyone, and each sum below adds the
    same numbers in the same order as the loop's (a row of a C-contiguous array is
    summed as the 1-D array it equals)."""
    k = x.shape[1]
    n = x.shape[0]
    if n < 2 or not bool((w > 0).all()):
        return [False] * k
    complete = np.asarray(~np.isnan(x).any(axis=0), dtype=bool)
    cols = np.flatnonzero(complete)
    if cols.size == 0:
        return [False] * k
    items = np.ascontiguousarray(x[:, cols].T)  # one row per complete item
    total = w.sum()
    centred = items - ((w * items).sum(axis=1) / total)[:, None]
    weighted = w * centred
    for p, i in enumerate(cols.tolist()):
        cov = (weighted[p] * centred[p:]).sum(axis=1) / total * n / (n - 1)
        for q, value in enumerate(cov.tolist(), start=p):
            j = int(cols[q])
            out[i, j] = out[j, i] = value
    return [bool(c) for c in complete]


def alpha_of(cov: Array) -> float | None:
    """Cronbach's α of a covariance matrix; None for fewer than two items or no variance."""
    k = int(cov.shape[0])
    total = float(cov.sum())
    if k < 2 or math.isnan(total) or total <= 0:
        return None
    return k / (k - 1) * (1.0 - float(np.trace(cov)) / total)


def first_eigen_share(cov: Array) -> float | None:
    """The largest eigenvalue of the correlation matrix from ``cov``, divided by k."""
    sd = np.sqrt(np.diag(cov))
    if cov.shape[0] < 2 or np.isnan(cov).any() or (sd <= 0).any():
        return None
    return _eigen_share(cov, sd)


def _eigen_share(cov: Array, sd: Array) -> float | None:
    """``first_eigen_share`` of a ``cov`` of at least two items without NaN whose
    variances are positive (``sd``: their square roots)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        corr = cov / np.outer(sd, sd)
        if not np.isfinite(corr).all():  # sd·sd underflowed (tiny respondent weights)
            corr = cov / sd[:, None] / sd[None, :]
    if not np.isfinite(corr).all():
        return None
    return _largest_share(corr, int(cov.shape[0]))


def _largest_share(corr: Array, k: int) -> float | None:
    """The largest eigenvalue of the ``k × k`` correlations ``corr`` (finite), over k."""
    try:
        largest = float(np.linalg.eigvalsh(corr)[-1])
    except np.linalg.LinAlgError:
        return None
    return largest / k


def reliability(answers: Any, weights: Any, ids: Sequence[str]) -> Reliability:
    """α, α-if-deleted, corrected item-total r and first-eigenvalue share of ``answers``.

    Items with no variance or too few answers cannot enter a covariance matrix and are
    left out (their item statistics are None).
    """
    return _of_covariance(pairwise_covariance(answers, weights), ids)


def reliabilities(answers: Any, weights: Any, columns: Sequence[NDArray[np.intp]],
                  ids: Sequence[Sequence[str]]) -> list[Reliability]:
    """``reliability(answers[:, c], weights, i)`` for each ``c, i`` of ``columns, ids``
    (each scale's columns, ascending, and its items' ids), the covariances of every
    scale's pairs in one pass: each pair's covariance is made from its two columns alone,
    the same operations whichever other pairs are made with it (the same bits); then
    every sum the scales' α and item statistics take, of every scale, in one pass
    (``alphas``)."""
    x = np.asarray(answers, dtype=float)
    if x.ndim != 2 or x.shape[0] > GROUPED:
        return [reliability(x[:, c], weights, i) for c, i in zip(columns, ids, strict=True)]
    w = np.asarray(weights, dtype=float)
    w = w / w.max() if w.size and w.max() > 0 else w
    k = x.shape[1]
    # the covariance matrix, and one cell after it that stays 0.0 (``alphas`` reads it)
    cells = np.full(k * k + 1, np.nan)
    cells[-1] = 0.0
    out = cells[:-1].reshape(k, k)
    pairs = [(c[_upper(c.size)[0]], c[_upper(c.size)[1]]) for c in columns]
    if pairs:
        _grouped(x, w, np.concatenate([p for p, _ in pairs]),
                 np.concatenate([q for _, q in pairs]), out)
    scales = alphas.layout(k, tuple(tuple(c.tolist()) for c in columns))
    figures = alphas.Figures(scales, cells, k)
    variances = np.diagonal(out).tolist()
    found: list[Reliability] = []
    for s, (c, i) in enumerate(zip(columns, ids, strict=True)):
        items = c.tolist()
        size = len(items)
        total = figures.total(s)
        if size < 2 or total != total or not all(variances[j] > 0 for j in items):
            # an item left out (no variance, or a pair without two respondents)
            found.append(_of_covariance(out[np.ix_(c, c)], i))
            continue
        deleted, item_total = figures.items(s, size)
        corr = figures.correlations(s, size)
        if corr is None:  # sd·sd underflowed (tiny respondent weights): as before
            sub = out[np.ix_(c, c)]
            share = _eigen_share(sub, np.sqrt(np.diag(sub)))
        else:
            share = _largest_share(corr, size)
        found.append(Reliability(figures.alpha(s, size), dict(zip(i, deleted, strict=True)),
                                 dict(zip(i, item_total, strict=True)), share))
    return found


def _of_covariance(cov: Array, ids: Sequence[str]) -> Reliability:
    """``reliability`` of the items whose available-case covariance matrix is ``cov``."""
    positive = np.diagonal(cov) > 0  # NaN compares False
    usable: list[int]
    if positive.all() and not np.isnan(cov).any():  # every item usable: ``sub`` is ``cov``
        usable, sub = list(range(len(ids))), cov
    else:
        candidates = np.flatnonzero(positive)
        gaps = np.isnan(cov[candidates][:, candidates]).any(axis=1)
        usable = candidates[~gaps].tolist()
        sub = cov[np.ix_(usable, usable)]
    deleted: dict[str, float | None] = {item: None for item in ids}
    item_total: dict[str, float | None] = {item: None for item in ids}
    k = len(usable)
    if k >= 2:
        # every item's "rest" at once: row p of ``others`` lists the items but p, so
        # ``rests[p]`` is ``sub`` without item p (C-contiguous, summed whole as before),
        # its diagonal is the rest's trace, ``sub[p, others[p]]`` the item against the rest
        others = _others(k)
        rests = np.ascontiguousarray(sub[others[:, :, None], others[:, None, :]])
        totals = rests.reshape(k, -1).sum(axis=1).tolist()
        diagonal = np.arange(k - 1)
        traces = np.ascontiguousarray(rests[:, diagonal, diagonal]).sum(axis=1).tolist()
        against = np.ascontiguousarray(sub[np.arange(k)[:, None], others]).sum(axis=1).tolist()
        variances = np.diagonal(sub).tolist()
        for pos, i in enumerate(usable):
            deleted[ids[i]] = _alpha(k - 1, totals[pos], traces[pos])
            item_total[ids[i]] = _correlation(against[pos], variances[pos], totals[pos])
    # ``sub`` holds no NaN and its variances are positive (the usable items'), so
    # ``first_eigen_share``'s checks would pass: only its size is left to check
    share = _eigen_share(sub, np.sqrt(np.diag(sub))) if k >= 2 else None
    return Reliability(alpha_of(sub), deleted, item_total, share)


def _correlation(covariance: float, variance: float, rest_variance: float) -> float | None:
    """``covariance / sqrt(variance * rest_variance)``; None where it is undefined.

    The product can underflow to zero for variances as small as respondent weights like
    5e-324 beside 1e6 make them; the square roots are then taken apart.
    """
    if not rest_variance > 0:
        return None
    product = variance * rest_variance
    scale = math.sqrt(product) if product > 0 else math.sqrt(variance) * math.sqrt(rest_variance)
    return covariance / scale if scale > 0 else None


def _alpha(k: int, total: float, trace: float) -> float | None:
    """``alpha_of`` of a ``k × k`` covariance matrix from its sum and its trace."""
    if k < 2 or math.isnan(total) or total <= 0:
        return None
    return k / (k - 1) * (1.0 - trace / total)
