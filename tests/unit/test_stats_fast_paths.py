"""The statistics' fast paths give the same bits as the numpy calls and loops they replace.

``quantile.linear`` against ``np.quantile``/``np.percentile``; the complete-data pairs of
``reliability.pairwise_covariance`` against the pairwise loop written out here; the
single ``composite.aggregate_both`` against two ``aggregate`` calls; the Sobol design's
in-place blocks against A, B and the stacked copies.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from diamond.stats import composite, quantile
from diamond.stats import reliability as reliability_module
from diamond.stats.reliability import (
    Reliability,
    alpha_of,
    first_eigen_share,
    pairwise_covariance,
    reliability,
)
from diamond.stats.sensitivity import sobol


def _bits(array: object) -> bytes:
    return np.asarray(array, dtype=np.float64).tobytes()


def _data(rng: np.random.Generator, kind: int, shape: tuple[int, ...]) -> np.ndarray:
    if kind == 0:
        return rng.random(shape) * 100
    if kind == 1:  # many ties, as scores from five answers
        return rng.integers(1, 6, shape).astype(float)
    if kind == 2:
        return np.round(rng.normal(50, 20, shape), 1)
    return rng.random(shape) * 1e-3 + 55  # close values far from zero


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 40, 129, 999, 1000, 1001, 2048])
def test_linear_quantiles_are_numpys(n: int) -> None:
    rng = np.random.default_rng(n)
    for kind in range(4):
        data = _data(rng, kind, (3, n))
        for qs in ([0.025, 0.975], [0.05, 0.95], [0.0, 1.0], [0.5], [0.05]):
            assert _bits(quantile.linear(data, qs)) == _bits(np.quantile(data, qs, axis=1))
            assert _bits(quantile.linear(data[0], qs)) == _bits(np.quantile(data[0], qs))
        for p in (5, 95):
            assert _bits(quantile.linear(data[1], [p / 100])[0]) == _bits(
                np.percentile(data[1], p))


def _tail_data(rng: np.random.Generator, kind: int, shape: tuple[int, int]) -> np.ndarray:
    """Rows for the tails' path: the kinds of ``_data``, skewed rows, half a row tied, the
    infinities, and sorted rows (a subsample then sits at the extremes)."""
    if kind < 4:
        return _data(rng, kind, shape)
    if kind == 4:
        return rng.lognormal(0, 2, shape) * rng.choice([-1.0, 1.0])
    data = rng.random(shape)
    if kind == 5:
        data[:, : shape[1] // 2] = 5.0
    elif kind == 6:
        data[:, ::7] = -np.inf
        data[:, ::11] = np.inf
    else:
        data = np.sort(data, axis=1)
        data[1::2] = data[1::2, ::-1]
    return data


@pytest.mark.parametrize("shape", [(61, 1000), (9, 2048), (64, 256), (2, 20_001), (30, 999)])
def test_tail_quantiles_of_many_rows_are_numpys(shape: tuple[int, int]) -> None:
    """The tails' order statistics picked beyond a threshold (``quantile._tails``), rows
    that have too few beyond it partitioned after all: numpy's figures, bit for bit."""
    assert shape[1] >= quantile.TAIL_ROW and shape[0] * shape[1] >= quantile.TAIL_CELLS
    rng = np.random.default_rng(shape[0])
    for kind in range(8):
        data = _tail_data(rng, kind, shape)
        for qs in ([0.025, 0.975], [0.05, 0.95], [0.975, 0.025], [0.001], [0.999],
                   [0.0, 1.0], [0.1, 0.9], [0.5], [0.2, 0.99]):
            with np.errstate(invalid="ignore"):  # the infinities' differences
                assert _bits(quantile.linear(data, qs)) == _bits(
                    np.quantile(data, qs, axis=1)), (kind, qs)
    kth = [24, 25, 974, 975]
    data = np.sort(rng.random((4, 1000)), axis=1)  # every subsample value at the ends
    assert _bits(quantile._tails(data, kth)) == _bits(np.partition(data, kth, axis=1)[:, kth])
    # a subsample that misleads: its values are the row's smallest and largest, so too few
    # lie beyond its thresholds and the row is partitioned whole
    data = rng.random((4, 1000)) + 1.0
    data[:, ::quantile.STRIDE] = np.linspace(-1.0, 3.0, data[:, ::quantile.STRIDE].shape[1])
    assert _bits(quantile._tails(data, kth)) == _bits(np.partition(data, kth, axis=1)[:, kth])
    assert quantile._tails(data, [500]) is None  # not in a tail: partitioned


