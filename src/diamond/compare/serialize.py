"""A comparison as JSON-native data with a stable key order (``comparison.json``)."""

from __future__ import annotations

from typing import Any

from diamond.compare.model import Area, Change, Comparison, Point
from diamond.safetext import json_text

__all__ = ["comparison_json", "comparison_to_json_dict"]

JSON_FORMAT = 1


def _change(c: Change | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"delta": c.delta, "se": c.se,
            "ci": None if c.low is None else {"low": c.low, "high": c.high, "level": 0.95},
            "p": c.p, "method": c.method, "significant": c.significant,
            "verdict": c.verdict}


def _point(p: Point) -> dict[str, Any]:
    return {"score": p.score, "band": p.band, "se": p.se, "n": p.n,
            "from_previous": _change(p.from_previous), "from_first": _change(p.from_first)}


def _area(a: Area) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": a.kind, "id": a.id, "name": a.name}
    if a.kind == "indicator":
        data["dimension"] = a.dimension
    if a.kind == "dimension":
        data["number"] = a.number
    data["points"] = [_point(p) for p in a.points]
    data["change"] = _change(a.change)
    if a.kind == "dimension":
        data["indicators"] = [_area(i) for i in a.indicators]
    return data


def _ref(a: Area) -> dict[str, Any]:
    return {"kind": a.kind, "id": a.id, "name": a.name, **(_change(a.change) or {})}


def comparison_to_json_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-native dicts and lists, keys in a fixed order."""
    c = comparison
    s = c.summary
    return {
        "format": JSON_FORMAT,
        "kind": "comparison",
        "mode": c.mode,
        "language": c.lang,
        "method": c.method,
        "inputs": [
            {"label": i.label, "source": i.source,
             "sector": {"name": i.sector.name, "region": i.sector.region,
                        "period": i.sector.period},
             "framework": {"id": i.framework_id, "name": i.framework_name},
             "respondents": i.respondents, "scale": {"min": i.scale_min, "max": i.scale_max}}
            for i in c.inputs
        ],
        "overall": _area(c.overall),
        "dimensions": [_area(d) for d in c.dimensions],
        "summary": {
            "improved": [_ref(a) for a in s.improved],
            "declined": [_ref(a) for a in s.declined],
            "not_significant": [_ref(a) for a in s.not_significant],
            "unchanged": [_ref(a) for a in s.unchanged],
            "rule": {"improved_indicators": s.improved_indicators,
                     "threshold": s.rule_threshold, "passed": s.rule_passed},
        },
        "warnings": [{"code": w.code, "params": dict(w.params), "message": w.message}
                     for w in c.warnings],
    }


def comparison_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    """``comparison_to_json_dict`` as text (UTF-8 characters kept)."""
    return json_text(comparison_to_json_dict(comparison), indent=indent)
