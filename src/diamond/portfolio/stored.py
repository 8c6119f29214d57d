"""A portfolio run's clusters on disk, each rebuilt when it is read.

A national portfolio's main process held about 2.3 KB a cluster (names, cells, scores,
report names) from its arrival until the pages were written, so its peak grew with the
files. ``Stored`` writes each arriving cluster as one record into the run's ``Spill``
(beside its replicates) and keeps 16 bytes of it in memory; ``Ranked`` is the same
clusters in rank order with their ranks. Every read rebuilds a ``Cluster`` equal to the
one that arrived (same values and types, floats to the bit).
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from diamond.lazyseq import Built, Listed
from diamond.models.text import Language
from diamond.portfolio.model import Cell, Cluster
from diamond.portfolio.sortkeys import Places
from diamond.portfolio.spill import Spill, Spilled

__all__ = ["Compact", "Ranked", "Stored"]


class Compact:
    """The spill file a run's clusters go to, and the name mappings they share.

    Each cluster's bootstrap replicates and respondents' scores go to the ``Spill``
    (``Stored`` writes the rest of it there too); the name mappings every cluster
    repeats (dimension and framework names), which arrive from the workers as fresh
    copies, are kept once, in ``names_list``.
    """

    def __init__(self) -> None:
        self.spill = Spill()
        self.names: dict[tuple[tuple[str, str], ...], Mapping[Language, str]] = {}
        self.names_list: list[Mapping[Language, str]] = []  # as ``Stored`` refers to them
        self._name_index: dict[tuple[tuple[str, str], ...], int] = {}

    def _names(self, names: Mapping[Language, str]) -> Mapping[Language, str]:
        return self.names.setdefault(tuple(names.items()), names)

    def name_index(self, names: Mapping[Language, str]) -> int:
        """``names``' place in ``names_list`` (added, shared, the first time seen)."""
        key = tuple(names.items())
        found = self._name_index.get(key)
        if found is None:
            found = self._name_index[key] = len(self.names_list)
            self.names_list.append(self._names(names))
        return found


#: A cluster as stored: its fields as plain values, in ``build``'s order.
_Record = tuple[Any, ...]


