"""A regional map as JSON (format 1; the contract is in docs/map.md), keys in a fixed order.

Numbers are full-precision floats, except counts of stars and years; ``null`` stands
for "not computable" (a zero or missing denominator). Non-finite floats never appear.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

from diamond.regional.model import RegionalMap

if TYPE_CHECKING:
    import polars as pl

__all__ = ["JSON_FORMAT", "map_json", "map_to_json_dict", "records"]

JSON_FORMAT = 1
ECO_SOURCE = "European Cluster Observatory, Evaluation of regional cluster strength"
USCMP_SOURCE = "U.S. Cluster Mapping Project (Harvard Business School), strong clusters"


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts in column order, non-finite floats as ``None``."""
    columns = frame.columns
    return [{c: _clean(v) for c, v in zip(columns, row, strict=True)}
            for row in frame.iter_rows()]


def map_to_json_dict(m: RegionalMap) -> dict[str, Any]:
    """The map as JSON-native data: format, source, base, years, thresholds, the tables."""
    t = m.options.thresholds
    return {
        "format": JSON_FORMAT,
        "kind": "map",
        "source": m.source,
        "base": {"kind": m.base.kind, "region_totals": m.base.region_totals,
                 "national_sectors": m.base.national_sectors,
                 "national_total": m.base.national_total, "national_code": m.options.national},
        "years": {"from": m.year_from, "to": m.year_to, "all": list(m.years)},
        "thresholds": {
            "stars": {"size_top_percent": t.size_top, "specialisation_lq": t.specialisation_lq,
                      "focus_top_percent": t.focus_top, "source": ECO_SOURCE},
            "strong": {"lq_top_percent": t.strong_top, "source": USCMP_SOURCE},
        },
        "cells": records(m.cells),
        "regions": records(m.regions),
        "shift_share": records(m.shift_share),
        "shortlist": records(m.shortlist),
    }


def map_json(m: RegionalMap) -> str:
    """``map_to_json_dict`` as text: one key a line, one table row a line (UTF-8 kept)."""
    data = map_to_json_dict(m)
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            rows = ",\n  ".join(json.dumps(v, ensure_ascii=False, allow_nan=False) for v in value)
            shown = "[\n  " + rows + "\n ]"
        else:
            shown = json.dumps(value, ensure_ascii=False, allow_nan=False)
        parts.append(f" {json.dumps(key)}: {shown}")
    return "{\n" + ",\n".join(parts) + "\n}"
