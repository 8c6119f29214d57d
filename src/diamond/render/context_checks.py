"""Report context for the evidence block and the robustness checks (plain data only)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from diamond.models.text import Language
from diamond.render.filters import fill
from diamond.scoring import Assessment
from diamond.scoring.evidence import lq_band_label

Data = dict[str, Any]


def _dimension_names(a: Assessment) -> dict[str, str]:
    return {d.id: d.name for d in a.dimensions}


def evidence_context(a: Assessment, labels: Mapping[str, Any], lang: str) -> Data | None:
    """The evidence table and the perception-versus-evidence findings, or None."""
    e = a.evidence
    if e is None:
        return None
    language: Language = "tr" if lang == "tr" else "en"
    names = _dimension_names(a) | {i.id: i.text for i in a.indicators}
    return {
        "year": e.year,
        "source": e.source,
        "lq": e.lq,
        "lq_band": lq_band_label(e.lq_band, language),
        "regional_share": e.regional_share,
        "patents_per_10k": e.patents_per_10k,
        "exports_per_employee": e.exports_per_employee,
        "establishments": e.establishments,
        "lq_base": e.lq_base,
        "stars": e.stars,
        "strong_cluster": e.strong_cluster,
        "employment": {
            "sector_region": e.sector_region,
            "total_region": e.total_region,
            "sector_country": e.sector_country,
            "total_country": e.total_country,
        },
        "disagreements": [
            {"rule": d.rule, "subject": names.get(d.subject, d.subject),
             "message": d.message[language]}
            for d in e.disagreements
        ],
    }


def robustness_context(a: Assessment, labels: Mapping[str, Any]) -> Data | None:
    """Leave-one-respondent-out and weight-perturbation figures per dimension, or None."""
    r = a.robustness
    if r is None:
        return None
    names = _dimension_names(a)
    aliases: dict[str, str] = {}
    pattern = labels.get("deliverable", {}).get("text", {}).get("respondent_alias")

    def alias(respondent: str | None) -> str | None:
        """A respondent as the report names one: 'Katılımcı 1', never its id (firm-03)."""
        if respondent is None or not isinstance(pattern, str):
            return respondent
        return aliases.setdefault(respondent, fill(pattern, {"n": len(aliases) + 1}))

    rows = []
    for d in a.dimensions:
        influence = r.leave_one_out.dimensions.get(d.id) if r.leave_one_out else None
        ranks = r.weights.dimensions.get(d.id)
        rows.append({
            "id": d.id,
            "name": names[d.id],
            "score": d.score,
            "change": influence.change if influence else None,
            "respondent": alias(influence.respondent) if influence else None,
            "score_without": influence.score_without if influence else None,
            "sole_respondent": alias(influence.sole_respondent) if influence else None,
            "rank": ranks.rank if ranks else None,
            "rank_min": ranks.rank_min if ranks else None,
            "rank_max": ranks.rank_max if ranks else None,
            "score_min": ranks.score_min if ranks else None,
            "score_max": ranks.score_max if ranks else None,
            "changed": ranks.changed if ranks else None,
            "unstable": bool(ranks and ranks.unstable),
        })
    overall = r.leave_one_out.overall if r.leave_one_out else None
    w = r.weights
    return {
        "computable": r.leave_one_out is not None,
        "dimensions": rows,
        "overall": {
            "score": a.overall,
            "change": overall.change if overall else None,
            "respondent": alias(overall.respondent) if overall else None,
            "score_without": overall.score_without if overall else None,
            "min": w.overall_min,
            "max": w.overall_max,
        },
        "unstable": [row["name"] for row in rows if row["unstable"]],
        "draws": w.draws,
        "seed": w.seed,
        "low": w.low,
        "high": w.high,
        "unstable_share": w.unstable_share,
    }
