"""The scoring method against figures computed by hand (in the comments), and its invariants.

Scale is 1..5 unless stated: score = (v − 1) / 4 × 100, σ²_EU = (5² − 1)/12 = 2.
"""

from __future__ import annotations

import json
import math
import random
from fractions import Fraction
from typing import Any

import pytest

from diamond.frameworks import Catalogue, builtin
from diamond.models.framework import Framework
from diamond.models.questionnaire import Questionnaire
from diamond.scoring import assess, band_for, band_label, to_json, to_json_dict
from diamond.scoring.result import Assessment
from diamond.scoring.stats import (
    rwg,
    weighted_mean,
    weighted_median,
    weighted_variance,
)

CAT = builtin("stm-2015")
ALL_INDICATORS = list(CAT.indicators)


def make(respondents: list[dict[str, Any]], **extra: Any) -> Questionnaire:
    """A questionnaire with ``respondents`` and any other top-level keys."""
    data: dict[str, Any] = {
        "diamond": 1,
        "sector": {"name": "Test sector", "region": "Ankara", "period": "2024", "language": "en"},
        "respondents": respondents,
    }
    data.update(extra)
    return Questionnaire.model_validate(data)


def run(respondents: list[dict[str, Any]], method: str = "mean", **extra: Any) -> Assessment:
    return assess(make(respondents, **extra), CAT, method)


def r(
    rid: str, answers: dict[str, int | None], group: str = "firm", weight: float = 1.0
) -> dict[str, Any]:
    return {"id": rid, "group": group, "weight": weight, "answers": answers}


# --------------------------------------------------------------------------- stats


def test_weighted_median_cases() -> None:
    # equal weights, even count: 1 2 | 3 10 -> cumulative reaches exactly half (2 of 4) at 2
    assert weighted_median([1, 2, 3, 10], [1, 1, 1, 1]) == Fraction(5, 2)
    # weights 1,1,3 (total 5, half 2.5): cumulative 1, 2, 5 -> 3
    assert weighted_median([1, 2, 3], [1, 1, 3]) == 3
    # weights 3,1,1: cumulative at 1 is 3 >= 2.5 -> 1
    assert weighted_median([1, 2, 3], [3, 1, 1]) == 1
    # unsorted input, equal weights: median 2
    assert weighted_median([3, 1, 2], [1, 1, 1]) == 2
    # 1,1,1,2: cumulative reaches exactly half inside the run of 1s -> 1 (ordinary median 1)
    assert weighted_median([1, 1, 1, 2], [1, 1, 1, 1]) == 1
    assert weighted_median([], []) is None


def test_weighted_variance_and_rwg() -> None:
    # equal weights 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x−m)² = 32, sample variance 32/7
    assert weighted_variance([2, 4, 4, 4, 5, 5, 7, 9], [1] * 8) == Fraction(32, 7)
    assert weighted_variance([3], [2]) == 0
    assert weighted_variance([], []) is None
    # s² = 1 on a 5-point scale: 1 − 1/2 = 0.5
    assert rwg(Fraction(1), 2, 5) == Fraction(1, 2)
    assert rwg(Fraction(0), 1, 5) is None
    assert rwg(Fraction(8), 2, 5) == 0  # 1 − 8/2 = −3, truncated
    assert weighted_mean([1, 2], [0, 0]) is None


# --------------------------------------------------------------------------- indicators


def test_respondent_weights() -> None:
    # factor.land: 4 (w 2), 3 (w 1), 5 (w 1)
    #   mean = (8 + 3 + 5) / 4 = 4 -> score (4 − 1)/4 × 100 = 75
    #   Σw(x−m)² = 2·0 + 1·1 + 1·1 = 2; /Σw = 0.5; × n/(n−1) = 3/2 -> s² = 0.75
    #   sd = √0.75; rwg = 1 − 0.75/2 = 0.625
    #   median: sorted 3(1) 4(2) 5(1), half = 2: cumulative 1, 3 -> 4
    a = run([
        r("a", {"factor.land": 4}, weight=2),
        r("b", {"factor.land": 3}),
        r("c", {"factor.land": 5}),
    ])
    land = a.indicator("factor.land")
    assert land.n == 3
    assert land.mean == 4.0
    assert land.score == 75.0
    assert land.median == 4.0
    assert land.sd == pytest.approx(math.sqrt(0.75), abs=1e-15)
    assert land.rwg == pytest.approx(0.625, abs=1e-15)
    assert land.uncertain is False
    assert land.reasons == ()
    assert land.band == "strong"


