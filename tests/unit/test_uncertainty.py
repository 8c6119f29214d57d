"""Intervals, agreement and reliability of an assessment (diamond.scoring.uncertainty)."""

from __future__ import annotations

import math
import random
import statistics
from typing import Any

import pytest

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.scoring import assess, to_json_dict

CAT = builtin("stm-2015")
DIMENSIONS = CAT.framework.dimensions


def make(respondents: list[dict[str, Any]], **extra: Any) -> Questionnaire:
    data: dict[str, Any] = {
        "diamond": 1,
        "sector": {"name": "Test", "region": "Ankara", "period": "2024", "language": "en"},
        "respondents": respondents,
    }
    data.update(extra)
    return Questionnaire.model_validate(data)


def complete(n: int, seed: int, weight: float = 1.0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [{"id": f"r{k}", "weight": weight, "group": ("firm", "public")[k % 2],
             "answers": {i: rng.randint(1, 5) for i in CAT.indicators}} for k in range(n)]


def test_analytic_se_on_complete_data_is_the_plain_se_of_respondent_means() -> None:
    people = complete(12, seed=5)
    result = assess(make(people), CAT, bootstrap=0)
    assert result.statistics is not None
    for dim in DIMENSIONS:
        own = [statistics.mean(p["answers"][i.id] for i in dim.indicators) for p in people]
        plain = statistics.stdev(own) / math.sqrt(len(own)) * 100 / (5 - 1)
        assert result.statistics.dimensions[dim.id].analytic.se == pytest.approx(plain, abs=1e-4)


def test_bootstrap_is_seeded_and_brackets_the_score() -> None:
    q = make(complete(30, seed=8))
    first, again = assess(q, CAT, bootstrap=300), assess(q, CAT, bootstrap=300)
    assert to_json_dict(first) == to_json_dict(again)
    data = to_json_dict(first)
    for dim in data["dimensions"]:
        assert dim["ci"]["low"] <= dim["score"] <= dim["ci"]["high"]
        assert dim["ci"]["level"] == 0.95 and dim["se"] > 0
        # the bootstrap SE of a mean is close to the analytic one (n = 30)
        assert dim["se"] == pytest.approx(dim["se_analytic"], rel=0.3)
    assert data["overall"]["ci"]["low"] <= data["overall"]["score"] <= data["overall"]["ci"]["high"]
    assert all(i["se"] is not None for d in data["dimensions"] for i in d["indicators"])


def test_bootstrap_mean_matches_the_engine_for_every_replicate_count() -> None:
    # The array pipeline's replicate of "everyone once" is the engine's score.
    import numpy as np

    from diamond.scoring.design import design
    from diamond.stats.composite import aggregate, indicator_scores, tallies

    q = make(complete(9, seed=2))
    x = design(q, CAT)
    for method in ("mean", "median"):
        base = assess(q, CAT, method, bootstrap=0)
        weighted = tallies(x.answers, 1, 5) * x.weights[:, None, None]
        scores = indicator_scores(weighted.sum(axis=0), 1, 5, method)
        dims = aggregate(scores, x.indicator_weights, x.membership)
        assert dims.tolist() == pytest.approx([d.score for d in base.dimensions])
        assert np.isfinite(dims).all()


@pytest.mark.parametrize("scale", [1e-170, 1e6])
def test_statistics_do_not_depend_on_the_scale_of_respondent_weights(scale: float) -> None:
    plain = to_json_dict(assess(make(complete(10, seed=3)), CAT, bootstrap=100))
    scaled = to_json_dict(assess(make(complete(10, seed=3, weight=scale)), CAT, bootstrap=100))
    for a, b in zip(plain["dimensions"], scaled["dimensions"], strict=True):
        assert a["se"] == pytest.approx(b["se"]) and a["se_analytic"] == pytest.approx(
            b["se_analytic"])
        assert a["agreement"] == pytest.approx(b["agreement"])


def test_geometric_aggregation_is_at_most_arithmetic() -> None:
    q = make(complete(6, seed=4))
    arithmetic, geometric = assess(q, CAT, bootstrap=0), assess(
        q, CAT, aggregation="geometric", bootstrap=0)
    assert geometric.overall is not None and arithmetic.overall is not None
    assert geometric.overall <= arithmetic.overall
    for a, g in zip(arithmetic.dimensions, geometric.dimensions, strict=True):
        assert g.score is not None and a.score is not None and g.score <= a.score + 1e-12
    with pytest.raises(ValueError, match="aggregation"):
        assess(q, CAT, aggregation="harmonic")


def test_straight_liners_and_low_coverage_are_flagged() -> None:
    people = complete(4, seed=1)
    people.append({"id": "flat", "answers": {i: 3 for i in CAT.indicators}})
    people.append({"id": "thin", "answers": {i: 2 for i in list(CAT.indicators)[:3]}})
    s = assess(make(people), CAT, bootstrap=0).statistics
    assert s is not None
    assert s.straight_liners == ("flat",) and s.low_coverage_respondents == ("thin",)


def test_sensitivity_of_assumptions_that_cannot_matter_is_zero() -> None:
    # Everyone gives the same answers: the mean equals the median and every subset of
    # respondents scores the same, so method and respondent inclusion have no effect.
    rng = random.Random(6)
    answers = {i: rng.randint(1, 5) for i in CAT.indicators}
    people = [{"id": f"r{k}", "answers": answers} for k in range(5)]
    data = to_json_dict(assess(make(people), CAT, bootstrap=0, sensitivity_samples=256))
    s = data["sensitivity"]
    assert s["assumptions"] == ["dimension_weights", "indicator_weights", "aggregation",
                                "method", "respondents"]
    for name in ("method", "respondents"):
        assert s["overall"][name] == {"first": 0.0, "total": 0.0}
    assert s["overall"]["aggregation"]["total"] > 0  # geometric ≠ arithmetic here
    low, high = s["intervals"]["overall"]["low"], s["intervals"]["overall"]["high"]
    assert low <= data["overall"]["score"] <= high or high - low < 1e-9
    off = assess(make(people), CAT, bootstrap=0, sensitivity_samples=0).statistics
    assert off is not None and off.sensitivity is None


def test_correlation_ratio_by_hand() -> None:
    import numpy as np

    from diamond.scoring.uncertainty import correlation_ratio

    # x = 1, 1, 2, 2 in two bins; y means 2 and 6 around 4: between 2·4 + 2·4 = 16,
    # total 9 + 1 + 1 + 9 = 20, so η² = 0.8.
    found = correlation_ratio(np.array([1.0, 1.0, 2.0, 2.0]), np.array([1.0, 3.0, 5.0, 7.0]),
                              np.ones(4))
    assert found == pytest.approx(0.8)


def test_summary_names_a_dimension_only_when_the_data_support_it() -> None:
    from tests.conftest import ASSESSMENTS

    from diamond.loader import LoadOptions, load_questionnaire, require_valid

    # Ankara: 3 of 4 dimension ranks are unstable and their intervals overlap, so the
    # weakest dimension is not named; the strongest (related, rank stable) is.
    q, c = require_valid(load_questionnaire(str(ASSESSMENTS / "ankara-defence-aerospace.yaml"),
                                            LoadOptions()))
    s = assess(q, c).summary
    assert s.strongest_supported and s.strongest_dimension is not None
    assert s.strongest_dimension.id == "related"
    assert not s.weakest_supported
    assert {d.id for d in s.weakest_tied} == {"demand", "firm", "factor"}
    # Clearly separated dimensions: everyone rates factor 5, demand 1, the rest 3.
    answers = {i: 5 if i.startswith("factor.") else 1 if i.startswith("demand.") else 3
               for i in CAT.indicators}
    people = [{"id": f"r{k}", "answers": {**answers, "firm.sme_count": 2 + k % 3}}
              for k in range(6)]
    clear = assess(make(people), CAT, bootstrap=200).summary
    assert clear.strongest_supported and clear.weakest_supported
    assert clear.weakest_dimension is not None and clear.weakest_dimension.id == "demand"


def test_scored_column_is_the_respondents_own_scores_without_the_missing_ones() -> None:
    people = complete(9, seed=11)
    for k, person in enumerate(people):  # some respondents leave whole dimensions out
        if k % 3 == 0:
            person["answers"] = {i: a for i, a in person["answers"].items()
                                 if not i.startswith(DIMENSIONS[k % len(DIMENSIONS)].id)}
    result = assess(make(people), CAT, bootstrap=0, sensitivity_samples=0)
    assert result.statistics is not None
    own = result.statistics.respondent_scores
    for key in [*CAT.indicators, *(d.id for d in DIMENSIONS), "overall", "no-such-key"]:
        expected = [v for v in (s.get(key) for s in own.values()) if v is not None]
        assert own.scored(key) == expected  # type: ignore[attr-defined]
    assert any(len(own.scored(d.id)) < len(people)  # type: ignore[attr-defined]
               for d in DIMENSIONS)
