"""The template context: an ``Assessment`` as plain dicts, lists, strings and numbers.

Nothing live reaches a template: no dataclasses, no models, no functions. A
sandboxed user template can therefore read exactly what is listed here and
nothing else. Numbers stay numbers (templates format them with ``num`` and
``pct``); texts are the raw strings, escaped by the templates (HTML
autoescaping, the ``md_text`` and ``md_cell`` filters for Markdown).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from diamond.models.questionnaire import QUADRANTS
from diamond.render.bar_charts import LikertRow, likert_svg, score_bars_svg
from diamond.render.brand import Brand
from diamond.render.chart import Axis, Series, diamond_svg
from diamond.render.context_checks import evidence_context, robustness_context
from diamond.render.context_report import report_context
from diamond.render.filters import fill, num
from diamond.render.stats_context import statistics_context
from diamond.safetext import href
from diamond.scoring.confidential import confidential_groups, shown_spread
from diamond.scoring.result import (
    UNCLASSIFIED,
    Assessment,
    DimensionResult,
    IndicatorResult,
    SwotEntry,
)

__all__ = ["CONTEXT_KEYS", "build_context", "chart_svg"]

Data = dict[str, Any]
CONTEXT_KEYS = (
    "lang", "labels", "sector", "framework", "date", "method", "scale", "respondents",
    "overall", "dimensions", "groups", "summary", "swot", "tows", "recommendations",
    "readiness", "evidence", "robustness", "warnings", "appendix", "chart", "statistics",
    "report", "brand", "bars_svg",
)


def _band(band: str | None, labels: Mapping[str, Any]) -> Data:
    return {"id": band, "label": labels["bands"][band] if band else labels["text"]["no_score"]}


def short_label(indicator_id: str, text: str, labels: Mapping[str, Any]) -> str:
    """The indicator's short, favourable-reading label; its source wording when it has none."""
    short = labels.get("deliverable", {}).get("short", {})
    found = short.get(indicator_id)
    return found if isinstance(found, str) else text


def _indicator(i: IndicatorResult, labels: Mapping[str, Any]) -> Data:
    return {
        "id": i.id, "dimension": i.dimension, "text": i.text, "weight": i.weight, "n": i.n,
        "label": short_label(i.id, i.text, labels),
        "mean": i.mean, "median": i.median, "sd": i.sd, "rwg": i.rwg, "score": i.score,
        "band": _band(i.band, labels), "answered": i.answered, "uncertain": i.uncertain,
        "reasons": [{"id": r, "label": labels["reasons"][r]} for r in i.reasons],
        "counts": list(i.counts),
    }


def _ref(d: DimensionResult, labels: Mapping[str, Any]) -> Data:
    title = f"{d.number} {d.name}" if d.number else d.name
    return {"id": d.id, "name": d.name, "title": title, "score": d.score,
            "band": _band(d.band, labels)}


#: The last assessment's dimension names and indicator texts by id (its items and
#: references look them up one by one; ``Assessment.indicators`` is built on each call).
_names_of: tuple[Assessment | None, dict[str, str], dict[str, str]] = (None, {}, {})


def _texts(a: Assessment) -> tuple[dict[str, str], dict[str, str]]:
    """``a``'s dimension names and indicator texts by id (the first of each id, as the
    lookups in framework order found them)."""
    global _names_of
    if _names_of[0] is not a:
        dimensions: dict[str, str] = {}
        indicators: dict[str, str] = {}
        for d in a.dimensions:
            dimensions.setdefault(d.id, d.name)
            for i in d.indicators:
                indicators.setdefault(i.id, i.text)
        _names_of = (a, dimensions, indicators)
    return _names_of[1], _names_of[2]


#: The last assessment's and labels' SWOT items by entry (``id``): a TOWS pair, the
#: SWOT table and a dimension's section each show the same entries (~140 a report).
#: Each is kept with its entry, so no other object takes the entry's id while it is held.
_items_of: tuple[Assessment | None, Mapping[str, Any] | None,
                 dict[int, tuple[SwotEntry, Data]]] = (None, None, {})


def _item(e: SwotEntry, a: Assessment, labels: Mapping[str, Any]) -> Data:
    """The SWOT entry ``e`` for the templates: a new dict each call (a copy of the one made
    for the same entry, assessment and labels)."""
    global _items_of
    if _items_of[0] is not a or _items_of[1] is not labels:
        _items_of = (a, labels, {})
    made = _items_of[2].get(id(e))
    if made is None or made[0] is not e:
        made = _items_of[2][id(e)] = (e, _new_item(e, a, labels))
    return dict(made[1])


