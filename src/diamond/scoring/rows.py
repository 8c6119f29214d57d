"""Read-only mappings over an assessment's numpy rows, each value made only when read.

``Draws`` holds the bootstrap replicates of a questionnaire's dimensions and overall score,
``OwnScores`` the respondents' own scores (``diamond.scoring.uncertainty`` makes both): a
portfolio reads one key of the first and a column of the second, a report neither.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

__all__ = ["Draws", "OwnScores"]

Array = NDArray[np.float64]


class Draws(Mapping[str, tuple[float, ...]]):
    """The questionnaire's bootstrap replicates of each dimension and ``"overall"``, each
    key's tuple made only when asked for (a portfolio asks for the overall's alone, a
    report for none): ``{key: tuple(row.tolist())}`` of ``rows`` (handed over: the
    caller writes no more into them)."""

    def __init__(self, keys: Sequence[str], rows: Array) -> None:
        self._where = {k: r for r, k in enumerate(keys)}
        self._rows = np.asarray(rows, dtype=np.float64)
        self._made: dict[str, tuple[float, ...]] = {}

    def __getitem__(self, key: str) -> tuple[float, ...]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = tuple(self._rows[self._where[key]].tolist())
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __repr__(self) -> str:
        return repr(dict(self))


class OwnScores(Mapping[str, Mapping[str, float | None]]):
    """Respondents' own scores, each respondent's turned into a dictionary only when asked
    for (a report that does not compare or rank never needs them)."""

    def __init__(self, ids: Sequence[str], keys: Sequence[str], rows: Array) -> None:
        self._ids, self._keys, self._rows = tuple(ids), tuple(keys), rows
        self._where: dict[str, int] | None = None
        self._made: dict[str, dict[str, float | None]] = {}  # each made once, when asked

    def __getitem__(self, rid: str) -> dict[str, float | None]:
        made = self._made.get(rid)
        if made is None:
            if self._where is None:
                self._where = {r: k for k, r in enumerate(self._ids)}
            row = self._rows[self._where[rid]].tolist()
            made = self._made[rid] = dict(
                zip(self._keys, [None if v != v else v for v in row], strict=True))
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def scored(self, key: str) -> list[float]:
        """Every respondent's own score for ``key`` in respondent order, those without one
        left out: ``[s[key] for s in self.values() if s.get(key) is not None]`` without
        making each respondent's dictionary (``diamond portfolio`` keeps these per
        dimension for every cluster)."""
        where = {k: c for c, k in enumerate(self._keys)}.get(key)  # the last, as a dict
        if where is None:
            return []
        return [v for v in self._rows[:, where].tolist() if v == v]
