"""Hand-computed small cases for every statistic in ``diamond.stats``."""

from __future__ import annotations

import math

import numpy as np
import pytest

from diamond.stats import bootstrap, composite
from diamond.stats.agreement import agreement
from diamond.stats.difference import paired, standard_error, welch
from diamond.stats.distributions import t_quantile, t_two_sided_p
from diamond.stats.effective_n import kish
from diamond.stats.reliability import reliability

NAN = math.nan


def test_kish_effective_n() -> None:
    assert kish([1, 1, 1, 1]) == 4
    assert kish([1, 2]) == pytest.approx(9 / 5)  # (1 + 2)² / (1 + 4)
    assert kish([0, 0]) == 0
    for scale in (1e-170, 1e155, 1e300):
        assert kish([scale, 2 * scale]) == pytest.approx(9 / 5)


def test_student_t_against_printed_tables() -> None:
    # Two-sided 5 % critical values of t (any statistics table): df 10 → 2.228, df 1 → 12.706.
    assert t_two_sided_p(2.228138851986, 10) == pytest.approx(0.05, abs=1e-9)
    assert t_quantile(0.975, 1) == pytest.approx(12.7062047, abs=1e-6)
    assert t_quantile(0.975, math.inf) == pytest.approx(1.959964, abs=1e-6)
    # df = 2 has a closed form: p = 1 − t/√(t² + 2).
    assert t_two_sided_p(5.0, 2) == pytest.approx(1 - 5 / math.sqrt(27), abs=1e-12)


def test_welch_by_hand() -> None:
    # a = 1, 2, 3 and b = 4, 5, 6: means 2 and 5, variances 1; SE = √(1/3 + 1/3);
    # df = (2/3)² / ((1/3)²/2 · 2) = 4; t = 3/SE = 3.674 (R's t.test gives p = 0.02131).
    d = welch([1, 2, 3], [1, 1, 1], [4, 5, 6], [1, 1, 1])
    assert d.delta == 3 and d.se == pytest.approx(math.sqrt(2 / 3))
    assert d.df == pytest.approx(4) and d.p == pytest.approx(0.02131, abs=5e-6)
    assert d.method == "welch" and d.significant


def test_paired_by_hand() -> None:
    # differences 1, 2, 2: mean 5/3, sd √(1/3), SE 1/3, t = 5 on 2 df.
    d = paired([1, 2, 3], [2, 4, 5], [1, 1, 1])
    assert d.delta == pytest.approx(5 / 3) and d.se == pytest.approx(1 / 3)
    assert d.p == pytest.approx(1 - 5 / math.sqrt(27))
    assert d.low == pytest.approx(5 / 3 - t_quantile(0.975, 2) / 3)


@pytest.mark.parametrize("scale", [1e-170, 1e-20, 1e155, 1e300])
def test_differences_do_not_depend_on_the_scale_of_the_weights(scale: float) -> None:
    base = welch([1, 2, 4], [1, 2, 1], [3, 5, 6], [2, 1, 1])
    scaled = welch([1, 2, 4], [scale, 2 * scale, scale], [3, 5, 6], [2 * scale, scale, scale])
    assert scaled.se == pytest.approx(base.se) and scaled.p == pytest.approx(base.p)
    assert standard_error([1, 2, 4], [scale, 2 * scale, scale]) == pytest.approx(
        standard_error([1, 2, 4], [1, 2, 1]))


def test_agreement_by_hand() -> None:
    # Items (1, 2, 3) and (2, 2, 2) on 1–5: variances 1 and 0, s̄² = 0.5, σ²_EU = 2.
    # r*_wg(j) = 1 − 0.25 = 0.75; r_wg(j) = 2·0.75 / (2·0.75 + 0.25) = 6/7.
    # a_wg: both means 2, max s² = ((5+1)·2 − 4 − 5)·3/2 = 4.5; items 1 − 2/4.5 and 1.
    # AD_M: mean absolute deviations 2/3 and 0.
    found = agreement([[1, 2], [2, 2], [3, 2]], [1, 1, 1], 1, 5)
    assert found.rstar_wg_j == pytest.approx(0.75) and found.rwg_j == pytest.approx(6 / 7)
    assert found.awg == pytest.approx((1 - 2 / 4.5 + 1) / 2)
    assert found.ad_m == pytest.approx(1 / 3) and found.items == 2


def test_rwg_j_is_zero_beyond_the_uniform_null() -> None:
    found = agreement([[1, 1], [5, 5]], [1, 1], 1, 5)  # s² = 8 > σ²_EU = 2
    assert found.rwg_j == 0 and found.rstar_wg_j == pytest.approx(-3)


def test_reliability_by_hand() -> None:
    # Two identical items: α = 2 · (1 − 2v/4v) = 1, item-total r = 1, one factor.
    found = reliability([[1, 1], [2, 2], [4, 4]], [1, 1, 1], ["a", "b"])
    assert found.alpha == pytest.approx(1.0) and found.first_eigen_share == pytest.approx(1.0)
    assert found.item_total == {"a": pytest.approx(1.0), "b": pytest.approx(1.0)}
    assert found.alpha_if_deleted == {"a": None, "b": None}  # one item has no α


def test_reliability_is_available_case_with_a_missing_answer() -> None:
    # Item b's variance uses its 4 answers (1, 2, 4, 3: 5/3), item a's and the covariance
    # the 3 complete pairs (7/3 each): α = 2 · (1 − (7/3 + 5/3) / (7/3 + 5/3 + 2 · 7/3)).
    found = reliability([[1, 1], [2, 2], [4, 4], [NAN, 3]], [1, 1, 1, 1], ["a", "b"])
    assert found.alpha == pytest.approx(2 * (1 - 4 / (4 + 14 / 3)))


def test_median_tallies_follow_the_engines_tie_rule() -> None:
    # Answers 1, 2, 5 and 3, 4 with equal weights: medians 2 and (3 + 4)/2.
    answers = np.array([[1, 3], [2, 4], [5, NAN]])
    tally = composite.tallies(answers, 1, 5).sum(axis=0)
    scores = composite.indicator_scores(tally, 1, 5, "median")
    assert scores.tolist() == [25.0, 62.5]
    assert composite.indicator_scores(tally, 1, 5, "mean").tolist() == pytest.approx(
        [(8 / 3 - 1) * 25, 62.5])


def test_geometric_aggregation_penalises_imbalance() -> None:
    membership = np.ones((2, 1))
    balanced = composite.aggregate(np.array([50.0, 50.0]), np.ones(2), membership, "geometric")
    unbalanced = composite.aggregate(np.array([0.0, 100.0]), np.ones(2), membership, "geometric")
    assert balanced[0] == pytest.approx(50.0)
    assert unbalanced[0] == pytest.approx((math.sqrt(5) - 1) * 25)  # positions 1 and 5
    arithmetic = composite.aggregate(np.array([0.0, 100.0]), np.ones(2), membership)
    assert arithmetic[0] == 50.0


def test_bootstrap_counts_are_seeded_and_sum_to_n() -> None:
    a, b = bootstrap.counts(7, 50, seed=4), bootstrap.counts(7, 50, seed=4)
    assert (a == b).all() and (a.sum(axis=1) == 7).all()
    found = bootstrap.interval(np.array([[1.0], [2.0], [3.0], [4.0]]))[0]
    assert found.se == pytest.approx(round(np.std([1, 2, 3, 4], ddof=1), 4))
