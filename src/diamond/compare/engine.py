"""Compare assessments: the method, which is a public contract.

**Standard errors.** Each point's ``se`` is the assessment's own: the bootstrap SE
when the bootstrap ran, else the analytic one (``diamond.scoring.uncertainty``).

**Significance.** ``compare.significance``: the difference ``Δ = score_b − score_a``
with its 95 % interval, p-value and method (paired when one sector's two periods have
the same respondent ids; Welch on respondents' own scores otherwise; the bootstrap of
the difference for dimension and overall scores under the median method). A change is
significant when the interval excludes 0. Each input is compared with the previous
one and with the first.

**Independent-indicator SE (kept for reference).** ``combined_se`` is the older
``√(Σ (w_i · SE_i)²) / Σ w_i``, which treats indicators as independent and so understates
a dimension's uncertainty; it is no longer used for significance.

**Summary.** Improved and declined areas (dimensions and indicators) are those with a
significant change from the first input to the last; every other area whose score
changed is listed as not significant, and those with the same score as unchanged. The
three-areas rule passes when at least ``MIN_IMPROVED_AREAS`` (3) indicators improved
significantly from the first input to the last.

**Different frameworks.** Only dimensions, and indicators, present in every input are
compared (in the first input's order), with a warning naming what was left out. Scores
are 0–100 whatever the scale, so different scales need no adjustment.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from diamond.compare import significance
from diamond.compare.model import (
    MIN_IMPROVED_AREAS,
    Area,
    AreaKind,
    Change,
    CompareWarning,
    Comparison,
    Input,
    Mode,
    Point,
    Summary,
)
from diamond.i18n import _
from diamond.scoring.bands import Band
from diamond.scoring.result import Assessment, DimensionResult, IndicatorResult

__all__ = [
    "below",
    "change",
    "combined_se",
    "compare",
    "dimension_se",
    "indicator_se",
    "overall_se",
    "point_se",
    "recent_declines",
]

Figure = tuple[float | None, Band | None, float | None, int | None]


def indicator_se(indicator: IndicatorResult, scale_min: int, scale_max: int) -> float | None:
    """``sd / √n × 100 / (max − min)``; None when ``n < 2`` or the indicator has no score."""
    if indicator.n < 2 or indicator.sd is None or indicator.score is None:
        return None
    return indicator.sd / math.sqrt(indicator.n) * 100 / (scale_max - scale_min)


def combined_se(parts: Iterable[tuple[float, float | None]]) -> float | None:
    """``√(Σ (w·SE)²) / Σ w`` over ``(weight, SE)`` pairs with a positive weight.

    None when no pair has a positive weight or any such pair has no SE. Weights are
    divided by the largest first, so their scale (1e-170 or 1e155) changes nothing.
    """
    used = [(w, se) for w, se in parts if w > 0]
    if not used or any(se is None for _, se in used):
        return None
    top = max(w for w, _ in used)
    total = math.fsum(w / top for w, _ in used)
    return math.sqrt(math.fsum((w / top * se) ** 2 for w, se in used if se is not None)) / total


def dimension_se(dimension: DimensionResult, scale_min: int, scale_max: int) -> float | None:
    """The SE of a dimension score from its scored indicators' SEs and weights."""
    return combined_se((i.weight, indicator_se(i, scale_min, scale_max))
                       for i in dimension.indicators if i.score is not None)


def overall_se(assessment: Assessment) -> float | None:
    """The SE of the overall score: the assessment's bootstrap SE, else its analytic SE."""
    s = assessment.statistics
    if s is None:
        return None
    return s.overall.se if s.overall.se is not None else s.overall_analytic.se


def point_se(assessment: Assessment, key: str, kind: AreaKind) -> float | None:
    """The SE of a dimension or indicator score (bootstrap, else analytic, else sd/√n)."""
    s = assessment.statistics
    a = assessment
    if kind == "indicator":
        found = None if s is None else s.indicators.get(key)
        if found is not None and found.se is not None:
            return found.se
        return indicator_se(a.indicator(key), a.scale_min, a.scale_max)
    if kind == "overall":
        return overall_se(a)
    stats = None if s is None else s.dimensions.get(key)
    if stats is None:
        return None
    return stats.interval.se if stats.interval.se is not None else stats.analytic.se


