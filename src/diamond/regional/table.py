"""Read a regional statistics table (CSV or XLSX) and check every row, with the engine.

The table is tidy: one row per region × sector × year, with the columns in
``REQUIRED`` and, optionally, those in ``OPTIONAL`` (any order; names are matched
without regard to case or surrounding spaces). Rows are numbered as a spreadsheet
shows them: the header is row 1. Every problem becomes a ``Diagnostic`` at its row and
column, as ``diamond import`` reports them, and all of a file's problems are reported
together (the first ``MAX_DIAGNOSTICS``, then a count of the rest).

Reading and checking run in Polars (imported here, so only ``diamond map`` pays for
it): the file is read as text columns, then each check is one vectorised expression,
never a Python loop over the rows.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from diamond.errors import Diagnostic, InputError, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.numbertext import grouped
from diamond.regional.codes import SECTOR_PATTERN, TOTAL
from diamond.survey.table import sniff_delimiter

if TYPE_CHECKING:
    import polars as pl

__all__ = ["MAX_DIAGNOSTICS", "NUMBERS", "OPTIONAL", "REQUIRED", "RegionalTable", "read_regional"]

REQUIRED = ("region", "region_name", "sector", "sector_name", "year", "employment")
OPTIONAL = ("establishments", "wages", "exports")
#: The numeric columns; all must be numbers >= 0 (``employment`` must be given).
NUMBERS = ("employment", "establishments", "wages", "exports")
#: The largest table read (bytes), unless ``DIAMOND_MAX_TABLE_BYTES`` says otherwise: tables
#: are read as columns, so this is far above the questionnaires' ``DIAMOND_MAX_BYTES``.
TABLE_MAX_BYTES = 4 << 30
TABLE_LIMIT_VARIABLE = "DIAMOND_MAX_TABLE_BYTES"
#: How many problems one run reports before it only counts the rest.
MAX_DIAGNOSTICS = 100
_NUMBER = r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$"


@dataclass(frozen=True)
class RegionalTable:
    """A checked table: its rows typed, its optional columns, and where it came from."""

    path: str
    frame: pl.DataFrame  # row, region, region_name, sector, sector_name, year, NUMBERS
    optional: tuple[str, ...]  # the optional columns the file has


def _problem(path: str, row: int, column: int, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(path, row, column, "error", code, message, hint)


def table_limit() -> int:
    """The largest table to read, in bytes: ``DIAMOND_MAX_TABLE_BYTES`` or 4 GiB."""
    value = os.environ.get(TABLE_LIMIT_VARIABLE, "")
    try:
        return int(value) if value.strip() else TABLE_MAX_BYTES
    except ValueError:
        raise UsageError(_("{variable} must be a whole number of bytes, not {value}").format(
            variable=TABLE_LIMIT_VARIABLE, value=repr(value))) from None


def _read_raw(path: Path, max_bytes: int) -> pl.DataFrame:
    """The file's cells as text, one column per header name, plus ``row``."""
    import polars as pl

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(_("{path}: no such file").format(path=path)) from None
    except OSError as exc:
        raise InputError(_("{path}: cannot be read ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None
    if path.is_dir():
        raise InputError(_("{path}: is a folder, not a file").format(path=path))
    if size > max_bytes:
        raise InputError(_("{path}: larger than the limit of {limit} bytes; "
                           "raise it with {variable}").format(
            path=path, limit=grouped(max_bytes), variable=TABLE_LIMIT_VARIABLE))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from diamond.regional.xlsx import read_xlsx_cells

        header, rows = read_xlsx_cells(path)
        frame = pl.DataFrame([list(r) for r in rows], schema=header, orient="row")
    else:
        with path.open("rb") as stream:
            head = stream.read(1 << 16)
        try:
            sample = head.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:
                raise InvalidFileError(str(path), [_problem(
                    str(path), 1, 1, "encoding", _("the file is not UTF-8 text"),
                    _("save it as CSV UTF-8 (Excel: Save As > CSV UTF-8)"))]) from None
            sample = head[: exc.start].decode("utf-8-sig")
        try:
            frame = pl.read_csv(path, infer_schema_length=0, separator=sniff_delimiter(sample),
                                truncate_ragged_lines=False)
        except (pl.exceptions.ComputeError, pl.exceptions.NoDataError, UnicodeDecodeError) as exc:
            raise InvalidFileError(str(path), [_problem(
                str(path), 1, 1, "csv-syntax",
                _("the CSV cannot be read: {reason}").format(reason=str(exc).splitlines()[0]),
                _("save it as CSV UTF-8 with one header row and the same number of cells "
                  "per row"))]
            ) from None
    frame = frame.rename({c: c.strip().lstrip("\ufeff").strip().lower() for c in frame.columns})
    return frame.with_row_index("row", offset=2).with_columns(pl.col("row").cast(pl.Int64))


def _header_problems(path: str, columns: list[str]) -> list[Diagnostic]:
    found = []
    known = (*REQUIRED, *OPTIONAL)
    for name in REQUIRED:
        if name not in columns:
            close = difflib.get_close_matches(name, columns, n=1)
            hint = (_("did you mean '{close}'? rename it to '{name}'").format(
                        close=close[0], name=name) if close
                    else _("add a column '{name}'; the columns are {columns}").format(
                        name=name, columns=", ".join(known)))
            found.append(_problem(path, 1, 1, "missing-column",
                                  _("the header has no '{name}' column").format(name=name), hint))
    for number, name in enumerate(columns, start=1):
        if name != "row" and name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = (_("did you mean '{close}'?").format(close=close[0]) if close
                    else _("remove it; the columns are {columns}").format(
                        columns=", ".join(known)))
            found.append(_problem(path, 1, number, "unknown-column",
                                  _("unknown column '{name}'").format(name=name), hint))
    return found


def _cell_checks(frame: pl.DataFrame, path: str, columns: list[str]) -> list[Diagnostic]:
    """Every bad cell: empty keys, bad sector codes and years, non-numbers, negatives."""
    import polars as pl

    index = {name: columns.index(name) + 1 for name in columns}
    checks: list[tuple[str, pl.Expr, str, str, str]] = []
    for name in ("region", "sector", "year"):
        checks.append((name, pl.col(name).is_null(), "empty-cell",
                       _("'{name}' is empty").format(name=name),
                       _("fill in the {name} of every row").format(name=name)))
    checks.append(("sector", pl.col("sector").is_not_null()
                   & ~pl.col("sector").str.contains(SECTOR_PATTERN) & (pl.col("sector") != TOTAL),
                   "sector-code", _("sector code {value} is neither NACE Rev. 2 nor NAICS"),
                   _("write NACE as C, 10, 10.1 or 10.11, NAICS as 31-33 or 2 to 6 digits, "
                     "or {total} for the region's all-industry total").format(total=TOTAL)))
    checks.append(("year", pl.col("year").is_not_null() & ~pl.col("year").str.contains(
        r"^\d{4}$"), "year", _("year {value} is not a four-digit year"),
        _("write the year as 2023")))
    for name in NUMBERS:
        if name not in index:
            continue
        cell = pl.col(name)
        if name == "employment":
            checks.append((name, cell.is_null(), "empty-cell", _("'employment' is empty"),
                           _("give every row its employment (0 if none)")))
        checks.append((name, cell.is_not_null() & ~cell.str.contains(_NUMBER), "not-a-number",
                       _("{name} {value} is not a number").format(name=name, value="{value}"),
                       _("write plain numbers such as 1250 or 1250.5, without thousands "
                         "separators")))
        checks.append((name, cell.str.contains(_NUMBER) & (cell.cast(pl.Float64, strict=False) < 0),
                       "negative",
                       _("{name} {value} is negative").format(name=name, value="{value}"),
                       _("{name} is a count or an amount and cannot be below 0").format(
                           name=name)))
    found: list[Diagnostic] = []
    failing = frame.select(condition.any().alias(str(n))
                           for n, (_, condition, *_) in enumerate(checks)).row(0)
    for (column, condition, code, message, hint), fails in zip(checks, failing, strict=True):
        if not fails:
            continue
        bad = frame.filter(condition).select("row", pl.col(column).alias("value"))
        for row, value in bad.head(MAX_DIAGNOSTICS).iter_rows():
            found.append(_problem(path, row, index[column], code,
                                  message.format(value=repr(value)), hint))
    return found


def _duplicates(frame: pl.DataFrame, path: str, column: int) -> list[Diagnostic]:
    import polars as pl

    keys = ["region", "sector", "year"]
    dup = frame.with_columns(first=pl.col("row").min().over(keys)).filter(
        pl.col("row") != pl.col("first"))
    return [_problem(path, row, column, "duplicate-row",
                     _("region {region}, sector {sector}, year {year} repeats row {first}").format(
                         region=repr(region), sector=repr(sector), year=year, first=first_row),
                     _("keep one row per region, sector and year"))
            for row, region, sector, year, first_row in
            dup.select("row", *keys, "first").head(MAX_DIAGNOSTICS).iter_rows()]


def _totals(frame: pl.DataFrame, path: str, column: int) -> list[Diagnostic]:
    """A region's TOTAL row must hold at least the sum of its sector rows."""
    import polars as pl

    keys = ["region", "year"]
    employment = pl.col("employment").cast(pl.Float64)
    sums = frame.filter(pl.col("sector") != TOTAL).group_by(keys).agg(
        employment.sum().alias("parts"))
    totals = frame.filter(pl.col("sector") == TOTAL).select("row", *keys, employment)
    short = totals.join(sums, on=keys).filter(pl.col("employment") < pl.col("parts") - 1e-9)
    return [_problem(path, row, column, "total-below-parts",
                     _("the TOTAL of region {region} in {year} ({total}) is below the "
                       "sum of its sector rows ({parts})").format(
                         region=repr(region), year=year, total=f"{total:,.0f}",
                         parts=f"{parts:,.0f}"),
                     _("correct the all-industry total, or delete the TOTAL row to use the sum"))
            for row, region, year, total, parts in short.sort("row").select(
                "row", *keys, "employment", "parts").head(MAX_DIAGNOSTICS).iter_rows()]


def _levels(frame: pl.DataFrame, path: str, column: int) -> list[Diagnostic]:
    """Sector codes of different digit levels would be counted twice in a region's sum."""
    import polars as pl

    codes = frame.filter(pl.col("sector") != TOTAL).with_columns(
        level=pl.when(pl.col("sector").str.contains("-")).then(2)
        .otherwise(pl.col("sector").str.count_matches(r"\d")))
    levels = codes.select(pl.col("level").unique().sort()).to_series().to_list()
    if len(levels) < 2:
        return []
    first = codes.filter(pl.col("level") == levels[0]).row(0, named=True)
    other = codes.filter(pl.col("level") == levels[1]).row(0, named=True)
    return [_problem(path, other["row"], column, "mixed-levels",
                     _("sector {sector} is a level-{level} code, but row {row} has {first} "
                       "at level {first_level}").format(
                         sector=repr(other["sector"]), level=levels[1], row=first["row"],
                         first=repr(first["sector"]), first_level=levels[0]),
                     _("use one level of the classification per table (e.g. only 4-digit NACE "
                       "classes), so no employment is counted twice"))]


def read_regional(path: Path, max_bytes: int | None = None) -> RegionalTable:
    """Read and check the table at ``path``; raises ``InputError`` or ``InvalidFileError``.

    A valid table comes back typed: ``year`` as an integer and the numeric columns as
    floats (absent optional columns as nulls), with the ``row`` each came from.
    """
    import polars as pl

    if path.suffix.lower() not in ("", ".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        raise UsageError(_("{path}: give a .csv or .xlsx table").format(path=path))
    shown = str(path)
    frame = _read_raw(path, table_limit() if max_bytes is None else max_bytes)
    columns = [c for c in frame.columns if c != "row"]
    problems = _header_problems(shown, columns)
    if any(d.code == "missing-column" for d in problems) or not frame.height:
        if not problems:
            problems.append(_problem(shown, 2, 1, "no-rows", _("the table has no data rows"),
                                     _("add one row per region, sector and year")))
        raise InvalidFileError(shown, problems)
    frame = frame.with_columns(pl.col(c).str.strip_chars().replace("", None) for c in columns)
    problems += _cell_checks(frame, shown, columns)
    if not problems:
        problems += _duplicates(frame, shown, columns.index("sector") + 1)
        problems += _levels(frame, shown, columns.index("sector") + 1)
        problems += _totals(frame, shown, columns.index("employment") + 1)
    if problems:
        problems.sort(key=Diagnostic.sort_key)
        raise InvalidFileError(shown, problems[:MAX_DIAGNOSTICS])
    optional = tuple(c for c in OPTIONAL if c in columns)
    typed = frame.select(
        "row", "region", pl.col("region_name").fill_null(pl.col("region")), "sector",
        pl.col("sector_name").fill_null(pl.col("sector")), pl.col("year").cast(pl.Int32),
        *[(pl.col(c).cast(pl.Float64) if c in columns else pl.lit(None, pl.Float64)).alias(c)
          for c in NUMBERS],
    )
    return RegionalTable(shown, typed, optional)
