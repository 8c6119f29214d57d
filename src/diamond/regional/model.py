"""The options of a regional map and its result (frames of the engine, plus what was used)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import polars as pl

__all__ = ["Base", "BaseKind", "MapOptions", "RegionalMap", "Source", "Thresholds"]

#: ``all``: all-industry totals (the table's TOTAL rows, else the sum of its rows);
#: ``table``: the sum of the sectors in the table (a stated subset, e.g. private or traded).
BaseKind = Literal["all", "table"]
#: Where a total came from: the table's total rows, the sum of its rows, or both.
Source = Literal["rows", "sum", "mixed"]


@dataclass(frozen=True)
class Thresholds:
    """The classification thresholds (docs/map.md cites where each default comes from).

    European Cluster Observatory stars: ``size_top`` (a region is among the top per cent
    of the sector's regions by employment), ``specialisation_lq`` (LQ at least this) and
    ``focus_top`` (among the top per cent of the sector's regions by share of regional
    employment). U.S. Cluster Mapping "strong cluster": among the top ``strong_top`` per
    cent of the sector's regions by LQ.
    """

    size_top: float = 10.0
    specialisation_lq: float = 2.0
    focus_top: float = 10.0
    strong_top: float = 25.0


@dataclass(frozen=True)
class MapOptions:
    """How to compute a map: the LQ base, the national rows, the two years, thresholds."""

    base: BaseKind = "all"
    national: str = "TOTAL"  # the region code of rows that hold national figures
    year_from: int | None = None  # default: the table's first year
    year_to: int | None = None  # default: the table's last year
    thresholds: Thresholds = field(default_factory=Thresholds)
    top: int = 5  # candidate sectors shortlisted per region


@dataclass(frozen=True)
class Base:
    """The LQ base as used: its kind and where each total came from."""

    kind: BaseKind
    region_totals: Source
    national_sectors: Source
    national_total: Source


@dataclass(frozen=True)
class RegionalMap:
    """Every figure of a map, as engine frames sorted for output (see docs/map.md)."""

    source: str  # the table's file name
    base: Base
    options: MapOptions
    years: tuple[int, ...]
    year_from: int
    year_to: int
    cells: pl.DataFrame  # region × sector × year
    regions: pl.DataFrame  # region × year: totals, Hoover, Krugman
    shift_share: pl.DataFrame  # region × sector, year_from → year_to
    shortlist: pl.DataFrame  # region × rank: candidate sectors in year_to
