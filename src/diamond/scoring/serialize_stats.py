"""The statistics of an assessment as JSON-native data (keys documented in the README)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from diamond.scoring.result import Assessment

if TYPE_CHECKING:
    from diamond.scoring.uncertainty import DimensionStatistics, Statistics
    from diamond.stats.bootstrap import Interval

# Interpretation bands and their sources, shown beside the figures.
BANDS: dict[str, dict[str, Any]] = {
    "rwg_j": {"source": "LeBreton & Senter 2008",
              "bands": [[0.0, "lack"], [0.31, "weak"], [0.51, "moderate"], [0.71, "strong"],
                        [0.91, "very strong"]]},
    "awg": {"source": "Brown & Hauenstein 2005", "acceptable": 0.70},
    "alpha": {"source": "Nunnally 1978", "acceptable": 0.70},
    "icc2": {"source": "Bliese 2000", "acceptable": 0.70},
}


def ci(interval: Interval | None, method: str) -> dict[str, Any] | None:
    """``{low, high, level, method}``, or None when there is no interval."""
    if interval is None or interval.low is None or interval.high is None:
        return None
    return {"low": interval.low, "high": interval.high, "level": interval.level,
            "method": method}


def interval(main: Interval | None, analytic: Interval | None = None) -> dict[str, Any]:
    """``se`` and ``ci`` from the bootstrap, else from the analytic figure; plus ``se_analytic``."""
    out: dict[str, Any] = {}
    if main is not None and main.se is not None:
        out = {"se": main.se, "ci": ci(main, "bootstrap-percentile")}
    elif analytic is not None and analytic.se is not None:
        out = {"se": analytic.se, "ci": ci(analytic, "analytic-normal")}
    else:
        out = {"se": None, "ci": None}
    if analytic is not None:
        out["se_analytic"] = analytic.se
    return out


def dimension(d: DimensionStatistics | None) -> dict[str, Any]:
    """A dimension's ``se``, ``ci``, ``agreement``, ``reliability`` and effective weight."""
    if d is None:
        return {"se": None, "ci": None}
    a, r = d.agreement, d.reliability
    return {
        **interval(d.interval, d.analytic),
        "agreement": {"rwg_j": a.rwg_j, "rstar_wg_j": a.rstar_wg_j, "awg": a.awg,
                      "ad_m": a.ad_m, "items": a.items},
        "reliability": {"alpha": r.alpha, "alpha_if_deleted": dict(r.alpha_if_deleted),
                        "item_total": dict(r.item_total),
                        "first_eigen_share": r.first_eigen_share,
                        "missing": "available-case (pairwise)"},
        "effective_weight": {"nominal": d.nominal_weight,
                             "correlation_ratio": d.correlation_ratio,
                             "effective": d.effective_weight},
    }


def statistics(s: Statistics | None) -> dict[str, Any] | None:
    """The ``statistics`` block: bootstrap settings, screening flags and bands with sources."""
    if s is None:
        return None
    return {
        "bootstrap": {"replicates": s.replicates, "seed": s.seed, "level": 0.95},
        "screening": {"straight_liners": list(s.straight_liners),
                      "low_coverage_respondents": list(s.low_coverage_respondents),
                      "low_coverage_dimensions": list(s.low_coverage_dimensions),
                      "min_coverage": 0.65, "straight_line_min": 10},
        "bands": BANDS,
    }


def _range(pair: tuple[float, float] | None) -> dict[str, float] | None:
    return None if pair is None else {"low": pair[0], "high": pair[1]}


def sensitivity(s: Statistics | None) -> dict[str, Any] | None:
    """The ``sensitivity`` block: Sobol indices per assumption and 5th–95th percentile ranges."""
    x = None if s is None else s.sensitivity
    if x is None:
        return None

    def pair(found: tuple[float, float]) -> dict[str, float]:
        return {"first": found[0], "total": found[1]}

    return {
        "samples": x.samples, "seed": x.seed, "assumptions": list(x.overall),
        "overall": {k: pair(v) for k, v in x.overall.items()},
        "ranks": {d: {k: pair(v) for k, v in found.items()} for d, found in x.ranks.items()},
        "intervals": {
            "level": [0.05, 0.95],
            "overall": _range(x.score_interval),
            "dimensions": {
                d: {"score": _range(x.dimension_scores[d]),
                    "rank": {"low": x.rank_intervals[d][0], "high": x.rank_intervals[d][1]}}
                for d in x.ranks},
        },
    }


def group(a: Assessment, group_id: str) -> dict[str, Any]:
    """A stakeholder group's intervals: overall ``se``/``ci`` and per dimension."""
    s = a.statistics
    found = {} if s is None else s.groups.get(group_id, {})
    return {**interval(found.get("overall")),
            "intervals": {d.id: interval(found.get(d.id)) for d in a.dimensions}}
