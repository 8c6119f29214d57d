"""Score a questionnaire against its framework: the method, which is a public contract.

**Indicators.** Each indicator's answers are combined with the respondents'
weights; a missing or ``null`` answer is left out, never counted as zero.
With ``n`` answers ``x`` and weights ``w``:

* mean ``m = Σw·x / Σw``;
* weighted median: the smallest ``x`` whose cumulative weight (answers in
  ascending order) reaches half the total weight; when it reaches exactly
  half, the mean of that ``x`` and the next larger answer (with equal weights
  this is the ordinary median);
* variance ``s² = Σw(x − m)² / Σw × n/(n − 1)`` for ``n ≥ 2`` (Bessel-corrected
  on the number of answers: the ordinary sample variance when weights are
  equal), ``sd = √s²``, and ``sd = 0`` for ``n = 1``;
* agreement ``r_wg = 1 − s²/σ²_EU`` with ``σ²_EU = (A² − 1)/12`` and
  ``A = max − min + 1`` points on the scale, truncated to [0, 1]; none when
  ``n < 2``;
* score ``(v − min) / (max − min) × 100``, where ``v`` is the mean (method
  ``mean``, the default) or the weighted median (method ``median``).

An indicator is *uncertain* when ``n < 3`` (``few-answers``) or
``r_wg < 0.5`` (``low-agreement``). An indicator nobody answered has ``n = 0``
and no score.

**Dimensions.** The weighted mean of the scores of its answered indicators,
with the questionnaire's indicator weights (default 1; weight 0 leaves an
indicator out). Coverage is answered indicators / indicators in the dimension.
No answered indicator with a positive weight: no score.

**Overall.** The weighted mean of the dimension scores, with the
questionnaire's dimension weights (default 1); dimensions without a score are
left out. Nothing left: no score.

**Aggregation.** ``arithmetic`` (the default) as above; ``geometric`` takes the
weighted geometric mean of scale positions ``p = 1 + score·(A − 1)/100`` (so a score
of 0 stays defined) and maps it back to 0–100, for dimensions and overall alike: an
unbalanced diamond scores lower than a balanced one with the same arithmetic mean.
Geometric figures are floating point.

**Bands.** On the score rounded to one decimal: below 40 weak, below 60
moderate, below 80 strong, otherwise leading.

**Stakeholder groups.** For every group present, the same computation on that
group's respondents alone; per dimension, the spread is the highest minus the
lowest group score (none when fewer than two groups have a score).

All arithmetic is exact (rational numbers) until the final conversion to
floating point, so results do not depend on the order of respondents.

**Evidence and robustness**: see ``diamond.scoring.evidence`` and ``diamond.scoring.robustness``.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from diamond.frameworks import Catalogue
from diamond.frozen import frozen
from diamond.i18n import _
from diamond.models.questionnaire import GROUPS, Group, Questionnaire, Respondent, Scale
from diamond.models.text import Language
from diamond.scoring import analysis, evidence, robustness, support, swot, tows
from diamond.scoring.bands import band_for
from diamond.scoring.counts import Counted, collect
from diamond.scoring.records import as_float as _float
from diamond.scoring.records import dimension_results, groups
from diamond.scoring.records import is_low as _low
from diamond.scoring.records import reasons_of as _reasons
from diamond.scoring.result import (
    AGGREGATIONS,
    METHODS,
    Aggregation,
    Assessment,
    DimensionResult,
    Method,
    Reason,
    SectorInfo,
)
from diamond.scoring.stats import normalise, rwg, summary_of_counts, weighted_mean
from diamond.scoring.weighting import Weighting, mean_in_units, weighting_of

if TYPE_CHECKING:
    from diamond.scoring.exact import Row
    from diamond.scoring.matrix import Tally
    from diamond.scoring.records import Exact

DEFAULT_REPLICATES = 1000
DEFAULT_SAMPLES = 1024


@frozen
class Figures:
    """One indicator's exact statistics."""

    n: int
    mean: Fraction | None
    median: Fraction | None
    variance: Fraction | None
    rwg: Fraction | None
    score: Fraction | None