def test_weighted_median_exactly_half_in_questionnaire() -> None:
    # factor.labour_cost: 1 (w 2), 4 (w 1), 5 (w 1); total 4, half 2
    #   cumulative at 1 is exactly 2 -> median = (1 + 4)/2 = 2.5 (as the ordinary median of 1,1,4,5)
    #   mean = (2 + 4 + 5)/4 = 2.75 -> score 43.75; median score (2.5 − 1)/4 × 100 = 37.5
    answers = [
        r("a", {"factor.labour_cost": 1}, weight=2),
        r("b", {"factor.labour_cost": 4}),
        r("c", {"factor.labour_cost": 5}),
    ]
    mean = run(answers)
    median = run(answers, method="median")
    assert mean.indicator("factor.labour_cost").median == 2.5
    assert mean.indicator("factor.labour_cost").score == 43.75
    assert median.indicator("factor.labour_cost").score == 37.5
    assert median.indicator("factor.labour_cost").mean == 2.75
    # the dimension has only this indicator answered: it takes its score
    assert mean.dimension("factor").score == 43.75
    assert median.dimension("factor").score == 37.5
    assert median.method == "median"


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="method"):
        run([r("a", {"factor.land": 3})], method="mode")


def test_missing_and_null_answers_are_left_out() -> None:
    # factor.land: 4 from a; b wrote null; c did not list it -> n = 1, never a zero
    a = run([
        r("a", {"factor.land": 4, "factor.energy_cost": 2}),
        r("b", {"factor.land": None, "factor.energy_cost": 2}),
        r("c", {"factor.energy_cost": 2}),
    ])
    land = a.indicator("factor.land")
    assert land.n == 1
    assert land.mean == 4.0
    assert land.score == 75.0


def test_single_answer() -> None:
    # n = 1: sd 0, rwg None, uncertain for few answers
    a = run([r("only", {"firm.sme_count": 2})])
    sme = a.indicator("firm.sme_count")
    assert (sme.n, sme.mean, sme.median, sme.sd, sme.rwg) == (1, 2.0, 2.0, 0.0, None)
    assert sme.score == 25.0  # (2 − 1)/4 × 100
    assert sme.uncertain is True
    assert sme.reasons == ("few-answers",)
    assert a.respondents == 1


def test_identical_answers_agree_fully() -> None:
    a = run([r(f"r{k}", {"demand.domestic": 3}) for k in range(4)])
    dom = a.indicator("demand.domestic")
    figures = (dom.n, dom.mean, dom.median, dom.sd, dom.rwg, dom.score)
    assert figures == (4, 3.0, 3.0, 0.0, 1.0, 50.0)
    assert not dom.uncertain


def test_rwg_truncated_at_zero_for_maximal_disagreement() -> None:
    # 1 and 5: mean 3, Σ(x−m)² = 8, /2 = 4, × 2/1 -> s² = 8, sd = √8
    # rwg = 1 − 8/2 = −3 -> 0; few answers and low agreement
    a = run([r("a", {"factor.land": 1}), r("b", {"factor.land": 5})])
    land = a.indicator("factor.land")
    assert land.sd == pytest.approx(math.sqrt(8), abs=1e-15)
    assert land.rwg == 0.0
    assert land.reasons == ("few-answers", "low-agreement")
    assert land.score == 50.0
    codes = [w.code for w in a.warnings]
    assert "low-agreement" in codes


def test_unanswered_indicator() -> None:
    a = run([r("a", {"factor.land": 3})])
    energy = a.indicator("factor.energy_cost")
    assert energy.n == 0
    assert (energy.score, energy.mean, energy.median, energy.sd, energy.rwg) == (None,) * 5
    assert energy.band is None
    assert energy.uncertain is False


# --------------------------------------------------------------------------- dimensions, overall


def test_indicator_weights_and_weight_zero() -> None:
    # related: university_cooperation 5 -> 100 (w 1), cluster_organisations 1 -> 0 (w 0, left out),
    # government_bodies 3 -> 50 (w 3), anchor_firms unanswered.
    #   score = (100·1 + 50·3)/(1 + 3) = 250/4 = 62.5; coverage 3/4 (answered regardless of weight)
    # demand: only demand.location answered, with weight 0 -> no score, coverage 1/9
    a = run(
        [r("a", {"related.university_cooperation": 5, "related.cluster_organisations": 1,
                 "related.government_bodies": 3, "demand.location": 5})],
        weights={"indicators": {"related.cluster_organisations": 0, "related.government_bodies": 3,
                                "demand.location": 0}},
    )
    related = a.dimension("related")
    assert related.score == 62.5
    assert (related.answered, related.total, related.coverage) == (3, 4, 0.75)
    assert related.band == "strong"
    assert a.indicator("related.cluster_organisations").weight == 0.0
    assert a.indicator("related.cluster_organisations").score == 0.0  # still reported
    demand = a.dimension("demand")
    assert demand.score is None
    assert demand.band is None
    assert (demand.answered, demand.total) == (1, 9)
    assert demand.coverage == pytest.approx(1 / 9)


