"""XLSX in and out (openpyxl, imported here only): the input's cells, and the map workbook.

The workbook holds every figure, numbers as numbers, a frozen header row and set column
widths, one sheet per table (``cells`` is split over ``cells``, ``cells 2``… past Excel's
1,048,576 rows). Its bytes are deterministic: the document properties carry a fixed
date, and the archive is rewritten with fixed timestamps and entry order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diamond.errors import Diagnostic, InvalidFileError
from diamond.regional.labels import labels_for
from diamond.regional.model import RegionalMap

if TYPE_CHECKING:
    import polars as pl

__all__ = ["read_xlsx_cells", "write_xlsx"]

EXCEL_ROWS = 1_048_576
FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: openpyxl stamps the save time into ``dcterms:modified``; it is set back to FIXED_TIME.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def read_xlsx_cells(path: Path) -> tuple[list[str], list[list[str | None]]]:
    """The first sheet's header and rows as text (numbers written back as plain numbers)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise InvalidFileError(str(path), [Diagnostic(
            str(path), 1, 1, "error", "xlsx", f"the workbook cannot be read ({type(exc).__name__})",
            "open it in Excel or LibreOffice and save it again as .xlsx")]) from None
    try:
        sheet = book.worksheets[0]
        rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    if not rows:
        raise InvalidFileError(str(path), [Diagnostic(
            str(path), 1, 1, "error", "csv-empty", "the first sheet is empty",
            "put the table, with its header row, on the first sheet")])
    header = [(h or f"column {n}") for n, h in enumerate(rows[0], start=1)]
    width = len(header)
    body = [(r + [None] * width)[:width] for r in rows[1:]]
    return header, body


def _width(name: str) -> float:
    return float(max(10, min(40, len(name) + 2)))


def _sheet(book: Any, title: str, frame: pl.DataFrame, widths: dict[str, float]) -> None:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for n, column in enumerate(frame.columns, start=1):
        from openpyxl.utils import get_column_letter

        sheet.column_dimensions[get_column_letter(n)].width = widths.get(column, _width(column))
    sheet.append(list(frame.columns))
    for row in frame.iter_rows():
        sheet.append(list(row))


def _chunks(frame: pl.DataFrame) -> Iterator[tuple[int, pl.DataFrame]]:
    size = EXCEL_ROWS - 1
    for n, start in enumerate(range(0, max(frame.height, 1), size), start=1):
        yield n, frame.slice(start, size)


def _normalise_zip(data: bytes) -> bytes:
    """The archive again, entries in the same order with fixed timestamps and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
                data = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            target.writestr(fixed, data)
    return out.getvalue()


def write_xlsx(m: RegionalMap, lang: str) -> bytes:
    """The map as a workbook: about, regions, cells, shift-share and shortlist sheets."""
    import openpyxl
    import polars as pl

    labels = labels_for(lang)
    book = openpyxl.Workbook(write_only=True)
    book.properties.creator = "diamond"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    t = m.options.thresholds
    about = pl.DataFrame({"key": ["source", "base", "region_totals", "national_sectors",
                                  "national_total", "from", "to", "size_top_percent",
                                  "specialisation_lq", "focus_top_percent", "strong_top_percent"],
                          "value": [m.source, labels[f"base_{m.base.kind}"],
                                    m.base.region_totals, m.base.national_sectors,
                                    m.base.national_total, str(m.year_from), str(m.year_to),
                                    f"{t.size_top:g}", f"{t.specialisation_lq:g}",
                                    f"{t.focus_top:g}", f"{t.strong_top:g}"]})
    _sheet(book, "about", about, {"key": 22, "value": 60})
    _sheet(book, "regions", m.regions, {"region_name": 24})
    for n, part in _chunks(m.cells):
        _sheet(book, "cells" if n == 1 else f"cells {n}", part,
               {"region_name": 24, "sector_name": 36})
    _sheet(book, "shift_share", m.shift_share, {"region_name": 24, "sector_name": 36})
    _sheet(book, "shortlist", m.shortlist, {"sector_name": 36})
    raw = io.BytesIO()
    book.save(raw)
    return _normalise_zip(raw.getvalue())
