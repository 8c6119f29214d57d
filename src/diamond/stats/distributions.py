"""Student's t distribution (two-sided p-values and quantiles) without SciPy.

The regularised incomplete beta function by its continued fraction (Lentz's
method, as in Press et al., *Numerical Recipes*, 3rd ed., §6.4), accurate to
about 1e-12 here; quantiles by bisection on the distribution function.
"""

from __future__ import annotations

import math

_EPS = 1e-15
_TINY = 1e-300


def _guard(value: float) -> float:
    return value if abs(value) > _TINY else _TINY


def _beta_fraction(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 / _guard(1.0 - qab * x / qap)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                   -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 / _guard(1.0 + aa * d)
            c = _guard(1.0 + aa / c)
            step = d * c
            h *= step
        if abs(step - 1.0) < _EPS:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b) for ``0 ≤ x ≤ 1``."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """``P(|T| ≥ |t|)`` for Student's t with ``df`` degrees of freedom (normal for df = ∞)."""
    if math.isnan(t):
        return math.nan
    if math.isinf(df):
        return math.erfc(abs(t) / math.sqrt(2.0))
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, not {df}")
    return incomplete_beta(df / 2.0, 0.5, df / (df + t * t))


def t_quantile(probability: float, df: float) -> float:
    """The ``probability`` quantile (0.5 < p < 1) of Student's t with ``df`` degrees of freedom."""
    if not 0.5 < probability < 1.0:
        raise ValueError("the quantile is computed for 0.5 < p < 1")
    tail = 2.0 * (1.0 - probability)
    low, high = 0.0, 1.0
    while t_two_sided_p(high, df) > tail:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_two_sided_p(mid, df) > tail:
            low = mid
        else:
            high = mid
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0