def test_dimension_weights_and_unanswered_dimension() -> None:
    # factor.land 5 -> factor 100; firm.sme_count 1 -> firm 0; demand.domestic 3 -> demand 50;
    # related unanswered -> None, coverage 0.
    # default weights: (100 + 0 + 50)/3 = 50 -> moderate
    # weights factor 2, related 5 (ignored: no score): (200 + 0 + 50)/4 = 62.5 -> strong
    answers = [r("a", {"factor.land": 5, "firm.sme_count": 1, "demand.domestic": 3})]
    plain = run(answers)
    assert [d.score for d in plain.dimensions] == [100.0, 0.0, 50.0, None]
    assert plain.overall == 50.0
    assert plain.band == "moderate"
    related = plain.dimension("related")
    assert (related.coverage, related.answered, related.total) == (0.0, 0, 4)
    weighted = run(answers, weights={"dimensions": {"factor": 2, "related": 5}})
    assert weighted.overall == 62.5
    assert weighted.band == "strong"
    assert weighted.dimension("factor").weight == 2.0


def test_nothing_answered_gives_no_overall() -> None:
    a = run([r("a", {"factor.land": None})])
    assert a.overall is None
    assert a.band is None
    assert a.summary.strongest_dimension is None
    assert a.tows == ()
    assert a.recommendations == ()
    assert [w.code for w in a.warnings] == [
        "unanswered-indicators", "no-answers", "single-respondent-group"]
    assert a.warnings[1].subjects == ("a",)


# --------------------------------------------------------------------------- bands


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, "weak"), (39.94, "weak"), (39.96, "moderate"), (40.0, "moderate"),
        (59.94, "moderate"), (59.96, "strong"), (79.94, "strong"), (79.96, "leading"),
        (100.0, "leading"), (None, None),
    ],
)
def test_bands_on_the_rounded_score(score: float | None, band: str | None) -> None:
    assert band_for(score) == band


def test_band_labels() -> None:
    assert [band_label(b, "tr") for b in ("weak", "moderate", "strong", "leading")] == [
        "zayıf", "orta", "güçlü", "çok güçlü"]
    assert band_label("strong", "en") == "strong"
    assert band_label(None, "tr") is None


def test_band_boundary_from_answers() -> None:
    # 2, 3, 3, 2, 3: mean 13/5 = 2.6 -> (1.6/4) × 100 = 40 exactly -> moderate
    a = run([r(f"r{k}", {"factor.land": v}) for k, v in enumerate([2, 3, 3, 2, 3])])
    assert a.indicator("factor.land").score == 40.0
    assert a.indicator("factor.land").band == "moderate"


# --------------------------------------------------------------------------- groups


def test_group_breakdown() -> None:
    # university first in the file, but groups come in GROUPS order (firm, university, ...)
    # all: land (1 + 5 + 3)/3 = 3 -> 50; firm: (5 + 3)/2 = 4 -> 75; university: 1 -> 0
    # spread factor = 75 − 0 = 75; other dimensions have no scores -> None
    a = run([
        r("u1", {"factor.land": 1}, group="university"),
        r("f1", {"factor.land": 5}),
        r("f2", {"factor.land": 3}),
    ])
    assert a.overall == 50.0
    assert [(g.id, g.respondents, g.overall) for g in a.groups] == [
        ("firm", 2, 75.0), ("university", 1, 0.0)]
    assert a.groups[0].dimensions == {"factor": 75.0, "firm": None, "demand": None, "related": None}
    assert a.group_spread == {"factor": 75.0, "firm": None, "demand": None, "related": None}
    assert dict(a.respondents_by_group) == {"firm": 2, "university": 1}
    single = [w for w in a.warnings if w.code == "single-respondent-group"]
    assert single[0].subjects == ("university",)


def test_single_group_has_no_spread() -> None:
    a = run([r("f1", {"factor.land": 5}), r("f2", {"factor.land": 3})])
    assert a.group_spread["factor"] is None


# --------------------------------------------------------------------------- SWOT


