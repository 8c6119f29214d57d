"""The difference between two scores: estimate, standard error, 95 % interval, p-value, method.

Three methods, chosen by the caller (see docs/method.md):

* ``paired``: the same respondents in both, their own scores differenced; the mean
  difference (respondent weights of the later input) with ``SE = sd_d/√n_eff`` and
  a t test on ``n − 1`` degrees of freedom;
* ``welch``: independent samples of respondent-level scores, ``SE = √(SE_a² + SE_b²)``
  with Welch–Satterthwaite degrees of freedom (Welch 1947), each ``SE = sd/√n_eff``;
* ``bootstrap``: the difference of two independent bootstrap distributions, its
  standard deviation as SE, its 2.5th and 97.5th percentiles as interval and a
  normal-theory p-value from ``Δ/SE``.

Every input is scale-free in the weights: multiplying all weights by a constant
changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from diamond.frozen import frozen
from diamond.stats.distributions import t_quantile, t_two_sided_p
from diamond.stats.effective_n import kish, scaled

Method = Literal["paired", "welch", "bootstrap"]
LEVEL = 0.95


@frozen
class Difference:
    """``after − before`` with its uncertainty; ``se``/``low``/``high``/``p`` None if untestable."""

    delta: float
    se: float | None
    low: float | None
    high: float | None
    p: float | None
    method: Method
    df: float | None = None

    @property
    def significant(self) -> bool | None:
        """Whether the 95 % interval excludes 0 (None when there is no interval)."""
        if self.low is None or self.high is None:
            return None
        return self.low > 0 or self.high < 0


def weighted_moments(
    values: Sequence[float], weights: Sequence[float]
) -> tuple[float, float, float]:
    """Weighted mean, Bessel-corrected weighted variance (as the scoring engine) and Kish's n."""
    w = scaled(weights)
    pairs = [(x, v) for x, v in zip(values, w, strict=True) if v > 0]
    n = len(pairs)
    if n == 0:
        return math.nan, math.nan, 0.0
    total = math.fsum(v for _, v in pairs)
    mean = math.fsum(v * x for x, v in pairs) / total
    if n == 1:
        return mean, 0.0, 1.0
    spread = math.fsum(v * (x - mean) ** 2 for x, v in pairs) / total
    return mean, spread * n / (n - 1), kish([v for _, v in pairs])


def standard_error(values: Sequence[float], weights: Sequence[float]) -> float | None:
    """``sd / √n_eff`` of a weighted mean; None with fewer than two weighted values."""
    _, variance, n_eff = weighted_moments(values, weights)
    if n_eff < 2 or math.isnan(variance):
        return None
    return math.sqrt(variance / n_eff)


def _with_t(delta: float, se: float, df: float, method: Method) -> Difference:
    if se == 0:
        p = 1.0 if delta == 0 else 0.0
        return Difference(delta, 0.0, delta, delta, p, method, df)
    half = t_quantile(0.5 + LEVEL / 2, df) * se
    return Difference(delta, se, delta - half, delta + half, t_two_sided_p(delta / se, df),
                      method, df)


def paired(before: Sequence[float], after: Sequence[float], weights: Sequence[float],
           delta: float | None = None) -> Difference:
    """Paired difference of matched respondent scores (``after − before`` per respondent).

    ``delta`` overrides the estimate (e.g. the difference of the published scores);
    the standard error comes from the respondent differences.
    """
    diffs = [b - a for a, b in zip(before, after, strict=True)]
    mean, variance, n_eff = weighted_moments(diffs, weights)
    estimate = mean if delta is None else delta
    n = sum(1 for w in weights if w > 0)
    if n < 2 or math.isnan(variance):
        return Difference(estimate, None, None, None, None, "paired")
    return _with_t(estimate, math.sqrt(variance / n_eff), n - 1, "paired")


def welch(before: Sequence[float], before_weights: Sequence[float],
          after: Sequence[float], after_weights: Sequence[float],
          delta: float | None = None) -> Difference:
    """Welch's unequal-variance difference of two independent weighted means."""
    mean_a, var_a, n_a = weighted_moments(before, before_weights)
    mean_b, var_b, n_b = weighted_moments(after, after_weights)
    estimate = mean_b - mean_a if delta is None else delta
    if n_a < 2 or n_b < 2 or math.isnan(var_a) or math.isnan(var_b):
        return Difference(estimate, None, None, None, None, "welch")
    qa, qb = var_a / n_a, var_b / n_b
    se = math.sqrt(qa + qb)
    denominator = qa * qa / (n_a - 1) + qb * qb / (n_b - 1)
    df = (qa + qb) ** 2 / denominator if denominator > 0 else math.inf
    return _with_t(estimate, se, df, "welch")


def bootstrap(before: Sequence[float], after: Sequence[float], delta: float) -> Difference:
    """The difference of two independent bootstrap distributions of the same statistic."""
    import numpy as np

    a, b = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    size = min(a.size, b.size)
    if size < 2:
        return Difference(delta, None, None, None, None, "bootstrap")
    diffs = b[:size] - a[:size]
    se = float(np.std(diffs, ddof=1))
    low, high = (float(v) for v in np.quantile(diffs, [(1 - LEVEL) / 2, (1 + LEVEL) / 2]))
    p = 1.0 if se == 0 and delta == 0 else (0.0 if se == 0 else t_two_sided_p(delta / se, math.inf))
    return Difference(delta, se, low, high, p, "bootstrap")
