"""Read a survey tool's CSV export: encoding, delimiter, rows numbered as the file counts them."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from typing import Any

from diamond.documents import TextProblem, byte_position, read_bytes
from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.limits import Limits
from diamond.survey.cells import unescape
from diamond.survey.grid import Grid, read_grid
from diamond.survey.xlsx import column_letter, is_workbook, read_sheet

DEFAULT_ENCODING = "utf-8-sig"
_CANDIDATES = (",", ";", "\t", "|")
_SEP_LINE = re.compile(r"^sep=(.)\r?\n")
_SAMPLE_ROWS = 50
_SAMPLE_CHARS = 1 << 16


@dataclass(frozen=True)
class Table:
    """A CSV file as read: its header and its data rows with their row numbers.

    Row numbers count CSV records, the header being row 1 (a leading ``sep=;`` line
    that Excel writes counts as a row too, so numbers match what a text editor shows
    for files without line breaks inside cells).
    """

    path: str
    delimiter: str
    encoding: str
    header: list[str]
    listed: list[tuple[int, list[str]]] = field(default_factory=list)  # rows, unless ``grid``
    header_row: int = 1
    sheet: str | None = None  # a workbook's sheet; positions are then named ``Sheet!B12``
    notes: list[Diagnostic] = field(default_factory=list)  # rows skipped, and why
    grid: Grid | None = None  # the rows column by column (``diamond.survey.grid``)

    @property
    def rows(self) -> list[tuple[int, list[str]]]:
        """Every data row as (row number, cells), in order."""
        if self.grid is None:
            return self.listed
        cached: Any = self.__dict__.get("_rows")
        if cached is None:
            cached = self.grid.rows()
            object.__setattr__(self, "_rows", cached)
        return list(cached)

    def position(self, row: int, column: int) -> str:
        """``Sheet!B12`` for a workbook cell, empty for a CSV (its row:column say it)."""
        return f"{self.sheet}!{column_letter(column)}{row}" if self.sheet is not None else ""

    def locate(self, diagnostic: Diagnostic) -> Diagnostic:
        """The diagnostic with its workbook position (``Sheet!B12``) leading the message."""
        where = self.position(diagnostic.line, diagnostic.column)
        if not where or diagnostic.path != self.path:
            return diagnostic
        return dataclasses.replace(diagnostic, message=f"{where}: {diagnostic.message}")


def parse_delimiter(value: str | None) -> str | None:
    """The delimiter a user named: one character, or ``tab`` / ``\\t``; None to detect it."""
    if value is None or value == "":
        return None
    if value.lower() in ("tab", "\\t", "\t"):
        return "\t"
    if len(value) != 1 or value in '\r\n"':
        raise UsageError(_("--delimiter must be one character (or 'tab'), not {value}").format(
            value=repr(value)))
    return value


def check_encoding(encoding: str) -> None:
    """Refuse unknown encodings and codecs that are not text encodings (rot13, base64, zlib)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(_("unknown --encoding {encoding}; try utf-8-sig or cp1254").format(
            encoding=repr(encoding))) from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(
            _("--encoding {encoding} is not a text encoding; name the file's character "
              "encoding, such as utf-8-sig, cp1254 or latin-1").format(encoding=repr(encoding))
        )


def _decode(data: bytes, path: str, encoding: str) -> str:
    if encoding.lower().replace("_", "-") in ("utf-8-sig", "utf-8", "utf8") and data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        encoding = "utf-16"  # Excel's "Unicode text" export
    check_encoding(encoding)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start, encoding)
        raise InvalidFileError(
            path,
            [
                Diagnostic(
                    path,
                    line,
                    column,
                    "error",
                    "encoding",
                    _("the file is not valid {encoding} (byte {byte})").format(
                        encoding=encoding, byte=f"0x{data[exc.start]:02x}"),
                    _("pass --encoding cp1254 for a Turkish Excel export, or latin-1"),
                )
            ],
        ) from None


