"""The Excel annex: every table of the report on its own sheet (openpyxl, imported here only).

Numbers are written as numbers (Excel formats them; nothing is a formatted
string), headers are bold and frozen, columns sized to their content. Text
starting with ``=``, ``+``, ``-`` or ``@`` is written as text, never as a
formula (CSV/Excel formula injection). Core properties and zip timestamps come
from the assessment's date, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
from typing import Any

from diamond.io.zipfix import document_datetime, fixed_zip
from diamond.render.job import RenderJob
from diamond.render.tables import Cell, report_tables

__all__ = ["render_xlsx", "sheet_title"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORBIDDEN = set('[]:*?/\\')


def sheet_title(title: str, used: set[str]) -> str:
    """A valid, unique Excel sheet name (31 characters, no []:*?/\\)."""
    base = "".join("_" if c in _FORBIDDEN else c for c in title).strip("'")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _write(cell: Any, value: Cell) -> None:
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # text, never a formula
    elif isinstance(value, float):
        cell.number_format = "0.0"


def render_xlsx(job: RenderJob) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ctx = job.context()
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    header_fill = PatternFill("solid", fgColor=ctx["brand"]["primary"].lstrip("#"))
    for table in report_tables(ctx):
        sheet = book.create_sheet(sheet_title(table.title, used))
        for column, header in enumerate(table.headers, 1):
            cell = sheet.cell(row=1, column=column)
            _write(cell, header)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for r, row in enumerate(table.rows, 2):
            for column, value in enumerate(row, 1):
                _write(sheet.cell(row=r, column=column), value)
        sheet.freeze_panes = "B2"
        for column, header in enumerate(table.headers, 1):
            values = [header, *(row[column - 1] for row in table.rows)]
            width = max(len(v) if isinstance(v, str) else 8 for v in values)
            sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 8), 60) + 2
        sheet.auto_filter.ref = sheet.dimensions
    when = document_datetime(ctx["date"])
    props = book.properties
    props.created = props.modified = when
    props.creator = props.lastModifiedBy = "diamond"
    props.title = f'{ctx["labels"]["report_title"]} — {ctx["sector"]["name"]}'[:255]
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_zip(buffer.getvalue(), when)