SWOT = {
    "strengths": [
        {"text": "S1", "indicator": "factor.land", "importance": 5},
        {"text": "S2", "dimension": "firm", "importance": 2},
        {"text": "S3"},  # importance defaults to 3, unclassified
    ],
    "weaknesses": [
        {"text": "W1", "indicator": "factor.energy_cost", "importance": 4},
        {"text": "W2", "dimension": "factor"},
    ],
    "opportunities": [{"text": "O1", "dimension": "factor", "importance": 1}],
    "threats": [
        {"text": "T1", "indicator": "firm.sme_count", "importance": 5},
        {"text": "T2", "importance": 2},
    ],
}


def test_swot_tallies_cross_table_and_net() -> None:
    # quadrants: S 3 items, 5+2+3 = 10; W 2, 4+3 = 7; O 1, 1; T 2, 5+2 = 7
    # factor: S1(5) W1(4) W2(3) O1(1): net 5 + 1 − 7 − 0 = −1
    # firm: S2(2) T1(5): net 2 − 5 = −3; demand, related: nothing, 0
    # unclassified: S3(3) T2(2): net 3 − 2 = 1
    a = run([r("a", {"factor.land": 3})], swot=SWOT)
    q = a.swot.quadrants
    assert [(q[k].count, q[k].weighted) for k in q] == [(3, 10), (2, 7), (1, 1), (2, 7)]
    cols = a.swot.by_dimension
    assert list(cols) == ["factor", "firm", "demand", "related", "unclassified"]
    factor = cols["factor"].quadrants
    assert [(factor[k].count, factor[k].weighted) for k in factor] == [
        (1, 5), (2, 7), (1, 1), (0, 0)]
    assert [cols[c].net for c in cols] == [-1, -3, 0, 0, 1]
    assert cols["unclassified"].quadrants["strengths"].weighted == 3
    assert [(i.text, i.quadrant, i.dimension) for i in a.swot.items] == [
        ("S1", "strengths", "factor"), ("S2", "strengths", "firm"), ("S3", "strengths", None),
        ("W1", "weaknesses", "factor"), ("W2", "weaknesses", "factor"),
        ("O1", "opportunities", "factor"),
        ("T1", "threats", "firm"), ("T2", "threats", None),
    ]


# --------------------------------------------------------------------------- TOWS


def test_tows_caps_and_order() -> None:
    # factor scores 0 (weak): the only weak/moderate dimension; firm 100 (leading)
    # strengths under factor, importance S0 1, S1 5, S2 3, S3 5; opportunities O0 2, O1 4
    # pair sums: S0O0 3, S0O1 5, S1O0 7, S1O1 9, S2O0 5, S2O1 7, S3O0 7, S3O1 9
    # sorted (sum desc, then file order): S1O1, S3O1, S1O0, S2O1, S3O0, S0O1 | S2O0, S0O0
    swot = {
        "strengths": [{"text": f"S{k}", "dimension": "factor", "importance": v}
                      for k, v in enumerate([1, 5, 3, 5])],
        "opportunities": [{"text": f"O{k}", "dimension": "factor", "importance": v}
                          for k, v in enumerate([2, 4])],
        "threats": [{"text": "T-firm", "dimension": "firm"}],
    }
    a = run([r("a", {"factor.land": 1, "firm.sme_count": 5})], swot=swot)
    assert [t.dimension.id for t in a.tows] == ["factor"]
    tows = a.tows[0]
    assert [(p.first.text, p.second.text) for p in tows.pairs["SO"]] == [
        ("S1", "O1"), ("S3", "O1"), ("S1", "O0"), ("S2", "O1"), ("S3", "O0"), ("S0", "O1")]
    assert [p.importance for p in tows.pairs["SO"]] == [9, 9, 7, 7, 7, 5]
    # no threat under factor: its strengths pair with the threat classified under firm
    assert dict(tows.available) == {"SO": 8, "WO": 0, "ST": 4, "WT": 0}
    assert all(p.across and p.second.text == "T-firm" for p in tows.pairs["ST"])
    assert not any(p.across for p in tows.pairs["SO"])
    assert tows.pairs["WT"] == ()


def test_tows_without_weak_dimension_takes_the_weakest() -> None:
    # factor 100, firm 75, demand 100: none weak or moderate -> only firm
    a = run([r("a", {"factor.land": 5, "firm.sme_count": 4, "demand.domestic": 5})])
    assert [t.dimension.id for t in a.tows] == ["firm"]
    assert a.recommendations == ()


