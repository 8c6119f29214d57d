"""``diamond map``: a regional cluster map from employment statistics (issue #14).

Location quotients, shares, growth, Hoover and Krugman indices, shift-share, the
European Cluster Observatory stars and the U.S. Cluster Mapping strong clusters, for
every region × sector × year of a tidy table (docs/map.md). The engine (Polars) is
imported inside the functions, so importing this package stays light. This package
never imports typer or rich.
"""

from diamond.regional.build import CELL_COLUMNS, build_map, map_table
from diamond.regional.model import Base, MapOptions, RegionalMap, Thresholds
from diamond.regional.serialize import map_json, map_to_json_dict
from diamond.regional.table import RegionalTable, read_regional

__all__ = [
    "CELL_COLUMNS",
    "Base",
    "MapOptions",
    "RegionalMap",
    "RegionalTable",
    "Thresholds",
    "build_map",
    "map_json",
    "map_table",
    "map_to_json_dict",
    "read_regional",
]
