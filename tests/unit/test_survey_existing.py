"""A table read as arrays for ``import --into`` (``read_existing``) holds exactly what the
reader ``validate`` uses reads, and is only read so when that reader finds no error."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from diamond.answers.table import read_respondents
from diamond.errors import InvalidFileError
from diamond.frameworks import builtin
from diamond.limits import Limits
from diamond.models.questionnaire import Scale
from diamond.survey import ImportOptions, NewQuestionnaire, describe, import_responses, importer
from diamond.survey.batch import MISSING
from diamond.survey.existing import first_rows, read_existing

_CELLS = {
    "id": ["a", "b", "c", " d ", "", "'=e", "x" * 121, "a", "f,g", "İş"],
    "group": ["firm", "public", "", " ngo ", "Firm", "other", "university"],
    "weight": ["", "1", "2.5", "0", "-1", "x", "1e6", "1e7", " 3 "],
    "answer": ["", "1", "5", "3", " 2 ", "6", "0", "x", "+4", "2.0", "'=1"],
}


def _table(rng: random.Random, indicators: list[str]) -> bytes:
    header = ["id", "group", "weight", *indicators]
    if rng.random() < 0.05:
        header = header[:-1]
    lines = [",".join(header)]
    for k in range(rng.randint(0, 8)):
        names = ["id", "group", "weight", *["answer"] * len(indicators)]
        cells = [f"r{k}", rng.choice(["firm", "public", "ngo"]), rng.choice(["", "1", "2.5"]),
                 *(rng.choice(["", "1", "3", "5"]) for _ in indicators)]
        if rng.random() < 0.3:  # one cell of another kind
            n = rng.randrange(len(cells))
            cells[n] = rng.choice(_CELLS[names[n]])
        if rng.random() < 0.05:
            cells = cells[:-1]
        lines.append(",".join(cells))
    return ("\n".join(lines) + rng.choice(["\n", "", "\r\n"])).encode("utf-8")


@pytest.mark.parametrize("seed", range(300))
def test_arrays_agree_with_the_reader(seed: int) -> None:
    rng = random.Random(seed)
    catalogue = builtin("stm-2015")
    indicators = list(catalogue.indicators)
    data = _table(rng, indicators)
    scale = Scale(min=1, max=5)
    fast = read_existing(data, catalogue, scale, Limits())
    read = read_respondents(data, "t.csv", catalogue, (1, 5), Limits(), build=False)
    if fast is None:
        return
    assert read.ok
    rows = [(rid, g, w, *[None if v == MISSING else v for v in answers])
            for rid, g, w, answers in zip(
                fast.ids, [r.group for r in fast], fast.weights.tolist(),
                fast.answers.tolist(), strict=True)]
    assert rows == read.rows


def test_first_rows() -> None:
    assert first_rows(b"h\n1\n2\n") == b"h\n1\n"
    assert first_rows(b"h\n1") == b"h\n1"


def _survey(path: Path, ids: list[str], rng: random.Random, indicators: list[str]) -> None:
    lines = [",".join(["id", "group", *indicators])]
    for rid in ids:
        lines.append(",".join([rid, rng.choice(["firm", "Kamu", ""]),
                               *(rng.choice(["", "1", "3", "5"]) for _ in indicators)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("seed", range(6))
def test_into_a_table_as_arrays_or_as_respondents(seed: int, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """``--into`` a table questionnaire writes the same bytes and report whether the table
    is read as arrays or, as before, as respondents."""
    rng = random.Random(seed)
    indicators = rng.sample(list(builtin("stm-2015").indicators), 5)
    first, more = tmp_path / "first.csv", tmp_path / "more.csv"
    _survey(first, [f"r{k}" for k in range(30)], rng, indicators)
    _survey(more, [f"r{k}" for k in rng.sample(range(40), 12)], rng, rng.sample(indicators, 3))
    new = NewQuestionnaire("S", "R", "2025")
    results = []
    for slow in (False, True):
        folder = tmp_path / ("slow" if slow else "fast")
        folder.mkdir()
        target = str(folder / "q.yaml")
        import_responses(str(first), target, ImportOptions(table=True), None, new)
        if slow:
            monkeypatch.setattr(importer, "table_target", lambda *_: None)
            monkeypatch.setattr(importer, "with_table_rows", lambda *_: None)
        try:
            report = import_responses(str(more), target, ImportOptions(replace=seed % 2 == 0))
            shown = describe(report)
        except InvalidFileError as refused:
            shown = "\n".join(f"{d.line}:{d.column} {d.code} {d.message}"
                              for d in refused.diagnostics)
        results.append((shown.replace(str(folder), ""),
                        (folder / "q.respondents.csv").read_bytes()))
    assert results[0] == results[1]
