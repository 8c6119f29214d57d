"""The map report's template context: plain dicts, lists, strings and numbers only.

Per region (those asked for, else all, sorted by code), for the last year: the totals
and indices, the shortlist, the largest sectors, the bubble chart and the largest
regional shifts. The full figures stay in the JSON and XLSX outputs, so the Markdown
and HTML stay readable for 81 provinces or 1,200 NUTS-3 regions.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from diamond.regional.chart import Bubble, bubble_svg
from diamond.regional.labels import labels_for
from diamond.regional.model import RegionalMap
from diamond.regional.serialize import records
from diamond.render.filters import filters_for, num

if TYPE_CHECKING:
    import polars as pl

__all__ = ["CHART_SECTORS", "SORT_SCRIPT", "build_map_context", "map_filters"]

#: Sectors per region in the "largest sectors" table and the bubble chart.
CHART_SECTORS = 25
#: Regional shifts listed per region.
SHIFTS = 10
#: The HTML report's one script: sorts a table by the clicked column (numbers by data-v).
#: Its SHA-256 is allowed by the page's Content-Security-Policy, nothing else is.
SORT_SCRIPT = (
    "document.querySelectorAll('table.sortable th').forEach(function(th){"
    "th.addEventListener('click',function(){var b=th.closest('table').tBodies[0],"
    "i=th.cellIndex,d=th.dataset.dir=th.dataset.dir==='a'?'d':'a',r=Array.from(b.rows);"
    "r.sort(function(x,y){var p=x.cells[i].dataset.v,q=y.cells[i].dataset.v,c=p!==undefined"
    "?parseFloat(p)-parseFloat(q):x.cells[i].textContent.localeCompare(y.cells[i].textContent);"
    "return d==='a'?c:-c;});r.forEach(function(row){b.appendChild(row);});});});"
)


def script_hash(script: str) -> str:
    """The CSP source expression ``'sha256-…'`` that allows exactly ``script``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def count(value: Any, lang: str = "en") -> str:
    """A whole number with thousands separators: ``12.345`` (tr), ``12,345`` (en)."""
    text = num(value, 0, lang)
    if not text.lstrip("-").isdigit():
        return text
    grouped = f"{int(text):,}"
    return grouped.replace(",", ".") if lang == "tr" else grouped


def map_filters(lang: str) -> dict[str, Callable[..., Any]]:
    """The report filters (``num``, ``pct``, ``md_cell``…) plus ``count``."""
    filters = filters_for(lang)

    def count_filter(value: Any) -> str:
        return count(value, lang)

    filters["count"] = count_filter
    return filters


def _sectors(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return records(frame)


def _region(code: str, info: dict[str, Any], cells: pl.DataFrame | None,
            shift: pl.DataFrame | None, short: pl.DataFrame | None, m: RegionalMap,
            labels: dict[str, Any], number: int) -> dict[str, Any]:
    import polars as pl

    top = [] if cells is None else _sectors(
        cells.sort(["employment", "sector"], descending=[True, False]).head(CHART_SECTORS))
    bubbles = [Bubble(c["sector"], c["sector_name"], c["lq"], c["growth"], c["employment"])
               for c in top if c["lq"] is not None and c["growth"] is not None]
    values = {"region": info["region_name"], "from": m.year_from, "to": m.year_to,
              "count": len(bubbles)}
    description = labels["chart_description"]
    for key, value in values.items():
        description = description.replace("{" + key + "}", str(value))
    svg = bubble_svg(f"bubble-{number}", f"{labels['chart']}: {info['region_name']}",
                     description, bubbles, labels["quadrants"], (labels["lq"], labels["growth"]))
    shifts = [] if shift is None else _sectors(
        shift.with_columns(size=pl.col("regional_shift").abs())
        .sort(["size", "sector"], descending=[True, False]).head(SHIFTS).drop("size"))
    return {"code": code, **info, "shortlist": [] if short is None else _sectors(short),
            "top": top, "shift_share": shifts,
            "chart": {"svg": svg, "description": description} if bubbles else None}


def build_map_context(m: RegionalMap, lang: str, regions: Sequence[str] = ()) -> dict[str, Any]:
    """Everything the map templates show, in ``lang``; ``regions`` limits the regions shown."""
    import polars as pl

    labels = labels_for(lang)
    wanted = pl.col("region").is_in(list(regions)) if regions else pl.lit(True)
    last = pl.col("year") == m.year_to
    info_rows = records(m.regions.filter(last & wanted))
    by = "region"
    cells = m.cells.filter(last & wanted).partition_by(by, as_dict=True)
    shifts = m.shift_share.filter(wanted).partition_by(by, as_dict=True)
    short = m.shortlist.filter(wanted).partition_by(by, as_dict=True)
    shown = []
    for number, info in enumerate(info_rows, start=1):
        code = info.pop("region")
        part = (code,)
        shown.append(_region(code, info, cells.get(part), shifts.get(part), short.get(part), m,
                             labels, number))
    t = m.options.thresholds
    method = labels["method_text"]
    for key, value in {"size": t.size_top, "lq": t.specialisation_lq, "focus": t.focus_top,
                       "strong": t.strong_top}.items():
        method = method.replace("{" + key + "}", num(value, 0 if value == int(value) else 1, lang))
    return {
        "lang": lang, "labels": labels, "source": m.source,
        "years": {"from": m.year_from, "to": m.year_to, "all": list(m.years)},
        "base": {"kind": m.base.kind, "text": labels[f"base_{m.base.kind}"],
                 "region_totals": labels[f"source_{m.base.region_totals}"],
                 "national_sectors": labels[f"source_{m.base.national_sectors}"],
                 "national_total": labels[f"source_{m.base.national_total}"]},
        "method": method, "regions": shown,
        "script": SORT_SCRIPT, "script_hash": script_hash(SORT_SCRIPT),
    }
