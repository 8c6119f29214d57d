"""The portfolio template context: a ``Portfolio`` as plain dicts, lists, strings and numbers.

As with ``diamond.render.context``, nothing live reaches a template. Texts are raw;
templates escape them. Report links are relative and URL-quoted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from diamond.compare.context import band
from diamond.lazyseq import Built
from diamond.portfolio.model import Cluster, Portfolio
from diamond.portfolio.serialize import report_link
from diamond.safetext import href
from diamond.scoring.bands import BANDS

__all__ = ["build_portfolio_context"]

Data = dict[str, Any]


class _Shared:
    """The small dicts every cluster's row repeats (a band, a framework), made once and
    shared by the rows: a national programme lists thousands of clusters, and the
    templates only read them."""

    def __init__(self, p: Portfolio, labels: Mapping[str, Any]) -> None:
        self.p = p
        self.labels = labels
        self.bands: dict[str | None, Data] = {}
        self.frameworks: dict[tuple[str, str], Data] = {}

    def band(self, value: str | None) -> Data:
        found = self.bands.get(value)
        if found is None:
            found = self.bands[value] = band(value, self.labels)
        return found

    def framework(self, c: Cluster) -> Data:
        key = (c.framework_id, c.framework_names[self.p.lang])
        found = self.frameworks.get(key)
        if found is None:
            found = self.frameworks[key] = {"id": key[0], "name": key[1]}
        return found


def _cluster(c: Cluster, shared: _Shared) -> Data:
    p = shared.p
    cells = {d.id: d for d in c.dimensions}
    row = []
    for column in p.columns:
        cell = cells.get(column.id)
        row.append(None if cell is None else {"score": cell.score,
                                               "band": shared.band(cell.band)})
    reports = {name.rsplit(".", 1)[-1]: href(report_link(name)) for name in c.reports}
    return {
        "rank": c.rank if c.latest else "–", "latest": c.latest,
        "rank_low": c.rank_low, "rank_high": c.rank_high, "ci_low": c.ci_low,
        "ci_high": c.ci_high, "source": c.source, "stem": c.stem, "name": c.name,
        "region": c.region, "period": c.period,
        "framework": shared.framework(c),
        "respondents": c.respondents, "overall": c.overall,
        "band": shared.band(c.band), "cells": row, "reports": reports,
    }


class _Rows(Built[Data]):
    """The clusters' rows, each made as it is read and dropped after: the shipped
    portfolio templates only test and walk them (twice each), so a national programme's
    pages never hold every row at once (about 2.8 KB a cluster)."""

    def __init__(self, clusters: Sequence[Cluster], shared: _Shared) -> None:
        self.clusters = clusters
        self.shared = shared

    def __len__(self) -> int:
        return len(self.clusters)

    def __iter__(self) -> Iterator[Data]:
        shared = self.shared
        return (_cluster(c, shared) for c in self.clusters)

    def _item(self, k: int) -> Data:
        return _cluster(self.clusters[k], self.shared)


def _icc(p: Portfolio) -> list[Data]:
    """ICC rows per dimension; none when no dimension has one (fewer than two clusters)."""
    if all(pair == (None, None) for pair in p.icc.values()):
        return []
    return [{"id": col.id, "title": f"{col.number} {col.name}" if col.number else col.name,
             "icc1": p.icc.get(col.id, (None, None))[0],
             "icc2": p.icc.get(col.id, (None, None))[1]} for col in p.columns]


def build_portfolio_context(p: Portfolio, labels: Mapping[str, Any], *,
                            rows_as_read: bool = False) -> Data:
    """Everything a portfolio template may use, as plain data (``labels`` of ``p.lang``).

    ``rows_as_read``: ``clusters`` makes each row as a template reads it, instead of a
    list of them all (for the shipped templates, which only test and walk it; someone
    else's template gets the list, which any filter takes).
    """
    shared = _Shared(p, labels)
    counts = {"files": p.files, "clusters": len(p.clusters),
              "invalid": len(p.invalid), "skipped": len(p.skipped)}
    return {
        "lang": p.lang,
        "labels": labels,
        "method": {"id": p.method, "label": labels["methods"][p.method]},
        "counts": counts,
        "columns": [{"id": c.id, "number": c.number, "name": c.name,
                     "title": f"{c.number} {c.name}" if c.number else c.name}
                    for c in p.columns],
        "clusters": (_Rows(p.clusters, shared) if rows_as_read
                     else [_cluster(c, shared) for c in p.clusters]),
        "invalid": [{"source": f.source, "messages": list(f.messages)} for f in p.invalid],
        "skipped": list(p.skipped),
        "icc": _icc(p),
        "bands": [{"id": b, "label": labels["bands"][b],
                   "range": labels["portfolio"]["band_ranges"][b]} for b in BANDS],
    }
