"""Read a questionnaire's respondents from a table file (``respondents_file``).

The table is what ``diamond export`` writes: a header ``id, group, weight``, then one
column per indicator id, and one row per respondent; an empty cell is no answer (an
empty ``group`` is ``firm``, an empty ``weight`` 1). CSV is read with the ``csv``
module, Parquet with polars. Every column is read once per distinct value, since a
survey's answers repeat a handful of cells, so a large survey costs little more
than reading its text. Every bad cell is reported at its row and column (the header
is row 1), with the column's name and a hint, as YAML findings are.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from diamond.answers.columns import NO_ANSWER, TableRespondents
from diamond.documents import TextProblem, cap_diagnostics, decode, within_limit
from diamond.errors import Diagnostic, Severity
from diamond.findings import suggest
from diamond.frameworks import Catalogue
from diamond.i18n import _
from diamond.limits import Limits
from diamond.models.questionnaire import GROUPS, Respondent
from diamond.numbertext import grouped

ROLE_COLUMNS = ("id", "group", "weight")
PARQUET_MAGIC = b"PAR1"
MAX_ID = 120
_INT = re.compile(r"^[+-]?\d{1,12}$")


@dataclass
class TableRead:
    """The respondents a table holds, and every finding about it (positioned in it)."""

    respondents: Sequence[Respondent] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Without ``build``: each row as (id, group, weight, answers in framework order)
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the table has no errors."""
        return not any(d.severity == "error" for d in self.diagnostics)


def _records(data: bytes, label: str) -> list[list[str]]:
    """The CSV records, or ``TextProblem`` for bytes or quoting the reader refuses."""
    text = decode(data, label)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise TextProblem(
            Diagnostic(
                label, reader.line_num, 1, "error", "csv-syntax",
                _("the table cannot be read as CSV: {reason}").format(reason=exc),
                _("write it with 'diamond export' or a spreadsheet's 'CSV UTF-8' format"),
            )
        ) from None
    if "'" in text:  # cells escaped against spreadsheet formulas by 'diamond export'
        from diamond.survey.cells import unescape

        records = [[unescape(c) if c[:1] == "'" else c for c in r] for r in records]
    return records


def _parquet(data: bytes, label: str) -> list[list[str]]:
    """A Parquet file's header and rows as text, through polars."""
    import polars as pl

    try:
        frame = pl.read_parquet(io.BytesIO(data))
    except Exception as exc:  # polars raises its own error types for damaged files
        raise TextProblem(
            Diagnostic(label, 1, 1, "error", "parquet-unreadable",
                       _("the Parquet file cannot be read: {reason}").format(
                           reason=(str(exc).splitlines() or [""])[0][:200]),
                       _("write the table again, or use CSV"))
        ) from None
    frame = frame.with_columns(pl.all().cast(pl.Utf8).fill_null(""))
    rows = [list(row) for row in frame.iter_rows()]
    return [list(frame.columns), *rows]


def _answer(raw: str, low: int, high: int) -> int | tuple[str, str, str] | None:
    """A cell as an answer, or (code, message, hint)."""
    text = raw.strip()
    if not text:
        return None
    if _INT.match(text):
        value = int(text)
        if low <= value <= high:
            return value
        return ("answer-range",
                _("{value} is outside the scale {low}..{high}").format(
                    value=value, low=low, high=high),
                _("rate from {low} to {high}, or leave the cell empty for no answer").format(
                    low=low, high=high))
    return ("answer-type", _("{cell} is not a whole number").format(cell=repr(text[:40])),
            _("write a whole number {low}..{high}, or leave the cell empty for no "
              "answer").format(low=low, high=high))


def _weight(raw: str) -> float | tuple[str, str, str]:
    text = raw.strip()
    if not text:
        return 1.0
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isfinite(value) and 0 < value <= 1_000_000:
        return value
    return ("bad-weight",
            _("weight {cell} is not a number above 0 and at most 1,000,000").format(
                cell=repr(text[:40])),
            _("write a positive number such as 1 or 1.5, or leave the cell empty for 1"))


def read_respondents(
    data: bytes,
    label: str,
    catalogue: Catalogue,
    scale: tuple[int, int],
    limits: Limits,
    *,
    build: bool = True,
) -> TableRead:
    """The respondents in a table file's bytes (CSV, or Parquet by its magic number).

    Without ``build`` the same checks run, but the rows are kept as plain tuples
    (``TableRead.rows``) rather than respondents: cheaper, for a writer checking its table.
    """
    out = TableRead()
    try:
        within_limit(data, label, limits)
        is_parquet = data[:4] == PARQUET_MAGIC
        records = _parquet(data, label) if is_parquet else _records(data, label)
    except TextProblem as problem:
        out.diagnostics.append(problem.diagnostic)
        return out
    _read(records, label, catalogue, scale, limits, out, build)
    out.diagnostics = cap_diagnostics(sorted(out.diagnostics, key=Diagnostic.sort_key))
    return out