def _new_item(e: SwotEntry, a: Assessment, labels: Mapping[str, Any]) -> Data:
    dimensions, indicators = _texts(a)
    indicator = None if e.indicator is None else indicators.get(e.indicator)
    dimension = None if e.dimension is None else dimensions.get(e.dimension)
    return {
        "quadrant": e.quadrant, "quadrant_label": labels["quadrants"][e.quadrant],
        "letter": labels["quadrant_letters"][e.quadrant], "text": e.text,
        "indicator": e.indicator, "indicator_text": indicator, "dimension": e.dimension,
        "indicator_label": (None if indicator is None or e.indicator is None
                            else short_label(e.indicator, indicator, labels)),
        "dimension_name": dimension, "importance": e.importance,
    }


def _names(ids: tuple[str, ...], a: Assessment) -> list[Data]:
    dimensions, indicators = _texts(a)
    return [{"id": target, "name": dimensions[target] if target in dimensions
             else indicators.get(target, target)} for target in ids]


def _intervals(a: Assessment) -> dict[str, tuple[float, float]]:
    """Each dimension's 95 % interval (bootstrap, else analytic), where there is one."""
    found: dict[str, tuple[float, float]] = {}
    for dim_id, x in ({} if a.statistics is None else a.statistics.dimensions).items():
        main = x.interval if x.interval.low is not None else x.analytic
        if main.low is not None and main.high is not None:
            found[dim_id] = (main.low, main.high)
    return found


def chart_svg(a: Assessment, labels: Mapping[str, Any], lang: str) -> tuple[str, str, str]:
    """The Diamond chart of ``a`` as (SVG, title, description in words)."""
    chart = labels["chart"]

    def words(score: float | None, band: str | None) -> str:
        if score is None:
            return str(labels["text"]["no_score"])
        return f"{num(score, 1, lang)} ({labels['bands'][band]})"

    axes = [Axis(d.id, d.name) for d in a.dimensions]
    series = [Series(fill(chart["overall_series"], {"n": a.respondents}),
                     {d.id: d.score for d in a.dimensions}, "overall")]
    hidden = confidential_groups(a)
    for g in a.groups:
        if g.id in hidden:
            continue
        label = fill(chart["group_series"],
                     {"group": labels["groups"][g.id], "n": g.respondents})
        series.append(Series(label, dict(g.dimensions), "group"))
    title = fill(chart["title"], {"sector": a.sector.name, "region": a.sector.region})
    dims = "; ".join(f"{d.name} {words(d.score, d.band)}" for d in a.dimensions)
    description = fill(chart["description"],
                       {"overall": words(a.overall, a.band), "dimensions": dims})
    if any(g.id not in hidden for g in a.groups):
        groups = "; ".join(f"{labels['groups'][g.id]} {words(g.overall, g.band)}"
                           for g in a.groups if g.id not in hidden)
        description += " " + fill(chart["groups_description"], {"groups": groups})
    intervals = _intervals(a)
    if intervals:
        description += " " + str(labels["statistics"]["chart_note"])
    svg = diamond_svg(axes, series, title=title, description=description,
                      legend_title=chart["legend"], intervals=intervals,
                      decimal="," if lang == "tr" else ".",
                      missing=str(labels["text"]["no_score"]))
    return svg, title, description


def _likert(a: Assessment, d: DimensionResult, labels: Mapping[str, Any]) -> str | None:
    """The dimension's diverging stacked bar chart of answers (None without the labels)."""
    text = labels.get("deliverable", {}).get("text")
    if text is None or not d.indicators:
        return None
    rows = [LikertRow(short_label(i.id, i.text, labels), i.counts or (0,) * (a.scale_max
                      - a.scale_min + 1), a.respondents) for i in d.indicators]
    title = fill(text["likert_title"], {"dimension": d.name})
    return likert_svg(rows, a.scale_min, title=title, description=text["likert_description"],
                      unanswered=text["unanswered"], legend_low=text["likert_low"],
                      legend_high=text["likert_high"], percent=text["percent"],
                      id_prefix=f"likert-{d.id}")


