"""What an assessment makes from its framework, weights and language alone is kept
(``scoring.memo``) and read back only for the same framework object, the same weights
(told apart by their ``repr``) and the same language."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from diamond.frameworks import builtin
from diamond.models.questionnaire import Questionnaire
from diamond.scoring import assess, to_json_dict
from diamond.scoring.memo import Memo
from diamond.scoring.weighting import Weighting, weighting_of, weights_key

CAT = builtin("stm-2015")


def _questionnaire(weights: dict[str, Any] | None = None, language: str = "en") -> Questionnaire:
    data: dict[str, Any] = {
        "diamond": 1,
        "sector": {"name": "S", "region": "R", "period": "2024", "language": language},
        "respondents": [
            {"id": f"r{k}", "group": ("firm", "public")[k % 2], "weight": 1.0 + k % 3,
             "answers": {i: 1 + (k * 7 + j) % 5 for j, i in enumerate(CAT.indicators)}}
            for k in range(9)],
    }
    if weights is not None:
        data["weights"] = weights
    return Questionnaire.model_validate(data)


def test_a_value_is_kept_per_framework_object_and_key() -> None:
    memo: Memo[list[str]] = Memo()
    one, other = object(), object()
    first = memo.get(one, "k", lambda: ["one"])
    assert memo.get(one, "k", lambda: ["again"]) is first
    assert memo.get(other, "k", lambda: ["other"]) == ["other"]
    assert memo.get(one, "j", lambda: ["j"]) == ["j"]


def test_the_weighting_is_kept_for_the_same_weights_only() -> None:
    plain = _questionnaire()
    weighted = _questionnaire({"indicators": {"factor.land": 2.0}, "dimensions": {"firm": 0.5}})
    assert weighting_of(plain, CAT) is weighting_of(_questionnaire(), CAT)
    kept = weighting_of(weighted, CAT)
    fresh = Weighting(weighted, CAT)
    assert kept is not weighting_of(plain, CAT)
    assert (kept.dimensions, kept.positive, kept.overall, kept.overall_units, kept.whole) == (
        fresh.dimensions, fresh.positive, fresh.overall, fresh.overall_units, fresh.whole)
    zero = _questionnaire({"dimensions": {"firm": 0.0}})
    assert weights_key(zero.weights) != weights_key(
        _questionnaire({"dimensions": {"firm": -0.0}}).weights)


def test_kept_records_follow_the_weights_and_the_language() -> None:
    for weights in (None, {"indicators": {"factor.land": 0.0}}, {"dimensions": {"demand": 3.0}}):
        for language in ("en", "tr"):
            q = _questionnaire(weights, language)
            first = to_json_dict(assess(q, CAT, bootstrap=0, sensitivity_samples=0))
            again = to_json_dict(assess(q, CAT, bootstrap=0, sensitivity_samples=0))
            assert first == again
            result = assess(q, CAT, bootstrap=0, sensitivity_samples=0)
            indicator = CAT.indicators["factor.land"]
            assert result.indicator("factor.land").text == indicator.text.get(language)
            assert result.indicator("factor.land").weight == (
                0.0 if weights == {"indicators": {"factor.land": 0.0}} else 1.0)
    turkish = assess(_questionnaire(), CAT, lang="tr", bootstrap=0, sensitivity_samples=0)
    assert turkish.dimensions[0].name == CAT.framework.dimensions[0].name.get("tr")
    assert replace(turkish, lang="tr") == turkish
