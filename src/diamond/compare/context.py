"""The comparison template context: a ``Comparison`` as plain dicts, lists, strings and numbers.

As with ``diamond.render.context``, nothing live reaches a template. Texts are raw;
templates escape them (HTML autoescaping, ``md_text``/``md_cell`` for Markdown).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from diamond.compare.model import Area, Change, Comparison, Point
from diamond.render.chart import Axis, Series, diamond_svg
from diamond.render.filters import fill, filters_for, num
from diamond.render.line_chart import Line, line_svg
from diamond.safetext import href

__all__ = ["build_compare_context", "compare_filters", "delta"]

Data = dict[str, Any]
_DASH = "–"


def delta(value: Any, digits: int = 1, lang: str = "en") -> str:
    """A change with its sign: ``+4.1``, ``−3.2`` (a true minus), ``0.0``; ``–`` if missing."""
    shown = num(value, digits, lang)
    if shown == _DASH:
        return shown
    if shown.startswith("-"):
        return "−" + shown[1:]
    return shown if shown.strip("0.,") == "" else "+" + shown


def compare_filters(lang: str) -> dict[str, Callable[..., Any]]:
    """The report filters for ``lang`` plus ``delta`` (a signed decimal number)."""

    def delta_filter(value: Any, digits: int = 1) -> str:
        return delta(value, digits, lang)

    return {**filters_for(lang), "delta": delta_filter}


def band(value: str | None, labels: Mapping[str, Any]) -> Data:
    """A band as ``{id, label}``; the label says "no score" when there is none."""
    return {"id": value, "label": labels["bands"][value] if value else labels["text"]["no_score"]}


def _change(c: Change | None, labels: Mapping[str, Any]) -> Data | None:
    if c is None or c.verdict is None:
        return None
    verdict = c.verdict
    return {"delta": c.delta, "se": c.se,
            "ci": None if c.low is None else {"low": c.low, "high": c.high, "level": 0.95},
            "p": c.p, "method": c.method, "significant": c.significant,
            "verdict": verdict, "label": labels["verdicts"][verdict],
            "symbol": labels["symbols"][verdict]}


def _point(p: Point, labels: Mapping[str, Any]) -> Data:
    return {"score": p.score, "band": band(p.band, labels), "se": p.se, "n": p.n,
            "previous": _change(p.from_previous, labels), "first": _change(p.from_first, labels)}


def _row(a: Area, labels: Mapping[str, Any]) -> Data:
    title = f"{a.number} {a.name}" if a.number else a.name
    if a.kind == "overall":
        title = labels["columns"]["overall"]
    return {"kind": a.kind, "id": a.id, "name": a.name, "title": title,
            "points": [_point(p, labels) for p in a.points], "change": _change(a.change, labels),
            "indicators": [_row(i, labels) for i in a.indicators]}


def _ref(a: Area, labels: Mapping[str, Any]) -> Data:
    return {"kind": a.kind, "kind_label": labels["kinds"][a.kind], "id": a.id, "name": a.name,
            "change": _change(a.change, labels)}


def _score_words(score: float | None, labels: Mapping[str, Any], lang: str) -> str:
    return str(labels["text"]["no_score"]) if score is None else num(score, 1, lang)


def _charts(c: Comparison, labels: Mapping[str, Any], lang: str, files: Mapping[str, str],
            heading: str) -> Data:
    chart = labels["charts"]
    names = [i.label for i in c.inputs]
    lines = [Line(d.name, [p.score for p in d.points]) for d in c.dimensions]
    trend = "; ".join(
        f"{d.name}: " + " → ".join(_score_words(p.score, labels, lang) for p in d.points)
        for d in c.dimensions) or labels["text"]["none"]
    lines_title = fill(chart["lines_title"], {"heading": heading})
    lines_desc = fill(chart["lines_description"], {"inputs": ", ".join(names), "lines": trend})
    axes = [Axis(d.id, d.name) for d in c.dimensions]
    series = [Series(i.label, {d.id: d.points[k].score for d in c.dimensions}, "group")
              for k, i in enumerate(c.inputs)]
    overall = "; ".join(f"{i.label} {_score_words(c.overall.points[k].score, labels, lang)}"
                        for k, i in enumerate(c.inputs))
    diamond_title = fill(chart["diamond_title"], {"heading": heading})
    diamond_desc = fill(chart["diamond_description"], {"overall": overall, "lines": trend})
    return {
        "lines": {"svg": line_svg(names, lines, title=lines_title, description=lines_desc,
                                  legend_title=chart["legend_dimensions"],
                                  id_prefix="compare-lines"),
                  "title": lines_title, "description": lines_desc,
                  "file": href(files["lines"]), "alt": chart["lines_alt"]},
        "diamond": {"svg": diamond_svg(axes, series, title=diamond_title,
                                       description=diamond_desc,
                                       legend_title=chart["legend_inputs"],
                                       id_prefix="compare-diamond"),
                    "title": diamond_title, "description": diamond_desc,
                    "file": href(files["diamond"]), "alt": chart["diamond_alt"]},
    }


def _heading(c: Comparison, labels: Mapping[str, Any]) -> str:
    first, last = c.inputs[0], c.inputs[-1]
    if c.mode == "period":
        return fill(labels["text"]["heading_period"],
                    {"sector": first.sector.name, "region": first.sector.region,
                     "first": first.label, "last": last.label})
    return fill(labels["text"]["heading_cluster"], {"n": len(c.inputs)})


def build_compare_context(c: Comparison, labels: Mapping[str, Any], *,
                          files: Mapping[str, str]) -> Data:
    """Everything a comparison template may use, as plain data.

    ``labels`` are the comparison labels of ``c.lang``; ``files`` maps ``lines`` and
    ``diamond`` to the SVG file names the Markdown report links.
    """
    lang = c.lang
    heading = _heading(c, labels)
    s = c.summary
    values = {"threshold": s.rule_threshold, "count": s.improved_indicators}
    return {
        "lang": lang,
        "labels": labels,
        "mode": c.mode,
        "heading": heading,
        "method": {"id": c.method, "label": labels["methods"][c.method]},
        "inputs": [{"label": i.label, "source": i.source, "name": i.sector.name,
                    "region": i.sector.region, "period": i.sector.period,
                    "framework": {"id": i.framework_id, "name": i.framework_name},
                    "respondents": i.respondents,
                    "scale": {"min": i.scale_min, "max": i.scale_max}} for i in c.inputs],
        "overall": _row(c.overall, labels),
        "dimensions": [_row(d, labels) for d in c.dimensions],
        "indicator_count": len(c.indicators),
        "summary": {
            "improved": [_ref(a, labels) for a in s.improved],
            "declined": [_ref(a, labels) for a in s.declined],
            "not_significant": [_ref(a, labels) for a in s.not_significant],
            "unchanged": [_ref(a, labels) for a in s.unchanged],
            "rule": {"count": s.improved_indicators, "threshold": s.rule_threshold,
                     "passed": s.rule_passed,
                     "text": fill(labels["text"]["rule_passed" if s.rule_passed
                                                 else "rule_failed"], values)},
        },
        "warnings": [fill(labels["warnings"][w.code], w.params) for w in c.warnings],
        "charts": _charts(c, labels, lang, files, heading),
        "appendix": [{key: str(m.get(key, "")) for key in ("term", "formula", "text")}
                     for m in labels["method"] if isinstance(m, dict)],
    }