def _records(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter from the header (``csv.Sniffer``), checked against the first rows.

    The Sniffer prefers ``,`` when a lone header line is ambiguous, which is wrong for
    an Excel export whose question texts hold commas; so every candidate is also tried
    on a sample: the one that splits the header into several cells and the most sample
    rows into as many, then the one giving the most cells, wins. The Sniffer's guess
    breaks ties.
    """
    lines = text[:_SAMPLE_CHARS].splitlines(keepends=True)
    truncated = len(text) > _SAMPLE_CHARS or len(lines) > _SAMPLE_ROWS + 1
    header = lines[0] if lines else ""
    try:
        sniffed = csv.Sniffer().sniff(header, delimiters="".join(_CANDIDATES)).delimiter
    except csv.Error:
        sniffed = ","
    sample = "".join(lines[: _SAMPLE_ROWS + 1])
    best: tuple[bool, float, int, bool] | None = None
    chosen = sniffed
    for candidate in _CANDIDATES:
        try:
            records = [r for r in _records(sample, candidate) if r]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        complete = records[:-1] if truncated and len(records) > 1 else records
        consistent = sum(1 for r in complete if len(r) == width) / len(complete)
        score = (width > 1, consistent, width, candidate == sniffed)
        if best is None or score > best:
            best, chosen = score, candidate
    return chosen


def read_table(
    path: str,
    *,
    encoding: str = DEFAULT_ENCODING,
    delimiter: str | None = None,
    limits: Limits | None = None,
    sheet: str | None = None,
) -> Table:
    """Read the CSV or .xlsx workbook at ``path`` (``-``: standard input).

    A workbook is recognised by its content, whatever its name; ``sheet`` picks one of
    its sheets (default: the first). Raises ``InputError``, ``UsageError`` or
    ``InvalidFileError``.
    """
    limits = limits or Limits()
    check_encoding(encoding)
    try:
        data = read_bytes(path, limits)
    except TextProblem as problem:
        raise InvalidFileError(path, [problem.diagnostic]) from None
    if is_workbook(data):
        name, records = read_sheet(data, path, sheet, limits.max_nodes)
        width = len(records[0]) if records else 0
        records = [r + [""] * (width - len(r)) for r in records]  # Excel drops trailing blanks
        return _table(path, "", "xlsx", records, 1, name)
    if sheet is not None:
        raise UsageError(_("--sheet applies to .xlsx workbooks; {path} is a CSV file").format(
            path=path))
    chosen, first_row, raw = _prepare(data, path, encoding, delimiter)
    if raw is not None:
        fast = read_grid(raw, chosen, first_row)
        del raw
        if fast is not None:
            return _table(path, chosen, encoding, [fast[0]], first_row, None, fast[1])
    text = _text(_decode(data, path, encoding), first_row)
    try:
        records = _records(text, chosen)
    except csv.Error as exc:
        raise InvalidFileError(
            path, [Diagnostic(path, 1, 1, "error", "csv-syntax",
                              _("the CSV cannot be read: {reason}").format(reason=exc))]
        ) from None
    if "'" in text:  # only a cell starting with a quote can be an escaped formula
        records = [
            [unescape(cell) if cell[:1] == "'" else cell for cell in record] for record in records
        ]
    return _table(path, chosen, encoding, records, first_row, None)


def _text(decoded: str, first_row: int) -> str:
    """The text to read: without byte-order marks and Excel's ``sep=`` line."""
    text = decoded.lstrip("\ufeff")
    sep = _SEP_LINE.match(text) if first_row == 2 else None
    return text[sep.end() :] if sep else text


def _prepare(data: bytes, path: str, encoding: str, delimiter: str | None
             ) -> tuple[str, int, bytes | None]:
    """The delimiter, the first row's number, and the text's UTF-8 bytes for ``read_grid``
    (None: another encoding). The decoded text is let go before the rows are read."""
    decoded = _decode(data, path, encoding)
    text = decoded.lstrip("\ufeff")
    first_row = 1
    sep = _SEP_LINE.match(text)
    if sep:
        delimiter = delimiter or sep.group(1)
        text = text[sep.end() :]
        first_row = 2
    chosen = delimiter or sniff_delimiter(text[: _SAMPLE_CHARS + 1])
    utf8 = encoding.lower().replace("_", "-") in ("utf-8-sig", "utf-8", "utf8") and not (
        data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)))
    if not utf8:
        return chosen, first_row, text.encode("utf-8")
    # The bytes before the text: a BOM utf-8-sig dropped, then what lstrip and sep= took.
    offset = 3 if data.startswith(codecs.BOM_UTF8) and "sig" in encoding.lower() else 0
    offset += len(decoded[: len(decoded) - len(text)].encode("utf-8"))
    return chosen, first_row, data[offset:] if offset else data


def _is_hxl(record: list[str]) -> bool:
    """KoboToolbox's HXL row: every non-empty cell is a ``#hashtag``."""
    cells = [c.strip() for c in record if c.strip()]
    return bool(cells) and all(c.startswith("#") and len(c) > 1 for c in cells)


def _table(
    path: str,
    delimiter: str,
    encoding: str,
    records: list[list[str]],
    first_row: int,
    sheet: str | None,
    grid: Grid | None = None,
) -> Table:
    if not records or not any(cell.strip() for cell in records[0]):
        raise InvalidFileError(
            path,
            [
                Diagnostic(
                    path,
                    first_row,
                    1,
                    "error",
                    "csv-empty",
                    _("the file has no header row (sheet {sheet})").format(sheet=repr(sheet))
                    if sheet else _("the file has no header row"),
                    _("export the responses with column headers"),
                )
            ],
        )
    header = [cell.strip().lstrip("\ufeff").strip() for cell in records[0]]
    rows = [(first_row + n, record) for n, record in enumerate(records[1:], start=1)]
    if grid is not None:
        first = grid.odd[:1] if grid.odd else []
        if len(grid) and (not first or first[0][0] > int(grid.numbers[0])):
            first = [(int(grid.numbers[0]), grid.row(0))]
        rows = first
    notes = []
    if rows and _is_hxl(rows[0][1]):
        if grid is not None:
            grid.drop_first()
        notes.append(
            Diagnostic(
                path,
                rows[0][0],
                1,
                "warning",
                "hxl-row",
                _("the row holds HXL hashtags (KoboToolbox's 'include HXL' export), not "
                  "answers; it is skipped"),
            )
        )
        rows = rows[1:]
    listed = [] if grid is not None else rows
    table = Table(path, delimiter, encoding, header, listed, first_row, sheet, grid=grid)
    table.notes.extend(table.locate(n) for n in notes)
    return table
