"""Intervals, agreement, reliability and screening of an assessment (docs/method.md).

Builds the respondent × indicator array once and hands it to ``diamond.stats``:

* **bootstrap**: ``replicates`` resamples of the respondents (0: none), each scored by the
  whole pipeline (indicators, dimensions, overall; method and aggregation as chosen);
  stakeholder groups are resampled within the group. SE and 95 % percentile interval;
* **analytic SE** of a dimension (and overall) from respondents' own scores: the mean of
  the indicators they answered (indicator weights, the chosen aggregation) on 0–100,
  ``sd/√n_eff`` with Kish's effective n (``diamond.stats.analytic``);
* **agreement and reliability** per dimension (``diamond.stats.agreement``,
  ``diamond.stats.reliability``);
* **screening**: straight-liners (zero variance over ``STRAIGHT_LINE_MIN`` or more
  answers) and respondents and dimensions below ``MIN_COVERAGE`` coverage (JRC/COINr);
* **effective weights**: each dimension's correlation ratio with the overall score over
  respondents (Paruolo, Saisana & Saltelli 2013; ``diamond.stats.correlation``),
  normalised to sum to 1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from diamond.frozen import frozen
from diamond.models.questionnaire import GROUPS
from diamond.scoring.design import Design
from diamond.scoring.rows import Draws, OwnScores
from diamond.stats import analytic, bootstrap, heap, units
from diamond.stats.agreement import Agreement, agreements
from diamond.stats.bootstrap import NO_INTERVAL, Interval
from diamond.stats.composite import (
    Aggregation,
    Combine,
    aggregate,
    indicator_scores,
    mean_scores,
    weighted_tallies,
)
from diamond.stats.correlation import correlation_ratio
from diamond.stats.later import Later
from diamond.stats.reliability import Reliability, reliabilities

if TYPE_CHECKING:
    from diamond.scoring.sensitivity import Sensitivity

Array = NDArray[np.float64]
STRAIGHT_LINE_MIN = 10
MIN_COVERAGE = 0.65
BLOCK = 200  # replicates per matrix product: bounds memory on large questionnaires
#: Small questionnaires take up to this many respondent × replicate cells per product
#: instead (all 1,000 replicates at once below 400 respondents): fewer, larger products.
BLOCK_CELLS = 400_000
#: With equal weights, above this many cells per block of ``BLOCK`` (20,000 respondents),
#: blocks hold at most this many cells (16 MB of counts) instead: memory stays flat.
MAX_CELLS = 4_000_000
#: Up to this many respondents, the indicators' and the stakeholder groups' intervals are
#: made when first read (``stats.later``): a portfolio's cluster reports never read them,
#: and what they hold until then is small. Above it they are made at once, so that the
#: design's arrays are not held after ``analyse``.
DEFER_UP_TO = 2_000


@frozen
class DimensionStatistics:
    """One dimension's interval, analytic SE, agreement, reliability and effective weight."""

    interval: Interval
    analytic: Interval
    agreement: Agreement
    reliability: Reliability
    correlation_ratio: float | None
    effective_weight: float | None
    nominal_weight: float


@frozen(eq=False)
class Statistics:
    """Everything ``uncertainty.analyse`` finds; replicates kept for ``compare``."""

    replicates: int
    seed: int
    overall: Interval
    overall_analytic: Interval
    indicators: Mapping[str, Interval]
    dimensions: Mapping[str, DimensionStatistics]
    groups: Mapping[str, Mapping[str, Interval]]  # group → "overall" or dimension id
    # respondent → indicator, dimension and "overall" → own 0–100 score (None: not answered)
    respondent_scores: Mapping[str, Mapping[str, float | None]]
    respondent_weights: Mapping[str, float]
    straight_liners: tuple[str, ...]
    low_coverage_respondents: tuple[str, ...]
    low_coverage_dimensions: tuple[str, ...]
    draws: Mapping[str, tuple[float, ...]] = field(default_factory=dict)  # bootstrap replicates
    sensitivity: Sensitivity | None = None


