"""``icc.bliese`` and ``icc.one_way_of`` (the values given group by group, read once) give
the bits of the flat one-way ANOVA they replace, written out here as it was."""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Hashable, Sequence

import pytest

from diamond.stats.icc import OneWay, bliese, icc1, icc2, one_way, one_way_of


def _flat(values: Sequence[float], groups: Sequence[Hashable]) -> OneWay | None:
    """The one-way ANOVA as ``one_way`` made it before: every value in one list, grouped."""
    by: dict[Hashable, list[float]] = {}
    for value, group in zip(values, groups, strict=True):
        by.setdefault(group, []).append(value)
    g, n = len(by), len(values)
    if g < 2 or n - g < 1:
        return None
    grand = math.fsum(values) / n
    means = {key: math.fsum(v) / len(v) for key, v in by.items()}
    ssb = math.fsum(len(v) * (means[key] - grand) ** 2 for key, v in by.items())
    ssw = math.fsum((x - means[key]) ** 2 for key, v in by.items() for x in v)
    return OneWay(ssb / (g - 1), ssw / (n - g), g, n)


def _flat_iccs(a: OneWay | None) -> tuple[float | None, float | None]:
    if a is None:
        return None, None
    size = a.total / a.groups
    denominator = a.msb + (size - 1) * a.msw
    first = None if denominator == 0 else (a.msb - a.msw) / denominator
    return first, None if a.msb == 0 else (a.msb - a.msw) / a.msb


def _parts(rng: random.Random, kind: int) -> list[tuple[str, list[float]]]:
    parts = []
    for k in range(rng.choice([0, 1, 2, 3, 7, 40, 200])):
        size = rng.choice([0, 1, 1, 2, 5, 40])
        if kind == 0:
            values = [rng.uniform(0, 100) for _ in range(size)]
        elif kind == 1:  # scores of few answers: many ties
            values = [rng.choice([0.0, 25.0, 50.0, 75.0, 100.0]) for _ in range(size)]
        elif kind == 2:  # close values far from zero, and tiny ones
            values = [55 + rng.random() * 1e-9 if k % 2 else rng.random() * 1e-300
                      for _ in range(size)]
        else:  # whole numbers
            values = [rng.randint(-3, 3) for _ in range(size)]
        # a group may come back (its values are then taken together)
        parts.append((f"g{rng.randrange(max(1, k))}", values))
    return parts


@pytest.mark.parametrize("kind", range(4))
def test_values_group_by_group_are_the_flat_anova(kind: int) -> None:
    rng = random.Random(kind)
    for _ in range(150):
        parts = _parts(rng, kind)
        values = [v for _, part in parts for v in part]
        groups = [g for g, part in parts for _ in part]
        expected = _flat(values, groups)
        assert repr(one_way_of(parts)) == repr(expected)
        assert repr(one_way_of((g, array("d", p)) for g, p in parts)) == repr(expected)
        assert repr(one_way(values, groups)) == repr(expected)
        pair = _flat_iccs(expected)
        assert repr(bliese(iter(parts))) == repr(pair)
        assert repr((icc1(values, groups), icc2(values, groups))) == repr(pair)


def test_an_empty_group_is_absent() -> None:
    assert one_way_of([("a", [1.0, 2.0]), ("b", []), ("c", [4.0])]) == one_way(
        [1.0, 2.0, 4.0], ["a", "a", "c"])
    assert one_way_of([("a", [1.0, 2.0]), ("b", [])]) is None
    assert bliese([]) == (None, None)
