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

from diamond.answers.write import cells_bytes, escaped_ids, table_csv_columns
from diamond.survey.batch import ABSENT, GROUP_NAMES, Imports
from diamond.survey.grid import read_grid

_ROWS = 1 << 14  # rows read back at a time


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
    head, _, body = content.partition(b"\n")
    if shown is None or head.decode("utf-8").split(",") != ["id", "group", "weight",
                                                           *indicators]:
        return False
    ends = _where(np.frombuffer(body, dtype=np.uint8), 10, np.int64)
    if len(ends) != len(rows) or (len(body) and body[-1:] != b"\n"):
        return False
    at = 0
    for a in range(0, len(rows), _ROWS):
        b = min(len(rows), a + _ROWS)
        end = int(ends[b - 1]) + 1
        if not _block(head + b"\n" + body[at:end], rows, indicators, shown, a, b):
            return False
        at = end
    return True


def _block(chunk: bytes, rows: Imports, indicators: Sequence[str], shown: list[str], a: int,
           b: int) -> bool:
    """Rows ``a`` to ``b`` of the table, read from ``chunk`` (the header and those rows)."""
    import numpy as np

    read = read_grid(chunk, ",", 1)
    if read is None or read[1].odd or len(read[1]) != b - a:
        return False
    grid = read[1]
    padded, lengths = cells_bytes(shown[a:b])
    start, end = grid.bounds(0)
    if not np.array_equal(end - start, lengths):
        return False
    data = np.frombuffer(chunk, dtype=np.uint8)
    inside = np.arange(padded.shape[1])[None, :] < lengths[:, None]
    offsets = start[:, None] + np.arange(padded.shape[1])[None, :]
    if not np.array_equal(data.take(offsets[inside]), padded[inside]):
        return False
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