@frozen
class Scores:
    """Exact indicator, dimension and overall scores for a set of respondents."""

    indicators: dict[str, Figures]
    dimensions: dict[str, Fraction | None]
    overall: Fraction | None


def check_aggregation(aggregation: str) -> Aggregation:
    """``aggregation`` as an ``Aggregation``; ``ValueError`` unless arithmetic or geometric."""
    for known in AGGREGATIONS:
        if aggregation == known:
            return known
    raise ValueError(_("unknown aggregation '{aggregation}'; use one of: {known}").format(
        aggregation=aggregation, known=", ".join(AGGREGATIONS)))


def check_method(method: str) -> Method:
    """``method`` as a ``Method``; ``ValueError`` unless it is ``mean`` or ``median``."""
    for known in METHODS:
        if method == known:
            return known
    raise ValueError(_("unknown scoring method '{method}'; use one of: {known}").format(
        method=method, known=", ".join(METHODS)))


def indicator_figures(
    answers: Sequence[tuple[int, float]], scale: Scale, method: Method, *, full: bool = True
) -> Figures:
    """The statistics of one indicator's ``(answer, respondent weight)`` pairs.

    With ``full=False`` only the score (and the statistic it rests on) is computed,
    which is all a stakeholder group's breakdown needs.
    """
    return counted_figures(Counter(answers), scale, method, full=full)


def counted_figures(
    counted: Mapping[tuple[int, float], int], scale: Scale, method: Method, *, full: bool = True
) -> Figures:
    """``indicator_figures`` of ``(answer, respondent weight) → how many`` counts."""
    n = sum(counted.values())
    mean, median, variance = summary_of_counts(
        counted, mean=full or method == "mean", median=full or method == "median",
        variance=full)
    value = mean if method == "mean" else median
    score = None if value is None else normalise(value, scale.min, scale.max)
    return Figures(n, mean, median, variance, rwg(variance, n, scale.points), score)


def score_respondents(
    respondents: Sequence[Respondent], questionnaire: Questionnaire, catalogue: Catalogue,
    method: Method,
    *,
    full: bool = True,
    aggregation: str = "arithmetic",
) -> Scores:
    """Indicator, dimension and overall scores from ``respondents``' answers."""
    answers = collect(respondents, catalogue)
    return score_counted({i: Counter(pairs) for i, pairs in answers.items()}, questionnaire,
                         catalogue, method, full=full, aggregation=aggregation)


def score_counted(
    counted: Counted, questionnaire: Questionnaire, catalogue: Catalogue, method: Method,
    *,
    full: bool = True,
    aggregation: str = "arithmetic",
) -> Scores:
    """``score_respondents`` from answers already counted (``counts.count_by_group``)."""
    scale = questionnaire.scale
    figures = {i: counted_figures(counted[i], scale, method, full=full) for i in counted}
    return scores_of(figures, questionnaire, catalogue, aggregation)


def scores_of(figures: dict[str, Figures], questionnaire: Questionnaire, catalogue: Catalogue,
              aggregation: str = "arithmetic", weighting: Weighting | None = None) -> Scores:
    """The dimension and overall scores of the indicators' ``figures`` (``weighting``: the
    questionnaire's weights made once for several sets of figures)."""
    if weighting is None:
        weighting = Weighting(questionnaire, catalogue)
    if aggregation != "geometric" and weighting.whole:
        dimensions = {d: mean_in_units([figures[i].score for i in ids], units)
                      for d, ids, _, units in weighting.dimensions}
        overall = mean_in_units(list(dimensions.values()), weighting.overall_units)
        return Scores(figures, dimensions, overall)
    points = questionnaire.scale.points
    dimensions = {d: _mean_of(zip([figures[i].score for i in ids], given, strict=True),
                              aggregation, points)
                  for d, ids, given, _ in weighting.dimensions}
    overall = _mean_of(zip(dimensions.values(), weighting.overall, strict=True), aggregation,
                       points)
    return Scores(figures, dimensions, overall)


