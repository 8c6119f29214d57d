"""Robustness: leave-one-respondent-out figures computed by hand (in the comments), and the
weight perturbation's determinism and its unstable / stable cases.

Scale 1..5: score = (v − 1) / 4 × 100.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from typing import Any

import pytest

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.scoring import assess, to_json_dict
from diamond.scoring.engine import check_method, score_respondents
from diamond.scoring.robustness import DRAWS, SEED, UNSTABLE_SHARE, analyse, ranks

CAT = builtin("stm-2015")
DIMENSIONS = list(CAT.dimensions)


def make(respondents: list[dict[str, Any]], **extra: Any) -> Questionnaire:
    data: dict[str, Any] = {
        "diamond": 1,
        "sector": {"name": "Test", "region": "Ankara", "period": "2024", "language": "en"},
        "respondents": respondents,
        **extra,
    }
    return Questionnaire.model_validate(data)


def r(rid: str, answers: dict[str, int | None], weight: float = 1.0) -> dict[str, Any]:
    return {"id": rid, "weight": weight, "answers": answers}


def every(dimension: str, *values: int) -> dict[str, int]:
    """The dimension's indicators answered with ``values`` in turn (cycling)."""
    ids = [i.id for i in CAT.framework.dimensions[DIMENSIONS.index(dimension)].indicators]
    return {i: values[k % len(values)] for k, i in enumerate(ids)}


# --------------------------------------------------------------------------- leave one out


def test_leave_one_out_by_hand() -> None:
    # factor.land: a 5, b 3, c 2 → mean 10/3 → score 175/3 = 58.33…; factor = 58.33…
    # firm.sme_count: a 1, b 3 → mean 2 → 25; firm = 25; demand, related: no answers
    # overall = (175/3 + 25)/2 = 250/6 = 41.66…
    # without a: land (3+2)/2 = 2.5 → 37.5; sme 3 → 50; overall (37.5 + 50)/2 = 43.75
    #   changes: factor 20.83…, firm 25, overall 2.083…
    # without b: land (5+2)/2 = 3.5 → 62.5; sme 1 → 0; overall (62.5 + 0)/2 = 31.25
    #   changes: factor 4.166…, firm 25, overall 10.416…
    # without c: land 4 → 75; sme unchanged 25; overall (75 + 25)/2 = 50
    #   changes: factor 16.66…, firm 0, overall 8.33…
    q = make([
        r("a", {"factor.land": 5, "firm.sme_count": 1}),
        r("b", {"factor.land": 3, "firm.sme_count": 3}),
        r("c", {"factor.land": 2}),
    ])
    loo = analyse(q, CAT, "mean").leave_one_out
    assert loo is not None
    factor, firm = loo.dimensions["factor"], loo.dimensions["firm"]
    assert factor.change == pytest.approx(175 / 3 - 37.5, abs=1e-9) and factor.respondent == "a"
    assert factor.score_without == pytest.approx(37.5, abs=1e-12)
    # a and b both move firm by 25: the tie goes to the smallest id
    assert (firm.change, firm.respondent, firm.score_without) == (25.0, "a", 50.0)
    assert loo.overall.change == pytest.approx(250 / 6 - 31.25, abs=1e-9)
    assert loo.overall.respondent == "b"
    assert loo.overall.score_without == pytest.approx(31.25, abs=1e-12)
    for unscored in ("demand", "related"):
        influence = loo.dimensions[unscored]
        assert (influence.change, influence.respondent, influence.score_without) == (
            None, None, None)
    assert all(i.sole_respondent is None for i in [*loo.dimensions.values(), loo.overall])