def test_linear_quantiles_leave_nan_to_numpy() -> None:
    data = np.array([[1.0, np.nan, 3.0], [1.0, 2.0, 3.0]])
    got = quantile.linear(data, [0.25, 0.75])
    assert np.isnan(got[:, 0]).all()
    assert _bits(got[:, 1]) == _bits(np.quantile(data[1], [0.25, 0.75]))


def _loop_covariance(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The available-case covariance, pair by pair (the code before the fast path)."""
    w = w / w.max() if w.size and w.max() > 0 else w
    k = x.shape[1]
    out = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(i, k):
            both = ~np.isnan(x[:, i]) & ~np.isnan(x[:, j]) & (w > 0)
            n = int(both.sum())
            if n < 2:
                continue
            v, a, b = w[both], x[both, i], x[both, j]
            total = v.sum()
            cov = (v * (a - (v * a).sum() / total) * (b - (v * b).sum() / total)).sum() / total
            out[i, j] = out[j, i] = cov * n / (n - 1)
    return out


@pytest.mark.parametrize("n", [1, 2, 3, 17, 40, 300, 1001])
def test_pairwise_covariance_fast_path_is_the_loop(n: int) -> None:
    rng = np.random.default_rng(100 + n)
    for k in (1, 2, 5, 11):
        for case in range(6):
            x = rng.integers(1, 6, (n, k)).astype(float)
            if case == 1:
                x[rng.random((n, k)) < 0.1] = np.nan
            if case == 2:
                x[rng.random(n) < 0.05, -1] = np.nan
            if case == 3:
                x = x + rng.random((n, k)) * 1e-3
            w = np.ones(n) if case < 4 else rng.choice([0.5, 1.0, 2.0, 1 / 3], n)
            if case == 5:
                w[0] = 0.0
            assert _bits(pairwise_covariance(x, w)) == _bits(_loop_covariance(x, w))


def _loop_reliability(x: np.ndarray, w: np.ndarray, ids: list[str]) -> Reliability:
    """``reliability`` item by item (the code before the items' rests were made at once)."""
    cov = _loop_covariance(x, w)
    candidates = [i for i in range(len(ids)) if cov[i, i] > 0]
    usable = [i for i in candidates if not np.isnan(cov[i, candidates]).any()]
    sub = cov[np.ix_(usable, usable)]
    deleted: dict[str, float | None] = {item: None for item in ids}
    item_total: dict[str, float | None] = {item: None for item in ids}
    for pos, i in enumerate(usable):
        rest = [q for q in range(len(usable)) if q != pos]
        rest_cov = sub[np.ix_(rest, rest)]
        deleted[ids[i]] = alpha_of(rest_cov)
        rest_var = float(rest_cov.sum())
        if rest and rest_var > 0:
            item_total[ids[i]] = float(sub[pos, rest].sum()) / math.sqrt(sub[pos, pos] * rest_var)
    return Reliability(alpha_of(sub), deleted, item_total, first_eigen_share(sub))


@pytest.mark.parametrize(("n", "chunk"), [(2, None), (3, None), (9, None), (40, None),
                                        (40, 50), (130, None), (301, 700), (2100, None)])
def test_reliability_is_the_item_by_item_loop(
    n: int, chunk: int | None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if chunk is not None:  # the pairs' covariances taken a few rows at a time
        monkeypatch.setattr(reliability_module, "CHUNK", chunk)
    rng = np.random.default_rng(300 + n)
    for k in (1, 2, 3, 4, 7, 11, 14):
        ids = [f"i{c}" for c in range(k)]
        for case in range(8):
            x = rng.integers(1, 6, (n, k)).astype(float)
            if case in (1, 5, 7):
                x[rng.random((n, k)) < (0.1 if case == 1 else 0.4)] = np.nan
            if case == 2:
                x[:, 0] = 3.0  # no variance: left out
            if case == 3:
                x = x + rng.random((n, k)) * 1e-3
            w = np.ones(n) if case < 4 else rng.choice([0.5, 1.0, 2.0, 1 / 3], n)
            if case == 6:
                w[: n // 2] = 0.0
            got, expected = reliability(x, w, ids), _loop_reliability(x, w, ids)
            assert repr(got) == repr(expected)


def test_aggregate_both_is_two_aggregates() -> None:
    rng = np.random.default_rng(7)
    scores = rng.integers(0, 5, (500, 9)) * 25.0
    weights = rng.random((500, 9)) + 0.5
    membership = (rng.random((9, 3)) < 0.5).astype(float)
    membership[:, 0] = 0.0  # a dimension with no member: NaN
    logs = np.log(1.0 + scores * 4 / 100.0)
    arithmetic, geometric = composite.aggregate_both(scores, logs, weights, membership, 5)
    assert _bits(arithmetic) == _bits(composite.aggregate(scores, weights, membership,
                                                          "arithmetic", 5))
    assert _bits(geometric) == _bits(composite.aggregate(scores, weights, membership,
                                                         "geometric", 5))
    again = composite.aggregate_both(scores.copy(), logs.copy(), weights, membership, 5,
                                     overwrite=True)
    assert _bits(again[0]) == _bits(arithmetic)
    assert _bits(again[1]) == _bits(geometric)


def test_sobol_design_rows_are_a_b_and_the_mixes() -> None:
    seen: list[np.ndarray] = []

    def model(u: np.ndarray) -> np.ndarray:
        seen.append(u.copy())
        return np.asarray(u[:, 0] + 2 * u[:, 1] * u[:, 2], dtype=float)

    groups = [[0], [1, 2]]
    sobol(model, groups, 16, 5)
    rng = np.random.default_rng(5)
    a, b = rng.random((16, 3)), rng.random((16, 3))
    blocks = [a, b]
    for group in groups:
        ab = a.copy()
        ab[:, group] = b[:, group]
        blocks.append(ab)
    assert _bits(seen[0]) == _bits(np.vstack(blocks))


@pytest.mark.parametrize(("n", "replicates", "size", "chunk"),
                         [(7, 50, 50, 21), (101, 33, 33, 202), (300, 1000, 1000, 1 << 15),
                          (40, 1000, 1000, 1), (5, 12, 5, 10)])
def test_bootstrap_counts_drawn_a_few_rows_at_a_time_are_the_same(
    n: int, replicates: int, size: int, chunk: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diamond.stats import bootstrap

    monkeypatch.setattr(bootstrap, "CHUNK_CELLS", chunk)
    bootstrap.forget()  # drawn here, not taken from an earlier call
    parts = [b.copy() for b in bootstrap.float_blocks(n, replicates, size, 13)]
    drawn = np.random.default_rng(13).integers(0, n, size=(replicates, n))
    expected = np.vstack([np.bincount(row, minlength=n) for row in drawn])
    assert np.array_equal(np.vstack(parts), expected)


def test_indicator_scores_are_the_whole_product_summed() -> None:
    rng = np.random.default_rng(21)
    for k in (2, 5, 7, 9):
        for dtype in (np.float64, np.float32):
            tally = (rng.integers(0, 5, (40, 6, k)) * rng.choice([1.0, 0.5, 1 / 3])).astype(dtype)
            tally[0, 0] = 0  # nothing carries weight: NaN
            values = 1 + np.arange(k, dtype=float)
            total = composite._sum_last(tally)
            with np.errstate(invalid="ignore", divide="ignore"):
                mean = composite._sum_last(tally * values) / total
                expected = (np.where(total > 0, mean, np.nan) - 1) / (k - 1) * 100.0
            assert _bits(composite.indicator_scores(tally, 1, k, "mean")) == _bits(expected)


def test_combine_is_aggregate_for_every_array_it_is_given() -> None:
    """``composite.Combine`` (the weights' copy and the denominator made once per shape)
    gives ``aggregate``'s bits, with and without missing scores, both aggregations."""
    rng = np.random.default_rng(4)
    membership = np.zeros((9, 3))
    membership[np.arange(9), np.arange(9) % 3] = 1.0
    weights = rng.random(9) + 0.5
    weights[4] = 0.0  # a zero weight: still positive denominators
    for how in ("arithmetic", "geometric"):
        combine = composite.Combine(weights, membership, how, 5)
        for k in range(6):
            scores = rng.random((200 + 100 * (k % 2), 9)) * 100
            if k >= 3:
                scores[rng.random(scores.shape) < 0.3] = np.nan
            assert _bits(combine(scores)) == _bits(
                composite.aggregate(scores, weights, membership, how, 5)), (how, k)
    # a dimension without weight: NaN there, as ``aggregate`` gives
    empty = composite.Combine(np.where(np.arange(9) % 3 == 0, 0.0, 1.0), membership,
                              "arithmetic", 5)
    scores = rng.random((50, 9)) * 100
    assert _bits(empty(scores)) == _bits(composite.aggregate(
        scores, np.where(np.arange(9) % 3 == 0, 0.0, 1.0), membership, "arithmetic", 5))


def test_the_heap_thresholds_are_set_once_and_only_on_linux(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from diamond.stats import heap

    monkeypatch.setattr(heap, "_done", [])
    monkeypatch.setattr(heap.sys, "platform", "darwin")
    heap.keep()  # elsewhere: nothing to do, and not tried again
    assert heap._done == [True]
    heap.keep()
    assert heap._done == [True]


def _agreement_as_before(x: np.ndarray, w: np.ndarray, low: int, high: int) -> object:
    """``agreement`` as it was before it reused its moments' arrays: the weights scaled,
    the answers present and ``np.nan_to_num`` made again for the used columns."""
    from diamond.stats.agreement import Agreement, _clean, item_moments

    n, mean, variance = item_moments(x, w)
    used = n >= 2
    items = int(used.sum())
    if items == 0:
        return Agreement(None, None, None, None, 0)
    points = high - low + 1
    ratio = float(variance[used].mean()) / ((points * points - 1) / 12.0)
    rstar = 1.0 - ratio
    rwg_j = 0.0 if ratio > 1 else items * rstar / (items * rstar + ratio)
    m, nn = mean[used], n[used]
    maximum = ((high + low) * m - m * m - high * low) * nn / (nn - 1)
    ok = maximum > 1e-12
    awg = float((1.0 - 2.0 * variance[used][ok] / maximum[ok]).mean()) if ok.any() else None
    wn = w / w.max() if w.max() > 0 else w
    present = ~np.isnan(x[:, used])
    ww = present * wn[:, None]
    deviations = np.where(present, np.abs(np.nan_to_num(x[:, used]) - m), 0.0)
    ad = (ww * deviations).sum(axis=0) / ww.sum(axis=0)
    return Agreement(_clean(rwg_j), _clean(rstar), awg, _clean(float(ad.mean())), items)


@pytest.mark.parametrize("n", [1, 2, 3, 9, 40, 300])
def test_agreement_is_as_before(n: int) -> None:
    from diamond.stats.agreement import agreement

    rng = np.random.default_rng(500 + n)
    for k in (1, 2, 4, 11):
        for case in range(8):
            x = rng.integers(1, 6, (n, k)).astype(float)
            if case in (1, 5, 7):
                x[rng.random((n, k)) < (0.1 if case == 1 else 0.6)] = np.nan
            if case == 2:
                x[:, 0] = 5.0  # at an end of the scale: left out of a_wg
            if case == 3 and n > 1:
                x[1:, -1] = np.nan  # one answer: the item is not used
            w = np.ones(n) if case < 4 else rng.choice([0.5, 1.0, 2.0, 1 / 3, 1e-300], n)
            if case == 6:
                w[: n // 2] = 0.0
            for given in (x, np.asfortranarray(x), x[:, ::-1][:, ::-1]):  # any layout
                assert (repr(agreement(given, w, 1, 5))
                        == repr(_agreement_as_before(given, w, 1, 5)))


@pytest.mark.parametrize(("n", "chunk"), [(1, None), (2, None), (9, None), (40, None),
                                        (40, 50), (300, None), (2100, None)])
def test_every_scale_at_once_is_each_scale_alone(
    n: int, chunk: int | None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``agreements`` and ``reliabilities`` of several scales' columns (as
    ``uncertainty.analyse`` asks for every dimension) are ``agreement`` and
    ``reliability`` of each scale's columns alone, bit for bit, in any layout."""
    from diamond.stats import agreement as agreement_module
    from diamond.stats.agreement import agreement, agreements
    from diamond.stats.reliability import reliabilities

    if chunk is not None:  # the pairs' covariances taken a few rows at a time
        monkeypatch.setattr(reliability_module, "CHUNK", chunk)
    # every size through the all-scales path (large surveys take it one scale at a time)
    monkeypatch.setattr(agreement_module, "AT_ONCE", 1 << 30)
    rng = np.random.default_rng(700 + n)
    sizes = [11, 8, 1, 0, 6, 2]
    width = sum(sizes)
    starts = np.cumsum([0, *sizes])
    columns = [np.arange(starts[s], starts[s + 1]) for s in range(len(sizes))]
    columns.append(np.array([0, 5, 20, width - 1]))  # a scale whose columns are apart
    ids = [[f"i{c}" for c in found] for found in columns]
    for case in range(8):
        x = rng.integers(1, 6, (n, width)).astype(float)
        if case in (1, 5, 7):
            x[rng.random((n, width)) < (0.1 if case == 1 else 0.6)] = np.nan
        if case == 2:
            x[:, 0] = 5.0  # no variance, at an end of the scale
            x[:, 12:] = np.nan  # columns nobody answered
        if case == 3:
            x = x + rng.random((n, width)) * 1e-3
        w = np.ones(n) if case < 4 else rng.choice([0.5, 1.0, 2.0, 1 / 3, 1e-300], n)
        if case == 6:
            w[: n // 2] = 0.0
        for given in (x, np.asfortranarray(x), x[:, ::-1][:, ::-1]):
            assert repr(agreements(given, w, 1, 5, columns)) == repr(
                [agreement(given[:, c], w, 1, 5) for c in columns])
            assert repr(reliabilities(given, w, columns, ids)) == repr(
                [reliability(given[:, c], w, i) for c, i in zip(columns, ids, strict=True)])


def _indices_as_written(out: np.ndarray) -> tuple[np.ndarray, ...]:
    """``sensitivity.indices`` as first written: A and B concatenated, ``fa - fab``."""
    centre = np.concatenate([out[0], out[1]]).mean(axis=0)
    fa, fb, fab = out[0] - centre, out[1] - centre, out[2:] - centre
    variance = np.var(np.concatenate([fa, fb]), axis=0, ddof=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        first = np.where(variance > 0, (fb * (fab - fa)).mean(axis=1) / variance, 0.0)
        total = np.where(variance > 0, ((fa - fab) ** 2).mean(axis=1) / (2 * variance), 0.0)
    return first, total, variance, np.concatenate([out[0], out[1]])


@pytest.mark.parametrize("kind", [0, 1, 2, 3])
def test_sobol_indices_from_views_are_the_concatenated_formula(kind: int) -> None:
    from diamond.stats.sensitivity import indices

    rng = np.random.default_rng(30 + kind)
    for samples, outputs in ((1, 1), (2, 3), (37, 5), (1024, 13)):
        out = _data(rng, kind, (7, samples, outputs))
        out[:, :, 0] = 3.0  # an output that never moves: no variance, indices 0
        for given in (out, np.asfortranarray(out)):  # contiguous or not: the same figures
            found = indices(given)
            expected = _indices_as_written(out)
            for got, want in zip((found.first, found.total, found.variance, found.sample),
                                 expected, strict=True):
                assert _bits(got) == _bits(want), (samples, outputs)


@pytest.mark.parametrize(("low", "high"), [(1, 5), (1, 3), (0, 4), (1, 9), (0, 1), (-2, 2),
                                           (1, 7), (0, 10), (1, 17)])
def test_mean_scores_of_whole_sums_are_the_three_steps(low: int, high: int) -> None:
    """Whole-number sums (the callers' own): a power-of-two scale's one multiplication is
    the division then the multiplication, bit for bit; other scales take both steps."""
    rng = np.random.default_rng(high - low)
    for trial in range(12):
        top = 50 if trial % 3 == 0 else 2**24 // max(abs(low), abs(high), 1)
        total = rng.integers(0, top, (300, 31)).astype(np.float32)
        weighted = (total * rng.integers(low, high + 1, (300, 31))).astype(np.float32)
        if trial % 4 == 1:  # any whole numbers, not only sums of one point
            weighted = rng.integers(-2**20, 2**20, (300, 31)).astype(np.float32)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.divide(weighted, total, dtype=np.float64)
        expected = (np.where(total > 0, mean, np.nan) - low) / (high - low) * 100.0
        assert _bits(composite.mean_scores(total, weighted, low, high)) == _bits(expected)


def test_tail_rows_with_many_ties_at_a_threshold_are_partitioned_whole() -> None:
    """A row whose threshold value repeats hundreds of times (few distinct replicates)
    is partitioned on its own instead of widening the others' sort: the same figures."""
    rng = np.random.default_rng(17)
    data = rng.random((12, 1000))
    data[3] = rng.choice([1.0, 2.0, 3.0], 1000, p=[0.2, 0.6, 0.2])  # three values
    data[7, rng.random(1000) < 0.4] = data[7].min()  # the smallest value 400 times
    kth = [24, 25, 974, 975]
    width = quantile.WIDE * 2 * 26 + 64  # the widest row kept: 26 values needed a side
    assert np.count_nonzero(data[3] != 2.0) > width
    assert np.count_nonzero(data[7] == data[7].min()) > width
    assert _bits(quantile._tails(data, kth)) == _bits(np.partition(data, kth, axis=1)[:, kth])
