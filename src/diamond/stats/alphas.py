"""Every scale's α and item statistics at once, from one covariance matrix of all items
(``reliability.reliabilities``: what ``reliability._of_covariance`` makes of each scale's
own matrix, the same bits).

A scale whose items are all usable (positive variances, no NaN among its covariances)
takes ``_of_covariance``'s sums: of its matrix and of its diagonal (α); per item, of the
matrix without it, of that matrix's diagonal (α-if-deleted) and of the item against the
others (item-total r). Here every such sum of every scale is one segment of one
``reduceat`` over the covariance cells (``stats.led``), so each adds up as
``_of_covariance``'s sum of the same terms in the same order does (a row of a
C-contiguous array, a gathered diagonal made contiguous, and a whole matrix add up as
the 1-D array of their terms). The
elementwise arithmetic of α-if-deleted and item-total r is then made for every item at
once with the operations, in the order, of ``reliability._alpha`` and ``_correlation``,
and every scale's correlations as ``reliability._eigen_share`` first makes them
(``cov / outer(sd, sd)``). Which scales are usable, and what to do with the others, is
the caller's.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from diamond.stats.led import Led

Array = NDArray[np.float64]
_A = TypeVar("_A", bound=NDArray[Any])


class Layout:
    """Where the sums of the scales of ``columns`` take their terms from: the cells of a
    ``k × k`` covariance matrix followed by one 0.0 (index ``k²``), which leads each sum.

    ``index``/``starts``: every sum's terms, and where each sum starts among them. Per
    scale: ``at``, its first sum (its matrix's; then its diagonal's; None for fewer than
    two items); ``first``, its first item among the items of all scales of two or more;
    ``corr``, where its matrix starts among ``terms``. Per item of those scales (in
    order): ``rest``, the first of its three sums (the matrix without it, that matrix's
    diagonal, the item against the others); ``factor``, ``(k − 1)/(k − 2)`` for its
    scale's ``k`` items (NaN for ``k − 1 < 2``); ``deletable``, ``k − 1 ≥ 2``;
    ``variance``, the cell of its variance. ``terms``: where every scale's matrix lies
    among the gathered terms, scale after scale; ``rows``/``cols``: the two items of each
    of those terms."""

    __slots__ = ("at", "cols", "corr", "deletable", "factor", "first", "index", "rest",
                 "rows", "starts", "terms", "variance")

    def __init__(self, k: int, columns: tuple[tuple[int, ...], ...]) -> None:
        laid = Led(k * k)
        self.at: list[int | None] = []
        self.first: list[int] = []
        self.corr: list[int] = []
        rest: list[int] = []
        factor: list[float] = []
        variance: list[int] = []
        terms: list[int] = []
        rows: list[int] = []
        cols: list[int] = []
        for c in columns:
            self.first.append(len(variance))
            self.corr.append(len(terms))
            if len(c) < 2:
                self.at.append(None)
                continue
            at = len(laid.index) + 1  # where the matrix's cells will lie, after its lead
            terms.extend(range(at, at + len(c) ** 2))
            self.at.append(laid.add([a * k + b for a in c for b in c]))
            laid.add([a * k + a for a in c])
            rows.extend(a for a in c for _ in c)
            cols.extend(b for _ in c for b in c)
            size = len(c) - 1  # the items of each item's rest
            for p, item in enumerate(c):
                others = c[:p] + c[p + 1:]
                rest.append(laid.add([a * k + b for a in others for b in others]))
                laid.add([a * k + a for a in others])
                laid.add([item * k + b for b in others])
                factor.append(size / (size - 1) if size >= 2 else float("nan"))
                variance.append(item * k + item)
        self.index = _read_only(np.array(laid.index, dtype=np.intp))
        self.starts = _read_only(np.array(laid.starts, dtype=np.intp))
        self.rest = _read_only(np.array(rest, dtype=np.intp))
        self.factor = _read_only(np.array(factor, dtype=np.float64))
        self.deletable = _read_only(np.array([f == f for f in factor], dtype=bool))
        self.variance = _read_only(np.array(variance, dtype=np.intp))
        self.terms = _read_only(np.array(terms, dtype=np.intp))
        self.rows = _read_only(np.array(rows, dtype=np.intp))
        self.cols = _read_only(np.array(cols, dtype=np.intp))


def _read_only(array: _A) -> _A:
    array.setflags(write=False)
    return array


@functools.lru_cache(maxsize=64)
def layout(k: int, columns: tuple[tuple[int, ...], ...]) -> Layout:
    """``Layout`` of the scales of ``columns`` in a ``k × k`` covariance matrix, made once
    per set of scales and kept (read-only)."""
    return Layout(k, columns)


class Figures:
    """What a ``Layout``'s sums give for the covariance ``cells`` (``k² + 1`` of them, the
    last 0.0): per scale ``s`` of at least two items, its matrix's sum (NaN where one of
    its covariances is NaN), α, its items' α-if-deleted and item-total r, and its
    correlations. The figures of a scale are those of ``_of_covariance`` only where all
    its items are usable: the caller decides."""

    __slots__ = ("_corr", "_deleted", "_finite", "_item_total", "_layout", "_sums")

    def __init__(self, found: Layout, cells: Array, k: int) -> None:
        self._layout = found
        values = cells[found.index]
        sums = np.add.reduceat(values, found.starts) if found.starts.size else values
        self._sums: list[float] = sums.tolist()
        variances = cells[found.variance]
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            totals, traces = sums[found.rest], sums[found.rest + 1]
            against = sums[found.rest + 2]
            # ``_alpha(k − 1, total, trace)``: ``(k − 1)/(k − 2) · (1 − trace/total)``
            deleted = found.factor * (1.0 - traces / totals)
            self._deleted = _listed(deleted, found.deletable & (totals > 0))
            # ``_correlation(against, variance, total)``: the square roots taken apart
            # where the product underflows
            product = variances * totals
            scale = np.where(product > 0, np.sqrt(product),
                             np.sqrt(variances) * np.sqrt(totals))
            self._item_total = _listed(against / scale, (totals > 0) & (scale > 0))
            # ``cov / np.outer(sd, sd)`` of every scale's matrix
            sd = np.sqrt(cells[: k * k : k + 1])
            self._corr = values[found.terms] / (sd[found.rows] * sd[found.cols])
        self._finite = np.isfinite(self._corr)

    def total(self, s: int) -> float:
        """The sum of scale ``s``'s covariance matrix (NaN where a covariance is NaN)."""
        at = self._layout.at[s]
        return float("nan") if at is None else self._sums[at]

    def alpha(self, s: int, size: int) -> float | None:
        """α of scale ``s`` of ``size`` items, ``reliability._alpha`` of its sums."""
        at = self._layout.at[s]
        assert at is not None
        total, trace = self._sums[at], self._sums[at + 1]
        if size < 2 or total != total or total <= 0:
            return None
        return size / (size - 1) * (1.0 - trace / total)

    def items(self, s: int, size: int) -> tuple[list[float | None], list[float | None]]:
        """α-if-deleted and item-total r of the ``size`` items of scale ``s``."""
        first = self._layout.first[s]
        return (self._deleted[first:first + size], self._item_total[first:first + size])

    def correlations(self, s: int, size: int) -> Array | None:
        """Scale ``s``'s ``size × size`` correlations, None where one is not finite."""
        start = self._layout.corr[s]
        end = start + size * size
        if not self._finite[start:end].all():
            return None
        found: Array = self._corr[start:end].reshape(size, size)
        return found


def _listed(values: Array, defined: NDArray[np.bool_]) -> list[float | None]:
    """``values`` as a list, None where not ``defined``."""
    return [v if ok else None for v, ok in zip(values.tolist(), defined.tolist(),
                                                 strict=True)]
