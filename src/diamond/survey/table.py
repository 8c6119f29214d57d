"""Read a survey tool's CSV export: encoding, delimiter, rows numbered as the file counts them."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from diamond.documents import byte_position
from diamond.errors import Diagnostic, InputError, InvalidFileError, UsageError
from diamond.io.read import read_regular
from diamond.limits import Limits

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
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    header_row: int = 1


def parse_delimiter(value: str | None) -> str | None:
    """The delimiter a user named: one character, or ``tab`` / ``\\t``; None to detect it."""
    if value is None or value == "":
        return None
    if value.lower() in ("tab", "\\t", "\t"):
        return "\t"
    if len(value) != 1 or value in '\r\n"':
        raise UsageError(f"--delimiter must be one character (or 'tab'), not {value!r}")
    return value


def _decode(data: bytes, path: str, encoding: str) -> str:
    if encoding.lower().replace("_", "-") in ("utf-8-sig", "utf-8", "utf8") and data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        encoding = "utf-16"  # Excel's "Unicode text" export
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown --encoding {encoding!r}; try utf-8-sig or cp1254") from None
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
                    f"the file is not valid {encoding} (byte 0x{data[exc.start]:02x})",
                    "pass --encoding cp1254 for a Turkish Excel export, or latin-1",
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
) -> Table:
    """Read the CSV at ``path``; raises ``InputError`` or ``InvalidFileError``."""
    limits = limits or Limits()
    data = read_regular(path, limits.max_bytes)
    if len(data) > limits.max_bytes:
        raise InputError(
            f"{path}: larger than the limit of {limits.max_bytes:,} bytes; raise it with "
            f"{Limits.env_var('max_bytes')}"
        )
    text = _decode(data, path, encoding).lstrip("\ufeff")
    first_row = 1
    sep = _SEP_LINE.match(text)
    if sep:
        delimiter = delimiter or sep.group(1)
        text = text[sep.end() :]
        first_row = 2
    chosen = delimiter or sniff_delimiter(text)
    try:
        records = _records(text, chosen)
    except csv.Error as exc:
        raise InvalidFileError(
            path, [Diagnostic(path, 1, 1, "error", "csv-syntax", f"the CSV cannot be read: {exc}")]
        ) from None
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
                    "the file has no header row",
                    "export the responses with column headers",
                )
            ],
        )
    header = [cell.strip().lstrip("\ufeff").strip() for cell in records[0]]
    rows = [(first_row + n, record) for n, record in enumerate(records[1:], start=1)]
    return Table(path, chosen, encoding, header, rows, first_row)
