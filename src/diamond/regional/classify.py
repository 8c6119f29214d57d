"""Classifications of each region × sector × year, each with its published rule.

**European Cluster Observatory three-star analysis** ("3 yıldız analizi"; European
Cluster Observatory, "Evaluation of regional cluster strength",
http://www.clusterobservatory.eu/index.php?id=49&nid=): one star each for

* *size*: the region is among the top ``size_top`` % (default 10) of the sector's
  regions by employment;
* *specialisation*: the location quotient is at least ``specialisation_lq`` (default 2);
* *focus*: the region is among the top ``focus_top`` % (default 10) of the sector's
  regions by the sector's share of regional employment.

**U.S. Cluster Mapping "strong cluster"** (U.S. Cluster Mapping Project, Harvard
Business School, https://clustermapping.us, region dashboards): the region is among the
top ``strong_top`` % (default 25) of the sector's regions by location quotient.

"Among the top p %" of the ``n`` regions with a row for the sector in that year means
that fewer than ``p × n / 100`` of them have a strictly larger value (so ties share the
rank, and the largest value always qualifies). The comparison is made exactly, in
integers: ``100 × (rank − 1) < p × n``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diamond.regional.model import Thresholds

if TYPE_CHECKING:
    import polars as pl

__all__ = ["classify", "in_top", "shortlist"]

_GROUP = ("sector", "year")


def in_top(column: str, percent: float) -> pl.Expr:
    """Whether the row is among the top ``percent`` % of its sector-year by ``column``."""
    import polars as pl

    rank = pl.col(column).rank("min", descending=True).over(_GROUP)
    count = pl.col(column).count().over(_GROUP)
    return pl.col(column).is_not_null() & ((rank - 1) * 100 < count * percent)


def classify(cells: pl.DataFrame, t: Thresholds) -> pl.DataFrame:
    """``cells`` plus ``star_size``, ``star_specialisation``, ``star_focus``, ``stars``
    and ``strong``."""
    import polars as pl

    marked = cells.with_columns(
        star_size=in_top("employment", t.size_top) & (pl.col("employment") > 0),
        star_specialisation=pl.col("lq").fill_null(0) >= t.specialisation_lq,
        star_focus=in_top("share", t.focus_top) & (pl.col("employment") > 0),
        strong=in_top("lq", t.strong_top) & (pl.col("employment") > 0),
    )
    return marked.with_columns(
        stars=(pl.col("star_size").cast(pl.Int8) + pl.col("star_specialisation").cast(pl.Int8)
               + pl.col("star_focus").cast(pl.Int8)))


def shortlist(cells: pl.DataFrame, year: int, top: int) -> pl.DataFrame:
    """Per region, up to ``top`` candidate sectors in ``year``: a star or a strong cluster.

    Ranked by stars, then strong, then LQ, then employment (descending), then sector code.
    """
    import polars as pl

    candidates = cells.filter((pl.col("year") == year) & ((pl.col("stars") > 0) | pl.col("strong")))
    ordered = candidates.sort(["region", "stars", "strong", "lq", "employment", "sector"],
                              descending=[False, True, True, True, True, False], nulls_last=True)
    ranked = ordered.with_columns(rank=pl.int_range(1, pl.len() + 1).over("region"))
    return ranked.filter(pl.col("rank") <= top).select(
        "region", "rank", "sector", "sector_name", "employment", "lq", "share", "growth",
        "stars", "strong")
