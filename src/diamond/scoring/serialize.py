"""An assessment as JSON-native data with a stable key order (the ``--json`` output)."""

from __future__ import annotations

from typing import Any

from diamond.safetext import json_text
from diamond.scoring import serialize_stats as st
from diamond.scoring.confidential import confidential_groups, shown_spread
from diamond.scoring.evidence import EvidenceResult
from diamond.scoring.result import (
    Assessment,
    DimensionResult,
    GroupResult,
    IndicatorResult,
    SwotEntry,
    SwotResult,
    Tally,
    TowsPrompt,
)
from diamond.scoring.robustness import Influence, Robustness

JSON_FORMAT = 1


def _indicator(i: IndicatorResult, a: Assessment) -> dict[str, Any]:
    found = None if a.statistics is None else a.statistics.indicators.get(i.id)
    return {
        "id": i.id, "text": i.text, "score": i.score, "band": i.band, "mean": i.mean,
        "median": i.median, "n": i.n, "sd": i.sd, "rwg": i.rwg, "weight": i.weight,
        "uncertain": i.uncertain, "reasons": list(i.reasons), **st.interval(found),
    }


def _dimension(d: DimensionResult, a: Assessment) -> dict[str, Any]:
    found = None if a.statistics is None else a.statistics.dimensions.get(d.id)
    return {
        "id": d.id, "number": d.number, "name": d.name, "score": d.score, "band": d.band,
        "coverage": d.coverage, "answered": d.answered, "total": d.total, "weight": d.weight,
        **st.dimension(found),
        "indicators": [_indicator(i, a) for i in d.indicators],
    }


def _dimension_ref(d: DimensionResult | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"id": d.id, "name": d.name, "score": d.score, "band": d.band}


def _indicator_ref(i: IndicatorResult) -> dict[str, Any]:
    return {"id": i.id, "text": i.text, "score": i.score, "band": i.band}


def _tally(t: Tally) -> dict[str, Any]:
    return {"count": t.count, "weighted": t.weighted}


def _item(e: SwotEntry) -> dict[str, Any]:
    return {
        "quadrant": e.quadrant, "text": e.text, "indicator": e.indicator,
        "dimension": e.dimension, "importance": e.importance,
    }


def _swot(s: SwotResult) -> dict[str, Any]:
    return {
        "quadrants": {q: _tally(t) for q, t in s.quadrants.items()},
        "by_dimension": {
            column_id: {**{q: _tally(t) for q, t in column.quadrants.items()}, "net": column.net}
            for column_id, column in s.by_dimension.items()
        },
        "items": [_item(e) for e in s.items],
    }


def _tows(p: TowsPrompt) -> dict[str, Any]:
    return {
        "dimension": _dimension_ref(p.dimension),
        "pairs": {
            kind: [
                {"first": _item(pair.first), "second": _item(pair.second),
                 "importance": pair.importance, "across": pair.across}
                for pair in pairs
            ]
            for kind, pairs in p.pairs.items()
        },
        "available": dict(p.available),
    }


def _evidence(e: EvidenceResult | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "year": e.year, "source": e.source,
        "employment": {
            "sector_region": e.sector_region, "total_region": e.total_region,
            "sector_country": e.sector_country, "total_country": e.total_country,
        },
        "establishments": e.establishments, "patents": e.patents, "exports_usd": e.exports_usd,
        "lq": e.lq, "lq_band": e.lq_band, "regional_share_pct": e.regional_share,
        "patents_per_10k": e.patents_per_10k, "exports_per_employee": e.exports_per_employee,
        "disagreements": [
            {"rule": d.rule, "metric": d.metric, "value": d.value, "threshold": d.threshold,
             "subject": d.subject, "score": d.score, "band": d.band, "message": dict(d.message)}
            for d in e.disagreements
        ],
    }


def _influence(i: Influence) -> dict[str, Any]:
    return {"change": i.change, "respondent": i.respondent, "score_without": i.score_without,
            "sole_respondent": i.sole_respondent}


