"""The figures of every region × sector × year, computed by the engine (Polars).

Notation: ``e`` a sector's employment in a region, ``E_r`` the region's total, ``E_s``
the sector's national employment, ``E`` the national total (all for one year).

* share ``= e / E_r``; location quotient ``LQ = (e / E_r) / (E_s / E)``;
* ``growth = e / e_from − 1`` and ``lq_change = LQ − LQ_from`` against the first year;
* ``avg_size = e / establishments``; ``relative_wage = (wages / e) / (W_s / E_s)``, the
  sector's average wage in the region over its national average (W_s and E_s summed
  over the regions that report wages);
* a ratio whose denominator is 0 or missing is null.

Totals follow the base (``Base``): with ``all``, a region's ``TOTAL`` row gives ``E_r``
and its sector rows' sum stands in where it has none; national rows (region code
``MapOptions.national``) give ``E_s`` and ``E``, else the sums over regions. With
``table``, every total is a sum of the table's sector rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diamond.errors import UsageError
from diamond.i18n import _
from diamond.regional.codes import TOTAL
from diamond.regional.model import Base, MapOptions, Source
from diamond.regional.table import RegionalTable

if TYPE_CHECKING:
    import polars as pl

__all__ = ["Totals", "cell_figures", "safe_ratio", "totals"]


def safe_ratio(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """``numerator / denominator``, null where the denominator is 0 or null."""
    import polars as pl

    return pl.when(denominator > 0).then(numerator / denominator).otherwise(None)


def _source(flags: pl.Series) -> Source:
    rows = bool(flags.any())
    return "mixed" if rows and not bool(flags.all()) else ("rows" if rows else "sum")


class Totals:
    """The sector rows, and ``E_r``, ``E_s``, ``E`` per year as the base defines them."""

    def __init__(self, table: RegionalTable, options: MapOptions) -> None:
        import polars as pl

        frame = table.frame
        national = pl.col("region") == options.national
        is_total = pl.col("sector") == TOTAL
        self.sectors = frame.filter(~national & ~is_total).drop("row")
        if self.sectors.is_empty():
            raise UsageError(_("{path}: the table has no sector rows outside the "
                               "national ({national}) and {total} rows").format(
                path=table.path, national=options.national, total=TOTAL))
        use_rows = options.base == "all"
        by_region = self.sectors.group_by("region", "year").agg(
            pl.col("employment").sum().alias("sum"))
        region_rows = frame.filter(~national & is_total).select(
            "region", "year", pl.col("employment").alias("given"))
        by_sector = self.sectors.group_by("sector", "year").agg(
            pl.col("employment").sum().alias("sum"),
            pl.col("wages").sum().alias("w_sum"),
            pl.col("employment").filter(pl.col("wages").is_not_null()).sum().alias("we_sum"))
        sector_rows = frame.filter(national & ~is_total).select(
            "sector", "year", pl.col("employment").alias("given"))
        if not use_rows:
            region_rows, sector_rows = region_rows.clear(), sector_rows.clear()
        self.region = by_region.join(region_rows, on=["region", "year"], how="left").select(
            "region", "year", pl.coalesce("given", "sum").alias("E_r"),
            pl.col("given").is_not_null().alias("from_rows"))
        self.sector = by_sector.join(sector_rows, on=["sector", "year"], how="left").select(
            "sector", "year", pl.coalesce("given", "sum").alias("E_s"),
            pl.col("given").is_not_null().alias("from_rows"),
            safe_ratio(pl.col("w_sum"), pl.col("we_sum")).alias("W_avg"))
        national_rows = frame.filter(national & is_total).select(
            "year", pl.col("employment").alias("given"))
        if not use_rows:
            national_rows = national_rows.clear()
        self.national = self.region.group_by("year").agg(pl.col("E_r").sum().alias("sum")).join(
            national_rows, on="year", how="left").select(
            "year", pl.coalesce("given", "sum").alias("E"),
            pl.col("given").is_not_null().alias("from_rows"))
        self.base = Base(options.base, _source(self.region["from_rows"]),
                         _source(self.sector["from_rows"]), _source(self.national["from_rows"]))


def totals(table: RegionalTable, options: MapOptions) -> Totals:
    """The totals of ``table`` under ``options``' base."""
    return Totals(table, options)


def cell_figures(t: Totals, year_from: int) -> pl.DataFrame:
    """One row per region × sector × year with every figure (module docstring)."""
    import polars as pl

    cells = (t.sectors.join(t.region.drop("from_rows"), on=["region", "year"])
             .join(t.sector.drop("from_rows"), on=["sector", "year"])
             .join(t.national.drop("from_rows"), on="year"))
    cells = cells.with_columns(share=safe_ratio(pl.col("employment"), pl.col("E_r")),
                               national_share=safe_ratio(pl.col("E_s"), pl.col("E")))
    cells = cells.with_columns(lq=safe_ratio(pl.col("share"), pl.col("national_share")))
    first = cells.filter(pl.col("year") == year_from).select(
        "region", "sector", pl.col("employment").alias("e_from"), pl.col("lq").alias("lq_from"))
    cells = cells.join(first, on=["region", "sector"], how="left")
    return cells.with_columns(
        region_total=pl.col("E_r"), sector_national=pl.col("E_s"), national_total=pl.col("E"),
        growth=safe_ratio(pl.col("employment"), pl.col("e_from")) - 1,
        lq_change=pl.col("lq") - pl.col("lq_from"),
        avg_size=safe_ratio(pl.col("employment"), pl.col("establishments")),
        relative_wage=safe_ratio(safe_ratio(pl.col("wages"), pl.col("employment")),
                                 pl.col("W_avg")),
    )
