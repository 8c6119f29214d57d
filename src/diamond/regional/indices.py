"""Regional specialisation indices, per region and year, over every sector of the table.

With ``s_r = e / E_r`` the sector's share of the region and ``s = E_s / E`` of the
country:

* Hoover's coefficient of specialisation ``H_r = ½ Σ_s |s_r − s|`` (0: the region's
  mix is the country's; towards 1: concentrated on sectors rare elsewhere);
* Krugman's specialisation index ``K_r = Σ_s |s_r − (E_s − e) / (E − E_r)|``, the
  region against the rest of the country (0 to 2).

A sector the region has no row for counts with ``e = 0``. With TOTAL rows (base
``all``) the shares need not add up to 1: the sectors missing from the table are then
left out of both sums, and the report says the base.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diamond.regional.figures import Totals, safe_ratio

if TYPE_CHECKING:
    import polars as pl

__all__ = ["region_figures"]


def region_figures(cells: pl.DataFrame, t: Totals) -> pl.DataFrame:
    """One row per region × year: name, total, source of the total, sectors, Hoover, Krugman."""
    import polars as pl

    all_sectors = t.sector.group_by("year").agg(pl.col("E_s").sum().alias("sum_E_s"))
    rest = pl.col("E") - pl.col("E_r")
    parts = cells.with_columns(
        h=(pl.col("share") - pl.col("national_share")).abs(),
        k=(pl.col("share") - safe_ratio(pl.col("E_s") - pl.col("employment"), rest)).abs(),
    )
    grouped = parts.group_by("region", "year").agg(
        pl.col("region_name").first(), pl.col("E_r").first(), pl.col("E").first(),
        pl.len().alias("sectors"), pl.col("h").sum(), pl.col("k").sum(),
        pl.col("E_s").sum().alias("present_E_s"))
    grouped = grouped.join(all_sectors, on="year").join(
        t.region.select("region", "year", "from_rows"), on=["region", "year"])
    absent = pl.col("sum_E_s") - pl.col("present_E_s")
    rest = pl.col("E") - pl.col("E_r")
    return grouped.select(
        "region", "region_name", "year", pl.col("E_r").alias("employment"),
        pl.when(pl.col("from_rows")).then(pl.lit("rows")).otherwise(pl.lit("sum"))
        .alias("total_source"),
        "sectors",
        (0.5 * (pl.col("h") + safe_ratio(absent, pl.col("E")))).alias("hoover"),
        (pl.col("k") + safe_ratio(absent, rest)).alias("krugman"),
    ).sort("region", "year")
