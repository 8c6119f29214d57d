"""Helpers for the ``diamond map`` tests: write a small table, compute its map."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diamond.regional import MapOptions, RegionalMap, map_table

HEADER = "region,region_name,sector,sector_name,year,employment"


def write_table(folder: Path, rows: Sequence[str], header: str = HEADER,
                name: str = "table.csv") -> Path:
    """A CSV with ``header`` and ``rows`` in ``folder``."""
    path = folder / name
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def cell(m: RegionalMap, region: str, sector: str, year: int) -> dict[str, object]:
    """One region × sector × year row of the map's cells."""
    import polars as pl

    found = m.cells.filter((pl.col("region") == region) & (pl.col("sector") == sector)
                           & (pl.col("year") == year))
    assert found.height == 1, (region, sector, year)
    return found.row(0, named=True)


def compute(folder: Path, rows: Sequence[str], options: MapOptions | None = None,
            header: str = HEADER) -> RegionalMap:
    """The map of a table made of ``rows``."""
    return map_table(write_table(folder, rows, header), options or MapOptions())
