"""Sums laid out for one reduceat, each as numpy sums its cells alone (diamond.stats.led)."""

from __future__ import annotations

import numpy as np

from diamond.stats.led import Led


def test_each_sum_is_the_bits_of_its_own_arrays_sum() -> None:
    rng = np.random.default_rng(7)
    values = np.concatenate([rng.normal(size=200) * 10.0 ** rng.integers(-8, 8, 200), [0.0]])
    lead = values.size - 1
    laid = Led(lead)
    parts = [rng.integers(0, lead, size=int(k)).tolist() for k in rng.integers(1, 60, 40)]
    parts.insert(3, [])  # an empty sum is the lead's +0.0
    numbers = [laid.add(part) for part in parts]
    assert numbers == list(range(len(parts)))
    got = laid.sums(values).tolist()
    want = [float(values[np.array(part, dtype=np.intp)].sum()) for part in parts]
    assert [v.hex() for v in got] == [v.hex() for v in want]


def test_no_sums_laid_out() -> None:
    assert Led(0).sums(np.zeros(1)).size == 0
