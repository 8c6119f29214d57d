"""The correlation ratio's bins as slices (diamond.stats.correlation)."""

from __future__ import annotations

import math
import struct
from typing import Any

import numpy as np

from diamond.stats.correlation import correlation_ratio


def _ratio_by_masks(x: Any, y: Any, weights: Any) -> float | None:
    """``correlation_ratio`` as it was written before its bins became slices."""
    n = x.size
    if n < 4:
        return None
    order = np.argsort(x, kind="stable")
    xs, ys, ws = x[order], y[order], weights[order]
    bins = max(2, min(10, round(float(np.sqrt(n)))))
    label = np.floor(np.arange(n) * bins / n)
    starts = np.flatnonzero(np.concatenate([[True], xs[1:] != xs[:-1]]))
    first = np.zeros(n, dtype=np.intp)
    first[starts] = starts
    label = label[np.maximum.accumulate(first)]
    total = ws.sum()
    mean = (ws * ys).sum() / total
    spread = (ws * (ys - mean) ** 2).sum()
    if spread <= 0:
        return None
    between = 0.0
    for b in label[np.concatenate([[True], label[1:] != label[:-1]])]:
        inside = label == b
        wb = ws[inside].sum()
        if wb > 0:
            between += wb * ((ws[inside] * ys[inside]).sum() / wb - mean) ** 2
    ratio = float(between / spread)
    return ratio if math.isfinite(ratio) else None


def test_correlation_ratio_bins_as_slices_give_the_same_bits() -> None:
    def bits(v: float | None) -> bytes | None:
        return None if v is None else struct.pack("<d", v)

    rng = np.random.default_rng(8)
    for _ in range(1500):
        n = int(rng.choice([4, 5, 9, 17, 40, 41, 99, 150, 300]))
        x = rng.integers(0, int(rng.choice([2, 5, 40, 1000])), n) * 0.25
        y = rng.random(n) * 100
        w = rng.choice([1.0, 0.5, 1 / 3, 1e-6, 0.0, 5e-324], n) if rng.random() < 0.5 \
            else rng.random(n)
        assert bits(correlation_ratio(x, y, w)) == bits(_ratio_by_masks(x, y, w))
