"""Every scale's reliability and agreement made at once (``reliabilities`` with
``stats.alphas``, ``agreements``) are each scale's alone, bit for bit (``repr``), over
random surveys: scales of 0 to 11 items, apart or side by side, missing answers, items
without variance or with one answer, tiny and huge respondent weights (correlations that
are not finite), several scales."""

from __future__ import annotations

import numpy as np
import pytest

from diamond.stats import agreement as agreement_module
from diamond.stats import alphas
from diamond.stats import reliability as reliability_module
from diamond.stats.agreement import agreement, agreements
from diamond.stats.reliability import reliabilities, reliability

WEIGHTS = [0.5, 1.0, 2.0, 1 / 3, 1e-300, 1e6, 5e-324]
SCALES = [(1, 5), (0, 10), (-1000, 1000), (1, 2)]


def _survey(rng: np.random.Generator, case: int) -> tuple[
        np.ndarray, np.ndarray, list[np.ndarray], int, int]:
    n = int(rng.choice([1, 2, 3, 5, 40, 120]))
    sizes = [int(v) for v in rng.integers(0, 12, rng.integers(1, 6))]
    width = max(sum(sizes), 1)
    low, high = SCALES[case % 4]
    x = rng.integers(low, high + 1, (n, width)).astype(float)
    if case % 3 == 1:
        x[rng.random((n, width)) < rng.choice([0.05, 0.3])] = np.nan
    if case % 5 == 2:
        x = x + rng.random((n, width)) * 1e-3
    if case % 7 == 3:
        x[:, 0] = high  # no variance, at an end of the scale
    if case % 11 == 5 and n > 1:
        x[1:, -1] = np.nan  # one answer
    w = rng.choice(WEIGHTS + [0.0] * (case % 13 == 4), n) if case % 2 else np.ones(n)
    starts = np.cumsum([0, *sizes])
    columns = [np.arange(starts[s], starts[s + 1]) for s in range(len(sizes))]
    if case % 4 == 0 and width > 3:  # a scale whose columns are apart
        columns.append(np.array([0, width // 2, width - 1]))
    return x, w, columns, low, high


@pytest.mark.parametrize("seed", range(6))
def test_every_scale_at_once_is_each_scale_alone(seed: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(agreement_module, "AT_ONCE", 1 << 30)
    taken = {"sums": 0, "alone": 0}
    made = alphas.Figures.correlations

    def counted(self: alphas.Figures, s: int, size: int) -> np.ndarray | None:
        found: np.ndarray | None = made(self, s, size)
        taken["sums" if found is not None else "alone"] += 1
        return found

    monkeypatch.setattr(alphas.Figures, "correlations", counted)
    rng = np.random.default_rng(seed)
    for case in range(300):
        x, w, columns, low, high = _survey(rng, case)
        ids = [[f"i{c}" for c in found] for found in columns]
        for given in (x, np.asfortranarray(x)):
            assert repr(reliabilities(given, w, columns, ids)) == repr(
                [reliability(given[:, c], w, i) for c, i in zip(columns, ids, strict=True)])
            assert repr(agreements(given, w, low, high, columns)) == repr(
                [agreement(given[:, c], w, low, high) for c in columns])
    assert taken["sums"] > 100  # the sums' path was taken


def test_correlations_that_are_not_finite_are_made_as_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Available-case covariances far beyond their variances (tiny variances, as
    respondent weights as unequal as 5e-324 and 1e6 can make them): a scale's
    correlations that are not finite are made as ``_eigen_share`` makes them, from its
    own matrix."""
    rng = np.random.default_rng(1)
    k = 7
    base = rng.random((k, k)) + np.eye(k) * 3
    matrix = base @ base.T
    matrix[0, 0], matrix[1, 1] = 5e-324, 1e-300  # sd·sd of 1e-162 and 1e-150
    matrix[3, :] = matrix[:, 3] = np.nan  # and an item left out

    def made(x: object, w: object, first: object, second: object, out: np.ndarray) -> None:
        out[...] = matrix

    monkeypatch.setattr(reliability_module, "_grouped", made)
    columns = [np.arange(0, 3), np.arange(3, 5), np.arange(5, 7)]
    ids = [["a", "b", "c"], ["d", "e"], ["f", "g"]]
    x = np.ones((10, k))
    found = reliabilities(x, np.ones(10), columns, ids)
    assert repr(found) == repr([reliability_module._of_covariance(matrix[np.ix_(c, c)], i)
                                for c, i in zip(columns, ids, strict=True)])
    assert found[0].first_eigen_share is None and found[2].first_eigen_share is not None
    figures = alphas.Figures(alphas.layout(k, tuple(tuple(c.tolist()) for c in columns)),
                             np.append(matrix.ravel(), 0.0), k)
    assert figures.correlations(0, 3) is None
    assert figures.correlations(2, 2) is not None


def test_a_layout_is_made_once_and_read_only() -> None:
    first = alphas.layout(7, ((0, 1, 2), (3, 4, 5, 6)))
    assert alphas.layout(7, ((0, 1, 2), (3, 4, 5, 6))) is first
    assert not first.index.flags.writeable
    assert reliability_module.GROUPED >= 40