def test_tows_weakest_first() -> None:
    # demand 0 (weak), firm 25 (weak), factor 50 (moderate), related 100
    a = run([r("a", {"factor.land": 3, "firm.sme_count": 2, "demand.domestic": 1,
                     "related.anchor_firms": 5})])
    assert [t.dimension.id for t in a.tows] == ["demand", "firm", "factor"]


# --------------------------------------------------------------------------- recommendations


def test_recommendations_match_action_tags() -> None:
    # firm: taxes 3 -> 50, offset 5 -> 100, sme 3 -> 50, price 2 -> 25, innovative 2 -> 25,
    #   inter-firm 3 -> 50, ip 1 -> 0: (50+100+50+25+25+50+0)/7 = 300/7 ≈ 42.86 (moderate)
    # weakest below 60, at most 3: ip (0), price (25), innovative (25; after price in framework)
    # actions (stm-2015 catalogue, framework order per target):
    #   ip: goal.j, focus.patent_guidance, focus.ip_expert_support
    #   price: goal.h, focus.quality_competition
    #   innovative: focus.research_infrastructure, focus.strategic_rnd,
    #               focus.member_research_goals (focus.patent_guidance already listed)
    #   dimension firm: goal.b
    # demand.domestic 1 -> demand 0 (weak) comes first; no action serves demand.domestic or demand
    firm = {"firm.taxes_incentives": 3, "firm.offset_directive": 5, "firm.sme_count": 3,
            "firm.price_competition_response": 2, "firm.innovative_firms": 2,
            "firm.inter_firm_cooperation": 3, "firm.ip_indicators": 1}
    a = run([r("a", {**firm, "demand.domestic": 1})])
    assert a.dimension("firm").score == pytest.approx(300 / 7, abs=1e-12)
    assert [rec.dimension.id for rec in a.recommendations] == ["demand", "firm"]
    demand, rec = a.recommendations
    assert [i.id for i in demand.indicators] == ["demand.domestic"]
    assert demand.actions == ()
    assert [i.id for i in rec.indicators] == [
        "firm.ip_indicators", "firm.price_competition_response", "firm.innovative_firms"]
    assert [x.id for x in rec.actions] == [
        "goal.j", "focus.patent_guidance", "focus.ip_expert_support", "goal.h",
        "focus.quality_competition", "focus.research_infrastructure", "focus.strategic_rnd",
        "focus.member_research_goals", "goal.b"]
    by_id = {x.id: x for x in rec.actions}
    assert by_id["focus.patent_guidance"].serves == ("firm.ip_indicators", "firm.innovative_firms")
    assert by_id["goal.j"].serves == ("firm.ip_indicators",)  # demand.export_barriers not weak here
    assert by_id["goal.b"].serves == ("firm",)
    assert by_id["goal.b"].kind == "goal"


def test_recommendations_skip_weight_zero_indicators() -> None:
    # firm.ip_indicators 1 (weight 0, left out), firm.sme_count 2 -> firm 25
    a = run([r("a", {"firm.ip_indicators": 1, "firm.sme_count": 2})],
            weights={"indicators": {"firm.ip_indicators": 0}})
    assert a.dimension("firm").score == 25.0
    assert [i.id for i in a.recommendations[0].indicators] == ["firm.sme_count"]


def test_recommendations_with_a_custom_framework() -> None:
    # alpha: a1 1 -> 0, a2 2 -> 25, a3 5 -> 100: (0+25+100)/3 ≈ 41.67 moderate
    # weak: a1, a2. act.x serves [alpha, alpha.a2] -> listed under a2, once
    framework = Framework.model_validate({
        "framework": 1, "id": "tiny", "name": {"en": "Tiny"},
        "dimensions": [{"id": "alpha", "name": {"en": "Alpha"}, "indicators": [
            {"id": f"alpha.a{k}", "text": {"en": f"A{k}"}, "prompt": {"en": "?"}}
            for k in (1, 2, 3)]}],
        "actions": [
            {"id": "act.x", "kind": "goal", "text": {"en": "X"}, "serves": ["alpha", "alpha.a2"]},
            {"id": "act.y", "kind": "focus", "text": {"en": "Y"}, "serves": ["alpha"]},
            {"id": "act.z", "kind": "focus", "text": {"en": "Z"}, "serves": ["alpha.a1"]},
            {"id": "act.w", "kind": "focus", "text": {"en": "W"}, "serves": ["alpha.a3"]},
        ],
    })
    tiny = Catalogue(framework, "tiny")
    q = make([r("a", {"alpha.a1": 1, "alpha.a2": 2, "alpha.a3": 5})], framework="tiny")
    a = assess(q, tiny)
    (rec,) = a.recommendations
    assert [x.id for x in rec.actions] == ["act.z", "act.x", "act.y"]
    assert rec.actions[1].serves == ("alpha", "alpha.a2")


