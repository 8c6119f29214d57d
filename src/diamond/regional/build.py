"""Compute a regional map from a checked table: figures, classifications, shift-share."""

from __future__ import annotations

from pathlib import Path

from diamond.errors import UsageError
from diamond.i18n import _
from diamond.regional.classify import classify, shortlist
from diamond.regional.figures import cell_figures, totals
from diamond.regional.indices import region_figures
from diamond.regional.model import MapOptions, RegionalMap
from diamond.regional.shiftshare import shift_share
from diamond.regional.table import RegionalTable, read_regional

__all__ = ["CELL_COLUMNS", "build_map", "map_table"]

#: The cells' columns, in output order (docs/map.md).
CELL_COLUMNS = (
    "region", "region_name", "sector", "sector_name", "year", "employment", "region_total",
    "sector_national", "national_total", "share", "lq",
    "lq_change", "growth", "establishments", "avg_size", "wages", "relative_wage", "exports",
    "stars", "star_size", "star_specialisation", "star_focus", "strong",
)


def _years(table: RegionalTable, options: MapOptions) -> tuple[tuple[int, ...], int, int]:
    years = tuple(int(y) for y in table.frame["year"].unique().sort().to_list())
    first = options.year_from if options.year_from is not None else years[0]
    last = options.year_to if options.year_to is not None else years[-1]
    for flag, year in (("--from", first), ("--to", last)):
        if year not in years:
            raise UsageError(_("{flag} {year}: {file} has no rows for that year; "
                               "its years are {years}").format(
                flag=flag, year=year, file=Path(table.path).name,
                years=", ".join(map(str, years))))
    if first > last:
        raise UsageError(_("--from {first} is after --to {last}").format(first=first, last=last))
    return years, first, last


def build_map(table: RegionalTable, options: MapOptions) -> RegionalMap:
    """Every figure of ``table``; raises ``UsageError`` for years the table lacks."""
    years, first, last = _years(table, options)
    t = totals(table, options)
    cells = classify(cell_figures(t, first), options.thresholds)
    regions = region_figures(cells, t)
    ordered = cells.select(*CELL_COLUMNS).sort("region", "sector", "year")
    return RegionalMap(
        source=Path(table.path).name, base=t.base, options=options, years=years,
        year_from=first, year_to=last, cells=ordered, regions=regions,
        shift_share=shift_share(t, first, last),
        shortlist=shortlist(cells, last, options.top),
    )


def map_table(path: Path, options: MapOptions) -> RegionalMap:
    """Read and check the table at ``path``, then ``build_map``."""
    return build_map(read_regional(path), options)
