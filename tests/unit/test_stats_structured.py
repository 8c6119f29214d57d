"""This round's shortcuts in the statistics give the same bits as the straightforward code.

The Sobol analysis evaluated from A and B (``sensitivity._outputs``, five products for
seven blocks of model rows) against the model run on ``sobol``'s stacked rows; ranks
counted pair by pair against the ``B × D × D`` comparison.
"""

from __future__ import annotations

import numpy as np
import pytest

from diamond.scoring import sensitivity
from diamond.scoring.design import Design
from diamond.stats.ranks import ranks
from diamond.stats.sensitivity import indices, matrices, sobol


def _bits(array: object) -> bytes:
    return np.asarray(array, dtype=np.float64).tobytes()


def _design(seed: int, n: int, n_ind: int, n_dim: int, *, weights: str = "mixed",
            points: int = 5, missing: float = 0.05) -> Design:
    rng = np.random.default_rng(seed)
    answers = rng.integers(1, points + 1, (n, n_ind)).astype(float)
    answers[rng.random((n, n_ind)) < missing] = np.nan
    if weights == "equal":
        w = np.ones(n)
    elif weights == "units":  # sixths of the largest
        raw = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0], n)
        w = raw / raw.max()
    else:
        raw = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0, 0.7], n)
        w = raw / raw.max()
    membership = np.zeros((n_ind, n_dim))
    membership[np.arange(n_ind), np.arange(n_ind) % n_dim] = 1.0
    return Design(
        tuple(f"r{k:04d}" for k in range(n)), tuple("firm" for _ in range(n)),
        tuple(f"i{k}" for k in range(n_ind)), tuple(f"d{k}" for k in range(n_dim)),
        answers, w, rng.choice([0.0, 0.5, 1.0, 2.0], n_ind), rng.choice([0.5, 1.0, 3.0], n_dim),
        membership, 1, points,
    )


@pytest.mark.parametrize(("seed", "n", "n_ind", "n_dim", "samples", "weights"), [
    (1, 300, 31, 4, 1024, "mixed"), (2, 40, 31, 4, 1024, "equal"), (3, 12, 9, 3, 7, "mixed"),
    (4, 60, 20, 13, 33, "equal"), (5, 25, 6, 1, 100, "mixed"), (6, 500, 40, 8, 129, "mixed"),
    # OpenBLAS picks its kernel by a product's size: one sample, and 2,048 (the model's
    # 14,336 rows against 2,048), differed while the shortcut's products had fewer rows
    (7, 30, 31, 4, 1, "mixed"), (8, 30, 6, 1, 1, "equal"), (9, 60, 31, 4, 2048, "mixed"),
    (10, 60, 31, 4, 1025, "equal"),
])
def test_sobol_from_a_and_b_is_the_model_on_the_stacked_rows(
    seed: int, n: int, n_ind: int, n_dim: int, samples: int, weights: str,
) -> None:
    x = _design(seed, n, n_ind, n_dim, weights=weights, missing=0.0 if n < 50 else 0.05)
    rows, log_rows, whole = sensitivity._table(x, sensitivity.SEED)
    assert whole
    groups = sensitivity._groups(n_dim, n_ind)
    expected = sobol(sensitivity._model(x, rows, log_rows, whole), groups, samples, seed)
    a, b = matrices(groups, samples, seed)
    got = indices(sensitivity._outputs(a, b, x, rows, log_rows))
    for name in ("first", "total", "variance", "sample"):
        assert _bits(getattr(got, name)) == _bits(getattr(expected, name)), name


def test_ranks_pair_by_pair_are_the_comparison() -> None:
    rng = np.random.default_rng(9)
    for d in (1, 2, 4, 7, 12, 13, 30):  # pair by pair, then sorted (stats.ranks.PAIRWISE)
        scores = rng.integers(0, 4, (500, d)).astype(float) * 10  # many ties
        scores[rng.random((500, d)) < 0.1] = np.nan
        filled = np.where(np.isnan(scores), -np.inf, scores)
        above = filled[:, None, :] > filled[:, :, None]
        tied_before = (filled[:, None, :] == filled[:, :, None]) & (
            np.arange(d)[None, :] < np.arange(d)[:, None])[None, :, :]
        expected = np.asarray(1 + (above | tied_before).sum(axis=2), dtype=float)
        assert _bits(ranks(scores).astype(float)) == _bits(expected)