# --------------------------------------------------------------------------- summary


def test_summary() -> None:
    # factor: land 5, labour 5 -> 100; firm: sme 5 -> 100, ip 1 -> 0 -> 50; demand: domestic 1 -> 0;
    # related: anchor 3 -> 50. Overall (100 + 50 + 0 + 50)/4 = 50.
    a = run([r("a", {"factor.land": 5, "factor.labour_cost": 5, "firm.sme_count": 5,
                     "firm.ip_indicators": 1, "demand.domestic": 1, "related.anchor_firms": 3})])
    s = a.summary
    assert (s.overall, s.band) == (50.0, "moderate")
    assert s.strongest_dimension is not None and s.strongest_dimension.id == "factor"
    assert s.weakest_dimension is not None and s.weakest_dimension.id == "demand"
    # ties (100, 100, 100) and (0, 0) in framework order
    assert [i.id for i in s.strongest_indicators] == [
        "factor.land", "factor.labour_cost", "firm.sme_count"]
    assert [i.id for i in s.weakest_indicators] == [
        "firm.ip_indicators", "demand.domestic", "related.anchor_firms"]
    assert len(s.uncertain) == 6  # every answered indicator has n = 1
    assert len(s.unanswered) == 31 - 6


def test_summary_dimension_ties_in_framework_order() -> None:
    a = run([r("a", {"factor.land": 3, "firm.sme_count": 3})])
    assert a.summary.strongest_dimension is not None
    assert a.summary.weakest_dimension is not None
    assert a.summary.strongest_dimension.id == "factor"
    assert a.summary.weakest_dimension.id == "factor"


# --------------------------------------------------------------------------- readiness


def test_readiness_not_assessed() -> None:
    # stm-2015: 16 preconditions (a..p) and 14 success factors (a..n)
    a = run([r("a", {"factor.land": 3})])
    assert a.readiness.assessed is False
    assert len(a.readiness.items) == 30
    assert {i.status for i in a.readiness.items} == {"not_assessed"}
    assert dict(a.readiness.counts) == {"met": 0, "partial": 0, "unmet": 0, "not_assessed": 30}


def test_readiness_assessed() -> None:
    a = run([r("a", {"factor.land": 3})],
            readiness={"sf.b": "partial", "pre.a": "met", "pre.c": "unmet"})
    assert a.readiness.assessed is True
    assert dict(a.readiness.counts) == {"met": 1, "partial": 1, "unmet": 1, "not_assessed": 27}
    assert [(i.id, i.kind, i.status) for i in a.readiness.items[:3]] == [
        ("pre.a", "precondition", "met"), ("pre.b", "precondition", "not_assessed"),
        ("pre.c", "precondition", "unmet")]
    assert a.readiness.items[16].id == "sf.a"
    assert a.readiness.items[16].kind == "success_factor"


# --------------------------------------------------------------------------- language, JSON


def test_language_override() -> None:
    q = make([r("a", {"factor.land": 3})])
    en = assess(q, CAT)
    tr = assess(q, CAT, lang="tr", date="2024-05-01")
    assert en.dimension("factor").name == "Factor (input) conditions"
    assert tr.dimension("factor").name == "Faktör (Girdi) Koşulları"
    assert tr.lang == "tr"
    assert tr.date == "2024-05-01"
    assert en.date is None


REQUIRED = [
    "format", "sector", "framework", "method", "scale", "date", "respondents", "overall",
    "dimensions", "groups", "group_spread", "swot", "summary", "tows", "recommendations",
    "readiness", "warnings",
]


def sample() -> Questionnaire:
    return make(
        [
            r("f1", {"factor.land": 4, "firm.sme_count": 2, "demand.domestic": 5}, weight=2),
            r("u1", {"factor.land": 2, "firm.sme_count": 3, "related.anchor_firms": 1},
              group="university"),
            r("p1", {"factor.land": 5, "firm.sme_count": None, "demand.domestic": 3},
              group="public"),
            r("f2", {"factor.land": 3, "firm.sme_count": 1, "demand.domestic": 4}),
        ],
        swot=SWOT,
        readiness={"pre.a": "met"},
    )


