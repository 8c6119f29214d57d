"""Scoring over the respondent × indicator array (issue #16, target 3).

The arrays must give exactly what the respondent objects give: the exact counts, the
table's columns (``TableRespondents``) against the same respondents made as objects, the
bootstrap's counts whatever the block size and precision, and the respondents' own scores.
"""

from __future__ import annotations

import random
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from diamond.answers.columns import TableRespondents
from diamond.answers.table import read_respondents
from diamond.frameworks import builtin
from diamond.limits import Limits
from diamond.loader import load_questionnaire, require_valid
from diamond.models.questionnaire import GROUPS, Questionnaire, Scale
from diamond.scoring import assess, exact, matrix, records, to_json_dict, uncertainty
from diamond.scoring.counts import count_by_group
from diamond.scoring.design import design
from diamond.scoring.engine import counted_figures
from diamond.scoring.result import Method
from diamond.stats import analytic, bootstrap

CAT = builtin("stm-2015")
INDICATORS = list(CAT.indicators)


def make(people: list[dict[str, Any]]) -> Questionnaire:
    return Questionnaire.model_validate({
        "diamond": 1,
        "sector": {"name": "Test", "region": "Ankara", "period": "2024", "language": "en"},
        "respondents": people,
    })


def people(n: int, seed: int, weights: tuple[float, ...] = (1.0,)) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [{"id": f"r{rng.randint(0, 10**6):07d}-{k}", "group": rng.choice(GROUPS),
             "weight": rng.choice(weights),
             "answers": {i: (None if rng.random() < 0.1 else rng.randint(1, 5))
                         for i in INDICATORS if rng.random() < 0.9}}
            for k in range(n)]


@pytest.mark.parametrize("weights", [(1.0,), (0.1, 0.25, 1 / 3, 2.0), (5e-324, 1.0, 1e6)])
def test_counts_from_the_array_are_the_counts_of_the_objects(
    weights: tuple[float, ...],
) -> None:
    q = make(people(80, seed=3, weights=weights))
    m = matrix.of(q, CAT)
    tally = matrix.tally(m, q.scale.points)
    by_group = count_by_group(q.respondents, CAT)
    for k, group in enumerate(GROUPS):
        if group in by_group:
            assert matrix.counted(tally, INDICATORS, q.scale.min, [k]) == by_group[group]
    assert m.sizes() == dict(Counter(r.group for r in q.respondents)) | {} and list(
        m.sizes()) == [g for g in GROUPS if g in m.sizes()]
    assert m.silent() == [r.id for r in q.respondents
                          if not any(v is not None for v in r.answers.values())]


@pytest.mark.parametrize("weights", [(1.0,), (0.3, 0.7, 1.1), (0.5, 1.5, 2.0), (1e6,),
                                     (0.1, 0.25, 1 / 3, 2.0)])
@pytest.mark.parametrize("method", ["mean", "median"])
def test_exact_figures_from_the_tally_are_the_counted_figures(
    weights: tuple[float, ...], method: Method,
) -> None:
    """``exact.figures`` of ``exact.sums`` (whole and groups at once) is
    ``counted_figures`` of the counts, value for value (a group's number of answers and
    score), ties of the median at exactly half included; weights whose integer sums
    would not be exact in double precision are left to the counting path (None)."""
    for seed, n in enumerate([1, 2, 3, 4, 6, 9, 40, 120]):
        q = make(people(n, seed=seed, weights=weights))
        m = matrix.of(q, CAT)
        t = matrix.tally(m, q.scale.points)
        present = [k for k, g in enumerate(GROUPS) if g in m.sizes()]
        sums = exact.sums(t, q.scale, present)
        found = None if sums is None else exact.figures(sums, INDICATORS, q.scale, method)
        if exact.weight_units(t.weights) is None or max(exact.weight_units(t.weights) or [0]) * (
                int(t.counts.sum()) * 25) >= exact.EXACT:
            assert found is None
            continue
        assert found is not None and len(found) == len(present) + 1
        for part, figures in zip([None, *([k] for k in present)], found, strict=True):
            expected = {i: counted_figures(c, q.scale, method, full=part is None)
                        for i, c in matrix.counted(t, INDICATORS, q.scale.min, part).items()}
            assert list(figures) == list(expected)
            if part is None:
                assert figures == expected
            else:  # a group's: the number of answers and the score
                assert {i: (f.n, f.score) for i, f in figures.items()} == {
                    i: (f.n, f.score) for i, f in expected.items()}


