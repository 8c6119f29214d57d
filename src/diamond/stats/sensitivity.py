"""Variance-based (Sobol) sensitivity indices by the Saltelli design.

Two independent ``N × k`` sample matrices A and B of the inputs in [0, 1) and, for each
input (or group of inputs) i, ``AB_i``: A with the columns of i taken from B. With
``V = Var[f(A), f(B)]``:

* first order ``S_i = mean(f(B) · (f(AB_i) − f(A))) / V`` (Saltelli et al. 2010, Table 2 (b)),
  with f centred on its sample mean first;
* total effect ``ST_i = mean((f(A) − f(AB_i))²) / (2V)`` (Jansen 1999; Saltelli et al.
  2010, Table 2 (f)).

The model is vectorised: it takes an ``m × k`` array of unit-interval inputs and returns
``m`` outputs (or ``m × q`` for q outputs at once). Groups of columns are treated as one
assumption (Saltelli et al. 2008, §1.2.15), as the OECD/JRC Handbook (2008) does for
"weights" or "aggregation" as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen

Array = NDArray[np.float64]
Model = Callable[[Array], Array]


@frozen
class Indices:
    """First-order and total-effect indices, one row per group (columns: outputs)."""

    first: Array
    total: Array
    variance: Array
    sample: Array  # the outputs at A and B: a plain random sample of the input space


def sobol(model: Model, groups: Sequence[Sequence[int]], samples: int, seed: int) -> Indices:
    """Sobol indices of ``model`` for each group of input columns, ``samples`` base rows.

    The inputs are uniform on [0, 1)^k with ``k`` the number of columns named in
    ``groups``; the model maps them to its own ranges. Costs ``samples · (g + 2)``
    model rows for g groups, evaluated in one call.
    """
    a, b = matrices(groups, samples, seed)
    # A, B and each AB_i written in place into the one array the model is given
    rows = np.empty(((len(groups) + 2) * samples, a.shape[1]))
    rows[:samples] = a
    rows[samples:2 * samples] = b
    for g, group in enumerate(groups, start=2):
        ab = rows[g * samples:(g + 1) * samples]
        ab[...] = a
        ab[:, list(group)] = b[:, list(group)]
    out = np.asarray(model(rows), dtype=float)
    return indices(out.reshape(len(groups) + 2, samples, -1))


def matrices(groups: Sequence[Sequence[int]], samples: int, seed: int) -> tuple[Array, Array]:
    """The design's two ``samples × k`` matrices A and B (``k``: one more than the largest
    column named in ``groups``), drawn from ``numpy.random.default_rng(seed)``, A first.

    A model that knows which of its outputs depend on which inputs can evaluate
    ``f(AB_i)`` from A and B itself (``diamond.scoring.sensitivity`` does) and hand the
    outputs to ``indices``: the same draws and figures as ``sobol``.
    """
    k = 1 + max(c for g in groups for c in g)
    rng = np.random.default_rng(seed)
    return rng.random((samples, k)), rng.random((samples, k))


def indices(out: Array) -> Indices:
    """The indices from the model's outputs, ``(g + 2) × samples × q``: at A, at B, then at
    each ``AB_i`` in the order of the groups."""
    # Centred on the sample mean: same expectation, far smaller variance when the
    # output's mean is large against its spread (a score near 55 moving by a few points).
    # A and B's outputs as one ``2·samples × q`` array: a view of a C-contiguous ``out``
    # (else a copy), laid out as their concatenation, so the same sums.
    out = np.ascontiguousarray(out)
    pair = out[:2].reshape(-1, *out.shape[2:])
    centre = pair.mean(axis=0)
    centred = out - centre
    fa, fb, fab = centred[0], centred[1], centred[2:]
    variance = np.var(centred[:2].reshape(pair.shape), axis=0, ddof=1)
    # ``fa - fab`` is ``-(fab - fa)`` exactly (rounding is symmetric), so the same squares
    step = fab - fa
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.where(variance > 0, (fb * step).mean(axis=1) / variance, 0.0)
        total = np.where(variance > 0, (step ** 2).mean(axis=1) / (2 * variance), 0.0)
    return Indices(first, total, variance, pair)