def _dimensions(a: Assessment, labels: Mapping[str, Any]) -> list[Data]:
    found: list[Data] = []
    for d in a.dimensions:
        items = [_item(e, a, labels) for e in a.swot.items if e.dimension == d.id]
        found.append({
            **_ref(d, labels), "number": d.number, "weight": d.weight, "answered": d.answered,
            "total": d.total, "coverage": d.coverage, "spread": shown_spread(a, d.id),
            "indicators": [_indicator(i, labels) for i in d.indicators],
            "swot": [{"id": q, "label": labels["quadrants"][q],
                      "items": [i for i in items if i["quadrant"] == q]} for q in QUADRANTS],
            "swot_count": len(items),
            "likert_svg": _likert(a, d, labels),
        })
    return found


def _swot(a: Assessment, labels: Mapping[str, Any]) -> Data:
    items = [_item(e, a, labels) for e in a.swot.items]
    names = {d.id: d.name for d in a.dimensions}
    columns = [{"id": c, "name": names.get(c, labels["columns"]["unclassified"])}
               for c in a.swot.by_dimension]
    rows = []
    for q in QUADRANTS:
        cells = [{"count": col.quadrants[q].count, "weighted": col.quadrants[q].weighted}
                 for col in a.swot.by_dimension.values()]
        total = a.swot.quadrants[q]
        rows.append({"id": q, "label": labels["quadrants"][q],
                     "letter": labels["quadrant_letters"][q], "cells": cells,
                     "total": {"count": total.count, "weighted": total.weighted}})
    net = [col.net for col in a.swot.by_dimension.values()]
    return {
        "count": len(items), "items": items,
        "quadrants": [{"id": q, "label": labels["quadrants"][q],
                       "letter": labels["quadrant_letters"][q],
                       "count": a.swot.quadrants[q].count,
                       "weighted": a.swot.quadrants[q].weighted,
                       "items": [i for i in items if i["quadrant"] == q]} for q in QUADRANTS],
        "cross": {"columns": columns, "rows": rows, "net": net, "net_total": sum(net),
                  "unclassified": UNCLASSIFIED},
    }


def _tows(a: Assessment, labels: Mapping[str, Any]) -> list[Data]:
    found: list[Data] = []
    for p in a.tows:
        kinds = []
        for kind, pairs in p.pairs.items():
            kinds.append({
                "id": kind, "code": labels["tows_kinds"][kind]["code"],
                "title": labels["tows_kinds"][kind]["title"],
                "pairs": [{"first": _item(x.first, a, labels), "second": _item(x.second, a, labels),
                           "importance": x.importance, "across": x.across} for x in pairs],
                "available": p.available[kind], "more": p.available[kind] - len(pairs),
            })
        found.append({"dimension": _ref(p.dimension, labels), "kinds": kinds})
    return found


def _recommendations(a: Assessment, labels: Mapping[str, Any]) -> list[Data]:
    """Each focus area or goal once, under the weakest dimension it serves (the list comes
    weakest first); a later dimension it also serves refers to it (``referred``)."""
    found: list[Data] = []
    first: dict[str, str] = {}
    for r in a.recommendations:
        title = _ref(r.dimension, labels)["title"]
        actions, referred = [], []
        for x in r.actions:
            item = {"id": x.id, "kind": x.kind, "kind_label": labels["action_kinds"][x.kind],
                    "text": x.text, "serves": _names(x.serves, a)}
            if x.id in first:
                referred.append({**item, "under": first[x.id]})
            else:
                first[x.id] = title
                actions.append(item)
        found.append({"dimension": _ref(r.dimension, labels),
                      "indicators": [_indicator(i, labels) for i in r.indicators],
                      "actions": actions, "referred": referred})
    return found


def _readiness(a: Assessment, labels: Mapping[str, Any]) -> Data:
    r = a.readiness
    sections = []
    for kind in ("precondition", "success_factor"):
        items = [{"id": i.id, "text": i.text, "status": i.status,
                  "status_label": labels["statuses"][i.status], "serves": _names(i.serves, a)}
                 for i in r.items if i.kind == kind]
        if items:
            sections.append({"kind": kind, "title": labels["readiness_kinds"][kind],
                             "items": items})
    return {"assessed": r.assessed, "counts": dict(r.counts), "sections": sections}


