"""``diamond.compare``: standard errors and significance worked out by hand, summaries, rules."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from diamond.compare import (
    MIN_IMPROVED_AREAS,
    below,
    change,
    combined_se,
    compare,
    comparison_to_json_dict,
    dimension_se,
    indicator_se,
    recent_declines,
)
from diamond.loader import LoadOptions, load_text, require_valid
from diamond.scoring import Assessment, assess

# Indicator columns: one list of answers per respondent position (None: not answered).
Answers = dict[str, list[int | None]]


def questionnaire_text(
    answers: Answers, *, name: str = "Havacılık", region: str = "Eskişehir",
    period: str = "2015", weights: dict[str, object] | None = None,
    scale: tuple[int, int] = (1, 5), framework: str | None = None, lang: str = "en",
) -> str:
    """A questionnaire in YAML whose respondent ``k`` gives ``answers[i][k]`` to indicator i."""
    count = max((len(v) for v in answers.values()), default=1)
    respondents = []
    for k in range(count):
        given = {i: v[k] for i, v in answers.items() if k < len(v)}
        respondents.append({"id": f"r{k + 1}", "answers": given})
    data: dict[str, object] = {
        "diamond": 1,
        "sector": {"name": name, "region": region, "period": period, "language": lang},
        "scale": {"min": scale[0], "max": scale[1]},
        "respondents": respondents,
    }
    if framework is not None:
        data["framework"] = framework
    if weights:
        data["weights"] = weights
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def assessed(answers: Answers, tmp_path: Path | None = None, **kwargs: object) -> Assessment:
    text = questionnaire_text(answers, **kwargs)  # type: ignore[arg-type]
    base = tmp_path or Path.cwd()
    q, catalogue = require_valid(load_text(text, "q.yaml", base, LoadOptions()))
    return assess(q, catalogue, "mean")


BEFORE: Answers = {"factor.land": [2, 3, 4], "factor.labour_cost": [3, 3, 4],
                   "firm.sme_count": [3]}
AFTER: Answers = {"factor.land": [4, 5, 5], "factor.labour_cost": [3, 4, 4],
                  "firm.sme_count": [5]}


# ------------------------------------------------------------------ standard errors by hand


def test_indicator_se_by_hand() -> None:
    a, b = assessed(BEFORE), assessed(AFTER)
    land_a, land_b = a.indicator("factor.land"), b.indicator("factor.land")
    # [2, 3, 4]: sd 1, n 3 -> 1/√3 × 100/(5 − 1) = 25/√3
    assert indicator_se(land_a, 1, 5) == pytest.approx(25 / math.sqrt(3))
    # [4, 5, 5]: sd √(1/3), n 3 -> √(1/3)/√3 × 25 = 25/3
    assert indicator_se(land_b, 1, 5) == pytest.approx(25 / 3)
    # one answer: no SE, whatever the sd
    assert indicator_se(a.indicator("firm.sme_count"), 1, 5) is None
    # nobody answered
    assert indicator_se(a.indicator("factor.energy_cost"), 1, 5) is None


def test_se_follows_the_scale() -> None:
    # The same spread on a 1..7 scale: × 100/6 instead of × 100/4.
    a = assessed({"factor.land": [2, 3, 4]}, scale=(1, 7))
    assert indicator_se(a.indicator("factor.land"), 1, 7) == pytest.approx(100 / 6 / math.sqrt(3))


def test_dimension_se_by_hand() -> None:
    a, b = assessed(BEFORE), assessed(AFTER)
    # √((25/√3)² + (25/3)²)/2 = √(625/3 + 625/9)/2 = (50/3)/2
    assert dimension_se(a.dimension("factor"), 1, 5) == pytest.approx(25 / 3)
    # √((25/3)² + (25/3)²)/2 = 25√2/6
    assert dimension_se(b.dimension("factor"), 1, 5) == pytest.approx(25 * math.sqrt(2) / 6)
    # firm: its only indicator has n = 1, so no SE
    assert dimension_se(a.dimension("firm"), 1, 5) is None


def test_dimension_se_uses_indicator_weights() -> None:
    a = assessed(BEFORE, weights={"indicators": {"factor.land": 2}})
    expected = math.sqrt((2 * 25 / math.sqrt(3)) ** 2 + (25 / 3) ** 2) / 3
    assert dimension_se(a.dimension("factor"), 1, 5) == pytest.approx(expected)


def test_combined_se_rules() -> None:
    assert combined_se([(1.0, 3.0), (1.0, 4.0)]) == pytest.approx(2.5)
    assert combined_se([(1.0, 3.0), (0.0, None)]) == pytest.approx(3.0)  # weight 0 is left out
    assert combined_se([(1.0, 3.0), (1.0, None)]) is None
    assert combined_se([]) is None


def test_change_rule() -> None:
    # Normal theory for two independent estimates: SE = √(5² + 5²) = 7.07, half-width
    # 1.96 · 7.07 = 13.86.
    assert change(50.0, 5.0, 65.0, 5.0).significant is True  # 15 > 13.86
    assert change(50.0, 5.0, 61.0, 5.0).significant is False  # 11 < 13.86
    assert change(50.0, 5.0, 61.0, 5.0).p == pytest.approx(
        math.erfc(11 / math.sqrt(50) / math.sqrt(2)))
    assert change(50.0, 5.0, 35.0, 5.0).verdict == "declined"
    assert change(50.0, None, 90.0, 1.0).significant is None
    assert change(50.0, None, 90.0, 1.0).delta == pytest.approx(40.0)
    assert change(None, 1.0, 90.0, 1.0).delta is None
    assert change(50.0, 1.0, 50.0, 1.0).verdict == "not-significant"


def test_significance_by_hand_is_paired_for_the_same_respondents() -> None:
    c = compare([assessed(BEFORE), assessed(AFTER)], ["a.yaml", "b.yaml"])
    land = next(i for i in c.indicators if i.id == "factor.land")
    # r1..r3 answer twice: differences 50, 50, 25 (score points); mean 41.67, sd 14.43,
    # SE 8.33, t = 5 on 2 df: p = 1 − 5/√27 (closed form for 2 df).
    assert land.change.delta == pytest.approx(125 / 3)
    assert land.change.method == "paired" and land.change.se == pytest.approx(25 / 3)
    assert land.change.p == pytest.approx(1 - 5 / math.sqrt(27))
    assert land.change.verdict == "improved"
    labour = next(i for i in c.indicators if i.id == "factor.labour_cost")
    # differences 0, 25, 0: mean 8.33, SE 8.33, t = 1: not significant
    assert labour.change.delta == pytest.approx(25 / 3)
    assert labour.change.significant is False
    sme = next(i for i in c.indicators if i.id == "firm.sme_count")
    assert sme.change.delta == pytest.approx(50.0)
    assert sme.change.significant is None and sme.change.verdict == "unknown"
    factor = c.dimensions[0]
    assert factor.id == "factor"
    # own dimension scores 37.5/50/75 -> 62.5/87.5/87.5: differences 25, 37.5, 12.5,
    # SE 12.5/√3, t = 25/(12.5/√3) = 3.46 on 2 df: p = 1 − t/√(t² + 2) = 0.074.
    t = 25 / (12.5 / math.sqrt(3))
    assert factor.change.delta == pytest.approx(25.0)
    assert factor.change.p == pytest.approx(1 - t / math.sqrt(t * t + 2))
    assert factor.change.significant is False


def test_different_clusters_are_never_paired() -> None:
    c = compare([assessed(BEFORE), assessed(AFTER, region="Bursa")])
    land = next(i for i in c.indicators if i.id == "factor.land")
    # Welch: answers 2,3,4 and 4,5,5 (×25): SEs 25/√3 and 25/3, df from Welch–Satterthwaite
    assert land.change.method == "welch"
    assert land.change.se == pytest.approx(math.sqrt((25 / math.sqrt(3)) ** 2 + (25 / 3) ** 2))


@pytest.mark.parametrize("scale", [1e-170, 1e155])
def test_compare_does_not_depend_on_the_scale_of_the_weights(scale: float) -> None:
    plain = comparison_to_json_dict(compare([assessed(BEFORE), assessed(AFTER)]))
    weights = {"dimensions": {"factor": 2 * scale, "firm": scale, "demand": scale,
                              "related": scale},
               "indicators": {"factor.land": 3 * scale, "factor.labour_cost": scale}}
    plain_w = {"dimensions": {"factor": 2, "firm": 1, "demand": 1, "related": 1},
               "indicators": {"factor.land": 3, "factor.labour_cost": 1}}
    base = comparison_to_json_dict(compare([assessed(BEFORE, weights=plain_w),
                                            assessed(AFTER, weights=plain_w)]))
    scaled = comparison_to_json_dict(compare([assessed(BEFORE, weights=weights),
                                              assessed(AFTER, weights=weights)]))
    assert plain["overall"]["change"]["se"] is not None
    for key in ("overall",):
        a, b = base[key]["change"], scaled[key]["change"]
        assert b["se"] == pytest.approx(a["se"]) and b["se"] > 0
        assert b["p"] == pytest.approx(a["p"]) and b["verdict"] == a["verdict"]
    for a, b in zip(base["dimensions"], scaled["dimensions"], strict=True):
        for key in ("delta", "se", "p"):
            assert b["change"][key] == pytest.approx(a["change"][key])


# ------------------------------------------------------------------ summary and rules


def _series(values: list[list[int]]) -> Answers:
    return {"factor.land": values[0], "factor.labour_cost": values[1],
            "factor.energy_cost": values[2], "demand.domestic": values[3]}


LOW = [[1, 2, 1], [1, 2, 1], [1, 2, 1], [4, 5, 4]]
HIGH = [[5, 4, 5], [5, 4, 5], [5, 4, 5], [1, 2, 1]]


def test_improved_declined_and_not_significant_lists() -> None:
    first = assessed(_series(LOW))
    last = assessed(_series([HIGH[0], HIGH[1], LOW[2], HIGH[3]]))
    c = compare([first, last])
    s = c.summary
    assert [a.id for a in s.improved] == ["factor", "factor.land", "factor.labour_cost"]
    assert [a.id for a in s.declined] == ["demand", "demand.domestic"]
    assert [a.id for a in s.unchanged] == ["factor.energy_cost"]
    assert s.not_significant == ()
    assert s.improved_indicators == 2 and not s.rule_passed


def test_three_areas_rule() -> None:
    c = compare([assessed(_series(LOW)), assessed(_series(HIGH))])
    assert MIN_IMPROVED_AREAS == 3
    assert c.summary.improved_indicators == 3
    assert c.summary.rule_passed
    data = comparison_to_json_dict(c)["summary"]["rule"]
    assert data == {"improved_indicators": 3, "threshold": 3, "passed": True}


def test_not_significant_change_is_listed_separately() -> None:
    first = assessed({"factor.land": [2, 3, 4]})
    last = assessed({"factor.land": [3, 3, 4]})
    s = compare([first, last]).summary
    assert [a.id for a in s.not_significant] == ["factor", "factor.land"]
    assert s.improved == () and s.declined == ()


def test_changes_from_previous_and_first_with_three_inputs() -> None:
    inputs = [assessed(_series(LOW), period=p) for p in ("2015", "2017")]
    inputs.append(assessed(_series(HIGH), period="2019"))
    c = compare(inputs)
    land = next(i for i in c.indicators if i.id == "factor.land")
    assert land.points[0].from_previous is None and land.points[0].from_first is None
    assert land.points[1].from_previous is not None
    assert land.points[1].from_previous.delta == pytest.approx(0.0)
    assert land.points[2].from_previous == land.points[2].from_first
    assert [i.label for i in c.inputs] == ["2015", "2017", "2019"]
    assert c.mode == "period"


def test_fail_below_and_recent_declines() -> None:
    low, high = assessed(_series(LOW)), assessed(_series(HIGH))
    c = compare([low, high, low])  # the last step takes factor down again
    assert [d.id for d in recent_declines(c)] == ["factor"]
    assert [d.id for d in recent_declines(compare([low, high]))] == ["demand"]
    assert c.last_overall is not None
    assert below(c, c.last_overall + 0.1) and not below(c, c.last_overall)


# ------------------------------------------------------------------ labels and frameworks


def test_cross_cluster_labels() -> None:
    a = assessed(BEFORE, name="Havacılık", region="Eskişehir")
    b = assessed(BEFORE, name="Seramik", region="Kütahya")
    c = compare([a, b])
    assert c.mode == "cluster"
    assert [i.label for i in c.inputs] == ["Havacılık — Eskişehir", "Seramik — Kütahya"]
    twice = compare([a, b, assessed(BEFORE, name="Seramik", region="Kütahya", period="2019")])
    assert [i.label for i in twice.inputs][1:] == ["Seramik — Kütahya — 2015",
                                                    "Seramik — Kütahya — 2019"]


def test_same_period_twice_gets_numbered() -> None:
    c = compare([assessed(BEFORE), assessed(AFTER)])
    assert [i.label for i in c.inputs] == ["2015 (1)", "2015 (2)"]


def test_cross_framework_compares_common_parts_and_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import EXAMPLES

    from diamond.loader import load_questionnaire

    valid = EXAMPLES / "valid"
    monkeypatch.chdir(valid)
    extended = require_valid(load_questionnaire("custom-framework.yaml"))
    other = assess(*extended, "mean")
    base = assessed(BEFORE)
    c = compare([base, other])
    assert [d.id for d in c.dimensions] == ["factor", "firm", "demand", "related"]
    (warning,) = c.warnings
    assert warning.code == "different-frameworks"
    assert "government" in warning.message and "chance" in warning.message
    assert warning.params["dimensions"] == "4"
    extra = {i.id for d in other.dimensions for i in d.indicators} - {
        i.id for i in c.indicators}
    assert all(x in warning.params["left_out"] for x in extra)


def test_same_framework_has_no_warning() -> None:
    assert compare([assessed(BEFORE), assessed(AFTER)]).warnings == ()


def test_needs_two_assessments() -> None:
    with pytest.raises(ValueError, match="at least two"):
        compare([assessed(BEFORE)])
    with pytest.raises(ValueError, match="sources"):
        compare([assessed(BEFORE), assessed(AFTER)], ["only-one"])


def test_json_keys_and_order() -> None:
    data = comparison_to_json_dict(compare([assessed(BEFORE), assessed(AFTER)], ["a", "b"]))
    assert list(data) == ["format", "kind", "mode", "language", "method", "inputs", "overall",
                          "dimensions", "summary", "warnings"]
    assert data["inputs"][1]["source"] == "b"
    factor = data["dimensions"][0]
    assert factor["number"] == "1.1"
    assert factor["points"][1]["from_first"]["verdict"] == "not-significant"  # paired, p = .074
    assert factor["indicators"][0]["dimension"] == "factor"
