"""A large import's table written and checked column by column.

``plan_table`` writes the respondents with ``table_csv`` and reads the table back with
the reader ``validate`` uses; for 100,000 rows that builds a list per row twice. When the
table holds only imported rows (``Imports``), it is written from the arrays instead
(``table_csv_columns``, byte for byte what ``table_csv`` writes), and checked without
building rows: every cell is read back from the bytes, column by column, and compared
with what was meant (``same``), and the reader ``validate`` uses reads the header and the
first and last rows (``sample``). The values themselves were checked as they were
imported: ids unique and non-empty, groups known, weights positive, answers on the scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from diamond.answers.write import table_csv_columns
from diamond.survey.batch import ABSENT, GROUP_NAMES, Imports
from diamond.survey.grid import read_grid


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
    """Whether every cell of ``content`` reads back as the value it was written for."""
    import numpy as np

    read = read_grid(content, ",", 1)
    if read is None:
        return False
    header, grid = read
    if header != ["id", "group", "weight", *indicators] or grid.odd or len(grid) != len(rows):
        return False
    if grid.cells(0) != rows.ids:  # formula escapes undone by the grid, as by the reader
        return False
    codes, values = grid.coded(1)
    named = np.array([GROUP_NAMES.index(v) if v in GROUP_NAMES else -1 for v in values])
    if not np.array_equal(named[codes] if len(values) else codes, rows.groups):
        return False
    codes, values = grid.coded(2)
    weights = np.array([float(v) for v in values])[codes]
    if not np.array_equal(weights, np.where(np.isnan(rows.weights), 1.0, rows.weights)):
        return False
    where = {indicator: n for n, indicator in enumerate(rows.indicators)}
    for j, indicator in enumerate(indicators, start=3):
        codes, values = grid.coded(j)
        points = np.array([int(v) if v else ABSENT - 1 for v in values], dtype=np.int64)[codes]
        meant: Any = (np.full(len(rows), ABSENT - 1) if indicator not in where
                      else rows.answers[:, where[indicator]].astype(np.int64))
        if not np.array_equal(points, np.where(meant <= ABSENT, ABSENT - 1, meant)):
            return False
    return True
