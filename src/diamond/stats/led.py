"""Many sums of gathered values in one ``np.add.reduceat``, each as numpy sums it alone.

``Led(lead)`` lays out sums one after another: each is the cell ``lead`` (a +0.0 the
caller keeps at that index) followed by the cells it adds. ``reduceat`` adds a
segment's tail to its first element and ``ndarray.sum`` adds a 1-D array's pairwise sum
to the identity +0.0, so each segment adds up as the sum of the 1-D array of its cells
does (``reliability._segments`` leads its covariance segments the same way). Used for
every scale's α sums (``alphas``) and agreement means (``agreement``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray


class Led:
    """Sums laid out for one ``reduceat``: ``index`` (every cell gathered, each sum's led
    by ``lead``) and ``starts`` (where each sum starts in ``index``)."""

    __slots__ = ("index", "lead", "starts")

    def __init__(self, lead: int) -> None:
        self.lead = lead
        self.index: list[int] = []
        self.starts: list[int] = []

    def add(self, cells: Sequence[int]) -> int:
        """Lay out the sum of ``cells``; its number among the sums."""
        self.starts.append(len(self.index))
        self.index.append(self.lead)
        self.index.extend(cells)
        return len(self.starts) - 1

    def sums(self, values: NDArray[Any]) -> NDArray[Any]:
        """Every sum of ``values`` (``values[lead]`` is +0.0), in the order laid out."""
        if not self.starts:
            return np.zeros(0, dtype=values.dtype)
        return np.add.reduceat(values[np.array(self.index, dtype=np.intp)],
                               np.array(self.starts, dtype=np.intp))
