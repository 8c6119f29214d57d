"""The compact sort keys of the ranking give the order the tuples they stand for give."""

from __future__ import annotations

import itertools
import random
from array import array

import pytest

from diamond.portfolio import ranking
from diamond.portfolio.model import Cluster
from diamond.portfolio.sortkeys import Places, float_key, period_bytes, text_key
from diamond.portfolio.spill import Spill

_TEXTS = ["", "a", "A", "ab", "a b", "İzmir", "izmir", "ıĞdır", "Iğdır", "z\x00", "z", "ß",
          "SS", "é", "\U0001f600", "\x01", "a\x00b", "Ç", "ç"]
_PERIODS = ["2020", "2020-01", "2020-1", "2020-10", "2019-12", "x", "2020a", "2020-Q1",
            "2020-q1", "", "007", "7", "1e3", "٣", "2020 ", " 2020"]


def test_texts_sort_as_tuples_of_them() -> None:
    rng = random.Random(7)
    pairs = [(rng.choice(_TEXTS), rng.choice(_TEXTS)) for _ in range(400)]
    for a, b in itertools.pairwise(pairs):
        want = (a > b) - (a < b)
        ka, kb = text_key(a[0]) + text_key(a[1]), text_key(b[0]) + text_key(b[1])
        assert (ka > kb) - (ka < kb) == want, (a, b)


def test_floats_and_periods_sort_as_they_do() -> None:
    floats = [0.0, -0.0, 1.5, -1.5, 1e-300, -1e-300, float("inf"), float("-inf"), 2.0, 1.9999]
    for a in floats:
        for b in floats:
            assert (float_key(a) > float_key(b)) - (float_key(a) < float_key(b)) == (
                (a > b) - (a < b)), (a, b)
    for a in _PERIODS:
        for b in _PERIODS:
            pa, pb = ranking._period_key(a), ranking._period_key(b)
            ka, kb = period_bytes(pa), period_bytes(pb)
            assert (ka > kb) - (ka < kb) == (pa > pb) - (pa < pb), (a, b)


def _cluster(k: int, name: str, region: str, period: str, overall: float | None,
             draws: object, key: str | None = None) -> Cluster:
    return Cluster(source=f"s/{k % 7}-{k:03d}.yaml", stem=str(k), name=name, region=region,
                   period=period, language="en", framework_id="f", framework_names={},
                   respondents=3, overall=overall, band=None, dimensions=(), reports=(),
                   key=ranking.cluster_key(name, region) if key is None else key,
                   draws=draws)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", range(6))
def test_the_compact_order_is_the_tuples_order(seed: int) -> None:
    """Repeated clusters (history), ties of score and name, no score, −0.0, spilled and
    in-memory replicates: the same places, intervals included."""
    rng = random.Random(seed)
    spill = Spill()
    names = ["Alfa", "alfa", "Beta", "İzmir", "izmir", "Gıda", "GIDA", "Ç"]
    regions = ["Konya", "konya", "Van", "İzmir"]
    found = []
    for k in range(120):
        replicates = array("d", [rng.choice([40.0, 41.0, 42.5, 43.0]) for _ in range(50)])
        draws: object = spill.put(replicates) if rng.random() < 0.7 else replicates
        overall = rng.choice([None, 0.0, -0.0, 41.0, 42.5, 42.5, 7.25, 100.0])
        found.append(_cluster(k, rng.choice(names), rng.choice(regions),
                              rng.choice(_PERIODS[:10]), overall, draws))
    got = ranking.ranking_order(found)
    assert isinstance(got, Places)
    assert list(got) == list(ranking._by_tuples(found))
    assert sorted(p[0] for p in got) == list(range(len(found)))
    assert any(p[1] == 0 for p in got) and any(p[3] is not None for p in got)


@pytest.mark.parametrize("odd", ["key", "zero", "nan", "twice"])
def test_what_the_keys_cannot_stand_for_is_ranked_by_tuples(odd: str) -> None:
    found = [_cluster(k, f"c{k % 3}", "r", "2020", float(k % 4), ()) for k in range(9)]
    if odd == "key":  # a key that is not the name and region (as hand-made clusters have)
        found[4] = _cluster(4, "c1", "r", "2021", 1.0, (), key="")
    elif odd == "zero":
        found[4] = _cluster(4, "c\x001", "r", "2021", 1.0, ())
    elif odd == "nan":
        found[4] = _cluster(4, "c1", "r", "2021", float("nan"), ())
    else:  # two clusters alike in key, period and source: the first stays the latest
        found[5] = _cluster(4, "c1", "r", "2020", 3.0, ())
        found[4] = _cluster(4, "c1", "r", "2020", 2.0, ())
    assert list(ranking.ranking_order(found)) == list(ranking._by_tuples(found))