def test_leave_one_out_with_weights_and_median() -> None:
    # factor.land: a 1 (weight 2), b 4, c 5. Median: total weight 4, half 2: cumulative at 1
    # is exactly 2 → (1 + 4)/2 = 2.5 → 37.5.
    # without a: 4, 5 → 4.5 → 87.5 (change 50); without b: 1 (w 2), 5 → half 1.5: 1 → 0
    # (change 37.5); without c: 1 (w 2), 4 → 1 → 0 (change 37.5)
    q = make([r("a", {"factor.land": 1}, weight=2), r("b", {"factor.land": 4}),
              r("c", {"factor.land": 5})])
    loo = analyse(q, CAT, "median").leave_one_out
    assert loo is not None
    assert (loo.dimensions["factor"].change, loo.dimensions["factor"].respondent) == (50.0, "a")
    # mean: (2 + 4 + 5)/4 = 2.75 → 43.75; without a: 4.5 → 87.5 (change 43.75)
    mean = analyse(q, CAT, "mean").leave_one_out
    assert mean is not None and mean.dimensions["factor"].change == 43.75


def test_a_dimension_resting_on_one_respondent() -> None:
    # only a answered demand: without a, demand has no score; b's removal changes nothing there
    q = make([r("a", {"demand.domestic": 4, "factor.land": 2}), r("b", {"factor.land": 4})])
    loo = analyse(q, CAT, "mean").leave_one_out
    assert loo is not None
    demand = loo.dimensions["demand"]
    assert (demand.change, demand.respondent, demand.sole_respondent) == (0.0, None, "a")
    assert demand.score_without == 75.0  # unchanged: the base score
    # overall = (factor 50 + demand 75)/2 = 62.5; without a: factor 75 alone → 75 (12.5)
    # without b: factor 25, demand 75 → 50 (12.5): a tie, won by "a"
    assert (loo.overall.change, loo.overall.respondent) == (12.5, "a")


def test_a_single_respondent_is_not_computable() -> None:
    q = make([r("only", {"factor.land": 4, "firm.sme_count": 2})])
    assert analyse(q, CAT, "mean").leave_one_out is None
    assert to_json_dict(assess(q, CAT))["robustness"]["leave_one_out"] is None


def random_questionnaire(seed: int) -> Questionnaire:
    rng = random.Random(seed)
    indicators = list(CAT.indicators)
    respondents = [
        r(f"r{rng.randrange(10**6):06d}-{k}",
          {i: rng.randint(1, 5) for i in indicators if rng.random() < 0.4},
          weight=rng.choice([1.0, 0.5, 2.0, 1.3]))
        for k in range(rng.randint(2, 7))
    ]
    weights = {"dimensions": {"factor": 2.0, "related": 0.0},
               "indicators": {"factor.land": 0.0, "firm.sme_count": 3.7}}
    return make(respondents, weights=weights)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("name", ["mean", "median"])
def test_leave_one_out_equals_rescoring_without_each_respondent(seed: int, name: str) -> None:
    q, method = random_questionnaire(seed), check_method(name)
    base = score_respondents(q.respondents, q, CAT, method)
    loo = analyse(q, CAT, method).leave_one_out
    assert loo is not None
    for key in [*DIMENSIONS, "overall"]:
        old = base.overall if key == "overall" else base.dimensions[key]
        influence = loo.overall if key == "overall" else loo.dimensions[key]
        if old is None:
            assert influence.change is None
            continue
        changes = {}
        for k, respondent in enumerate(q.respondents):
            rest = score_respondents([*q.respondents[:k], *q.respondents[k + 1:]], q, CAT, method)
            new = rest.overall if key == "overall" else rest.dimensions[key]
            if new is not None:
                changes[respondent.id] = abs(float(new) - float(old))
        top = max(changes.values(), default=0.0)
        assert influence.change == pytest.approx(top, abs=1e-9)
        if top > 1e-9:
            assert influence.respondent in {i for i, c in changes.items() if top - c < 1e-9}


