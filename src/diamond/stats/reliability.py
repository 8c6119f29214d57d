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

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen

Array = NDArray[np.float64]
ACCEPTABLE_ALPHA = 0.70


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
    done = _complete_pairs(x, w, out)
    if all(done):
        return out
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
    return out


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
    corr = cov / np.outer(sd, sd)
    return float(np.linalg.eigvalsh(corr)[-1]) / int(cov.shape[0])


def reliability(answers: Any, weights: Any, ids: Sequence[str]) -> Reliability:
    """α, α-if-deleted, corrected item-total r and first-eigenvalue share of ``answers``.

    Items with no variance or too few answers cannot enter a covariance matrix and are
    left out (their item statistics are None).
    """
    cov = pairwise_covariance(answers, weights)
    candidates = [i for i in range(len(ids)) if cov[i, i] > 0]
    usable = [i for i in candidates if not np.isnan(cov[i, candidates]).any()]
    sub = cov[np.ix_(usable, usable)]
    deleted: dict[str, float | None] = {item: None for item in ids}
    item_total: dict[str, float | None] = {item: None for item in ids}
    for pos, i in enumerate(usable):
        rest = [q for q in range(len(usable)) if q != pos]
        rest_cov = sub[np.ix_(rest, rest)]
        deleted[ids[i]] = alpha_of(rest_cov)
        rest_var = float(rest_cov.sum())
        if rest and rest_var > 0:
            item_total[ids[i]] = float(sub[pos, rest].sum()) / math.sqrt(sub[pos, pos] * rest_var)
    return Reliability(alpha_of(sub), deleted, item_total, first_eigen_share(sub))
