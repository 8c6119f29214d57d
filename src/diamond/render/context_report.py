"""The analyst's content (``report:``) and the confidentiality note, as template data.

Plain dicts, lists, strings and numbers, like the rest of the context. The
confidentiality rule itself (``diamond.scoring.confidential``): a stakeholder group
with fewer respondents than ``report.min_group_size`` (default 3) is never shown on
its own: it is merged into one "other groups" count and the report notes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from diamond.models.report import ReportBlock
from diamond.render.filters import fill
from diamond.scoring.confidential import confidential_groups, min_group_size
from diamond.scoring.result import Assessment

__all__ = ["report_context"]

Data = dict[str, Any]
def _actions(block: ReportBlock, a: Assessment, labels: Mapping[str, Any]) -> list[Data]:
    names = {i.id: i.text for i in a.indicators}
    short = labels.get("short", {})
    found = []
    for number, x in enumerate(block.actions, 1):
        found.append({
            "number": number, "action": x.action, "owner": x.owner, "start": x.start,
            "end": x.end, "kpi": x.kpi, "budget": x.budget, "priority": x.priority,
            "priority_label": labels["priorities"][x.priority] if x.priority else None,
            "indicators": [{"id": i, "name": short.get(i) or names.get(i, i)}
                           for i in x.indicators],
        })
    return found


def report_context(a: Assessment, labels: Mapping[str, Any]) -> Data:
    """``report`` in the template context: the analyst's content, or empty parts."""
    deliverable = labels["deliverable"]
    block = a.report or ReportBlock()
    small = sorted(confidential_groups(a))
    merged = sum(a.respondents_by_group[g] for g in small)
    note = None
    if small:
        note = fill(deliverable["confidential_note"],
                    {"groups": ", ".join(labels["groups"][g] for g in small), "n": merged,
                     "threshold": min_group_size(a)})
    cover = block.cover
    method = block.methodology
    methodology = None
    if method is not None:
        rate = None if method.invited is None else a.respondents / method.invited
        methodology = {"sampling": method.sampling, "fieldwork": method.fieldwork,
                       "invited": method.invited, "response_rate": rate,
                       "workshops": list(method.workshops), "notes": method.notes}
    actions = _actions(block, a, deliverable)
    by_indicator: dict[str, list[int]] = {}
    for x in actions:
        for i in x["indicators"]:
            by_indicator.setdefault(i["id"], []).append(x["number"])
    listed = [p for p in block.participants if not p.confidential]
    return {
        "cover": None if cover is None else {
            "client": cover.client, "authors": list(cover.authors),
            "organisation": cover.organisation, "date": cover.date, "version": cover.version,
            "confidentiality": cover.confidentiality},
        "methodology": methodology,
        "participants": [{"name": p.name, "group": labels["groups"][p.group]} for p in listed],
        "participants_confidential": len(block.participants) - len(listed),
        "key_messages": list(block.key_messages),
        "interpretation": dict(block.interpretation),
        "actions": actions,
        "actions_by_indicator": by_indicator,
        "min_group_size": min_group_size(a),
        "confidential_groups": small,
        "confidential_count": merged,
        "confidential_note": note,
    }
