"""The numpy CSV reader gives exactly the records ``csv.reader`` gives for texts it accepts."""

from __future__ import annotations

import csv
import io
import random

import pytest

from diamond.survey.cells import unescape
from diamond.survey.grid import read_grid

_ALPHABET = ["a", "b", "1", "2", "5", " ", "\t", ",", ";", "\n", "\r", "\r\n", "ş", "İ",
             "'", "'=", "=", "-", "\u00a0", "\u2028", "x" * 5, "10"]


def _records(text: str, delimiter: str) -> list[list[str]]:
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False))
    if "'" in text:
        records = [[unescape(c) if c[:1] == "'" else c for c in r] for r in records]
    return records


def _grid_records(text: str, delimiter: str) -> list[list[str]] | None:
    read = read_grid(text.encode(), delimiter, 1)
    if read is None:
        return None
    header, grid = read
    out = [header] if text else []
    rows = grid.rows()
    assert [n for n, _ in rows] == list(range(2, len(rows) + 2))
    for k in range(len(grid)):  # the coded columns name the same cells
        assert grid.row(k) == [grid.cells(j)[k] for j in range(grid.width)]
    for j in range(grid.width):
        codes, values = grid.coded(j)
        assert [values[c] for c in codes.tolist()] == grid.cells(j)
    return out + [cells for _, cells in rows]


@pytest.mark.parametrize("seed", range(300))
def test_same_records_as_the_csv_module(seed: int) -> None:
    rng = random.Random(seed)
    delimiter = rng.choice([",", ";", "\t"])
    text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60)))
    if rng.random() < 0.5:  # mostly regular rows, as exports are
        width = rng.randint(1, 4)
        lines = [delimiter.join(rng.choice(["", "1", "22", "ab", "'=x", " "]) for _ in
                                range(width)) for _ in range(rng.randint(1, 6))]
        text = rng.choice(["\n", "\r\n", "\r"]).join(lines) + rng.choice(["", "\n", "\r\n"])
    got = _grid_records(text, delimiter)
    if got is not None:
        assert got == _records(text, delimiter)


def test_quotes_are_left_to_the_csv_module() -> None:
    assert read_grid(b'a,b\n"1",2\n', ",", 1) is None
    assert read_grid(b"a,b\n1\x002\n", ",", 1) is None


def test_odd_rows_keep_their_numbers() -> None:
    header, grid = read_grid(b"id,x\n\na,1\nb\nc,2,\n", ",", 1) or ([], None)
    assert grid is not None and header == ["id", "x"]
    assert grid.numbers.tolist() == [3]
    assert grid.odd == [(2, []), (4, ["b"]), (5, ["c", "2", ""])]