@pytest.mark.parametrize("weights", [(1.0,), (0.3, 0.7, 1.1), (0.1, 0.25, 0.5, 2.0)])
@pytest.mark.parametrize("given", [
    {}, {"indicators": {INDICATORS[1]: 0.0, INDICATORS[2]: 2.5, INDICATORS[9]: 1 / 3},
         "dimensions": {"factor": 0.0, "demand": 0.25}}])
def test_mean_scores_from_the_sums_are_the_scores_of_the_figures(
    weights: tuple[float, ...], given: dict[str, Any],
) -> None:
    """``exact.mean_scores`` (one fraction per dimension from the integer sums) gives the
    exact dimension and overall scores ``scores_of`` makes of the figures' mean scores,
    for the whole and each group, zero and fractional indicator and dimension weights
    and indicators nobody answered included."""
    from diamond.scoring.engine import scores_of
    from diamond.scoring.weighting import Weighting

    for seed, n in enumerate([1, 2, 5, 40]):
        crowd = people(n, seed=seed, weights=weights)
        for person in crowd:
            person["answers"].pop(INDICATORS[0], None)  # nobody answers the first
        q = make(crowd)
        q = q.model_copy(update={"weights": q.weights.model_validate(given)})
        m = matrix.of(q, CAT)
        t = matrix.tally(m, q.scale.points)
        present = [k for k, g in enumerate(GROUPS) if g in m.sizes()]
        sums = exact.sums(t, q.scale, present)
        assert sums is not None
        weighting = Weighting(q, CAT)
        for s in range(len(present) + 1):
            expected = scores_of(exact.figures_of(sums, s, INDICATORS, q.scale, "mean"), q,
                                 CAT, "arithmetic", weighting)
            dimensions, overall = exact.mean_scores(sums, s, weighting, q.scale.min,
                                                    q.scale.max - q.scale.min)
            # the same exact values (``Ratio``s, not reduced), so the same floats
            assert {d: _exact(v) for d, v in dimensions.items()} == expected.dimensions
            assert _exact(overall) == expected.overall
            assert [records.as_float(v) for v in dimensions.values()] == [
                float(v) if v is not None else None for v in expected.dimensions.values()]
            assert records.as_float(overall) == (
                None if expected.overall is None else float(expected.overall))


def _exact(value: exact.Ratio | None) -> Fraction | None:
    if value is None:
        return None
    assert value.denominator > 0
    return Fraction(value.numerator, value.denominator)