def replicate_scores(x: Design, rows: Sequence[int], replicates: int, seed: int,
                     method: str, aggregation: Aggregation,
                     exact: Exact | None = None,
                     combine: tuple[Combine, Combine] | None = None,
                     ) -> tuple[Array, Array, Array]:
    """Bootstrap replicates (B × I, B × D, B) over the respondents in ``rows``.

    ``exact``: the design's whole-number tallies (``exact_tallies``), when it has them;
    ``combine``: the dimensions' and the overall aggregation (``combiners``), shared by
    the calls for one design.
    """
    points = x.high - x.low + 1
    n_ind = len(x.indicators)
    count = len(rows)
    mean = method == "mean"
    flat = _inputs(x, rows, mean, exact)
    parts_i, parts_d, parts_o = [], [], []
    dimensions, whole = combine if combine is not None else combiners(x, aggregation)
    size = _block_size(count, exact)
    distinct = (bootstrap.distinct(count, replicates, seed, flat.dtype.type)
                if exact is not None and size >= replicates else None)
    if distinct is not None:
        # A small group: each distinct resample scored once, then every replicate takes
        # its resample's row (whole-number products are exact at any size, and the
        # indicator scores work row by row: the same numbers); the aggregations' products
        # keep their size, so their bits.
        rows_once, index = distinct
        product = rows_once @ flat
        if mean:
            once = mean_scores(product[:, :n_ind], product[:, n_ind:], x.low, x.high)
        else:
            once = indicator_scores(np.asarray(product, dtype=np.float64).reshape(
                -1, n_ind, points), x.low, x.high, method)
        scores = once[index]
        dims = dimensions(scores)
        return scores, dims, whole(dims)[:, 0]
    for block in bootstrap.float_blocks(count, replicates, size, seed, flat.dtype.type):
        if exact is not None and mean:
            # single precision into the division, which is made in double precision on
            # the sums' exact values (no cast of the whole product first)
            product = block @ flat
            scores = mean_scores(product[:, :n_ind], product[:, n_ind:], x.low, x.high)
        else:
            product = np.asarray(block @ flat, dtype=np.float64)
            scores = indicator_scores(product.reshape(-1, n_ind, points), x.low, x.high,
                                      method)
        dims = dimensions(scores)
        overall = whole(dims)[:, 0]
        parts_i.append(scores)
        parts_d.append(dims)
        parts_o.append(overall)
    if len(parts_i) == 1:
        return parts_i[0], parts_d[0], parts_o[0]
    return np.vstack(parts_i), np.vstack(parts_d), np.concatenate(parts_o)


def _inputs(x: Design, rows: Sequence[int], mean: bool, exact: Exact | None) -> NDArray[Any]:
    """What the resampling counts of ``rows`` multiply: the whole-number tallies or the
    mean's two sums when ``exact`` has them, else the double-precision tallies."""
    if exact is not None:
        # Whole numbers: single precision is exact, and the mean needs two sums per
        # indicator instead of one tally per scale point (``diamond.stats.units``)
        flat: NDArray[Any] = exact.sums if mean else exact.tallies
    else:
        flat = x.weighted
    return flat if len(rows) == len(x.respondents) else flat[list(rows)]


