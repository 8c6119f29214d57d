"""A large import's table written and checked column by column.

``plan_table`` writes the respondents with ``table_csv`` and reads the table back with
the reader ``validate`` uses; for 100,000 rows that builds a list per row twice. When the
table holds only imported rows (``Imports``), it is written from the arrays instead
(``table_csv_columns``, byte for byte what ``table_csv`` writes), and checked without
building rows: every cell is read back from the bytes, column by column and a block of
rows at a time, and compared with what was meant (``same``); the reader ``validate``
uses reads the header and the first and last rows (``sample``). The values themselves
were checked as they were imported: ids unique and non-empty, groups known, weights
positive, answers on the scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diamond.answers.write import escaped_ids, table_csv_columns
from diamond.survey.batch import ABSENT, GROUP_NAMES, MISSING, Imports
from diamond.survey.grid import read_grid
from diamond.survey.rows import Imported

_ROWS = 1 << 14  # rows read back at a time


def joined(kept: Sequence[Any], replaced: Sequence[Imported], added: Sequence[Imported],
           indicators: Sequence[str]) -> Imports | None:
    """The table's rows as one ``Imports``: those kept (each replaced one in its place),
    then those added; None unless all of them are arrays already (or there are none)."""
    import numpy as np

    if not isinstance(kept, Imports) and not isinstance(added, Imports):
        return None  # a small import: the rows as they are
    aligned = [_aligned(rows if isinstance(rows, Imports) else Imports.of(rows),
                        list(indicators)) for rows in (kept, added) if len(rows)]
    if not aligned:
        return None
    if replaced and len(kept):
        first = aligned[0]
        position = {rid: k for k, rid in enumerate(first.ids)}
        first = aligned[0] = Imports(list(first.ids), first.groups.copy(), first.given.copy(),
                                     first.weights.copy(), first.answers.copy(),
                                     first.indicators, first.rows)
        fresh = _aligned(Imports.of(replaced), list(indicators))
        for n, rid in enumerate(fresh.ids):
            k = position[rid]
            first.groups[k], first.given[k] = fresh.groups[n], fresh.given[n]
            first.weights[k] = fresh.weights[n]
            first.answers[k] = fresh.answers[n]
    if len(aligned) == 1:
        return aligned[0]
    return Imports([i for rows in aligned for i in rows.ids],
                   np.concatenate([rows.groups for rows in aligned]),
                   np.concatenate([rows.given for rows in aligned]),
                   np.concatenate([rows.weights for rows in aligned]),
                   np.concatenate([rows.answers for rows in aligned]), list(indicators),
                   np.concatenate([rows.rows for rows in aligned]))


def _aligned(rows: Imports, indicators: list[str]) -> Imports:
    """``rows`` with one answers column per indicator, in that order (no answer where the
    rows had no column)."""
    import numpy as np

    if rows.indicators == indicators:
        return rows
    where = {indicator: n for n, indicator in enumerate(rows.indicators)}
    answers = np.full((len(rows), len(indicators)), MISSING, dtype=np.int16, order="F")
    for n, indicator in enumerate(indicators):
        if indicator in where:
            answers[:, n] = rows.answers[:, where[indicator]]
    return Imports(rows.ids, rows.groups, rows.given, rows.weights, answers, indicators,
                   rows.rows)


def columns_csv(rows: Imports, indicators: Sequence[str]) -> bytes | None:
    """The table of ``rows`` (None: an id needs quoting; use ``table_csv``)."""
    return table_csv_columns(rows.ids, (GROUP_NAMES, rows.groups), rows.weights,
                             (rows.answers, rows.indicators), indicators)


def sample(content: bytes) -> bytes:
    """The table's header with its first and last rows."""
    lines = content.split(b"\n", 2)
    if len(lines) < 3 or not lines[2]:
        return content
    last = content.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    return lines[0] + b"\n" + lines[1] + b"\n" + last + b"\n"


def same(content: bytes, rows: Imports, indicators: Sequence[str]) -> bool:
    """Whether every cell of ``content`` reads back as the value it was written for, read
    a block of rows at a time."""
    import numpy as np

    from diamond.survey.grid import _where

    shown = escaped_ids(rows.ids)
    ends = _where(np.frombuffer(content, dtype=np.uint8), 10, np.int64)  # line ends
    if not len(ends) or shown is None:
        return False
    head = content[: int(ends[0]) + 1]
    if head[:-1].decode("utf-8").split(",") != ["id", "group", "weight", *indicators]:
        return False
    if len(ends) != len(rows) + 1 or content[-1:] != b"\n":
        return False
    at = len(head)
    for a in range(0, len(rows), _ROWS):
        b = min(len(rows), a + _ROWS)
        end = int(ends[b]) + 1
        if not _block(head + content[at:end], rows, indicators, shown, a, b):
            return False
        at = end
    return True


def _block(chunk: bytes, rows: Imports, indicators: Sequence[str], shown: list[str], a: int,
           b: int) -> bool:
    """Rows ``a`` to ``b`` of the table, read from ``chunk`` (the header and those rows)."""
    read = read_grid(chunk, ",", 1)
    if read is None or read[1].odd or len(read[1]) != b - a:
        return False
    grid = read[1]
    if grid.strings(0) != shown[a:b]:  # the ids as written (escapes not undone)
        return False
    try:
        return _values_same(grid, rows, indicators, a, b)
    except ValueError:  # a cell that is no number where one was written
        return False


def _values_same(grid: Any, rows: Imports, indicators: Sequence[str], a: int, b: int) -> bool:
    """The groups, weights and answers of rows ``a`` to ``b`` read back from ``grid``."""
    import numpy as np

    codes, values = grid.coded(1)
    named = np.array([GROUP_NAMES.index(v) if v in GROUP_NAMES else -1 for v in values])
    if not np.array_equal(named[codes], rows.groups[a:b]):
        return False
    codes, values = grid.coded(2)
    weights = np.array([float(v) for v in values])[codes]
    meant_weights = rows.weights[a:b]
    if not np.array_equal(weights, np.where(np.isnan(meant_weights), 1.0, meant_weights)):
        return False
    where = {indicator: n for n, indicator in enumerate(rows.indicators)}
    for j, indicator in enumerate(indicators, start=3):
        codes, values = grid.coded(j)
        points = np.array([int(v) if v else ABSENT - 1 for v in values], dtype=np.int64)[codes]
        meant: Any = (np.full(b - a, ABSENT - 1) if indicator not in where
                      else rows.answers[a:b, where[indicator]].astype(np.int64))
        if not np.array_equal(points, np.where(meant <= ABSENT, ABSENT - 1, meant)):
            return False
    return True