def _appendix(a: Assessment, labels: Mapping[str, Any], lang: str) -> Data:
    points = a.scale_max - a.scale_min + 1
    values = {"min": a.scale_min, "max": a.scale_max, "points": points,
              "sigma": num((points * points - 1) / 12, 2, lang)}
    method = [{key: fill(m.get(key, ""), values) for key in ("term", "formula", "text")}
              for m in labels["method"] if isinstance(m, dict)]
    weighted = [{"id": i.id, "text": i.text, "weight": i.weight}
                for i in a.indicators if i.weight != 1.0]
    return {
        "method": method,
        "dimension_weights": [{"id": d.id, "name": d.name, "weight": d.weight}
                              for d in a.dimensions],
        "indicator_weights": weighted,
    }


def _bars(a: Assessment, labels: Mapping[str, Any], lang: str) -> str | None:
    """The bar chart of dimension scores (None without the deliverable labels)."""
    text = labels.get("deliverable", {}).get("text")
    if text is None:
        return None
    return score_bars_svg([d.name for d in a.dimensions], [d.score for d in a.dimensions],
                          title=text["bars_title"], description=text["bars_title"],
                          missing=str(labels["text"]["no_score"]),
                          decimal="," if lang == "tr" else ".", colour="#0b3d6b",
                          id_prefix="score-bars")


def build_context(
    a: Assessment, labels: Mapping[str, Any], *, lang: str, svg_name: str,
    brand: Brand | None = None,
) -> Data:
    """Everything a report template may use, as plain data (keys: ``CONTEXT_KEYS``).

    ``labels`` are the UI strings of the report language ``lang``; ``svg_name``
    is the file name under which the Markdown report links the chart.
    """
    svg, title, description = chart_svg(a, labels, lang)
    s = a.summary
    hidden = confidential_groups(a)
    return {
        "lang": lang,
        "labels": labels,
        "sector": {"name": a.sector.name, "region": a.sector.region, "period": a.sector.period,
                   "description": a.sector.description},
        "framework": {"id": a.framework_id, "name": a.framework_name},
        "date": a.date if a.date is not None else a.sector.period,
        "method": {"id": a.method, "label": labels["methods"][a.method]},
        "scale": {"min": a.scale_min, "max": a.scale_max},
        "respondents": {
            "total": a.respondents,
            "groups": [{"id": g, "label": labels["groups"][g], "count": n}
                       for g, n in a.respondents_by_group.items() if g not in hidden]
            + ([{"id": "merged", "label": labels["deliverable"]["text"]["merged_groups"],
                 "count": sum(a.respondents_by_group[g] for g in hidden)}]
               if hidden and "deliverable" in labels else []),
        },
        "overall": {"score": a.overall, "band": _band(a.band, labels)},
        "dimensions": _dimensions(a, labels),
        "groups": [{"id": g.id, "label": labels["groups"][g.id], "respondents": g.respondents,
                    "overall": g.overall, "band": _band(g.band, labels),
                    "dimensions": [g.dimensions.get(d.id) for d in a.dimensions]}
                   for g in a.groups if g.id not in hidden],
        "summary": {
            "strongest_dimension": (_ref(s.strongest_dimension, labels)
                                    if s.strongest_dimension else None),
            "weakest_dimension": (_ref(s.weakest_dimension, labels)
                                  if s.weakest_dimension else None),
            "strongest_indicators": [_indicator(i, labels) for i in s.strongest_indicators],
            "weakest_indicators": [_indicator(i, labels) for i in s.weakest_indicators],
            "uncertain": [_indicator(i, labels) for i in s.uncertain],
            "unanswered": [_indicator(i, labels) for i in s.unanswered],
        },
        "swot": _swot(a, labels),
        "tows": _tows(a, labels),
        "recommendations": _recommendations(a, labels),
        "readiness": _readiness(a, labels),
        "evidence": evidence_context(a, labels, lang),
        "robustness": robustness_context(a, labels),
        "statistics": statistics_context(a, labels),
        "warnings": [{"code": w.code, "subjects": list(w.subjects), "message": w.message}
                     for w in a.warnings],
        "appendix": _appendix(a, labels, lang),
        "report": report_context(a, labels) if "deliverable" in labels else None,
        "brand": (brand or Brand(given=False)).as_context(),
        "bars_svg": _bars(a, labels, lang),
        "chart": {"svg": svg, "title": title, "description": description, "file": href(svg_name),
                  "alt": labels["chart"]["alt"]},
    }
