"""The questionnaire's and its groups' bootstrap replicates scored together
(``uncertainty.replicate_parts``) and summarised by rows (``bootstrap.interval_rows``)
give the figures of the part-by-part and column-by-column paths, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from diamond.models.questionnaire import GROUPS
from diamond.scoring import uncertainty
from diamond.scoring.design import Design
from diamond.stats import bootstrap


def _design(seed: int, n: int, n_ind: int, n_dim: int, weights: str, missing: float) -> Design:
    rng = np.random.default_rng(seed)
    answers = rng.integers(1, 6, (n, n_ind)).astype(float)
    answers[rng.random((n, n_ind)) < missing] = np.nan
    raw = {"equal": np.ones(n), "units": rng.choice([0.5, 1.0, 1.5, 2.0, 3.0], n),
           "other": rng.choice([0.1, 0.7, 1.3, 2.9], n)}[weights]
    membership = np.zeros((n_ind, n_dim))
    membership[np.arange(n_ind), np.arange(n_ind) % n_dim] = 1.0
    groups = tuple(GROUPS[k] for k in rng.choice(len(GROUPS), n, p=[0.5, 0.2, 0.15, 0.1, 0.05]))
    return Design(
        tuple(f"r{k:04d}" for k in range(n)), groups,
        tuple(f"i{k}" for k in range(n_ind)), tuple(f"d{k}" for k in range(n_dim)),
        answers, raw / raw.max(), rng.choice([0.0, 0.5, 1.0, 2.0], n_ind),
        rng.choice([0.5, 1.0, 3.0], n_dim), membership, 1, 5,
    )


def _parts(x: Design) -> list[tuple[list[int] | range, int]]:
    parts: list[tuple[list[int] | range, int]] = [(range(len(x.respondents)), 20151)]
    for g, group in enumerate(GROUPS):
        rows = x.members.get(group, [])
        if len(rows) >= 2:
            parts.append((rows, 20152 + g))
    return parts


@pytest.mark.parametrize(("seed", "n", "n_ind", "n_dim", "weights", "missing"), [
    (1, 40, 31, 4, "units", 0.05), (2, 40, 31, 4, "equal", 0.0), (3, 300, 31, 5, "units", 0.1),
    (4, 25, 9, 3, "other", 0.3), (5, 60, 20, 13, "equal", 0.05), (6, 700, 31, 4, "other", 0.02),
])
@pytest.mark.parametrize("replicates", [1000, 37, 1])
def test_parts_scored_together_are_each_part_on_its_own(
    seed: int, n: int, n_ind: int, n_dim: int, weights: str, missing: float, replicates: int,
) -> None:
    x = _design(seed, n, n_ind, n_dim, weights, missing)
    parts = _parts(x)
    for method in ("mean", "median"):
        for how in ("arithmetic", "geometric"):
            for exact in (uncertainty.exact_tallies(x), None):
                together = uncertainty.replicate_parts(x, parts, replicates, method, how,
                                                       exact)
                assert len(together) == len(parts)
                for (rows, seed_), got in zip(parts, together, strict=True):
                    alone = uncertainty.replicate_scores(x, rows, replicates, seed_, method,
                                                         how, exact)
                    for a, b in zip(got, alone, strict=True):
                        assert a.shape == b.shape
                        assert a.tobytes() == np.ascontiguousarray(b).tobytes(), (
                            method, how, exact is None)


def test_parts_too_large_to_stack_are_scored_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    x = _design(7, 50, 12, 3, "units", 0.1)
    parts = _parts(x)
    stacked = uncertainty.replicate_parts(x, parts, 200, "mean", "arithmetic")
    monkeypatch.setattr(uncertainty, "STACK_CELLS", 0)
    alone = uncertainty.replicate_parts(x, parts, 200, "mean", "arithmetic")
    for got, want in zip(stacked, alone, strict=True):
        for a, b in zip(got, want, strict=True):
            assert a.tobytes() == np.ascontiguousarray(b).tobytes()
    assert uncertainty.replicate_parts(x, [], 200, "mean", "arithmetic") == []


def test_intervals_by_rows_are_the_intervals_by_columns() -> None:
    rng = np.random.default_rng(3)
    data = rng.normal(50, 10, (1000, 61)).round(rng.integers(0, 4))
    data[rng.random(data.shape) < 0.002] = np.nan  # a few columns with undefined replicates
    data[:, 5] = np.nan  # one never defined
    data[:100, 7] = np.nan  # one undefined in more than 5 %
    for table in (data, data[:1], data[:, :0], data[:2, :3]):
        by_columns = bootstrap.interval(table)
        assert bootstrap.interval_rows(np.ascontiguousarray(table.T)) == by_columns
    assert bootstrap.interval(np.zeros(3)) == []
    found = bootstrap.interval(data)
    assert found[5] == bootstrap.NO_INTERVAL and found[7] == bootstrap.NO_INTERVAL
    column = data[:, 0][~np.isnan(data[:, 0])]
    assert found[0].se == pytest.approx(float(np.std(column, ddof=1)), abs=1e-4)
    assert found[0].low == pytest.approx(float(np.quantile(column, 0.025)), abs=1e-4)