class _Lazy(Built[Cluster]):
    """A sequence of clusters each rebuilt (``_item``) whenever it is read; pickled as a
    tuple of them."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))


class Stored(_Lazy):
    """Clusters kept on disk as they arrive, each rebuilt when it is read.

    ``append`` writes a cluster's fields as one pickled record into the ``Spill`` that
    holds its replicates; reading rebuilds the ``Cluster`` on every access, so only 16
    bytes a cluster stay in memory. ``ranked`` gives the clusters in rank order with
    their ranks (``ranking.ranking_order``), as ``ranking.rank`` would.
    """

    def __init__(self, compact: Compact) -> None:
        self._compact = compact
        self._offsets = array("q")
        self._sizes = array("q")
        #: The clusters' languages, and each dimension's first cell (in the order
        #: stored), gathered as they arrive: the portfolio's language and its columns.
        self.languages: set[Language] = set()
        self.first_cells: dict[str, Cell] = {}

    def append(self, c: Cluster) -> None:
        """Store ``c`` (its replicates and own scores into the spill, if not there yet)."""
        self.languages.add(c.language)
        for cell in c.dimensions:
            self.first_cells.setdefault(cell.id, cell)
        compact = self._compact
        spill = compact.spill
        draws = c.draws if isinstance(c.draws, Spilled) or not c.draws else spill.put(c.draws)
        own = {dim: v if isinstance(v, Spilled) else spill.put(v) for dim, v in c.own.items()}
        record: _Record = (
            c.source, c.stem, c.name, c.region, c.period, c.language, c.framework_id,
            compact.name_index(c.framework_names), c.respondents, c.overall, c.band,
            tuple((d.id, d.number, compact.name_index(d.names), d.score, d.band)
                  for d in c.dimensions),
            tuple(c.reports), c.key, c.se, c.ci_low, c.ci_high,
            None if not isinstance(draws, Spilled) else (draws._offset, draws._count),
            tuple((dim, v._offset, v._count) for dim, v in own.items()),
        )
        # pickled, not marshalled: marshal writes a numpy float as its bytes, pickle
        # keeps every value's type (a plain tuple unpickles fast)
        offset, size = spill.put_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        self._offsets.append(offset)
        self._sizes.append(size)

    def __len__(self) -> int:
        return len(self._offsets)

    def _item(self, k: int) -> Cluster:
        return self.build(k)

    def build(self, index: int, rank: int = 0, latest: bool = True,
              rank_low: int | None = None, rank_high: int | None = None) -> Cluster:
        """Cluster ``index`` (in the order stored) as it arrived, with the rank given."""
        compact = self._compact
        spill = compact.spill
        (source, stem, name, region, period, language, framework_id, framework_names,
         respondents, overall, band, dimensions, reports, key, se, ci_low, ci_high, draws,
         own) = self._record(index)
        names = compact.names_list
        # positional, in the fields' order (``tests/unit/test_portfolio_scale`` rebuilds
        # every field): keywords cost a quarter of the call, and this runs ten times a
        # cluster
        return Cluster(
            source, stem, name, region, period, language, framework_id,
            names[framework_names], respondents, overall, band,
            tuple([Cell(i, number, names[n], score, b)
                   for i, number, n, score, b in dimensions]),
            reports, rank, key, latest, rank_low, rank_high, se, ci_low, ci_high,
            () if draws is None else Spilled(spill, *draws),
            {dim: Spilled(spill, at, count) for dim, at, count in own},
        )

    def summary(self, index: int) -> tuple[str, str, str, str, float | None, str | None]:
        """Cluster ``index``'s (source, name, region, period, overall, band), read without
        rebuilding the cluster (a summary table reads them three times)."""
        (source, _stem, name, region, period, _language, _framework_id, _framework_names,
         _respondents, overall, band, *_) = self._record(index)
        return source, name, region, period, overall, band

    def _record(self, index: int) -> tuple[Any, ...]:
        """Cluster ``index``'s stored record (``append``'s tuple), read back."""
        record: tuple[Any, ...] = pickle.loads(
            self._compact.spill.get_bytes(self._offsets[index], self._sizes[index]))
        return record

    def ranked(self, order: Sequence[tuple[int, int, bool, int | None, int | None]]
               ) -> Ranked:
        """The clusters in ``order``: (index stored, rank, latest, rank interval)."""
        return Ranked(self, order)


class Ranked(_Lazy, Listed[Cluster]):
    """Stored clusters in rank order, each rebuilt with its rank when read."""

    def __init__(self, stored: Stored,
                 order: Sequence[tuple[int, int, bool, int | None, int | None]]) -> None:
        self._stored = stored
        if isinstance(order, Places):  # its arrays, as they are
            self._index, self._rank, self._latest = order.at, order.rank, order.latest
            self._low, self._high = order.low, order.high
            return
        self._index = array("q", (o[0] for o in order))
        self._rank = array("q", (o[1] for o in order))
        self._latest = bytearray(o[2] for o in order)
        self._low = array("q", (-1 if o[3] is None else o[3] for o in order))
        self._high = array("q", (-1 if o[4] is None else o[4] for o in order))

    def __len__(self) -> int:
        return len(self._index)

    def _item(self, k: int) -> Cluster:
        low, high = self._low[k], self._high[k]
        return self._stored.build(self._index[k], self._rank[k], bool(self._latest[k]),
                                  None if low < 0 else low, None if high < 0 else high)

    def summaries(self) -> Iterator[tuple[int, bool, str, str, str, str, float | None,
                                          str | None]]:
        """Each cluster's (rank, latest, source, name, region, period, overall, band), in
        rank order, without rebuilding it."""
        summary = self._stored.summary
        for at, rank, latest in zip(self._index, self._rank, self._latest, strict=True):
            yield (rank, bool(latest), *summary(at))

    def __repr__(self) -> str:
        return f"Ranked({list(self)!r})"
