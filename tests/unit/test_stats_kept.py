"""The counts ``bootstrap.float_blocks`` keeps between calls (``diamond.stats.kept``)."""

from __future__ import annotations

import numpy as np
import pytest

from diamond.stats import bootstrap, kept


def test_kept_drops_the_least_recently_used_first() -> None:
    store = kept.Kept(3 * 800)  # three arrays of 100 doubles
    arrays = {k: np.full(100, float(k)) for k in range(4)}
    for k in range(3):
        store.put(k, arrays[k])
    assert len(store) == 3 and store.size == 2400
    assert store.get(0) is arrays[0]  # 0 now the most recently used: 1 goes first
    store.put(3, arrays[3])
    assert store.get(1) is None
    assert [store.get(k) is arrays[k] for k in (0, 2, 3)] == [True, True, True]
    store.put(2, arrays[2])  # the same key again: counted once
    assert store.size == 2400
    store.put("big", np.zeros(301))  # larger than the whole store: not kept, nothing dropped
    assert store.get("big") is None and len(store) == 3
    store.clear()
    assert len(store) == 0 and store.size == 0 and store.get(0) is None


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_kept_counts_are_the_drawn_ones_and_cannot_be_changed(dtype: type) -> None:
    bootstrap.forget()
    first = next(bootstrap.float_blocks(40, 300, 300, 5, dtype))
    again = next(bootstrap.float_blocks(40, 300, 1000, 5, dtype))  # any size holding all
    assert again is first and not first.flags.writeable
    with pytest.raises(ValueError):
        first[0, 0] = 7
    drawn = np.random.default_rng(5).integers(0, 40, size=(300, 40))
    expected = np.vstack([np.bincount(row, minlength=40) for row in drawn])
    assert first.dtype == dtype and np.array_equal(first, expected)
    bootstrap.forget()  # drawn afresh: the same numbers, a new array
    fresh = next(bootstrap.float_blocks(40, 300, 300, 5, dtype))
    assert fresh is not first and np.array_equal(fresh, first)


def test_only_whole_draws_are_kept_each_under_its_own_arguments() -> None:
    bootstrap.forget()
    a = next(bootstrap.float_blocks(12, 50, 50, 1))
    others = [next(bootstrap.float_blocks(12, 50, 50, 2)),  # another seed
              next(bootstrap.float_blocks(13, 50, 50, 1)),  # another size
              next(bootstrap.float_blocks(12, 51, 51, 1)),  # more replicates
              next(bootstrap.float_blocks(12, 50, 50, 1, np.float32))]  # another type
    assert all(o is not a for o in others)
    assert next(bootstrap.float_blocks(12, 50, 50, 1)) is a
    # in blocks smaller than the replicates: drawn each time, one writable block reused
    parts = list(bootstrap.float_blocks(12, 50, 20, 1))
    assert len(parts) == 3 and parts[0].flags.writeable
    again = [b.copy() for b in bootstrap.float_blocks(12, 50, 20, 1)]
    assert np.array_equal(np.vstack(again), a)


@pytest.mark.parametrize("n", [1, 2, 3, 6])
def test_distinct_rows_rebuild_the_counts(n: int) -> None:
    bootstrap.forget()
    found = bootstrap.distinct(n, 1000, 9, np.float32)
    assert found is not None
    rows, index = found
    block = next(bootstrap.float_blocks(n, 1000, 1000, 9, np.float32))
    assert np.array_equal(rows[index], block)
    assert len({tuple(r) for r in rows.tolist()}) == rows.shape[0]  # each row once
    assert rows.shape[0] <= 500 and not rows.flags.writeable and not index.flags.writeable
    assert np.array_equal(np.sort(np.unique(index, return_index=True)[1]),
                          np.unique(index, return_index=True)[1])  # first-seen order
    assert bootstrap.distinct(n, 1000, 9, np.float32)[0] is rows  # kept


def test_distinct_rows_only_where_they_save_work() -> None:
    assert bootstrap.distinct(bootstrap.DISTINCT_UP_TO + 1, 1000, 9) is None
    assert bootstrap.distinct(0, 1000, 9) is None
    assert bootstrap.distinct(6, 40, 9) is None  # 40 resamples of six: nearly all differ
    assert bootstrap.distinct(2, 40, 9) is not None


def test_small_groups_scored_once_per_distinct_resample_are_the_same_bits(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from diamond.models.questionnaire import GROUPS
    from diamond.scoring import uncertainty
    from diamond.scoring.design import Design

    rng = np.random.default_rng(5)
    n, n_ind, n_dim = 30, 12, 3
    answers = rng.integers(1, 6, (n, n_ind)).astype(float)
    answers[rng.random((n, n_ind)) < 0.15] = np.nan  # some resamples miss an indicator
    raw = rng.choice([0.5, 1.0, 1.5, 3.0], n)
    membership = np.zeros((n_ind, n_dim))
    membership[np.arange(n_ind), np.arange(n_ind) % n_dim] = 1.0
    groups = tuple(GROUPS[k] for k in [0] * 20 + [1] * 2 + [2] * 3 + [3] * 5)
    x = Design(tuple(f"r{k:03d}" for k in range(n)), groups,
               tuple(f"i{k}" for k in range(n_ind)), tuple(f"d{k}" for k in range(n_dim)),
               answers, raw / raw.max(), rng.choice([0.5, 1.0, 2.0], n_ind),
               rng.choice([1.0, 3.0], n_dim), membership, 1, 5)
    exact = uncertainty.exact_tallies(x)
    assert exact is not None
    # the groups of two, three and five take the distinct resamples at 1,000 replicates
    assert all(bootstrap.distinct(m, 1000, 3, np.float32) is not None for m in (2, 3, 5))
    for method in ("mean", "median"):
        for how in ("arithmetic", "geometric"):
            for rows in ([20, 21], [22, 23, 24], list(range(25, 30))):
                for replicates in (1000, 37):
                    bootstrap.forget()
                    once = uncertainty.replicate_scores(x, rows, replicates, 3, method, how,
                                                        exact)
                    monkeypatch.setattr(bootstrap, "DISTINCT_UP_TO", 0)
                    every = uncertainty.replicate_scores(x, rows, replicates, 3, method, how,
                                                         exact)
                    monkeypatch.undo()
                    for a, b in zip(once, every, strict=True):
                        assert a.tobytes() == b.tobytes(), (method, how, rows, replicates)