def _read(
    records: list[list[str]],
    label: str,
    catalogue: Catalogue,
    scale: tuple[int, int],
    limits: Limits,
    out: TableRead,
    build: bool = True,
) -> None:
    diagnostics = out.diagnostics

    def problem(row: int, column: int, code: str, message: str, hint: str | None,
                severity: Severity = "error") -> None:
        diagnostics.append(Diagnostic(label, row, column, severity, code, message, hint))

    if not records or not any(c.strip() for c in records[0]):
        problem(1, 1, "table-empty", _("the table has no header row"),
                _("start it with 'id,group,weight' and one column per indicator id"))
        return
    header = [c.strip() for c in records[0]]
    width = len(header)
    if (len(records) - 1) * width > limits.max_nodes:
        problem(1, 1, "limit-exceeded",
                _("the table has {cells} cells, over the limit of {limit} values").format(
                    cells=grouped((len(records) - 1) * width), limit=grouped(limits.max_nodes)),
                _("raise the limit with the environment variable {name}").format(
                    name=Limits.env_var("max_nodes")))
        return
    where: dict[str, int] = {}
    for n, name in enumerate(header):
        if name in where:
            problem(1, n + 1, "duplicate-column",
                    _("column {name} is given twice (first as column {first})").format(
                        name=repr(name), first=where[name] + 1),
                    _("keep one of them"))
        elif name not in ROLE_COLUMNS and name not in catalogue.indicators:
            hint = suggest(name, [*ROLE_COLUMNS, *catalogue.indicators])
            problem(1, n + 1, "unknown-indicator",
                    _("column {name} is neither id, group, weight nor an indicator of "
                      "framework '{framework}'").format(
                        name=repr(name), framework=catalogue.framework.id),
                    hint or _("list the ids with 'diamond indicators'"))
        else:
            where[name] = n
    if "id" not in where:
        problem(1, 1, "missing-column", _("the table has no 'id' column"),
                _("the header starts 'id,group,weight', as 'diamond export' writes it"))
        return
    rows = records[1:]
    good: list[int] = []
    for n, record in enumerate(rows):
        if len(record) == width:
            good.append(n)
        elif not any(c.strip() for c in record):
            problem(n + 2, 1, "empty-row", _("the row is empty"), _("remove it"), "warning")
        else:
            problem(n + 2, min(len(record), width) + 1, "csv-row-length",
                    _("the row has {cells} cells but the header has {width}").format(
                        cells=len(record), width=width),
                    _("check the quoting of cells that hold commas"))
    if len(good) != len(rows):
        rows = [rows[n] for n in good]
    else:
        good = list(range(len(rows)))
    if not rows:
        problem(1, 1, "no-respondents", _("the table has a header but no respondents"),
                _("add one row per respondent"))
        return
    columns = list(zip(*rows, strict=True))
    low, high = scale
    ids = _ids(columns[where["id"]], good, where["id"] + 1, problem)
    groups = _mapped(
        columns[where["group"]] if "group" in where else None, good, where.get("group", 0) + 1,
        "group", _group, problem, "firm",
    )
    weights = _mapped(
        columns[where["weight"]] if "weight" in where else None, good,
        where.get("weight", 0) + 1, "weight", _weight, problem, 1.0,
    )
    indicators = [i for i in catalogue.indicators if i in where]
    if build:
        answered = _codes(columns, where, indicators, good, ids, scale, problem, out,
                          (groups, weights))
    else:
        answer_columns: list[Sequence[Any]] = []
        for indicator in indicators:
            n = where[indicator]
            answer_columns.append(_mapped(
                columns[n], good, n + 1, indicator,
                lambda raw: _answer(raw, low, high), problem, None,
            ))
        answered = [any(v is not None for v in col) for col in answer_columns]
        first_answer = where[indicators[0]] + 1 if indicators else 1
        for k, values in enumerate(zip(*answer_columns, strict=True) if answer_columns
                                   else ([()] * len(rows))):
            if indicators and values.count(None) == len(values):
                _silent(problem, good[k] + 2, first_answer, ids[k])
        out.rows = list(zip(ids, groups, weights, *answer_columns, strict=True))
    missing = [i for i, done in zip(indicators, answered, strict=True) if not done]
    missing += [i for i in catalogue.indicators if i not in where]
    if missing:
        shown = ", ".join(missing[:5]) + (_(" and {count} more").format(count=len(missing) - 5)
                                          if len(missing) > 5 else "")
        problem(1, 1, "unanswered-indicators",
                _("{count} indicator(s) have no answer from anyone: {ids}").format(
                    count=len(missing), ids=shown),
                _("their dimensions are scored without them; the report lists them"), "warning")