def _member_by_member(base: Any, m: Any, d: int) -> Any:
    """A dimension's scores without each respondent, member by member (the code before
    the members were taken at once)."""
    import math

    import numpy as np

    from diamond.scoring.matrix import NONE

    n = len(m)
    _, windex = m.weight_values
    num, den = np.zeros(n), np.zeros(n)
    for member in base.members[d]:
        codes = m.codes[:, base.columns[member.id]]
        answered = codes != NONE
        base_score = math.nan if member.score is None else member.score
        scores = np.full(n, base_score)
        if answered.any():
            pairs = np.flatnonzero(np.bincount(
                codes[answered].astype(np.int64) * len(base.weight_ints) + windex[answered]))
            table = np.full(int(pairs.max()) + 1, base_score)
            for pair in pairs.tolist():
                code, w = divmod(pair, len(base.weight_ints))
                found = member.without(member.lo + code, base.weight_ints[w])
                table[pair] = math.nan if found is None else found
            scores[answered] = table[codes[answered].astype(np.int64) * len(base.weight_ints)
                                     + windex[answered]]
        scored = ~np.isnan(scores)
        num = np.where(scored, num + member.weight * scores, num)
        den = np.where(scored, den + member.weight, den)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, math.nan)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("name", ["mean", "median"])
@pytest.mark.parametrize("given", [(1.0, 0.5, 2.0, 1.3, 0.1), (1.0, 0.5, 2.0, 1.5, 3.0)])
def test_dimension_without_each_respondent_is_the_member_by_member_loop(
    seed: int, name: str, given: tuple[float, ...],
) -> None:
    """Weights of 1.3 or 0.1 make the integers too large for the mean's int64 table
    (``influence._means_without``); 0.5–3 keep them small."""
    from diamond.scoring import influence, matrix
    from diamond.scoring.robustness import _Base

    rng = random.Random(1000 + seed)
    indicators = list(CAT.indicators)
    share = rng.choice([0.2, 0.5, 0.9, 1.0])
    respondents = [
        r(f"r{k:03d}", {i: rng.choice([1, 2, 2, 3, 5]) for i in indicators
                        if rng.random() < share},
          weight=rng.choice(given))
        for k in range(rng.choice([2, 3, 5, 12, 40, 90]))]
    weights = {"indicators": {i: rng.choice([0.0, 0.5, 1.0, 2.5])
                              for i in rng.sample(indicators, 10)}}
    q = make(respondents, weights=weights)
    answers = matrix.of(q, CAT)
    base = _Base(q, CAT, name == "median", matrix.tally(answers, q.scale.points))
    found = influence._dimensions_without(base, answers)
    for d in range(len(base.dims)):
        assert found[d].tobytes() == _member_by_member(base, answers, d).tobytes()


# --------------------------------------------------------------------------- weights


@pytest.mark.parametrize("seed", range(20))
def test_draws_rank_as_on_their_rounded_scores(seed: int) -> None:
    """Only draws with two scores within two units of the last decimal are rounded before
    ranking; every draw ranks as on the scores all rounded (near ties, exact ties,
    missing scores, values beyond 1,000)."""
    import numpy as np

    from diamond.scoring.perturbation import _rounded_where_near
    from diamond.scoring.robustness import DECIMALS
    from diamond.stats.ranks import ranks as ranks_within

    rng = np.random.default_rng(seed)
    d = int(rng.integers(1, 8))
    scores = rng.random((DRAWS, d)) * 100
    base = rng.random(DRAWS) * 100
    for column in range(d):
        pick = rng.random(DRAWS) < 0.3  # near the draw's common value, ±30 units of 10⁻¹⁰
        scores[pick, column] = base[pick] + rng.integers(-30, 31, int(pick.sum())) * 1e-10
    scores[rng.random((DRAWS, d)) < 0.05] = np.nan
    scores[rng.random((DRAWS, d)) < 0.05] = 50.0
    if seed % 5 == 0:
        scores[3, 0] = 12345.678901234
    every = np.array([round(v, DECIMALS) for v in scores.ravel().tolist()]).reshape(
        scores.shape)
    assert np.array_equal(ranks_within(_rounded_where_near(scores)), ranks_within(every))


