"""A portfolio as JSON-native data with a stable key order (``portfolio.json``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from diamond.portfolio.model import Cluster, Portfolio
from diamond.portfolio.ranking import RELIABLE_ICC2
from diamond.safetext import json_text

__all__ = ["CLUSTERS_FOLDER", "portfolio_json", "portfolio_json_pieces", "portfolio_to_json_dict",
           "report_link"]

JSON_FORMAT = 1
#: The sub-folder of the output folder that holds each cluster's own report.
CLUSTERS_FOLDER = "clusters"


def report_link(name: str) -> str:
    """The path of a cluster report file relative to the portfolio files (with ``/``)."""
    return f"{CLUSTERS_FOLDER}/{name}"


def _reports(c: Cluster) -> dict[str, str]:
    return {name.rsplit(".", 1)[-1]: report_link(name) for name in c.reports}


def _cluster(c: Cluster) -> dict[str, Any]:
    return {
        "rank": c.rank if c.latest else None, "latest": c.latest,
        "rank_interval": None if c.rank_low is None else {
            "low": c.rank_low, "high": c.rank_high, "level": 0.95},
        "source": c.source, "name": c.name, "region": c.region,
        "period": c.period, "language": c.language,
        "framework": {"id": c.framework_id, "name": c.framework_names[c.language]},
        "respondents": c.respondents,
        "overall": {"score": c.overall, "band": c.band, "se": c.se,
                    "ci": None if c.ci_low is None else {
                        "low": c.ci_low, "high": c.ci_high, "level": 0.95}},
        "dimensions": {d.id: {"score": d.score, "band": d.band} for d in c.dimensions},
        "reports": _reports(c),
    }


def portfolio_to_json_dict(portfolio: Portfolio) -> dict[str, Any]:
    """The portfolio as JSON-native dicts and lists, keys in a fixed order."""
    return _document(portfolio, [_cluster(c) for c in portfolio.clusters])


def _document(p: Portfolio, clusters: Any) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "kind": "portfolio",
        "language": p.lang,
        "method": p.method,
        "counts": {"files": p.files, "clusters": len(p.clusters), "invalid": len(p.invalid),
                   "skipped": len(p.skipped)},
        "dimensions": [{"id": c.id, "number": c.number, "name": c.name} for c in p.columns],
        "clusters": clusters,
        "icc": {d: {"icc1": i1, "icc2": i2,
                    "distinguishes": None if i2 is None else i2 >= RELIABLE_ICC2}
                for d, (i1, i2) in p.icc.items()},
        "invalid": [
            {"source": f.source, "messages": list(f.messages),
             "errors": [{"line": d.line, "column": d.column, "code": d.code,
                         "message": d.message, "hint": d.hint} for d in f.diagnostics]}
            for f in p.invalid
        ],
        "skipped": list(p.skipped),
    }


#: Stands for the clusters in the rest of the document while it is written.
_CLUSTERS = "diamond:clusters"


def portfolio_json(portfolio: Portfolio, *, indent: int | None = 2) -> str:
    """``portfolio_to_json_dict`` as text (UTF-8 characters kept): ``portfolio_json_pieces``
    joined."""
    return "".join(portfolio_json_pieces(portfolio, indent=indent))


def portfolio_json_pieces(portfolio: Portfolio, *, indent: int | None = 2) -> Iterator[str]:
    """``portfolio_json``'s text in pieces, one cluster at a time, to be streamed to disk.

    The same text as ``json_text`` of the whole dictionary: a national programme's 8,100
    clusters as one tree of dictionaries took about 100 MB at once, each cluster's text
    alone about 1 KB. A nested value's JSON is its own JSON with every line after the
    first indented by its depth (two levels here), and ``json_text``'s escapes are of
    single characters, so the parts join exactly.
    """
    text = json_text(_document(portfolio, _CLUSTERS), indent=indent)
    head, tail = text.split(f'"clusters": "{_CLUSTERS}"', 1)
    yield f'{head}"clusters": '
    if not portfolio.clusters:
        yield "[]"
    elif indent is None:
        for k, c in enumerate(portfolio.clusters):
            yield ("[" if k == 0 else ", ") + json_text(_cluster(c), indent=None)
        yield "]"
    else:
        inner, outer = "\n" + " " * (2 * indent), "\n" + " " * indent
        for k, c in enumerate(portfolio.clusters):
            yield (("[" if k == 0 else ",") + inner
                   + json_text(_cluster(c), indent=indent).replace("\n", inner))
        yield outer + "]"
    yield tail
