"""The star thresholds and the strong-cluster rule, at their boundaries.

European Cluster Observatory, "Evaluation of regional cluster strength"
(http://www.clusterobservatory.eu/index.php?id=49&nid=): a cluster gets one star each
for size (top 10 % of the category's regions by employees), specialisation (location
quotient of 2 or more) and focus (top 10 % by the share of the region's employment).
U.S. Cluster Mapping Project (https://clustermapping.us): a "strong cluster" is in the
top quarter (25 %) of regions by specialisation (LQ) in its category.
"""

from __future__ import annotations

from pathlib import Path

from diamond.regional import MapOptions, Thresholds
from tests.regional.conftest import cell, compute


def _twenty_regions() -> list[str]:
    """Sector 10 in 20 regions with 1..20 employees; every region totals 100."""
    rows = []
    for n in range(1, 21):
        rows += [f"R{n:02d},Region {n},10,Food,2020,{n}",
                 f"R{n:02d},Region {n},20,Other,2020,{100 - n}"]
    return rows


def test_size_star_goes_to_the_top_ten_per_cent(tmp_path: Path) -> None:
    m = compute(tmp_path, _twenty_regions())
    size = {n: cell(m, f"R{n:02d}", "10", 2020)["star_size"] for n in range(1, 21)}
    assert [n for n, star in size.items() if star] == [19, 20]  # 10 % of 20 regions = 2


def test_focus_star_and_strong_cluster(tmp_path: Path) -> None:
    m = compute(tmp_path, _twenty_regions())
    focus = [n for n in range(1, 21) if cell(m, f"R{n:02d}", "10", 2020)["star_focus"]]
    strong = [n for n in range(1, 21) if cell(m, f"R{n:02d}", "10", 2020)["strong"]]
    assert focus == [19, 20]
    assert strong == [16, 17, 18, 19, 20]  # 25 % of 20 regions = 5


def test_specialisation_star_at_lq_two_exactly(tmp_path: Path) -> None:
    # Country: sector 10 is 100 of 1000 (10 %). A: 20 of 100 → LQ 2.0; B: 199 of 1000 → 1.99
    rows = ["A,Alfa,10,Food,2020,20", "A,Alfa,TOTAL,All,2020,100",
            "B,Beta,10,Food,2020,199", "B,Beta,TOTAL,All,2020,1000",
            "TOTAL,Country,10,Food,2020,1000", "TOTAL,Country,TOTAL,All,2020,10000"]
    m = compute(tmp_path, rows)
    assert cell(m, "A", "10", 2020)["star_specialisation"] is True
    assert cell(m, "B", "10", 2020)["star_specialisation"] is False


def test_ties_share_the_rank_and_thresholds_are_configurable(tmp_path: Path) -> None:
    rows = [f"R{n},Region,10,Food,2020,{50 if n < 3 else 10}" for n in range(10)]
    rows += [f"R{n},Region,20,Other,2020,100" for n in range(10)]
    m = compute(tmp_path, rows)
    assert [cell(m, f"R{n}", "10", 2020)["star_size"] for n in range(4)] == [
        True, True, True, False]
    wide = compute(tmp_path, rows, MapOptions(thresholds=Thresholds(size_top=0.0)))
    assert not any(cell(wide, f"R{n}", "10", 2020)["star_size"] for n in range(10))


def test_stars_add_up_and_shortlist_ranks_candidates(tmp_path: Path) -> None:
    m = compute(tmp_path, _twenty_regions())
    c = cell(m, "R20", "10", 2020)
    assert c["stars"] == int(c["star_size"]) + int(c["star_specialisation"]) + int(
        c["star_focus"])
    first = m.shortlist.filter(m.shortlist["region"] == "R20").row(0, named=True)
    assert first["rank"] == 1 and first["sector"] == "10"
