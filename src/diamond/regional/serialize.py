"""A regional map as JSON (format 1; the contract is in docs/map.md), keys in a fixed order.

Numbers are full-precision floats, except counts of stars and years; ``null`` stands
for "not computable" (a zero or missing denominator). Non-finite floats never appear.
"""

from __future__ import annotations

import io
import json
import math
from typing import TYPE_CHECKING, Any

from diamond.regional.model import RegionalMap

if TYPE_CHECKING:
    import polars as pl

__all__ = ["JSON_FORMAT", "map_json", "map_json_bytes", "map_to_json_dict", "records"]

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


def _header(m: RegionalMap) -> dict[str, Any]:
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
    }


#: Rows serialised at a time, so the only large buffer is the output itself.
BATCH = 50_000


def _write_rows(out: io.BytesIO, frame: pl.DataFrame) -> None:
    """Write ``frame`` as a JSON array, one object a line, serialised by the engine.

    Non-finite floats become null first, so the text is always valid JSON.
    """
    import polars as pl

    if frame.is_empty():
        out.write(b"[]")
        return
    floats = [c for c, t in frame.schema.items() if t in (pl.Float32, pl.Float64)]
    out.write(b"[\n  ")
    for start in range(0, frame.height, BATCH):
        part = frame.slice(start, BATCH).with_columns(
            pl.when(pl.col(c).is_finite()).then(pl.col(c)).alias(c) for c in floats)
        if start:
            out.write(b",\n  ")
        out.write(part.write_ndjson().rstrip("\n").replace("\n", ",\n  ").encode("utf-8"))
    out.write(b"\n ]")


def map_json_bytes(m: RegionalMap) -> bytes:
    """The map as UTF-8 JSON: one key a line, one table row a line, then a newline."""
    out = io.BytesIO()
    out.write(b"{\n")
    for k, v in _header(m).items():
        out.write(f' {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, allow_nan=False)},\n'
                  .encode())
    for n, key in enumerate(("cells", "regions", "shift_share", "shortlist")):
        out.write((b",\n" if n else b"") + f' "{key}": '.encode())
        _write_rows(out, getattr(m, key))
    out.write(b"\n}\n")
    return out.getvalue()


def map_json(m: RegionalMap) -> str:
    """``map_json_bytes`` as text."""
    return map_json_bytes(m).decode("utf-8")


def map_to_json_dict(m: RegionalMap) -> dict[str, Any]:
    """The map as JSON-native data, the same as ``json.loads(map_json(m))``."""
    data: dict[str, Any] = json.loads(map_json(m))
    return data