def _mean_of(scored: Iterable[tuple[Fraction | None, float]], aggregation: str = "arithmetic",
             points: int = 5) -> Fraction | None:
    present = [(s, w) for s, w in scored if s is not None]
    if aggregation == "geometric":
        return _geometric_of(present, points)
    return weighted_mean([s for s, _ in present], [w for _, w in present])


def _geometric_of(present: list[tuple[Fraction, float]], points: int) -> Fraction | None:
    top = max((w for _, w in present), default=0.0)
    used = [(s, w / top) for s, w in present if w > 0]
    if not used:
        return None
    total = math.fsum(w for _, w in used)
    logs = math.fsum(w * math.log(1 + float(s) * (points - 1) / 100) for s, w in used)
    return Fraction(max(0.0, (math.exp(logs / total) - 1) * 100 / (points - 1)))


def reasons(figures: Figures) -> tuple[Reason, ...]:
    """Why an answered indicator's score is uncertain (empty when it is not, or unanswered)."""
    return _reasons(figures.n, _low(figures.rwg))


def _row(f: Figures) -> Row:
    """``f`` as its indicator's record shows it (``exact.Row``)."""
    return (f.n, _float(f.mean), _float(f.median),
            None if f.variance is None else math.sqrt(
                f.variance.numerator / f.variance.denominator),
            _float(f.rwg), _float(f.score), _low(f.rwg))


def _scored(
    questionnaire: Questionnaire, catalogue: Catalogue, method: Method, aggregation: str,
    weighting: Weighting, tally: Tally, present: Sequence[int],
) -> tuple[tuple[dict[str, Row], Mapping[str, Exact | None], Exact | None],
           dict[Group, tuple[Mapping[str, Exact | None], Exact | None]]]:
    """The whole's indicator records' figures (``exact.Row``), dimension and overall
    scores, and each present group's (``present``: indices into ``GROUPS``) dimension and
    overall scores."""
    from diamond.scoring import exact, matrix  # numpy: only when scoring

    scale = questionnaire.scale
    indicators = list(catalogue.indicators)
    sums = exact.sums(tally, scale, present)
    if sums is None:  # weights whose integer sums double precision cannot hold exactly
        found = [
            {i: counted_figures(c, scale, method, full=part is None)
             for i, c in matrix.counted(tally, indicators, scale.min, part).items()}
            for part in (None, *([k] for k in present))]
    elif (method == "mean" and aggregation != "geometric" and weighting.whole
          and scale.max > scale.min):
        # the means straight from the integer sums (the same exact fractions and the
        # same floats); no indicator figures are made as fractions then
        span = scale.max - scale.min
        whole = (exact.mean_rows(sums, indicators, scale),
                 *exact.mean_scores(sums, 0, weighting, scale.min, span))
        return whole, {GROUPS[k]: exact.mean_scores(sums, s, weighting, scale.min, span)
                       for s, k in enumerate(present, start=1)}
    else:
        found = exact.figures(sums, indicators, scale, method)
    scores = scores_of(found[0], questionnaire, catalogue, aggregation, weighting)
    by_group: dict[Group, tuple[Mapping[str, Exact | None], Exact | None]] = {}
    for k, f in zip(present, found[1:], strict=True):
        group = scores_of(f, questionnaire, catalogue, aggregation, weighting)
        by_group[GROUPS[k]] = group.dimensions, group.overall
    return ({i: _row(f) for i, f in scores.indicators.items()}, scores.dimensions,
            scores.overall), by_group