def _silent(problem: Any, row: int, column: int, rid: str) -> None:
    problem(row, column, "no-answers",
            _("respondent {id} gave no answer (every cell is empty)").format(id=repr(rid)),
            _("fill in the answers, or remove the row"), "warning")


def _codes(
    columns: list[tuple[str, ...]],
    where: dict[str, int],
    indicators: list[str],
    good: list[int],
    ids: list[str],
    scale: tuple[int, int],
    problem: Any,
    out: TableRead,
    roles: tuple[list[Any], list[Any]],
) -> list[bool]:
    """The answer columns as arrays of scale positions (``TableRespondents``), bad cells
    reported; whether each indicator has an answer."""
    import numpy as np  # only when a table is read

    low, high = scale
    parsed_columns = []
    for indicator in indicators:
        n = where[indicator]
        parsed = _parsed(columns[n], good, n + 1, indicator,
                         lambda raw: _answer(raw, low, high), problem, None)
        code = {raw: NO_ANSWER if v is None else v - low for raw, v in parsed.items()}
        parsed_columns.append(np.fromiter(map(code.__getitem__, columns[n]), dtype=np.int16,
                                          count=len(good)))
    codes = (np.column_stack(parsed_columns) if parsed_columns
             else np.zeros((len(good), 0), dtype=np.int16))
    if indicators:
        first_answer = where[indicators[0]] + 1
        for k in np.flatnonzero((codes == NO_ANSWER).all(axis=1)).tolist():
            _silent(problem, good[k] + 2, first_answer, ids[k])
    groups, weights = roles
    out.respondents = TableRespondents(ids, groups, weights, indicators, codes, low)
    return (codes != NO_ANSWER).any(axis=0).tolist() if indicators else []


def _group(raw: str) -> str | tuple[str, str, str]:
    text = raw.strip()
    if not text:
        return "firm"
    if text in GROUPS:
        return text
    hint = suggest(text, GROUPS) or _("groups are {groups}").format(groups=", ".join(GROUPS))
    return ("unknown-group", _("unknown stakeholder group {cell}").format(cell=repr(text[:40])),
            hint)


def _mapped(
    column: Sequence[str] | None,
    rows: list[int],
    number: int,
    name: str,
    parse: Any,
    problem: Any,
    default: Any,
) -> list[Any]:
    """Each cell of ``column`` read once per distinct value; bad cells reported."""
    if column is None:
        return [default] * len(rows)
    return list(map(_parsed(column, rows, number, name, parse, problem, default).__getitem__,
                    column))


def _parsed(
    column: Sequence[str],
    rows: list[int],
    number: int,
    name: str,
    parse: Any,
    problem: Any,
    default: Any,
) -> dict[str, Any]:
    """Each distinct cell of ``column`` and what it reads as (``default`` for a bad one,
    which is reported at its row)."""
    parsed = {raw: parse(raw) for raw in set(column)}
    bad = {raw for raw, value in parsed.items() if isinstance(value, tuple)}
    if bad:
        for k, raw in enumerate(column):
            if raw in bad:
                code, message, hint = parsed[raw]
                problem(rows[k] + 2, number, code, f"{name}: {message}", hint)
        for raw in bad:
            parsed[raw] = default
    return parsed


def _ids(column: Sequence[str], rows: list[int], number: int, problem: Any) -> list[str]:
    ids = [raw.strip() for raw in column]
    first: dict[str, int] = {}
    for k, rid in enumerate(ids):
        if not rid or len(rid) > MAX_ID:
            problem(rows[k] + 2, number, "bad-id",
                    _("the respondent id is empty") if not rid
                    else _("the respondent id is longer than {limit} characters").format(
                        limit=MAX_ID),
                    _("every row needs its own id of at most 120 characters"))
            continue
        seen = first.setdefault(rid, k)
        if seen != k:
            problem(rows[k] + 2, number, "duplicate-respondent",
                    _("respondent id {id} is used twice (first in row {row})").format(
                        id=repr(rid), row=rows[seen] + 2),
                    _("give every respondent its own id"))
    return ids
