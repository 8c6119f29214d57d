"""The evidence block: its validation, its figures computed by hand (in the comments), its rules.

The example figures (TÜİK/SGK-style, 2014):
  sector_region 28,000; total_region 2,100,000; sector_country 52,000; total_country 26,000,000;
  patents 120; exports_usd 1,650,000,000.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from pydantic import ValidationError

from diamond.frameworks import builtin
from diamond.models.questionnaire import Evidence, Questionnaire
from diamond.scoring import assess, to_json_dict
from diamond.scoring.evidence import (
    RULES,
    analyse,
    disagreements,
    location_quotient,
    lq_band,
    lq_band_label,
)

CAT = builtin("stm-2015")

EXAMPLE: dict[str, Any] = {
    "year": 2014,
    "source": "TÜİK, SGK 2014",
    "employment": {
        "sector_region": 28_000,
        "total_region": 2_100_000,
        "sector_country": 52_000,
        "total_country": 26_000_000,
    },
    "establishments": 350,
    "patents": 120,
    "exports_usd": 1_650_000_000,
}


def make(evidence: dict[str, Any] | None, answers: dict[str, int] | None = None) -> Questionnaire:
    data: dict[str, Any] = {
        "diamond": 1,
        "sector": {"name": "Savunma", "region": "Ankara", "period": "2015", "language": "en"},
        "respondents": [{"id": "a", "answers": answers or {"factor.land": 3}}],
    }
    if evidence is not None:
        data["evidence"] = evidence
    return Questionnaire.model_validate(data)


def employment(**figures: int) -> dict[str, Any]:
    return {"employment": figures}


# --------------------------------------------------------------------------- figures


def test_the_example_figures() -> None:
    evidence = Evidence.model_validate(EXAMPLE)
    # regional share 28,000 / 2,100,000 = 1/75; national share 52,000 / 26,000,000 = 1/500
    # LQ = (1/75) / (1/500) = 500/75 = 20/3 = 6.666…
    assert location_quotient(evidence) == Fraction(20, 3)
    result = analyse(evidence, {})
    assert result.lq == pytest.approx(20 / 3, abs=1e-15)
    assert result.lq_band == "specialised"
    # 100 × 1/75 = 4/3 % of the region's employment
    assert result.regional_share == pytest.approx(4 / 3, abs=1e-15)
    # 10,000 × 120 / 28,000 = 1,200,000 / 28,000 = 300/7 = 42.857…
    assert result.patents_per_10k == pytest.approx(300 / 7, abs=1e-12)
    # 1,650,000,000 / 28,000 = 1,650,000 / 28 = 412,500/7 = 58,928.57… US dollars
    assert result.exports_per_employee == pytest.approx(412_500 / 7, abs=1e-9)
    assert (result.year, result.source, result.establishments) == (2014, "TÜİK, SGK 2014", 350)
    assert result.disagreements == ()  # no perceived scores given


def test_missing_inputs_give_none() -> None:
    empty = analyse(Evidence.model_validate({}), {})
    assert (empty.lq, empty.lq_band, empty.regional_share) == (None, None, None)
    assert (empty.patents_per_10k, empty.exports_per_employee) == (None, None)
    # no national figures: no LQ, but the regional share 28,000 / 2,100,000 = 4/3 %
    regional = analyse(Evidence.model_validate(
        {**employment(sector_region=28_000, total_region=2_100_000), "patents": 120}), {})
    assert regional.lq is None and regional.lq_band is None
    assert regional.regional_share == pytest.approx(4 / 3, abs=1e-15)
    assert regional.patents_per_10k == pytest.approx(300 / 7, abs=1e-12)
    # patents and exports without the sector's regional employment: nothing per employee
    counts = analyse(Evidence.model_validate({"patents": 5, "exports_usd": 1e6}), {})
    assert counts.patents_per_10k is None and counts.exports_per_employee is None


def test_zero_sector_employment() -> None:
    # the sector employs nobody in the country (so nobody in the region): LQ 0/0 is undefined
    none = analyse(Evidence.model_validate(employment(
        sector_region=0, total_region=10, sector_country=0, total_country=100)), {})
    assert none.lq is None and none.regional_share == 0.0
    # nobody in the region but some in the country: LQ 0, under-represented; 0 employees: no rate
    zero = analyse(Evidence.model_validate({**employment(
        sector_region=0, total_region=10, sector_country=5, total_country=100), "patents": 0}), {})
    assert zero.lq == 0.0 and zero.lq_band == "under-represented"
    assert zero.patents_per_10k is None


@pytest.mark.parametrize(("lq", "band"), [
    (1.25, "specialised"),
    (1.245001, "specialised"),  # shown as 1.25
    (1.2449, "average"),  # shown as 1.24
    (1.0, "average"),
    (0.8, "average"),
    (0.7951, "average"),  # shown as 0.80
    (0.7949, "under-represented"),  # shown as 0.79
    (0.0, "under-represented"),
])
def test_lq_bands_on_the_value_rounded_to_two_decimals(lq: float, band: str) -> None:
    assert lq_band(lq) == band


def test_lq_band_of_exact_figures_and_labels() -> None:
    # region 125 / 1,000 = 1/8; country 1,000 / 10,000 = 1/10; LQ = (1/8)/(1/10) = 5/4 exactly
    evidence = Evidence.model_validate(employment(
        sector_region=125, total_region=1_000, sector_country=1_000, total_country=10_000))
    assert location_quotient(evidence) == Fraction(5, 4)
    assert analyse(evidence, {}).lq_band == "specialised"
    assert lq_band(None) is None
    assert lq_band_label("specialised", "tr") == "uzmanlaşmış"
    assert lq_band_label("under-represented", "en") == "under-represented"


# --------------------------------------------------------------------------- rules


def fired(lq: float | None, patents: float | None, scores: dict[str, float | None]) -> list[str]:
    return [d.rule for d in disagreements({"lq": lq, "patents_per_10k": patents}, scores)]


@pytest.mark.parametrize(("lq", "factor", "expected"), [
    (1.25, 39.9, ["specialised-but-weak-factors"]),  # weak
    (6.67, 59.9, ["specialised-but-weak-factors"]),  # moderate
    (1.25, 59.96, []),  # shown as 60.0: strong, no disagreement
    (1.2449, 20.0, []),  # shown as 1.24: average, no disagreement
    (0.79, 60.0, ["under-represented-but-strong-factors"]),  # strong
    (0.5, 95.0, ["under-represented-but-strong-factors"]),  # leading
    (0.79, 59.9, []),  # moderate
    (0.7951, 80.0, []),  # shown as 0.80: average
    (1.0, 10.0, []),  # average LQ never disagrees
    (1.5, None, []),  # factor unscored
    (None, 10.0, []),  # no LQ
])
def test_lq_rules(lq: float | None, factor: float | None, expected: list[str]) -> None:
    assert fired(lq, None, {"factor": factor}) == expected


@pytest.mark.parametrize(("patents", "ip", "expected"), [
    (10.0, 39.9, ["patents-but-weak-ip"]),
    (9.96, 0.0, ["patents-but-weak-ip"]),  # shown as 10.0
    (9.94, 0.0, []),  # shown as 9.9
    (42.9, 39.96, []),  # shown as 40.0: moderate
    (0.94, 60.0, ["few-patents-but-strong-ip"]),  # shown as 0.9
    (0.0, 100.0, ["few-patents-but-strong-ip"]),
    (0.96, 75.0, []),  # shown as 1.0
    (0.5, 59.9, []),  # moderate
    (5.0, 0.0, []),  # between the thresholds
    (None, 0.0, []),
])
def test_patent_rules(patents: float | None, ip: float | None, expected: list[str]) -> None:
    assert fired(None, patents, {"firm.ip_indicators": ip}) == expected


def test_a_disagreement_carries_both_languages() -> None:
    (found,) = disagreements({"lq": 20 / 3, "patents_per_10k": None}, {"factor": 56.25})
    assert (found.rule, found.metric, found.value, found.threshold) == (
        "specialised-but-weak-factors", "lq", 6.67, 1.25)
    assert (found.subject, found.score, found.band) == ("factor", 56.25, "moderate")
    assert "LQ 6.67 ≥ 1.25" in found.message["en"] and "moderate (56.2)" in found.message["en"]
    assert "LQ 6,67 ≥ 1,25" in found.message["tr"] and "orta (56,2)" in found.message["tr"]


def test_rules_are_one_table_with_messages_in_both_languages() -> None:
    assert len({r.id for r in RULES}) == len(RULES) == 4
    for rule in RULES:
        assert set(rule.message) == {"tr", "en"}
        assert rule.subject in CAT.dimensions or rule.subject in CAT.indicators


def test_assessment_and_json_carry_the_evidence() -> None:
    # factor: main_industry 5 → 100, skilled_workforce 2 → 25; mean 62.5 (strong): no clash
    # firm.ip_indicators 1 → 0 (weak) with 42.9 patents per 10,000 (≥ 10): disagreement
    q = make(EXAMPLE, {"factor.main_industry": 5, "factor.skilled_workforce": 2,
                       "firm.ip_indicators": 1})
    a = assess(q, CAT)
    assert a.evidence is not None
    assert [d.rule for d in a.evidence.disagreements] == ["patents-but-weak-ip"]
    data = to_json_dict(a)["evidence"]
    assert data["employment"] == EXAMPLE["employment"]
    assert data["lq_band"] == "specialised" and data["patents"] == 120
    assert list(data) == [
        "year", "source", "employment", "establishments", "patents", "exports_usd", "lq",
        "lq_band", "regional_share_pct", "patents_per_10k", "exports_per_employee",
        "disagreements"]
    assert data["disagreements"][0]["message"]["en"].startswith("The sector patents actively")
    assert to_json_dict(assess(make(None), CAT))["evidence"] is None


# --------------------------------------------------------------------------- validation


def errors(evidence: Any) -> list[tuple[tuple[Any, ...], str, str]]:
    with pytest.raises(ValidationError) as caught:
        make(evidence)
    return [(e["loc"], e["type"], e["msg"]) for e in caught.value.errors()]


def test_negative_figures_are_refused() -> None:
    found = errors({**employment(sector_region=-1, total_region=0), "patents": -2,
                    "establishments": -3, "exports_usd": -0.5})
    assert {(loc[-1], kind) for loc, kind, _ in found} == {
        ("sector_region", "greater_than_equal"), ("total_region", "greater_than"),
        ("patents", "greater_than_equal"), ("establishments", "greater_than_equal"),
        ("exports_usd", "greater_than_equal")}


def test_sector_above_total_is_refused_with_a_clear_message() -> None:
    ((loc, kind, message),) = errors(employment(sector_region=30_000, total_region=20_000))
    assert loc == ("evidence", "employment") and kind == "value_error"
    assert "sector_region (30,000) exceeds total_region (20,000)" in message
    ((_, _, message),) = errors(employment(
        sector_region=10, total_region=3_000_000, sector_country=50, total_country=2_000_000))
    assert "total_region (3,000,000) exceeds total_country (2,000,000)" in message
    ((_, _, message),) = errors(employment(sector_country=60, total_country=50))
    assert "sector_country (60) exceeds total_country (50)" in message


def test_unknown_keys_and_wrong_types_are_refused() -> None:
    found = errors({"employment": {"sector_regoin": 1}, "patent": 3})
    assert {(loc[-1], kind) for loc, kind, _ in found} == {
        ("sector_regoin", "extra_forbidden"), ("patent", "extra_forbidden")}
    found = errors({"patents": 1.5, "establishments": True, "exports_usd": "1e9",
                    "employment": {"total_region": float("inf")}})
    assert {(loc[-1], kind) for loc, kind, _ in found} == {
        ("patents", "int_type"), ("establishments", "int_type"), ("exports_usd", "float_type"),
        ("total_region", "int_type")}
    ((loc, _, message),) = errors({"year": 14})
    assert loc == ("evidence", "year") and "year from 1000 to 9999" in message
    assert errors({"exports_usd": float("nan")})[0][1] == "finite_number"


def test_valid_forms() -> None:
    assert make({"year": "2013-2014"}).evidence is not None
    assert make({"employment": None}).evidence == Evidence()
    assert make({}).evidence == Evidence()
    # exports may be a whole number or a decimal; counts may be 0
    evidence = make({"exports_usd": 12, "patents": 0}).evidence
    assert evidence is not None and evidence.exports_usd == 12.0 and evidence.patents == 0