def assess(
    questionnaire: Questionnaire,
    catalogue: Catalogue,
    method: str = "mean",
    *,
    lang: Language | None = None,
    date: str | None = None,
    aggregation: str = "arithmetic",
    bootstrap: int = DEFAULT_REPLICATES,
    sensitivity_samples: int = DEFAULT_SAMPLES,
) -> Assessment:
    """Score ``questionnaire`` against ``catalogue`` and analyse the result.

    ``method`` is ``"mean"`` or ``"median"`` (``ValueError`` otherwise); ``lang``
    overrides the questionnaire's report language; ``date`` is passed through to
    the report as given. The questionnaire is expected to have passed the
    loader's checks: answers to unknown indicators are ignored, SWOT items with
    unknown ids are unclassified, unknown readiness ids are ignored. ``aggregation``
    is ``"arithmetic"`` or ``"geometric"``; ``bootstrap`` is the number of bootstrap
    replicates (0: analytic standard errors only); ``sensitivity_samples`` the base
    samples of the Sobol sensitivity analysis (0: none).
    """
    chosen = check_method(method)
    how = check_aggregation(aggregation)
    if bootstrap < 0:
        raise ValueError(_("the number of bootstrap replicates cannot be negative ({count})")
                         .format(count=bootstrap))
    language: Language = lang if lang is not None else questionnaire.sector.language
    # numpy: loaded only when scoring, never by `diamond validate` or `--version`
    from diamond.scoring import design, matrix, sensitivity, uncertainty

    answers = matrix.of(questionnaire, catalogue)
    tally = matrix.tally(answers, questionnaire.scale.points)
    sizes = answers.sizes()
    present = [k for k, g in enumerate(GROUPS) if g in sizes]
    weighting = weighting_of(questionnaire, catalogue)
    (rows, dimension_scores, whole), by_group = _scored(
        questionnaire, catalogue, chosen, how, weighting, tally, present)
    points = tally.by_point()
    dimensions = dimension_results(rows, dimension_scores, questionnaire, catalogue,
                                   language, points)
    group_results, spread = groups(catalogue, by_group, sizes)
    overall = _float(whole)
    robust = robustness.analyse(questionnaire, catalogue, chosen, answers, tally)
    x = design.from_matrix(answers, questionnaire, catalogue)
    figures = {d.id: d.score for d in dimensions} | {"overall": overall}
    statistics = dataclasses.replace(
        uncertainty.analyse(x, chosen, how, bootstrap, figures),
        sensitivity=sensitivity.analyse(x, sensitivity_samples))
    swot_result = swot.analyse(questionnaire, catalogue)
    sector = questionnaire.sector
    return Assessment(
        sector=SectorInfo(sector.name, sector.region, sector.period, sector.language,
                          sector.description),
        framework_id=catalogue.framework.id,
        framework_name=catalogue.framework.name.get(language),
        method=chosen,
        lang=language,
        scale_min=questionnaire.scale.min,
        scale_max=questionnaire.scale.max,
        date=date,
        respondents=len(answers),
        respondents_by_group=sizes,
        overall=overall,
        band=band_for(overall),
        dimensions=dimensions,
        groups=group_results,
        group_spread=spread,
        swot=swot_result,
        summary=support.qualify(analysis.summarise(overall, dimensions), dimensions, robust,
                                statistics),
        tows=tows.prompts(dimensions, swot_result),
        recommendations=analysis.recommend(dimensions, catalogue, language),
        readiness=analysis.readiness(questionnaire, catalogue, language),
        warnings=analysis.warnings(questionnaire, catalogue, dimensions, group_results, language,
                                   silent=answers.silent()),
        evidence=_evidence(questionnaire, dimensions),
        robustness=robust,
        aggregation=how,
        statistics=statistics,
        report=questionnaire.report,
    )


def _evidence(
    questionnaire: Questionnaire, dimensions: tuple[DimensionResult, ...]
) -> evidence.EvidenceResult | None:
    """The evidence block's figures beside the perceived dimension and indicator scores."""
    if questionnaire.evidence is None:
        return None
    perceived = {d.id: d.score for d in dimensions}
    perceived.update({i.id: i.score for d in dimensions for i in d.indicators})
    return evidence.analyse(questionnaire.evidence, perceived)