@pytest.mark.parametrize("weights", [(1.0,), (0.3, 0.7, 1.1), (0.1, 0.25, 0.5, 2.0), (1e6,)])
@pytest.mark.parametrize("scale", [(1, 5), (1, 2), (-3, 7), (0, 100)])
def test_mean_rows_from_the_sums_are_the_figures_as_floats(
    weights: tuple[float, ...], scale: tuple[int, int],
) -> None:
    """``exact.mean_rows`` (floats and the low-agreement flag straight from the integer
    sums) is what the indicator records made of ``figures_of``'s exact fractions, bit for
    bit: one answer, no spread, full disagreement, nobody answering included."""
    from diamond.scoring.engine import _row

    low, high = scale
    for seed, n in enumerate([1, 2, 3, 5, 40, 120]):
        rng = random.Random(seed)
        crowd = people(n, seed=seed, weights=weights)
        for k, person in enumerate(crowd):
            person["answers"] = {i: (None if v is None else rng.choice(
                [low, high, low + (high - low) // 2, rng.randint(low, high)]))
                for i, v in person["answers"].items()}
            person["answers"][INDICATORS[0]] = high  # no spread
            person["answers"][INDICATORS[1]] = low if k % 2 else high  # both ends
            person["answers"].pop(INDICATORS[2], None)  # nobody answers
        q = make(crowd).model_copy(update={"scale": Scale(min=low, max=high)})
        m = matrix.of(q, CAT)
        t = matrix.tally(m, q.scale.points)
        sums = exact.sums(t, q.scale, [])
        if sums is None:
            continue
        rows = exact.mean_rows(sums, INDICATORS, q.scale)
        expected = {i: _row(f) for i, f in exact.figures_of(
            sums, 0, INDICATORS, q.scale, "mean").items()}
        assert repr(rows) == repr(expected)


def test_sparse_counting_gives_the_dense_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    q = make(people(50, seed=4, weights=(0.5, 1.0, 1.5)))
    m = matrix.of(q, CAT)
    dense = matrix.tally(m, 5)
    monkeypatch.setattr(matrix, "DENSE_CELLS", 0)
    sparse = matrix.tally(m, 5)
    assert np.array_equal(sparse.keys, dense.keys)
    assert np.array_equal(sparse.counts, dense.counts)
    assert sparse.by_point() == dense.by_point()
    assert sum(map(sum, dense.by_point())) == int(m.answered.sum())


def _table(tmp_path: Path, q: Questionnaire) -> Path:
    lines = ["id,group,weight," + ",".join(INDICATORS)]
    for r in q.respondents:
        cells = ["" if r.answers.get(i) is None else str(r.answers[i]) for i in INDICATORS]
        lines.append(f"{r.id},{r.group},{r.weight!r}," + ",".join(cells))
    path = tmp_path / "answers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_table_columns_are_the_respondents_made_as_objects(tmp_path: Path) -> None:
    q = make(people(40, seed=5, weights=(1.0, 0.5)))
    path = _table(tmp_path, q)
    read = read_respondents(path.read_bytes(), "answers.csv", CAT, (1, 5), Limits())
    assert read.ok
    lazy = read.respondents
    assert isinstance(lazy, TableRespondents)
    plain = read_respondents(path.read_bytes(), "answers.csv", CAT, (1, 5), Limits(),
                             build=False)
    # the arrays, before any object is made
    from_columns = lazy.matrix(INDICATORS, 1)
    assert lazy._made is None
    assert len(lazy) == 40
    # then the objects, equal to the rows the reader keeps without building
    assert [(r.id, r.group, r.weight, *[r.answers[i] for i in INDICATORS]) for r in lazy] == [
        tuple(row) for row in plain.rows]
    from_objects = matrix.from_respondents(list(lazy), INDICATORS, 1)
    assert from_columns.ids == from_objects.ids and from_columns.weights == from_objects.weights
    assert np.array_equal(from_columns.codes, from_objects.codes)
    assert np.array_equal(from_columns.groups, from_objects.groups)
    # list-like behaviour
    as_list = list(lazy)
    assert lazy == as_list and as_list == lazy and lazy[0] is as_list[0]
    assert lazy[-1] == as_list[-1] and lazy[1:3] == as_list[1:3]
    extra = as_list[:1]
    assert lazy.__add__(extra) == [*as_list, *extra] and lazy.__radd__(extra) == [*extra, *as_list]


def test_scoring_a_table_makes_no_respondent_objects(tmp_path: Path) -> None:
    q = make(people(30, seed=6))
    _table(tmp_path, q)
    (tmp_path / "q.yaml").write_text(
        "diamond: 1\nsector: {name: Test, region: Ankara, period: '2024', language: en}\n"
        "respondents_file: answers.csv\n", encoding="utf-8")
    tabled, catalogue = require_valid(load_questionnaire(str(tmp_path / "q.yaml")))
    result = assess(tabled, catalogue, bootstrap=50, sensitivity_samples=16)
    assert isinstance(tabled.respondents, TableRespondents)
    assert tabled.respondents._made is None
    listed = to_json_dict(assess(q, CAT, bootstrap=50, sensitivity_samples=16))
    assert to_json_dict(result) == listed


@pytest.mark.parametrize(("n", "replicates", "size"), [(7, 50, 50), (7, 51, 4), (101, 33, 5),
                                                       (2, 9, 1), (1000, 20, 7)])
def test_bootstrap_blocks_are_the_same_draws_whatever_their_size(
    n: int, replicates: int, size: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = bootstrap.counts(n, replicates, seed=11)
    assert whole.sum(axis=1).tolist() == [n] * replicates
    for cells in (bootstrap.WHOLE_BLOCK, 0):  # counted a block at once, or row by row
        monkeypatch.setattr(bootstrap, "WHOLE_BLOCK", cells)
        for dtype in (np.float64, np.float32):
            bootstrap.forget()  # drawn here, not taken from an earlier call
            parts = [b.copy() for b in bootstrap.float_blocks(n, replicates, size, 11, dtype)]
            assert np.array_equal(np.vstack(parts), whole)
    # the draws themselves are numpy's 64-bit integers, as before
    rng = np.random.default_rng(11)
    drawn = rng.integers(0, n, size=(replicates, n))
    expected = np.vstack([np.bincount(row, minlength=n) for row in drawn])
    assert np.array_equal(whole, expected)


def test_single_precision_and_block_size_leave_the_replicates_unchanged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for weights in ((1.0,), (0.3, 0.7, 1.0)):
        x = design(make(people(60, seed=7, weights=weights)), CAT)
        assert x.equal_weights == (weights == (1.0,))
        exact = uncertainty.exact_tallies(x)
        assert exact is not None  # 3, 7 and 10 tenths: whole numbers of units
        for method in ("mean", "median"):
            found = uncertainty.replicate_scores(x, range(60), 40, 5, method, "arithmetic",
                                                 exact)
            # double precision throughout, every scale point's tally
            again = uncertainty.replicate_scores(x, range(60), 40, 5, method, "arithmetic")
            for a, b in zip(found, again, strict=True):
                if x.equal_weights or method == "median":  # the same bits
                    assert np.array_equal(a, b, equal_nan=True)
                else:  # the mean of exact tallies: within a few units in the last place
                    assert np.allclose(a, b, rtol=1e-13, atol=1e-12, equal_nan=True)
            if exact is not None:  # whole-number tallies: small blocks change nothing either
                monkeypatch.setattr(uncertainty, "MAX_CELLS", 120)  # blocks of 2 replicates
                monkeypatch.setattr(uncertainty, "BLOCK", 3)
                small = uncertainty.replicate_scores(x, range(60), 40, 5, method,
                                                     "arithmetic", exact)
                monkeypatch.undo()
                for a, c in zip(found, small, strict=True):
                    assert np.array_equal(a, c, equal_nan=True)


def test_respondents_own_scores_read_like_a_dictionary() -> None:
    q = make(people(25, seed=8))
    stats = assess(q, CAT, bootstrap=0, sensitivity_samples=0).statistics
    assert stats is not None
    own = stats.respondent_scores
    assert list(own) == sorted(r.id for r in q.respondents) and len(own) == 25
    x = design(q, CAT)
    for k, rid in enumerate(x.respondents):
        row = own[rid]
        assert list(row) == [*x.indicators, *x.dimensions, "overall"]
        for c, indicator in enumerate(x.indicators):
            value = x.answers[k, c]
            assert row[indicator] == (None if np.isnan(value) else (value - 1) / 4 * 100)
    assert dict(own.items())[x.respondents[0]] == own[x.respondents[0]]


@pytest.mark.parametrize("seed", range(6))
def test_standard_error_of_arrays_is_the_list_version(seed: int) -> None:
    from diamond.stats.difference import standard_error

    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 400))
    values = rng.uniform(0, 100, n).round(int(rng.integers(0, 6)))
    choices = [[1.0], [0.1, 0.3, 2.5], [5e-324, 1.0, 1e6], [1e-300, 1e300]][seed % 4]
    weights = rng.choice(choices, n) if n else np.zeros(0)
    expected = standard_error(values.tolist(), weights.tolist())
    assert analytic.standard_error(values, weights) == expected


@pytest.mark.parametrize("value", [0, 6, -40])
def test_an_answer_outside_the_scale_is_refused_not_miscounted(value: int) -> None:
    crowd = people(5, seed=9)
    crowd[2]["answers"][INDICATORS[3]] = value  # the model alone does not check the scale
    with pytest.raises(ValueError, match=r"outside the scale 1\.\.5"):
        assess(make(crowd), CAT, bootstrap=0, sensitivity_samples=0)


@pytest.mark.parametrize("n", [0, 1, 5, 40, 4097])
def test_weight_values_are_numpys_unique(n: int) -> None:
    """The distinct weights and each respondent's index into them, as ``np.unique`` gives
    them (below ``FEW_RESPONDENTS`` without it; odd weights take ``np.unique`` itself)."""
    rng = np.random.default_rng(n)
    for given in ([0.5, 1.0, 1.5, 2.0, 3.0], [1.0], [0.1, 1 / 3, 1e6, 5e-324, 2],
                  [1.0, 0.0, -0.0, 2.0], [1.0, float("nan"), 2.0]):
        weights = [given[k] for k in rng.integers(0, len(given), n)]
        m = matrix.Matrix([f"r{k}" for k in range(n)], np.zeros(n, dtype=np.int8), weights,
                          np.zeros((n, 1), dtype=np.int16))
        values, index = np.unique(np.asarray(weights, dtype=np.float64), return_inverse=True)
        found, where = m.weight_values
        assert repr(found) == repr(values.tolist())
        assert where.dtype == np.intp and where.tolist() == index.reshape(-1).tolist()
