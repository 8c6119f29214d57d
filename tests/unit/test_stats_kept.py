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
