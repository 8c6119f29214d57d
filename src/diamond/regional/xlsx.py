"""XLSX in and out (openpyxl, imported here only): the input's cells, and the map workbook.

The workbook holds every figure, numbers as numbers, a frozen header row and set column
widths, one sheet per table (``cells`` is split over ``cells``, ``cells 2``… past Excel's
1,048,576 rows). openpyxl writes the workbook: its structure, styles, the frozen panes,
the widths and each sheet's header row. The data rows of each sheet are written as
SpreadsheetML by the engine, one vectorised string expression per column (numbers as
``<v>`` values, text as escaped inline strings), and spliced into the sheet's
``<sheetData>``: openpyxl's own row writer takes minutes for a million rows. Its bytes
are deterministic: the document properties carry a fixed date, and the archive is
rewritten with fixed timestamps and entry order.
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
from diamond.i18n import _
from diamond.io.zipfix import EntryWriter, fixed_zip
from diamond.regional.labels import labels_for
from diamond.regional.model import RegionalMap

if TYPE_CHECKING:
    import polars as pl

__all__ = ["read_xlsx_cells", "write_xlsx"]

EXCEL_ROWS = 1_048_576
FIXED_TIME = dt.datetime(2000, 1, 1)
#: openpyxl stamps the save time into ``dcterms:modified``; it is set back to FIXED_TIME.


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
            str(path), 1, 1, "error", "xlsx",
            _("the workbook cannot be read ({reason})").format(reason=type(exc).__name__),
            _("open it in Excel or LibreOffice and save it again as .xlsx"))]) from None
    try:
        sheet = book.worksheets[0]
        rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    if not rows:
        raise InvalidFileError(str(path), [Diagnostic(
            str(path), 1, 1, "error", "csv-empty", _("the first sheet is empty"),
            _("put the table, with its header row, on the first sheet"))])
    header = [(h or f"column {n}") for n, h in enumerate(rows[0], start=1)]
    width = len(header)
    body = [(r + [None] * width)[:width] for r in rows[1:]]
    return header, body


def _width(name: str) -> float:
    return float(max(10, min(40, len(name) + 2)))


def _sheet(book: Any, title: str, frame: pl.DataFrame, widths: dict[str, float]) -> None:
    """A sheet with its header row, frozen below it, and its column widths (no data rows)."""
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for n, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = widths.get(column, _width(column))
    sheet.append(list(frame.columns))


def _escaped(value: pl.Expr) -> pl.Expr:
    return (value.str.replace_all("&", "&amp;", literal=True)
            .str.replace_all("<", "&lt;", literal=True)
            .str.replace_all(">", "&gt;", literal=True)
            .str.replace_all(r"[\x00-\x08\x0B\x0C\x0E-\x1F]", ""))


#: Rows turned into XML at a time, so memory stays bounded however long the sheet.
XML_BATCH = 50_000


def sheet_rows(frame: pl.DataFrame, first_row: int = 2) -> bytes:
    """The rows of ``frame`` as SpreadsheetML ``<row>`` elements, numbered from ``first_row``.

    Numbers become ``<v>`` values (a non-finite float or a null leaves the cell out),
    booleans ``t="b"`` cells, everything else escaped inline strings.
    """
    import polars as pl
    from openpyxl.utils import get_column_letter

    if frame.is_empty():
        return b""
    number = pl.int_range(first_row, pl.len() + first_row).cast(pl.String)
    cells = []
    for n, (name, dtype) in enumerate(frame.schema.items(), start=1):
        column = pl.col(name)
        ref = pl.lit(f'<c r="{get_column_letter(n)}')
        if dtype == pl.Boolean:
            parts = [ref, number, pl.lit('" t="b"><v>'), column.cast(pl.UInt8).cast(pl.String),
                     pl.lit("</v></c>")]
        elif dtype.is_numeric():
            value = pl.when(column.is_finite()).then(column) if dtype.is_float() else column
            parts = [ref, number, pl.lit('"><v>'), value.cast(pl.String), pl.lit("</v></c>")]
        else:
            parts = [ref, number, pl.lit('" t="inlineStr"><is><t xml:space="preserve">'),
                     _escaped(column.cast(pl.String)), pl.lit("</t></is></c>")]
        cells.append(pl.concat_str(parts).fill_null(""))
    rows = frame.select(
        pl.concat_str([pl.lit('<row r="'), number, pl.lit('">'), *cells, pl.lit("</row>")])
        .alias("xml"))
    return "".join(rows["xml"].to_list()).encode("utf-8")


def _chunks(frame: pl.DataFrame) -> Iterator[tuple[int, pl.DataFrame]]:
    size = EXCEL_ROWS - 1
    for n, start in enumerate(range(0, max(frame.height, 1), size), start=1):
        yield n, frame.slice(start, size)


_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


def _write_sheet(target: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bytes,
                 frame: pl.DataFrame) -> None:
    """Write a header-only sheet's XML with ``frame``'s rows streamed in after its header."""
    from openpyxl.utils import get_column_letter

    last = f"{get_column_letter(max(frame.width, 1))}{frame.height + 1}".encode("ascii")
    xml = _DIMENSION.sub(b'<dimension ref="A1:' + last + b'"/>', xml, count=1)
    cut = xml.index(b"</sheetData>")
    with target.open(info, mode="w", force_zip64=True) as stream:
        stream.write(xml[:cut])
        for start in range(0, frame.height, XML_BATCH):
            stream.write(sheet_rows(frame.slice(start, XML_BATCH), start + 2))
        stream.write(xml[cut:])


def _normalise_zip(data: bytes, sheets: dict[str, pl.DataFrame]) -> bytes:
    """The archive again: each sheet in ``sheets`` gets its rows streamed in; fixed
    timestamps and attributes, entries in the same order (``diamond.io.zipfix``)."""

    def streamed(frame: pl.DataFrame) -> EntryWriter:
        return lambda target, info, xml: _write_sheet(target, info, xml, frame)

    return fixed_zip(data, FIXED_TIME, {name: streamed(f) for name, f in sheets.items()})


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
    names: dict[str, float] = {"region_name": 24, "sector_name": 36}
    tables: list[tuple[str, pl.DataFrame, dict[str, float]]] = [
        ("about", about, {"key": 22, "value": 60}), ("regions", m.regions, names)]
    for n, part in _chunks(m.cells):
        tables.append(("cells" if n == 1 else f"cells {n}", part, names))
    tables += [("shift_share", m.shift_share, names), ("shortlist", m.shortlist, names)]
    sheets = {}
    for n, (title, frame, widths) in enumerate(tables, start=1):
        _sheet(book, title, frame, widths)
        sheets[f"xl/worksheets/sheet{n}.xml"] = frame
    raw = io.BytesIO()
    book.save(raw)
    return _normalise_zip(raw.getvalue(), sheets)