def _block_size(count: int, exact: Exact | None) -> int:
    """Replicates per product for ``count`` respondents."""
    size = max(BLOCK, BLOCK_CELLS // max(count, 1))
    if count * BLOCK > MAX_CELLS and exact is not None:
        # Whole-number tallies: the product's figures do not depend on the block's size
        # (with other weights its rounding could), so memory stays flat.
        size = max(2, MAX_CELLS // count)
    return size


def combiners(x: Design, aggregation: Aggregation) -> tuple[Combine, Combine]:
    """The aggregation of indicator scores into dimensions, and of dimension scores into
    the overall score, for the replicates of ``x`` (``composite.Combine``)."""
    points = x.high - x.low + 1
    return (Combine(x.indicator_weights, x.membership, aggregation, points),
            Combine(x.dimension_weights, np.ones((len(x.dimensions), 1)), aggregation,
                    points))


class Exact:
    """A design's weights as whole numbers of units: its tallies (``n × I·K``) and the
    mean's two sums per indicator (``n × 2I``), in single precision, exact
    (``diamond.stats.units``); each made when first asked for."""

    def __init__(self, x: Design, found: NDArray[np.float32]) -> None:
        self._x, self._units = x, found

    @cached_property
    def tallies(self) -> NDArray[np.float32]:
        """``n × I·K``: each respondent's units on the scale point they gave each indicator."""
        if self._x.equal_weights:  # every unit is 1: the weights themselves
            return self._x.weighted32
        found: NDArray[np.float32] = weighted_tallies(
            self._x.answers, self._units, self._x.low, self._x.high, np.float32)
        return found

    @cached_property
    def sums(self) -> NDArray[np.float32]:
        """``n × 2I``: the mean's two sums per indicator (``units.sums``)."""
        return units.sums(self._x.answers, self._units)


def exact_tallies(x: Design) -> Exact | None:
    """The whole-number tallies of ``x``, or None when its weights or size do not allow
    them (the products are then made in double precision from ``Design.weighted``)."""
    found = units.units(x.weights)
    if found is None or not units.exact(found, x.low, x.high):
        return None
    return Exact(x, found)


def respondent_scores(x: Design, aggregation: Aggregation) -> tuple[Array, Array]:
    """Each respondent's own dimension scores (n × D) and overall score (n)."""
    points = x.high - x.low + 1
    own = (x.answers - x.low) / (x.high - x.low) * 100.0
    dims = aggregate(own, x.indicator_weights, x.membership, aggregation, points)
    overall = aggregate(dims, x.dimension_weights, np.ones((len(x.dimensions), 1)),
                        aggregation, points)[:, 0]
    return dims, overall


def _screen(x: Design) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Straight-liners (one answer throughout, ``STRAIGHT_LINE_MIN`` or more answers) and
    respondents below ``MIN_COVERAGE``, all respondents at once (comparisons only)."""
    answered = ~np.isnan(x.answers)
    counts = answered.sum(axis=1)
    highest = np.where(answered, x.answers, -np.inf).max(axis=1, initial=-np.inf)
    lowest = np.where(answered, x.answers, np.inf).min(axis=1, initial=np.inf)
    liner = (counts >= STRAIGHT_LINE_MIN) & (highest == lowest)
    thin = (counts / len(x.indicators) < MIN_COVERAGE if len(x.indicators)
            else np.zeros(len(x.respondents), dtype=bool))
    return (tuple(rid for rid, flag in zip(x.respondents, liner.tolist(), strict=True) if flag),
            tuple(rid for rid, flag in zip(x.respondents, thin.tolist(), strict=True) if flag))


def analyse(x: Design, method: str, aggregation: Aggregation, replicates: int,
            scores: Mapping[str, float | None], seed: int = bootstrap.SEED) -> Statistics:
    """The statistics of the design ``x`` of an assessment with the given ``scores``.

    ``scores`` maps dimension ids and ``"overall"`` to the assessment's own figures (the
    centre of the analytic intervals).
    """
    heap.keep()  # the temporaries' pages kept from one call to the next
    n = len(x.respondents)
    ind_iv: Mapping[str, Interval] = {i: NO_INTERVAL for i in x.indicators}
    dim_iv: list[Interval] = [NO_INTERVAL] * len(x.dimensions)
    overall_iv = NO_INTERVAL
    groups: Mapping[str, Mapping[str, Interval]] = {}
    draws: Mapping[str, tuple[float, ...]] = {}
    if replicates > 0 and n > 1:
        exact = exact_tallies(x)
        combine = combiners(x, aggregation)
        ind, dims, overall = replicate_scores(x, range(n), replicates, seed, method,
                                              aggregation, exact, combine)
        # the questionnaire's dimensions and overall, one row per statistic: what every
        # report shows (the intervals of each row are its own, however many rows)
        n_dim = len(x.dimensions)
        table = np.empty((n_dim + 1, replicates))
        table[:n_dim] = dims.T
        table[n_dim] = overall
        found = bootstrap.interval_rows(table)
        dim_iv, overall_iv = found[:n_dim], found[n_dim]
        draws = Draws((*x.dimensions, "overall"), table)

        def indicators() -> dict[str, Interval]:
            return dict(zip(x.indicators, bootstrap.interval_rows(
                np.ascontiguousarray(ind.T)), strict=True))

        def by_group() -> dict[str, Mapping[str, Interval]]:
            # their own combiners: the questionnaire's (and the arrays they keep) let go
            return _group_intervals(x, replicates, seed, method, aggregation, exact,
                                    combiners(x, aggregation))

        if n <= DEFER_UP_TO:  # made when first read (a portfolio's reports never do)
            ind_iv, groups = Later(indicators), Later(by_group)
        else:
            ind_iv, groups = indicators(), by_group()
    own_dims, own_overall = respondent_scores(x, aggregation)
    own = (x.answers - x.low) / (x.high - x.low) * 100.0
    liners, thin = _screen(x)
    complete = ~np.isnan(own_dims).any(axis=1) & ~np.isnan(own_overall)
    ratios = [correlation_ratio(own_dims[complete, d], own_overall[complete],
                                x.weights[complete]) for d in range(len(x.dimensions))]
    known = [r for r in ratios if r is not None]
    share = math.fsum(known)  # exact: the same bits on every Python
    nominal = x.dimension_weights / x.dimension_weights.sum()
    dimensions: dict[str, DimensionStatistics] = {}
    # every dimension's agreement and reliability at once (the same figures)
    cols = [np.flatnonzero(x.membership[:, d]) for d in range(len(x.dimensions))]
    agreed = agreements(x.answers, x.weights, x.low, x.high, cols)
    reliable = reliabilities(x.answers, x.weights, cols,
                             [[x.indicators[c] for c in found] for found in cols])
    for d, dim_id in enumerate(x.dimensions):
        ratio = ratios[d]
        dimensions[dim_id] = DimensionStatistics(
            dim_iv[d], analytic.interval(own_dims[:, d], x.weights, scores.get(dim_id)),
            agreed[d], reliable[d],
            ratio, None if ratio is None or share <= 0 else ratio / share, float(nominal[d]),
        )
    coverage, members = _coverages(x)
    thin_dims = tuple(d for k, d in enumerate(x.dimensions)
                      if members[k] > 0 and coverage[k] < MIN_COVERAGE)
    return Statistics(
        replicates if n > 1 else 0, seed, overall_iv,
        analytic.interval(own_overall, x.weights, scores.get("overall")), ind_iv, dimensions,
        groups,
        _own_scores(x, own, own_dims, own_overall),
        dict(zip(x.respondents, x.weights.tolist(), strict=True)),
        liners, thin, thin_dims, draws,
    )


def _group_intervals(x: Design, replicates: int, seed: int, method: str,
                     aggregation: Aggregation, exact: Exact | None,
                     combine: tuple[Combine, Combine]) -> dict[str, Mapping[str, Interval]]:
    """Each stakeholder group's (of two or more respondents) dimension and overall
    intervals, its respondents resampled within the group (seed ``seed + 1 +`` the group's
    place in ``GROUPS``), group by group: scoring the groups stacked in one array was no
    faster (its temporaries no longer fit in the cache; benchmarks/RESULTS.md, round
    six)."""
    n_dim = len(x.dimensions)
    parts = [(name, rows, seed + 1 + g) for g, name in enumerate(GROUPS)
             if len(rows := x.members.get(name, [])) >= 2]
    table = np.empty(((n_dim + 1) * len(parts), replicates))
    at = 0
    for _, rows, part_seed in parts:
        _, dims, overall = replicate_scores(x, rows, replicates, part_seed, method,
                                            aggregation, exact, combine)
        table[at:at + n_dim] = dims.T
        table[at + n_dim] = overall
        at += n_dim + 1
    found = bootstrap.interval_rows(table)
    groups: dict[str, Mapping[str, Interval]] = {}
    at = 0
    for name, _, _ in parts:
        mine = dict(zip(x.dimensions, found[at:at + n_dim], strict=True))
        mine["overall"] = found[at + n_dim]
        groups[name] = mine
        at += n_dim + 1
    return groups


def _coverages(x: Design) -> tuple[list[float], list[float]]:
    """Each dimension's share of its indicators that someone answered, and its number of
    indicators: whole-number counts divided by that number, as the mean of the answered
    flags of its indicators (an empty dimension's share is not used)."""
    answered = (~np.isnan(x.answers)).any(axis=0).astype(np.float64)
    counts = answered @ x.membership  # whole numbers: exact in any order
    members = x.membership.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / members
    return share.tolist(), members.tolist()


def _own_scores(x: Design, own: Array, own_dims: Array, own_overall: Array) -> OwnScores:
    """respondent → indicator, dimension and "overall" → own score (None: not answered)."""
    keys = (*x.indicators, *x.dimensions, "overall")
    rows = (np.column_stack([own, own_dims, own_overall]) if len(x.respondents)
            else np.zeros((0, len(keys))))
    return OwnScores(x.respondents, keys, rows)
