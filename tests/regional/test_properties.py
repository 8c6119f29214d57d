"""Identities that hold for every table (hypothesis): shift-share adds up, the LQs of a
sector average to 1 weighted by regional employment, Hoover lies in [0, 1]."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diamond.regional import MapOptions, map_table

SECTORS = ("10", "20", "30")
REGIONS = ("A", "B", "C", "D")
employment = st.integers(min_value=0, max_value=100_000)
tables = st.lists(st.lists(employment, min_size=len(SECTORS), max_size=len(SECTORS)),
                  min_size=2 * len(REGIONS), max_size=2 * len(REGIONS))


def _map(values: list[list[int]]):  # type: ignore[no-untyped-def]
    rows = ["region,region_name,sector,sector_name,year,employment"]
    n = 0
    for year in (2020, 2021):
        for region in REGIONS:
            for sector, value in zip(SECTORS, values[n], strict=True):
                rows.append(f"{region},{region},{sector},{sector},{year},{value + 1}")
            n += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return map_table(path, MapOptions())


@settings(max_examples=25, deadline=None)
@given(tables)
def test_identities(values: list[list[int]]) -> None:
    m = _map(values)
    for r in m.shift_share.iter_rows(named=True):
        parts = r["national"] + r["industry_mix"] + r["regional_shift"]
        assert parts == pytest.approx(r["change"], abs=1e-6)
    # Σ_r LQ_rs × E_r / E = Σ_r e_rs / E_s = 1 when the national figures are the sums
    weighted = m.cells.group_by("sector", "year").agg(
        (pl.col("lq") * pl.col("region_total")).sum() / pl.col("national_total").first())
    assert weighted["lq"].to_list() == pytest.approx([1.0] * weighted.height)
    assert all(0 <= h <= 1 for h in m.regions["hoover"].to_list())
    assert all(0 <= k <= 2 for k in m.regions["krugman"].to_list())