def change(
    before: float | None, before_se: float | None, after: float | None, after_se: float | None
) -> Change:
    """``after − before`` of two independent estimates with known SEs (normal theory).

    ``SE = √(SE_a² + SE_b²)``, 95 % interval ``Δ ± 1.96·SE``, two-sided normal p-value;
    for callers without respondent-level data. Untestable (None) without both SEs.
    """
    if before is None or after is None:
        return Change(None, None)
    delta = after - before
    if before_se is None or after_se is None:
        return Change(delta, None)
    se = math.hypot(before_se, after_se)
    half = 1.959963984540054 * se
    p = math.erfc(abs(delta) / se / math.sqrt(2)) if se > 0 else float(delta == 0)
    return Change(delta, abs(delta) > half, se, delta - half, delta + half, p, "normal")


def _points(figures: Sequence[Figure], assessments: Sequence[Assessment], key: str,
            paired: bool) -> tuple[Point, ...]:
    points: list[Point] = []
    first = figures[0]
    for k, (score, band, se, n) in enumerate(figures):
        if k == 0:
            points.append(Point(score, band, se, n, None, None))
            continue
        prev = figures[k - 1]
        a, b = assessments[k - 1], assessments[k]
        points.append(Point(
            score, band, se, n,
            significance.change(a, b, key, prev[0], score, paired=paired),
            significance.change(assessments[0], b, key, first[0], score, paired=paired),
        ))
    return tuple(points)


def _area(kind: AreaKind, id: str, name: str, dimension: str | None,
          figures: Sequence[Figure], context: tuple[Sequence[Assessment], bool],
          indicators: tuple[Area, ...] = (), number: str | None = None) -> Area:
    return Area(kind, id, name, dimension, _points(figures, context[0], id, context[1]),
                indicators, number)


def _unique(labels: list[str], extra: list[str]) -> list[str]:
    """Make column labels unique: add ``extra`` to repeated ones, then a number."""
    labels = [f"{label} — {more}" if labels.count(label) > 1 and more else label
              for label, more in zip(labels, extra, strict=True)]
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if labels.count(label) == 1 else f"{label} ({seen[label]})")
    return unique


def _columns(assessments: Sequence[Assessment]) -> tuple[Mode, list[str]]:
    """Period labels for one sector over time, else sector name and region."""
    keys = {(a.sector.name, a.sector.region) for a in assessments}
    if len(keys) == 1:
        return "period", _unique([a.sector.period for a in assessments],
                                 ["" for _ in assessments])
    labels = [f"{a.sector.name} — {a.sector.region}" for a in assessments]
    return "cluster", _unique(labels, [a.sector.period for a in assessments])


def _common(assessments: Sequence[Assessment]) -> list[tuple[str, list[str]]]:
    """The dimensions present in every input, each with its indicators present in every input."""
    found = []
    for d in assessments[0].dimensions:
        others = [{x.id: x for x in a.dimensions}.get(d.id) for a in assessments[1:]]
        if any(o is None for o in others):
            continue
        ids = [i.id for i in d.indicators
               if all(i.id in {j.id for j in o.indicators} for o in others if o is not None)]
        found.append((d.id, ids))
    return found


def _warnings(assessments: Sequence[Assessment],
              common: list[tuple[str, list[str]]]) -> list[CompareWarning]:
    kept = {d for d, _ in common} | {i for _, ids in common for i in ids}
    every: list[str] = []
    for a in assessments:
        for d in a.dimensions:
            every += [d.id, *(i.id for i in d.indicators)]
    left_out = list(dict.fromkeys(x for x in every if x not in kept))
    warnings: list[CompareWarning] = []
    frameworks = ", ".join(dict.fromkeys(a.framework_id for a in assessments))
    if left_out:
        params = {"frameworks": frameworks, "dimensions": str(len(common)),
                  "indicators": str(sum(len(ids) for _, ids in common)),
                  "left_out": ", ".join(left_out)}
        warnings.append(CompareWarning(
            "different-frameworks", params,
            _("the inputs do not share one framework ({frameworks}): only the "
              "{dimensions} dimensions and {indicators} indicators common "
              "to all are compared; left out: {left_out}").format(**params)))
    if not common:
        warnings.append(CompareWarning("no-common-dimensions", {"frameworks": frameworks},
                                       _("the inputs have no dimension in common")))
    return warnings


