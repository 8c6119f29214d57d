"""Kish's effective sample size of weighted respondents."""

from __future__ import annotations

import math
from collections.abc import Sequence


def scaled(weights: Sequence[float]) -> list[float]:
    """``weights`` divided by the largest one, so results never depend on their scale.

    Dividing first keeps sums and squares within floating-point range whether the
    weights are near 1e-170 or 1e155. Raises ``ValueError`` for a negative weight.
    """
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    top = max(weights, default=0.0)
    if top <= 0 or not math.isfinite(top):
        return [0.0 for _ in weights] if top <= 0 else [1.0 if w == top else 0.0 for w in weights]
    return [w / top for w in weights]


def kish(weights: Sequence[float]) -> float:
    """Kish's effective n, ``(Σw)² / Σw²`` (Kish 1965, §11.7); 0 for no positive weight.

    Equal weights give the number of respondents; the result is unchanged when every
    weight is multiplied by the same positive constant.
    """
    w = scaled(weights)
    squares = math.fsum(x * x for x in w)
    return 0.0 if squares == 0 else math.fsum(w) ** 2 / squares
