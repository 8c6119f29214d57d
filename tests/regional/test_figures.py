"""Hand-computed figures for a small table, and published reference values.

The small table (two regions A and B, two sectors 10 and 20, years 2020 and 2021):

=====  ======  ====  ====
region sector  2020  2021
=====  ======  ====  ====
A      10       100   120
A      20       300   330
B      10       400   400
B      20       200   150
=====  ======  ====  ====

By hand, 2020: E_A = 400, E_B = 600, E = 1000, E_10 = 500, E_20 = 500.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diamond.regional import MapOptions
from tests.regional.conftest import cell, compute

SMALL = [
    "A,Alfa,10,Food,2020,100", "A,Alfa,20,Chem,2020,300",
    "B,Beta,10,Food,2020,400", "B,Beta,20,Chem,2020,200",
    "A,Alfa,10,Food,2021,120", "A,Alfa,20,Chem,2021,330",
    "B,Beta,10,Food,2021,400", "B,Beta,20,Chem,2021,150",
]


def test_share_and_location_quotient_by_hand(tmp_path: Path) -> None:
    m = compute(tmp_path, SMALL)
    a10 = cell(m, "A", "10", 2020)
    assert a10["share"] == pytest.approx(100 / 400)  # 0.25
    assert a10["lq"] == pytest.approx((100 / 400) / (500 / 1000))  # 0.5
    b10 = cell(m, "B", "10", 2021)  # 2021: E_B = 550, E_10 = 520, E = 1000
    assert b10["lq"] == pytest.approx((400 / 550) / (520 / 1000))
    assert b10["lq_change"] == pytest.approx((400 / 550) / (520 / 1000) - 4 / 3)
    a20 = cell(m, "A", "20", 2021)
    assert a20["growth"] == pytest.approx(330 / 300 - 1)
    assert (a20["region_total"], a20["sector_national"], a20["national_total"]) == (
        450, 480, 1000)


def test_hoover_and_krugman_by_hand(tmp_path: Path) -> None:
    m = compute(tmp_path, SMALL)
    a = m.regions.filter((m.regions["region"] == "A") & (m.regions["year"] == 2020)).row(
        0, named=True)
    # Hoover: ½ (|0.25 − 0.5| + |0.75 − 0.5|) = 0.25
    assert a["hoover"] == pytest.approx(0.25)
    # Krugman against the rest (B): |0.25 − 400/600| + |0.75 − 200/600| = 5/6
    assert a["krugman"] == pytest.approx(5 / 6)
    assert a["employment"] == 400 and a["total_source"] == "sum"


def test_shift_share_by_hand_and_its_identity(tmp_path: Path) -> None:
    m = compute(tmp_path, SMALL)
    rows = {(r["region"], r["sector"]): r for r in m.shift_share.iter_rows(named=True)}
    a10 = rows[("A", "10")]
    # G = 1000/1000 − 1 = 0; g_10 = 520/500 − 1 = 0.04
    assert a10["national"] == pytest.approx(0.0)
    assert a10["industry_mix"] == pytest.approx(100 * 0.04)
    assert a10["regional_shift"] == pytest.approx(20 - 4)
    for r in rows.values():
        total = r["national"] + r["industry_mix"] + r["regional_shift"]
        assert total == pytest.approx(r["employment_to"] - r["employment_from"])


def test_shift_share_with_national_growth(tmp_path: Path) -> None:
    rows = ["A,Alfa,10,Food,2020,100", "A,Alfa,20,Chem,2020,100",
            "B,Beta,10,Food,2020,100", "B,Beta,20,Chem,2020,100",
            "A,Alfa,10,Food,2021,150", "A,Alfa,20,Chem,2021,110",
            "B,Beta,10,Food,2021,130", "B,Beta,20,Chem,2021,90"]
    m = compute(tmp_path, rows)
    r = next(r for r in m.shift_share.iter_rows(named=True) if r["region"] == "A"
             and r["sector"] == "10")
    # G = 480/400 − 1 = 0.2; g_10 = 280/200 − 1 = 0.4; NS = 20, IM = 20, RS = 50 − 40 = 10
    assert (r["national"], r["industry_mix"], r["regional_shift"]) == pytest.approx((20, 20, 10))


def test_published_location_quotient_farhauer_kroell(tmp_path: Path) -> None:
    """Farhauer & Kröll (2013), *Standorttheorien*, Springer, as reproduced in the R
    package REAT's ``locq`` documentation: ``locq(1714, 79006, 879213, 15593224)``
    returns 0.3847623 (https://rdocumentation.org/packages/REAT/versions/1.3.2/topics/locq).
    Here the region's and the country's totals come from TOTAL rows."""
    m = compute(tmp_path, ["X,Region,10,Industry,2013,1714", "X,Region,TOTAL,All,2013,79006",
                           "TOTAL,Country,10,Industry,2013,879213",
                           "TOTAL,Country,TOTAL,All,2013,15593224"],
                header="region,region_name,sector,sector_name,year,employment")
    assert cell(m, "X", "10", 2013)["lq"] == pytest.approx(0.3847623, abs=5e-8)
    assert m.base.region_totals == "rows" and m.base.national_total == "rows"


def test_two_region_identity_national_terms_cancel(tmp_path: Path) -> None:
    """LQ_a / LQ_b = (e_a / E_a) / (e_b / E_b), whatever the national figures are."""
    rows = ["A,Alfa,10,Food,2020,1714", "A,Alfa,TOTAL,All,2020,79006",
            "B,Beta,10,Food,2020,5120", "B,Beta,TOTAL,All,2020,131000",
            "TOTAL,Country,10,Food,2020,879213", "TOTAL,Country,TOTAL,All,2020,15593224"]
    m = compute(tmp_path, rows)
    ratio = cell(m, "A", "10", 2020)["lq"] / cell(m, "B", "10", 2020)["lq"]  # type: ignore[operator]
    assert ratio == pytest.approx((1714 / 79006) / (5120 / 131000), rel=1e-12)


def test_base_table_ignores_total_rows(tmp_path: Path) -> None:
    rows = ["A,Alfa,10,Food,2020,100", "A,Alfa,20,Chem,2020,300", "A,Alfa,TOTAL,All,2020,1000",
            "B,Beta,10,Food,2020,400", "B,Beta,20,Chem,2020,200", "B,Beta,TOTAL,All,2020,1000"]
    all_base = compute(tmp_path, rows)
    assert cell(all_base, "A", "10", 2020)["share"] == pytest.approx(0.1)
    assert all_base.base.region_totals == "rows" and all_base.base.national_total == "sum"
    subset = compute(tmp_path, rows, MapOptions(base="table"))
    assert cell(subset, "A", "10", 2020)["share"] == pytest.approx(0.25)
    assert subset.base.kind == "table" and subset.base.region_totals == "sum"


def test_optional_columns_give_size_and_relative_wage(tmp_path: Path) -> None:
    header = "region,region_name,sector,sector_name,year,employment,establishments,wages"
    rows = ["A,Alfa,10,Food,2020,100,10,1000", "B,Beta,10,Food,2020,300,5,6000"]
    m = compute(tmp_path, rows, header=header)
    a = cell(m, "A", "10", 2020)
    assert a["avg_size"] == pytest.approx(10)
    # A's average wage 10 over the national 7000/400 = 17.5
    assert a["relative_wage"] == pytest.approx(10 / 17.5)