def _summary(dimensions: Sequence[Area]) -> Summary:
    indicators = [i for d in dimensions for i in d.indicators]
    areas = [*dimensions, *indicators]
    kind_order = {"dimension": 0, "indicator": 1}

    def chosen(verdict: str, sign: int) -> tuple[Area, ...]:
        hits = [a for a in areas if a.change.verdict == verdict]
        return tuple(sorted(hits, key=lambda a: (kind_order[a.kind],
                                                 -sign * (a.change.delta or 0.0))))

    other = tuple(a for a in areas if a.change.delta
                  and a.change.verdict not in ("improved", "declined"))
    same = tuple(a for a in areas if a.change.delta == 0)
    count = sum(1 for i in indicators if i.change.verdict == "improved")
    return Summary(chosen("improved", 1), chosen("declined", -1), other, same, count,
                   MIN_IMPROVED_AREAS, count >= MIN_IMPROVED_AREAS)


def compare(assessments: Sequence[Assessment], sources: Sequence[str] | None = None) -> Comparison:
    """Compare ``assessments`` in the order given (the first is the baseline).

    ``sources`` name the inputs (their paths), one per assessment. Raises
    ``ValueError`` for fewer than two assessments. Names of areas, the language and
    the method are the first assessment's.
    """
    if len(assessments) < 2:
        raise ValueError("a comparison needs at least two assessments")
    names = list(sources) if sources is not None else [f"#{k + 1}" for k in range(len(assessments))]
    if len(names) != len(assessments):
        raise ValueError(f"{len(names)} sources for {len(assessments)} assessments")
    mode, labels = _columns(assessments)
    inputs = tuple(Input(label, source, a.sector, a.framework_id, a.framework_name,
                         a.respondents, a.scale_min, a.scale_max)
                   for label, source, a in zip(labels, names, assessments, strict=True))
    common = _common(assessments)
    # Pairing is tried only for one sector over periods: equal ids in different clusters
    # are different people.
    context = (assessments, mode == "period")
    dimensions = []
    for dim_id, ids in common:
        indicators = []
        for ind_id in ids:
            results = [a.indicator(ind_id) for a in assessments]
            figures = [(i.score, i.band, point_se(a, ind_id, "indicator"), i.n)
                       for i, a in zip(results, assessments, strict=True)]
            indicators.append(_area("indicator", ind_id, results[0].text, dim_id, figures,
                                    context))
        dims = [a.dimension(dim_id) for a in assessments]
        dim_figures: list[Figure] = [
            (d.score, d.band, point_se(a, dim_id, "dimension"), None)
            for d, a in zip(dims, assessments, strict=True)]
        dimensions.append(_area("dimension", dim_id, dims[0].name, None, dim_figures,
                                context, tuple(indicators), dims[0].number))
    totals: list[Figure] = [(a.overall, a.band, overall_se(a), None) for a in assessments]
    overall = _area("overall", "overall", "overall", None, totals, context)
    first = assessments[0]
    return Comparison(mode, first.lang, first.method, inputs, overall, tuple(dimensions),
                      tuple(_warnings(assessments, common)), _summary(dimensions))


def below(comparison: Comparison, score: float) -> bool:
    """Whether the last input's overall score is below ``score`` (or missing)."""
    last = comparison.last_overall
    return last is None or last < score


def recent_declines(comparison: Comparison) -> tuple[Area, ...]:
    """The dimensions that declined significantly between the last two inputs."""
    return tuple(d for d in comparison.dimensions if d.last_step.verdict == "declined")
