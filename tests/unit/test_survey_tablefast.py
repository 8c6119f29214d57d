"""A table written from columns is byte for byte the one ``table_csv`` writes."""

from __future__ import annotations

import random

import numpy as np
import pytest

from diamond.survey.batch import ABSENT, GROUP_NAMES, MISSING, Imports
from diamond.survey.tablefast import columns_csv, same, sample

from diamond.answers.write import table_csv  # isort: skip (after diamond.survey: a cycle)

_IDS = ["a", "b-1", "=cmd", "'=x", "'x", "-2", "+", "@a", "\tq", "İş", "a b", "x" * 120,
        "q,1", 'q"', "a\nb", "a\rb"]


def _imports(rng: random.Random, plain: bool) -> tuple[Imports, list[str]]:
    indicators = [f"d.i{n}" for n in range(rng.randint(1, 6))]
    answered = rng.sample(indicators, rng.randint(0, len(indicators)))
    count = rng.randint(1, 12)
    pool = _IDS[:10] if plain else _IDS
    ids = [f"{rng.choice(pool)}{k}" if rng.random() < 0.8 else rng.choice(pool) + str(k)
           for k in range(count)]
    answers = np.array([[rng.choice([MISSING, ABSENT, -1000, 0, 1, 5, 10, 1000])
                         for _ in answered] for _ in range(count)],
                       dtype=np.int16).reshape(count, len(answered))
    weights = np.array([rng.choice([np.nan, 1.0, 2.5, 0.1, 3.0, 1e6]) for _ in range(count)])
    groups = np.array([rng.randrange(len(GROUP_NAMES)) for _ in range(count)], dtype=np.int8)
    rows = Imports(ids, groups, np.ones(count, dtype=bool), weights, answers, answered,
                   np.arange(count) + 2)
    return rows, indicators


@pytest.mark.parametrize("seed", range(200))
def test_same_bytes_as_the_csv_writer(seed: int) -> None:
    rng = random.Random(seed)
    rows, indicators = _imports(rng, plain=seed % 2 == 0)
    written = columns_csv(rows, indicators)
    expected = table_csv(list(rows), indicators)
    if written is None:
        assert any(c in i for i in rows.ids for c in ',"\n\r')
        return
    assert written == expected
    assert same(written, rows, indicators)
    lines = written.decode("utf-8").splitlines(keepends=True)
    assert sample(written).decode("utf-8") == "".join(
        lines[:2] + (lines[-1:] if len(lines) > 2 else []))


def test_a_changed_cell_is_noticed() -> None:
    rows, indicators = _imports(random.Random(7), plain=True)
    written = columns_csv(rows, indicators)
    assert written is not None and same(written, rows, indicators)
    lines = written.split(b"\n")
    for k in range(1, len(lines) - 1):
        cells = lines[k].split(b",")
        for j in range(len(cells)):
            changed = list(cells)
            changed[j] = b"3" if cells[j] != b"3" else b"4"
            edited = b"\n".join([*lines[:k], b",".join(changed), *lines[k + 1 :]])
            assert not same(edited, rows, indicators), (k, j)
    assert not same(written[:-1], rows, indicators)
    assert not same(written + b"x,firm,1" + b"," * len(indicators) + b"\n", rows, indicators)


def test_a_cell_that_is_no_number_is_noticed() -> None:
    rows, indicators = _imports(random.Random(3), plain=True)
    written = columns_csv(rows, indicators)
    assert written is not None
    for old, new in ((b",firm,", b",firm,x,"), (b"\n", b"x\n")):
        if old in written:
            edited = written.replace(old, new, 1) if old != b"\n" else (
                written[:-1] + b"x\n")
            assert not same(edited, rows, indicators)
    lines = written.split(b"\n")
    cells = lines[1].split(b",")
    cells[2] = b"heavy"  # the weight
    assert not same(b"\n".join([lines[0], b",".join(cells), *lines[2:]]), rows, indicators)
    cells = lines[1].split(b",")
    cells[-1] = b"x"  # an answer
    assert not same(b"\n".join([lines[0], b",".join(cells), *lines[2:]]), rows, indicators)
