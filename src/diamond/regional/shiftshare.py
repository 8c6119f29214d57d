"""Shift-share (değişim-pay analizi) of each region × sector between two years.

For a region's sector with employment ``e0`` in the first year and ``e1`` in the second,
``G = E1 / E0 − 1`` the national growth of all employment (the base) and
``g_s = E_s1 / E_s0 − 1`` the sector's national growth:

* national growth (ulusal büyüme etkisi) ``NS = e0 × G``;
* industry mix (sektörel yapı etkisi) ``IM = e0 × (g_s − G)``;
* regional shift (bölgesel rekabet etkisi) ``RS = (e1 − e0) − NS − IM``, which equals
  ``e0 × (e1/e0 − g_s)`` when ``e0 > 0``.

So ``NS + IM + RS = e1 − e0`` exactly. A sector absent in one year counts as 0 there;
with ``e0 = 0`` the whole change is regional shift.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diamond.regional.figures import Totals

if TYPE_CHECKING:
    import polars as pl

__all__ = ["shift_share"]


def shift_share(t: Totals, year_from: int, year_to: int) -> pl.DataFrame:
    """One row per region × sector present in either year, sorted by region and sector."""
    import polars as pl

    keys = ["region", "sector"]

    def year(y: int, suffix: str) -> pl.DataFrame:
        return t.sectors.filter(pl.col("year") == y).select(
            *keys, "region_name", "sector_name", pl.col("employment").alias(f"e{suffix}"))

    both = year(year_from, "0").join(year(year_to, "1"), on=keys, how="full", coalesce=True)
    both = both.with_columns(pl.coalesce("region_name", "region_name_right"),
                             pl.coalesce("sector_name", "sector_name_right"),
                             pl.col("e0").fill_null(0.0), pl.col("e1").fill_null(0.0))
    national = t.national.select("year", "E")
    total_from = float(national.filter(pl.col("year") == year_from)["E"].sum())
    total_to = float(national.filter(pl.col("year") == year_to)["E"].sum())
    g_all = total_to / total_from - 1 if total_from > 0 else 0.0
    sector0 = t.sector.filter(pl.col("year") == year_from).select(
        "sector", pl.col("E_s").alias("s0"))
    sector1 = t.sector.filter(pl.col("year") == year_to).select(
        "sector", pl.col("E_s").alias("s1"))
    both = both.join(sector0, on="sector", how="left").join(sector1, on="sector", how="left")
    g_s = (pl.when(pl.col("s0") > 0).then(pl.col("s1").fill_null(0) / pl.col("s0") - 1)
           .otherwise(0.0))
    both = both.with_columns(national=pl.col("e0") * g_all,
                             industry_mix=pl.col("e0") * (g_s - g_all))
    return both.select(
        *keys, "region_name", "sector_name", pl.lit(year_from).alias("from"),
        pl.lit(year_to).alias("to"), pl.col("e0").alias("employment_from"),
        pl.col("e1").alias("employment_to"), (pl.col("e1") - pl.col("e0")).alias("change"),
        "national", "industry_mix",
        (pl.col("e1") - pl.col("e0") - pl.col("national") - pl.col("industry_mix"))
        .alias("regional_shift"),
    ).sort(keys)