def _perturbation_draw_by_draw(base: Any) -> Any:
    """The weight perturbation as the module documents it, one draw at a time with
    ``random.Random(SEED)``, ``_mean`` and ``ranks`` (the code all draws at once replaces)."""
    from diamond.scoring.robustness import (
        HIGH,
        LOW,
        Perturbation,
        RankRange,
        _mean,
        _rounded,
    )

    rng = random.Random(SEED)
    starts = [sum(base.sizes[:d]) for d in range(len(base.dims))]
    base_ranks = ranks(base.scores)
    got: list[list[int]] = [[] for _ in base.dims]
    seen: list[list[float]] = [[] for _ in base.dims]
    overalls = []
    for _ in range(DRAWS):
        factors = [rng.uniform(LOW, HIGH) for _ in range(sum(base.sizes))]
        scores = [_mean((m.score, m.weight * factors[starts[d] + m.position]) for m in members)
                  for d, members in enumerate(base.members)]
        for d, (score, rank) in enumerate(zip(scores, ranks(scores), strict=True)):
            if score is not None and rank is not None:
                seen[d].append(score)
                got[d].append(rank)
        weights = [w * rng.uniform(LOW, HIGH) for w in base.dim_weights]
        overall = base.overall_of(base.scores, weights)
        if overall is not None:
            overalls.append(overall)
    dimensions = {}
    for d, dim_id in enumerate(base.dims):
        rank = base_ranks[d]
        if rank is None or not got[d]:
            dimensions[dim_id] = RankRange(None, None, None, None, None, None, False)
            continue
        changed = sum(1 for r in got[d] if r != rank) / len(got[d])
        dimensions[dim_id] = RankRange(rank, min(got[d]), max(got[d]), _rounded(min(seen[d])),
                                       _rounded(max(seen[d])), changed,
                                       changed > UNSTABLE_SHARE)
    return Perturbation(dimensions, _rounded(min(overalls, default=None)),
                        _rounded(max(overalls, default=None)))


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("name", ["mean", "median"])
def test_perturbation_is_the_draw_by_draw_method(seed: int, name: str) -> None:
    from diamond.scoring import matrix
    from diamond.scoring.perturbation import perturb
    from diamond.scoring.robustness import _Base

    q = random_questionnaire(seed)
    answers = matrix.of(q, CAT)
    base = _Base(q, CAT, name == "median", matrix.tally(answers, q.scale.points))
    assert perturb(base) == _perturbation_draw_by_draw(base)


def test_ranks() -> None:
    assert ranks([50.0, None, 70.0, 50.0]) == [2, None, 1, 3]


def test_seeded_and_reproducible() -> None:
    q = random_questionnaire(3)
    first, second = analyse(q, CAT, "mean"), analyse(q, CAT, "mean")
    assert first == second
    assert (first.weights.draws, first.weights.seed) == (DRAWS, SEED) == (200, 2015)
    state = random.getstate()
    analyse(q, CAT, "mean")
    assert random.getstate() == state, "the global random generator must stay untouched"


def test_independent_of_the_hash_seed() -> None:
    code = (
        "import json, sys\n"
        "from diamond.frameworks import builtin\n"
        "from diamond.models.questionnaire import Questionnaire\n"
        "from diamond.scoring import assess, to_json_dict\n"
        "q = Questionnaire.model_validate(json.loads(sys.stdin.read()))\n"
        "print(json.dumps(to_json_dict(assess(q, builtin('stm-2015')))['robustness']))\n"
    )
    data = random_questionnaire(5).model_dump_json()
    outputs = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", code], input=data, env=env,
                             capture_output=True, text=True, check=True)
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]


