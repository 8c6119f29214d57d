"""Bootstrap replicates summarised by rows (``bootstrap.interval_rows``, one row per
statistic, as ``uncertainty.analyse`` writes them) give, for every statistic, the figures
of that statistic's replicates summarised on their own, bit for bit."""

from __future__ import annotations

import numpy as np

from diamond.stats import bootstrap, quantile


def _alone(column: np.ndarray) -> bootstrap.Interval:
    good = np.ascontiguousarray(column[~np.isnan(column)])
    if good.size < 2 or good.size < 0.95 * column.size:
        return bootstrap.NO_INTERVAL
    level = bootstrap.LEVEL
    low, high = quantile.linear(good, [(1 - level) / 2, (1 + level) / 2]).tolist()
    se = float(np.std(good, ddof=1))
    return bootstrap.Interval(round(se, 4) + 0.0, round(low, 4) + 0.0, round(high, 4) + 0.0)


def test_intervals_by_rows_are_each_statistic_on_its_own() -> None:
    rng = np.random.default_rng(3)
    data = rng.normal(50, 10, (1000, 61)).round(int(rng.integers(0, 4)))
    data[:, 40:] = rng.integers(0, 5, (1000, 21)) * 12.5  # discrete, many ties
    data[rng.random(data.shape) < 0.002] = np.nan  # a few columns with undefined replicates
    data[:, 5] = np.nan  # one never defined
    data[:100, 7] = np.nan  # one undefined in more than 5 %
    for table in (data, data[:1], data[:, :0], data[:2, :3], data[:, 20:24]):
        expected = [_alone(table[:, k]) for k in range(table.shape[1])]
        assert bootstrap.interval_rows(np.ascontiguousarray(table.T)) == expected
        assert bootstrap.interval(table) == expected
    assert bootstrap.interval(np.zeros(3)) == []
    found = bootstrap.interval(data)
    assert found[5] == bootstrap.NO_INTERVAL and found[7] == bootstrap.NO_INTERVAL
    assert found[6] != bootstrap.NO_INTERVAL