def test_json_contains_required_keys_and_round_trips() -> None:
    data = to_json_dict(assess(sample(), CAT, date="2024-05-01"))
    for key in REQUIRED:
        assert key in data
    assert data["format"] == 1
    assert data["framework"] == {"id": "stm-2015", "name": CAT.framework.name.get("en")}
    assert data["scale"] == {"min": 1, "max": 5}
    assert data["respondents"] == {
        "total": 4, "by_group": {"firm": 2, "university": 1, "public": 1}}
    assert list(data["sector"]) == ["name", "region", "period", "language", "description"]
    dim = data["dimensions"][0]
    for key in ("id", "name", "score", "band", "coverage", "answered", "total", "weight",
                "indicators"):
        assert key in dim
    ind = dim["indicators"][0]
    for key in ("id", "text", "score", "mean", "median", "n", "sd", "rwg", "weight", "uncertain",
                "reasons"):
        assert key in ind
    assert set(data["swot"]["by_dimension"]["unclassified"]) == {
        "strengths", "weaknesses", "opportunities", "threats", "net"}
    text = json.dumps(data, sort_keys=False)
    assert json.loads(text) == data
    again = json.dumps(to_json_dict(assess(sample(), CAT, date="2024-05-01")), sort_keys=False)
    assert again == text
    assert json.loads(to_json(assess(sample(), CAT, date="2024-05-01"))) == data


def test_json_values() -> None:
    # factor.land: 4 (w 2), 2, 5, 3: mean (8 + 2 + 5 + 3)/5 = 3.6 -> score 65
    # overall / firm group etc. are not needed here; check null and bands
    data = to_json_dict(assess(sample(), CAT))
    land = data["dimensions"][0]["indicators"][2]
    assert land["id"] == "factor.land"
    assert land["mean"] == pytest.approx(3.6, abs=1e-15)
    assert land["score"] == pytest.approx(65.0, abs=1e-12)
    assert land["band"] == "strong"
    energy = data["dimensions"][0]["indicators"][-1]
    assert energy["score"] is None
    assert data["overall"]["band"] in ("weak", "moderate", "strong", "leading")
    assert "null" in json.dumps(data)


# --------------------------------------------------------------------------- invariants


def random_questionnaire(seed: int) -> Questionnaire:
    rng = random.Random(seed)
    groups = ["firm", "university", "public", "ngo", "other"]
    respondents = []
    for k in range(rng.randint(1, 9)):
        answers: dict[str, int | None] = {}
        for indicator in rng.sample(ALL_INDICATORS, rng.randint(0, len(ALL_INDICATORS))):
            answers[indicator] = rng.choice([None, 1, 2, 3, 4, 5, 5])
        respondents.append(r(f"r{k}", answers, group=rng.choice(groups),
                             weight=rng.choice([0.5, 1, 1, 2, 3.25])))
    weights = {
        "indicators": {i: rng.choice([0, 0.5, 1, 2]) for i in rng.sample(ALL_INDICATORS, 5)},
        "dimensions": {d: rng.choice([0, 1, 1.5, 3]) for d in rng.sample(list(CAT.dimensions), 2)},
    }
    return make(respondents, weights=weights, swot=SWOT)


def scores(a: Assessment) -> list[Any]:
    """Every score, mean and median of an assessment (not sd or rwg, which depend on n)."""
    out: list[Any] = [a.overall]
    for d in a.dimensions:
        out.append(d.score)
        out.extend((i.score, i.mean, i.median) for i in d.indicators)
    out.extend((g.id, g.overall, dict(g.dimensions)) for g in a.groups)
    out.append(dict(a.group_spread))
    return out


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("method", ["mean", "median"])
def test_permuting_respondents_changes_nothing(seed: int, method: str) -> None:
    q = random_questionnaire(seed)
    shuffled = list(q.respondents)
    random.Random(seed + 1000).shuffle(shuffled)
    other = q.model_copy(update={"respondents": shuffled})
    base = to_json_dict(assess(q, CAT, method))
    moved = to_json_dict(assess(other, CAT, method))
    # the no-answers warning names silent respondents in file order; all else is identical
    base_warnings, moved_warnings = base.pop("warnings"), moved.pop("warnings")
    assert base == moved
    assert [(w["code"], sorted(w["subjects"])) for w in base_warnings] == [
        (w["code"], sorted(w["subjects"])) for w in moved_warnings]


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("method", ["mean", "median"])
def test_duplicating_respondents_changes_no_score(seed: int, method: str) -> None:
    q = random_questionnaire(seed)
    copies = [x.model_copy(update={"id": x.id + "-copy"}) for x in q.respondents]
    doubled = q.model_copy(update={"respondents": [*q.respondents, *copies]})
    assert scores(assess(q, CAT, method)) == scores(assess(doubled, CAT, method))


