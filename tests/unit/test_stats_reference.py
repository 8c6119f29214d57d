"""The statistics package against published figures and analytic results.

Every reference value is cited where it is used; the data are copied from the papers
(the tests do not read files outside the repository).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from diamond.stats.icc import icc1, icc2, shrout_fleiss
from diamond.stats.reliability import reliability
from diamond.stats.sensitivity import sobol

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
# reliability. Psychological Bulletin 86(2), 420–428. Table 1 data: 6 targets × 4 judges.
SF_TABLE = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
# Their Table 2 (two decimals as published).
SF_TABLE_2 = {"1,1": 0.17, "2,1": 0.29, "3,1": 0.71, "1,k": 0.44, "2,k": 0.62, "3,k": 0.91}


def test_shrout_fleiss_table_2() -> None:
    found = shrout_fleiss(SF_TABLE)
    for key, published in SF_TABLE_2.items():
        assert round(found[key], 2) == published, key


def test_bliese_icc1_icc2_are_the_one_way_iccs_of_shrout_fleiss() -> None:
    # Bliese (2000) ICC(1) is Shrout & Fleiss's ICC(1,1); ICC(2) with equal group sizes is
    # ICC(1,k) (.17 and .44 in Table 2) — targets as groups, judges as members.
    values = [x for row in SF_TABLE for x in row]
    groups = [t for t, row in enumerate(SF_TABLE) for _ in row]
    assert round(icc1(values, groups) or 0, 2) == 0.17
    assert round(icc2(values, groups) or 0, 2) == 0.44


def test_icc1_uses_the_mean_group_size_as_multilevel_does() -> None:
    # Hand computation, unequal groups: {1, 2, 3} and {5, 7}. Grand mean 18/5 = 3.6.
    # SSB = 3(2 − 3.6)² + 2(6 − 3.6)² = 7.68 + 11.52 = 19.2, MSB = 19.2/1;
    # SSW = 2 + 2 = 4, MSW = 4/3; k̄ = 5/2 (multilevel::ICC1's GSIZE = N/G).
    msb, msw, k = 19.2, 4 / 3, 2.5
    assert icc1([1, 2, 3, 5, 7], "aaabb") == pytest.approx((msb - msw) / (msb + (k - 1) * msw))
    assert icc2([1, 2, 3, 5, 7], "aaabb") == pytest.approx((msb - msw) / msb)


def test_cronbach_alpha_equals_icc_3k_of_shrout_fleiss() -> None:
    # Cronbach's α with the judges as items equals ICC(3,k) (Shrout & Fleiss 1979, p. 426;
    # McGraw & Wong 1996): .91 in their Table 2.
    found = reliability(SF_TABLE, [1.0] * 6, ["j1", "j2", "j3", "j4"])
    assert found.alpha is not None and round(found.alpha, 2) == 0.91
    assert found.alpha == pytest.approx(shrout_fleiss(SF_TABLE)["3,k"], abs=1e-12)


def _ishigami(u: np.ndarray) -> np.ndarray:
    x = -math.pi + 2 * math.pi * u
    return np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_sobol_indices_of_the_ishigami_function() -> None:
    # Ishigami & Homma (1990), a = 7, b = 0.1, analytic values (Saltelli et al. 2008,
    # Global Sensitivity Analysis: The Primer, §4.8; Sobol' & Levitan 1999):
    # S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
    found = sobol(_ishigami, [[0], [1], [2]], 2**16, seed=1)
    assert found.first[:, 0] == pytest.approx([0.3139, 0.4424, 0.0], abs=0.02)
    assert found.total[:, 0] == pytest.approx([0.5576, 0.4424, 0.2437], abs=0.02)


def test_sobol_indices_of_a_linear_function_with_an_unused_input() -> None:
    # y = x1 + 10·x2, xi ~ U(0, 1): V = 1/12 + 100/12, S1 = ST1 = 1/101, S2 = ST2 = 100/101
    # and the unused x3 has S3 = ST3 = 0 exactly (its column never changes the output).
    found = sobol(lambda u: u[:, 0] + 10 * u[:, 1], [[0], [1], [2]], 2**14, seed=3)
    assert found.first[:, 0] == pytest.approx([1 / 101, 100 / 101, 0.0], abs=0.03)
    assert found.total[:, 0] == pytest.approx([1 / 101, 100 / 101, 0.0], abs=0.03)
    assert found.first[2, 0] == 0.0 and found.total[2, 0] == 0.0
