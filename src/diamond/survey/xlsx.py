"""Excel workbooks (``.xlsx``) in and out, with openpyxl, imported only when needed.

KoboToolbox, ODK Central, Microsoft Forms and Google Sheets all offer ``.xlsx``
downloads. ``read_sheet`` turns one sheet into rows of text cells, as the CSV reader
does, so the same rules and messages apply; positions are named ``Sheet!B12``.
``workbook_bytes`` writes sheets deterministically: every cell is written as given
(text stays text, so ``=HYPERLINK(...)`` is never a formula) and the zip entries
carry a fixed timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.io.zipfix import fixed_zip
from diamond.limits import Limits
from diamond.numbertext import grouped

ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an .xls, or an .xlsx encrypted with a password
_EPOCH = dt.datetime(2000, 1, 1)
Cell = str | int | float | None
_LOOKS_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def is_workbook(data: bytes) -> bool:
    """Whether the bytes look like an Excel workbook (new or old format)."""
    return data.startswith((ZIP_MAGIC, _OLE_MAGIC))


def column_letter(number: int) -> str:
    """``1`` -> ``A``, ``28`` -> ``AB``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def escape_text(text: str) -> str:
    """OOXML's escape for text cells: control characters as ``_xHHHH_`` (XML cannot hold
    them, and would turn a carriage return into a line feed); a literal ``_xHHHH_`` is
    protected as ``_x005F_xHHHH_``. Excel reads both back, and so does ``unescape_text``."""
    text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)
    return _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def unescape_text(text: str) -> str:
    """The inverse of ``escape_text`` (and of Excel's own escaping)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return unescape_text(str(value)) if isinstance(value, str) else str(value)


def _unreadable(path: str, message: str, hint: str) -> InvalidFileError:
    return InvalidFileError(path, [Diagnostic(path, 1, 1, "error", "xlsx-unreadable", message,
                                              hint)])


def _refuse_csv_zip(data: bytes, path: str) -> None:
    """ODK Central's "CSV (.zip)" download is a zip of CSV files, not a workbook."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    csvs = sorted(n for n in names if n.lower().endswith(".csv"))
    if csvs and "[Content_Types].xml" not in names:
        raise _unreadable(
            path,
            _("the file is a zip of CSV files ({files}), such as ODK Central's "
              "download, not an .xlsx workbook").format(files=", ".join(csvs[:4])),
            _("unzip it and import the form's CSV, or the repeat table's CSV (rows keyed by "
              "PARENT_KEY) when the answers are in a repeat"),
        )


def read_sheet(
    data: bytes, path: str, sheet: str | None, max_cells: int = Limits().max_nodes
) -> tuple[str, list[list[str]]]:
    """The named sheet (default: the first) as rows of text; row ``n`` is Excel's row ``n + 1``."""
    if data.startswith(_OLE_MAGIC):
        raise _unreadable(
            path,
            _("the workbook is an old .xls file or is protected with a password"),
            _("open it in Excel or LibreOffice and save it as .xlsx without a password, "
              "or as CSV"),
        )
    _refuse_csv_zip(data, path)
    import openpyxl  # lazily: only imports of .xlsx need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a third-party parser on untrusted bytes: any failure is bad input
        raise _unreadable(
            path,
            _("the file is not a readable .xlsx workbook ({reason})").format(
                reason=f"{type(exc).__name__}: {str(exc)[:200]}"),
            _("download the export again, or save it as CSV"),
        ) from None
    try:
        names = list(book.sheetnames)
        if sheet is None:
            name = names[0]
        elif sheet in names:
            name = sheet
        else:
            raise UsageError(
                _("{path} has no sheet {sheet}; its sheets: {sheets}").format(
                    path=path, sheet=repr(sheet), sheets=", ".join(map(repr, names)))
            )
        ws = book[name]
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # exports often state wrong dimensions
        rows: list[list[str]] = []
        cells = 0
        for row in ws.iter_rows(min_row=1, min_col=1, values_only=True):
            cells += len(row)
            if cells > max_cells:
                raise InvalidFileError(path, [Diagnostic(
                    path, len(rows) + 1, 1, "error", "limit-exceeded",
                    _("sheet {sheet} holds more than {limit} cells").format(
                        sheet=repr(name), limit=grouped(max_cells)),
                    _("export fewer rows or columns, or raise {variable}").format(
                        variable=Limits.env_var("max_nodes")),
                )])
            rows.append([_text(v) for v in row])
    except (InvalidFileError, UsageError):
        raise
    except Exception as exc:  # malformed sheet XML is parsed lazily, row by row
        raise _unreadable(
            path,
            _("the workbook's sheet cannot be read ({reason})").format(
                reason=f"{type(exc).__name__}: {str(exc)[:200]}"),
            _("open it in Excel or LibreOffice and save it again, or save it as CSV"),
        ) from None
    finally:
        book.close()
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return name, rows


def workbook_bytes(sheets: Sequence[tuple[str, Sequence[Sequence[Cell]]]]) -> bytes:
    """An .xlsx holding ``sheets`` (name, rows); text cells stay text; same input, same bytes."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        ws = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    value = escape_text(value)
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
    book.properties.created = _EPOCH
    book.properties.modified = _EPOCH
    book.properties.creator = "diamond"
    raw = io.BytesIO()
    book.save(raw)
    return fixed_zip(raw.getvalue(), _EPOCH)


