"""``stats.rounding.rounded`` is Python's ``round(v, digits) + 0.0`` of every value."""

from __future__ import annotations

import math

import numpy as np
import pytest

from diamond.stats import rounding


def _same(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


@pytest.mark.parametrize("digits", [4, 2, 0])
def test_rounded_is_pythons_round_of_each_value(digits: int) -> None:
    rng = np.random.default_rng(digits)
    halves = (rng.integers(-10**6, 10**6, 20_000) + 0.5) / 10.0**digits  # half-way points
    data = np.concatenate([
        rng.uniform(-100, 100, 20_000), rng.normal(50, 20, 20_000).round(digits + 1),
        rng.normal(0, 1e-3, 5_000), halves, np.nextafter(halves, np.inf),
        np.nextafter(halves, -np.inf), halves * (1 + 1e-15), halves + 1e-11,
        [0.0, -0.0, np.inf, -np.inf, np.nan, 1e300, -1e-300, 5e-324, 2.0**30 / 10**digits,
         0.00005, -0.00005, 0.00015, 1.00005, 2.5e-5, 0.5, 1.5, 2.5, -2.5],
    ])
    got = rounding.rounded(data, digits)
    expected = [round(v, digits) + 0.0 for v in data.tolist()]
    assert len(got) == len(expected)
    assert all(_same(g, e) for g, e in zip(got, expected, strict=True))


def test_rounded_takes_any_shape_and_nothing() -> None:
    assert rounding.rounded(np.array([[1.23456, -0.00001]]), 4) == [1.2346, 0.0]
    assert rounding.rounded(np.zeros(0), 4) == []