def test_nearly_equal_dimensions_of_unequal_spread_are_unstable() -> None:
    # factor: main_industry 5 → 100, land 1 → 0: 50, swinging with the weights (25 to 75)
    # firm: six indicators at 3 → 50 and sme_count 3, 4 → 62.5: (300 + 62.5)/7 = 51.79,
    #   which hardly moves; demand all 5 → 100 (rank 1), related all 1 → 0 (rank 4)
    firm = every("firm", 3)
    q = make([
        r("a", {"factor.main_industry": 5, "factor.land": 1, **firm, **every("demand", 5),
                **every("related", 1)}),
        r("b", {"firm.sme_count": 4}),
    ])
    weights = analyse(q, CAT, "mean").weights
    factor, firm_range = weights.dimensions["factor"], weights.dimensions["firm"]
    assert (factor.rank, firm_range.rank) == (3, 2)
    assert (factor.rank_min, factor.rank_max) == (2, 3)
    assert factor.changed is not None and factor.changed > UNSTABLE_SHARE and factor.unstable
    assert firm_range.unstable and firm_range.changed == factor.changed
    assert factor.score_min is not None and factor.score_max is not None
    assert 25 <= factor.score_min < 50 < factor.score_max <= 75
    for steady in ("demand", "related"):
        stable = weights.dimensions[steady]
        assert (stable.changed, stable.unstable, stable.rank_min) == (0.0, False, stable.rank_max)


def test_clearly_separated_dimensions_are_stable() -> None:
    # every(…) cycles the values over the indicators, so at equal weights:
    #   factor: 6 × 100, 5 × 75 → 975/11 = 88.6; weights ±50 %: at least (300 + 562.5)/10.5 = 82.1
    #   firm: 4 × 75, 3 × 50 → 450/7 = 64.3; at most (450 + 75)/7.5 = 70, at least 57.7
    #   demand: 5 × 50, 4 × 25 → 350/9 = 38.9; at most (375 + 50)/9.5 = 44.7
    #   related: 2 × 25, 2 × 0 → 12.5; at most (75 + 0)/4 = 18.75
    # the ranges never overlap, so no rank ever changes
    q = make([r("a", {**every("factor", 5, 4), **every("firm", 4, 3), **every("demand", 3, 2),
                      **every("related", 2, 1)}), r("b", {})])
    weights = analyse(q, CAT, "mean").weights
    for rank, dimension in enumerate(DIMENSIONS, 1):
        found = weights.dimensions[dimension]
        assert (found.rank, found.rank_min, found.rank_max) == (rank, rank, rank)
        assert (found.changed, found.unstable) == (0.0, False)
    # the overall score (the mean of the four) moves with the dimension weights, both ways
    a = assess(q, CAT)
    assert a.overall is not None
    assert weights.overall_min is not None and weights.overall_max is not None
    assert 12.5 < weights.overall_min < a.overall < weights.overall_max < 100


def test_unscored_dimensions_have_no_rank() -> None:
    q = make([r("a", {"factor.land": 3}), r("b", {"factor.land": 4})])
    weights = analyse(q, CAT, "mean").weights
    assert weights.dimensions["factor"].rank == 1
    demand = weights.dimensions["demand"]
    assert (demand.rank, demand.changed, demand.unstable) == (None, None, False)


def test_json_keys() -> None:
    data = to_json_dict(assess(random_questionnaire(1), CAT))["robustness"]
    assert list(data) == ["leave_one_out", "weights"]
    assert list(data["leave_one_out"]) == ["dimensions", "overall"]
    assert list(data["leave_one_out"]["dimensions"]) == DIMENSIONS
    assert list(data["leave_one_out"]["overall"]) == [
        "change", "respondent", "score_without", "sole_respondent"]
    assert list(data["weights"]) == [
        "draws", "seed", "factor_min", "factor_max", "unstable_above", "dimensions", "overall"]
    assert list(data["weights"]["dimensions"]["factor"]) == [
        "rank", "rank_min", "rank_max", "score_min", "score_max", "rank_changed_share",
        "unstable"]


def test_10_000_respondents_stay_fast() -> None:
    rng = random.Random(7)
    indicators = list(CAT.indicators)
    q = make([r(f"r{k}", {i: rng.randint(1, 5) for i in indicators}) for k in range(10_000)])
    start = time.process_time()
    result = analyse(q, CAT, "mean")
    seconds = time.process_time() - start
    assert result.leave_one_out is not None
    assert seconds < 3.0, f"robustness took {seconds:.2f} s of CPU on 10,000 respondents"