def _robustness(r: Robustness | None) -> dict[str, Any] | None:
    if r is None:
        return None
    loo, w = r.leave_one_out, r.weights
    return {
        "leave_one_out": None if loo is None else {
            "dimensions": {d: _influence(i) for d, i in loo.dimensions.items()},
            "overall": _influence(loo.overall),
        },
        "weights": {
            "draws": w.draws, "seed": w.seed, "factor_min": w.low, "factor_max": w.high,
            "unstable_above": w.unstable_share,
            "dimensions": {
                d: {"rank": x.rank, "rank_min": x.rank_min, "rank_max": x.rank_max,
                    "score_min": x.score_min, "score_max": x.score_max,
                    "rank_changed_share": x.changed, "unstable": x.unstable}
                for d, x in w.dimensions.items()
            },
            "overall": {"min": w.overall_min, "max": w.overall_max},
        },
    }


def _group(a: Assessment, g: GroupResult, hidden: set[str]) -> dict[str, Any]:
    """A group's scores, or only its size when it is too small to show (confidential)."""
    if g.id in hidden:
        return {"id": g.id, "respondents": g.respondents, "confidential": True,
                "overall": None, "band": None, "dimensions": {}}
    return {"id": g.id, "respondents": g.respondents, "confidential": False,
            "overall": g.overall, "band": g.band, "dimensions": dict(g.dimensions),
            **st.group(a, g.id)}


def to_json_dict(assessment: Assessment) -> dict[str, Any]:
    """The assessment as JSON-native dicts and lists, keys in a fixed order."""
    a = assessment
    summary = a.summary
    hidden: set[str] = set(confidential_groups(a))
    return {
        "format": JSON_FORMAT,
        "sector": {
            "name": a.sector.name, "region": a.sector.region, "period": a.sector.period,
            "language": a.sector.language, "description": a.sector.description,
        },
        "language": a.lang,
        "framework": {"id": a.framework_id, "name": a.framework_name},
        "method": a.method,
        "aggregation": a.aggregation,
        "scale": {"min": a.scale_min, "max": a.scale_max},
        "date": a.date,
        "respondents": {"total": a.respondents, "by_group": dict(a.respondents_by_group)},
        "overall": {"score": a.overall, "band": a.band, **st.interval(
            *(None, None) if a.statistics is None
            else (a.statistics.overall, a.statistics.overall_analytic))},
        "dimensions": [_dimension(d, a) for d in a.dimensions],
        "groups": [_group(a, g, hidden) for g in a.groups],
        "group_spread": {d: shown_spread(a, d) for d in a.group_spread},
        "swot": _swot(a.swot),
        "summary": {
            "overall": {"score": summary.overall, "band": summary.band},
            "strongest_dimension": _dimension_ref(summary.strongest_dimension),
            "weakest_dimension": _dimension_ref(summary.weakest_dimension),
            "strongest_supported": summary.strongest_supported,
            "weakest_supported": summary.weakest_supported,
            "strongest_tied": [d.id for d in summary.strongest_tied],
            "weakest_tied": [d.id for d in summary.weakest_tied],
            "strongest_indicators": [_indicator_ref(i) for i in summary.strongest_indicators],
            "weakest_indicators": [_indicator_ref(i) for i in summary.weakest_indicators],
            "uncertain": [
                {"id": i.id, "text": i.text, "reasons": list(i.reasons)} for i in summary.uncertain
            ],
            "unanswered": [{"id": i.id, "text": i.text} for i in summary.unanswered],
        },
        "tows": [_tows(p) for p in a.tows],
        "recommendations": [
            {
                "dimension": _dimension_ref(r.dimension),
                "indicators": [_indicator_ref(i) for i in r.indicators],
                "actions": [
                    {"id": x.id, "kind": x.kind, "text": x.text, "serves": list(x.serves)}
                    for x in r.actions
                ],
            }
            for r in a.recommendations
        ],
        "readiness": {
            "assessed": a.readiness.assessed,
            "counts": dict(a.readiness.counts),
            "items": [
                {"id": i.id, "kind": i.kind, "text": i.text, "serves": list(i.serves),
                 "status": i.status}
                for i in a.readiness.items
            ],
        },
        "warnings": [
            {"code": w.code, "subjects": list(w.subjects), "message": w.message}
            for w in a.warnings
        ],
        "evidence": _evidence(a.evidence),
        "robustness": _robustness(a.robustness),
        "statistics": st.statistics(a.statistics),
        "sensitivity": st.sensitivity(a.statistics),
        "report": None if a.report is None else a.report.model_dump(mode="json"),
    }


def to_json(assessment: Assessment, *, indent: int | None = 2) -> str:
    """``to_json_dict`` as text (UTF-8 characters kept, keys in their fixed order)."""
    return json_text(to_json_dict(assessment), indent=indent)
