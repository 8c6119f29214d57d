"""The ``statistics`` block of the report context: intervals, agreement, reliability, support."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from diamond.scoring.result import Assessment, DimensionResult

Data = dict[str, Any]


def _title(d: DimensionResult) -> str:
    return f"{d.number} {d.name}" if d.number else d.name


def _support(a: Assessment, labels: Mapping[str, Any]) -> Data:
    s = a.summary
    out: Data = {}
    for role, supported, tied in (("strongest", s.strongest_supported, s.strongest_tied),
                                  ("weakest", s.weakest_supported, s.weakest_tied)):
        out[role] = {"supported": supported, "names": ", ".join(_title(d) for d in tied),
                     "label": labels["statistics"][role]}
    return out


def _best_deletion(alpha: float | None, deleted: Mapping[str, float | None],
                   a: Assessment) -> Data | None:
    """The item whose deletion raises α most, when it raises α at all."""
    known = [(v, k) for k, v in deleted.items() if v is not None]
    if alpha is None or not known:
        return None
    value, item = max(known, key=lambda pair: (pair[0], pair[1]))
    if value <= alpha:
        return None
    return {"id": item, "text": a.indicator(item).text, "alpha": value}


def statistics_context(a: Assessment, labels: Mapping[str, Any]) -> Data | None:
    """Plain data for the statistics section; None when the assessment has no statistics."""
    s = a.statistics
    if s is None:
        return None
    dims: list[Data] = []
    for d in a.dimensions:
        x = s.dimensions[d.id]
        main = x.interval if x.interval.se is not None else x.analytic
        r = x.reliability
        dims.append({
            "id": d.id, "title": _title(d), "score": d.score, "se": main.se,
            "low": main.low, "high": main.high, "se_analytic": x.analytic.se,
            "rwg_j": x.agreement.rwg_j, "rstar_wg_j": x.agreement.rstar_wg_j,
            "awg": x.agreement.awg, "ad_m": x.agreement.ad_m, "alpha": r.alpha,
            "first_eigen": r.first_eigen_share,
            "best_deletion": _best_deletion(r.alpha, r.alpha_if_deleted, a),
            "nominal": x.nominal_weight, "effective": x.effective_weight,
        })
    overall = s.overall if s.overall.se is not None else s.overall_analytic
    names = {d.id: _title(d) for d in a.dimensions}
    return {
        "replicates": s.replicates, "seed": s.seed, "bootstrap": s.replicates > 0,
        "overall": {"score": a.overall, "se": overall.se, "low": overall.low,
                    "high": overall.high},
        "dimensions": dims,
        "screening": {
            "straight_liners": ", ".join(s.straight_liners),
            "low_coverage_respondents": ", ".join(s.low_coverage_respondents),
            "low_coverage_dimensions": ", ".join(names[d] for d in s.low_coverage_dimensions),
        },
        "support": _support(a, labels),
        "sensitivity": _sensitivity(a),
    }


def _sensitivity(a: Assessment) -> Data | None:
    x = None if a.statistics is None else a.statistics.sensitivity
    if x is None:
        return None
    low, high = x.score_interval if x.score_interval is not None else (None, None)
    return {
        "samples": x.samples, "score_low": low, "score_high": high,
        "overall": [{"id": k, "first": v[0], "total": v[1]} for k, v in x.overall.items()],
        "ranks": [{"id": d.id, "title": _title(d), "low": x.rank_intervals[d.id][0],
                   "high": x.rank_intervals[d.id][1]} for d in a.dimensions],
    }