@pytest.mark.parametrize("seed", range(40))
def test_scores_stay_within_0_and_100(seed: int) -> None:
    for method in ("mean", "median"):
        a = assess(random_questionnaire(seed), CAT, method)
        values = [a.overall, *(d.score for d in a.dimensions),
                  *(i.score for i in a.indicators),
                  *(g.overall for g in a.groups),
                  *(s for g in a.groups for s in g.dimensions.values())]
        for value in values:
            assert value is None or 0.0 <= value <= 100.0
        for i in a.indicators:
            assert i.rwg is None or 0.0 <= i.rwg <= 1.0
            assert i.sd is None or i.sd >= 0.0


def test_exact_statistics_are_the_fraction_formulas() -> None:
    """``weighted_mean``, ``normalise`` and ``rwg`` (built from integer sums) give the
    values of the plain ``Fraction`` formulas, floats read as the decimals they print as."""
    from diamond.scoring.stats import normalise, rwg, weighted_mean

    rng = random.Random(8)
    for _ in range(500):
        k = rng.randint(0, 6)
        values = [rng.choice([Fraction(rng.randint(0, 900), rng.randint(1, 70)),
                              rng.randint(0, 100), rng.randint(0, 100) / 10]) for _ in range(k)]
        weights = [rng.choice([0, 0.0, 1, 2.5, 0.1, 1 / 3, 3]) for _ in range(k)]
        exact = [Fraction(repr(w)) if isinstance(w, float) else Fraction(w) for w in weights]
        xs = [Fraction(repr(v)) if isinstance(v, float) else Fraction(v) for v in values]
        total = sum(exact, Fraction(0))
        expected = (None if total == 0
                    else sum((w * x for w, x in zip(exact, xs, strict=True)), Fraction(0)) / total)
        assert weighted_mean(values, weights) == expected
        value = Fraction(rng.randint(-50, 500), rng.randint(1, 90))
        assert normalise(value, 1, 5) == (value - 1) / 4 * 100
        points = rng.randint(2, 11)
        variance = Fraction(rng.randint(0, 400), rng.randint(1, 30))
        plain = 1 - variance / Fraction(points * points - 1, 12)
        assert rwg(variance, 5, points) == min(Fraction(1), max(Fraction(0), plain))
    with pytest.raises(ValueError, match="negative weight"):
        weighted_mean([1, 2], [1, -1])


def test_over_common_denominator_is_each_number_over_the_lcm() -> None:
    """Numbers read exactly (a float as the decimal it prints as, a ``Fraction`` as it is),
    over their least common denominator: the numerators are the numbers times it."""
    from diamond.scoring.stats import over_common_denominator

    assert over_common_denominator([]) == ([], 1)
    assert over_common_denominator([1.0, 2, 3.0]) == ([1, 2, 3], 1)
    assert over_common_denominator([0.1, 0.25, Fraction(1, 3), -2]) == ([6, 15, 20, -120], 60)
    rng = random.Random(16)
    for _ in range(300):
        numbers = [rng.choice([rng.randint(-5, 9), rng.randint(0, 999) / 100, 1 / 3, 5e-324,
                               Fraction(rng.randint(-50, 50), rng.randint(1, 12))])
                   for _ in range(rng.randint(1, 8))]
        exact = [x if isinstance(x, Fraction) else Fraction(repr(x)) if isinstance(x, float)
                 else Fraction(x) for x in numbers]
        numerators, common = over_common_denominator(numbers)
        assert common == math.lcm(*(x.denominator for x in exact))
        assert numerators == [int(x * common) for x in exact]


def test_mean_in_units_is_weighted_mean() -> None:
    """The weights converted once (``Weighting``) give ``weighted_mean``'s exact mean."""
    from diamond.scoring.stats import over_common_denominator
    from diamond.scoring.weighting import mean_in_units

    rng = random.Random(61)
    for _ in range(500):
        k = rng.randint(0, 9)
        values = [rng.choice([None, Fraction(rng.randint(0, 900), rng.randint(1, 70))])
                  for _ in range(k)]
        weights = [rng.choice([0.0, 1.0, 2.5, 0.1, 1 / 3, 3.0, 1e6]) for _ in range(k)]
        units, _ = over_common_denominator(weights)
        present = [(v, w) for v, w in zip(values, weights, strict=True) if v is not None]
        expected = weighted_mean([v for v, _ in present], [w for _, w in present])
        found = mean_in_units(values, units)
        assert found == expected and (found is None or (
            found.numerator, found.denominator) == (expected.numerator, expected.denominator))