def test_mean_from_two_sums_is_the_mean_of_the_tallies() -> None:
    from diamond.stats import composite, units

    rng = np.random.default_rng(4)
    for low, high in ((1, 5), (0, 10), (-2, 2)):
        points = high - low + 1
        answers = rng.integers(low, high + 1, (80, 9)).astype(float)
        answers[rng.random((80, 9)) < 0.2] = np.nan
        answers[:, 3] = np.nan  # nobody answered: NaN
        found = units.units(np.ones(80))
        assert found is not None and units.exact(found, low, high)
        sums = units.sums(answers, found)
        counts = rng.integers(0, 4, (50, 80)).astype(np.float32)
        product = np.asarray(counts @ sums, dtype=np.float64)
        onehot = (answers[:, :, None] == np.arange(low, high + 1)).astype(np.float64)
        tally = (counts.astype(np.float64) @ onehot.reshape(80, -1)).reshape(50, 9, points)
        expected = composite.indicator_scores(tally, low, high, "mean")
        got = composite.mean_scores(product[:, :9], product[:, 9:], low, high)
        assert _bits(got) == _bits(expected)
    assert units.units(np.array([1.0, 0.3, np.pi / 4])) is None


def test_weights_as_whole_numbers_of_units() -> None:
    from diamond.stats import units

    def found(raw: list[float]) -> list[float] | None:
        w = np.array(raw) / max(raw)
        got = units.units(w)
        return None if got is None else got.tolist()

    assert found([1.0, 1.0]) == [1.0, 1.0]
    assert found([0.5, 1, 1.5, 2, 3]) == [1.0, 2.0, 3.0, 4.0, 6.0]
    assert found([0.3, 0.7, 1.0]) == [3.0, 7.0, 10.0]
    assert found([1.0, 0.0, 0.5]) == [2.0, 0.0, 1.0]
    assert found([0.1, 0.7, 1.3, 2.9]) is None  # no D up to 1,024 rounds to them all
    assert found([1 + k / 997 for k in range(100)]) is None  # too many distinct weights
    # every unit reproduces its weight: the double nearest m / D is the weight itself
    rng = np.random.default_rng(3)
    for _ in range(200):
        raw = rng.choice([0.25, 0.5, 0.75, 1.0, 1.25, 2.0, 3.0, 5.0, 0.2], 30)
        w = raw / raw.max()
        got = units.units(w)
        assert got is not None
        d = float(got.max())
        assert (got.astype(np.float64) / d == w).all()
        assert units.exact(got, 1, 5)


def test_units_search_is_the_whole_grid_of_denominators() -> None:
    """The first denominators tried one by one in Python, then the rest in one array: the
    same units as every denominator in one array (the former search)."""
    from diamond.stats import units

    def grid(w: np.ndarray) -> list[float] | None:
        if w.size == 0 or not bool((w >= 0).all()):
            return None
        if bool((w == 1.0).all()):
            return np.ones(w.shape, dtype=np.float32).tolist()
        ordered = np.sort(w)
        distinct = ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]
        if distinct.size > units.MAX_DISTINCT:
            return None
        d = np.arange(1, units.MAX_DENOMINATOR + 1, dtype=np.float64)[:, None]
        with np.errstate(invalid="ignore"):
            fits = np.flatnonzero((np.rint(distinct * d) / d == distinct).all(axis=1))
        if fits.size == 0:
            return None
        return np.rint(w * d[fits[0], 0]).astype(np.float32).tolist()

    rng = np.random.default_rng(16)
    cases = [np.array([0.0, -0.0, 1.0]), np.array([np.inf, 1.0]), np.array([np.inf, np.inf]),
             np.array([0.5, np.nan]), np.array([1e-300, 1.0]), np.array([5e-324, 1.0]),
             np.array([1 / 3, 2 / 3, 1.0]), np.array([1 / 17, 1.0]), np.array([1 / 1024, 1.0]),
             np.array([1 / 1025, 1.0]), np.array([0.1, 0.2, 1.0]), np.zeros(3), np.ones(4)]
    for _ in range(400):
        d = int(rng.choice([2, 3, 7, 12, 16, 17, 30, 97, 500, 1000, 1024, 1031]))
        m = rng.integers(0, d + 1, int(rng.integers(1, 12)))
        w = np.concatenate([m / d, [1.0]])
        if rng.random() < 0.2:
            w[0] = rng.random()
        cases.append(w / w.max())
    for w in cases:
        got = units.units(w)
        assert (None if got is None else got.tolist()) == grid(w), w


def test_whole_number_tallies_give_the_same_median_and_the_rounded_mean() -> None:
    from diamond.scoring import uncertainty

    assert uncertainty.exact_tallies(_design(11, 90, 12, 3)) is None  # 0.7 / 3 is no m / D
    for weights in ("units", "equal"):
        x = _design(11, 90, 12, 3, weights=weights, missing=0.1)
        exact = uncertainty.exact_tallies(x)
        assert exact is not None
        for method in ("mean", "median"):
            for aggregation in ("arithmetic", "geometric"):
                got = uncertainty.replicate_scores(x, range(90), 200, 7, method, aggregation,
                                                   exact)
                plain = uncertainty.replicate_scores(x, range(90), 200, 7, method,
                                                     aggregation)
                for a, b in zip(got, plain, strict=True):
                    if weights == "equal" or method == "median":
                        assert _bits(a) == _bits(b)
                    else:
                        assert np.allclose(a, b, rtol=1e-13, atol=1e-12, equal_nan=True)
