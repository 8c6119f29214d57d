"""``respondents_file``: a questionnaire's respondents in a table beside it (issue #16).

Every command reads such a questionnaire as it reads the same respondents listed in
YAML; bad cells are reported at their row and column; ``import`` writes the table for
large surveys and never writes a file ``validate`` refuses.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diamond.answers.table import read_respondents
from diamond.frameworks import builtin
from diamond.limits import Limits
from diamond.loader import LoadOptions, load_questionnaire, require_valid
from tests.conftest import ASSESSMENTS

SOURCE = ASSESSMENTS / "eskisehir-ceramics.yaml"
INDICATORS = list(builtin("stm-2015").indicators)


def without_list(text: str, reference: str) -> str:
    """The questionnaire's text with its ``respondents:`` block replaced by a reference."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        if line.startswith("respondents:"):
            out.append(f"respondents_file: {reference}\n")
            skipping = True
            continue
        if skipping and line[:1] not in (" ", "#", "\n", "-"):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


@pytest.fixture
def pair(tmp_path: Path, runner: CliRunner, app) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """The ceramics assessment as a questionnaire naming the table 'export' wrote."""
    table = tmp_path / "answers.csv"
    result = runner.invoke(app, ["export", str(SOURCE), "-o", str(table)])
    assert result.exit_code == 0, result.output
    questionnaire = tmp_path / "ceramics.yaml"
    text = SOURCE.read_text(encoding="utf-8")
    questionnaire.write_text(without_list(text, "answers.csv"), encoding="utf-8")
    return questionnaire, table


def test_every_command_reads_the_table_as_the_list(
    pair: tuple[Path, Path], runner: CliRunner, app, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    questionnaire, table = pair
    listed = require_valid(load_questionnaire(str(SOURCE)))[0]
    tabled = require_valid(load_questionnaire(str(questionnaire)))[0]
    assert [r.id for r in tabled.respondents] == [r.id for r in listed.respondents]
    for a, b in zip(listed.respondents, tabled.respondents, strict=True):
        assert (a.group, a.weight) == (b.group, b.weight)
        given = {k: v for k, v in a.answers.items() if v is not None}
        assert given == {k: v for k, v in b.answers.items() if v is not None}
    result = runner.invoke(app, ["validate", str(questionnaire)])
    assert result.exit_code == 0, result.output
    one = runner.invoke(app, ["assess", str(SOURCE), "-f", "json"])
    two = runner.invoke(app, ["assess", str(questionnaire), "-f", "json"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)
    exported = runner.invoke(app, ["export", str(questionnaire)])
    assert exported.exit_code == 0 and exported.stdout == table.read_text(encoding="utf-8")
    over = runner.invoke(app, ["export", str(questionnaire), "-o", str(table)])
    assert over.exit_code == 4 and "input file" in over.output  # never over the table
    compared = runner.invoke(
        app, ["compare", str(SOURCE), str(questionnaire), "-o", str(tmp_path / "cmp")]
    )
    assert compared.exit_code == 0, compared.output
    folder = tmp_path / "portfolio-in"
    folder.mkdir()
    (folder / "ceramics.yaml").write_text(questionnaire.read_text(encoding="utf-8"), "utf-8")
    (folder / "answers.csv").write_bytes(table.read_bytes())
    done = runner.invoke(app, ["portfolio", str(folder), "-o", str(tmp_path / "portfolio")])
    assert done.exit_code == 0, done.output


def test_bad_cells_are_reported_at_row_and_column(
    pair: tuple[Path, Path], runner: CliRunner, app  # type: ignore[no-untyped-def]
) -> None:
    questionnaire, table = pair
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    rows[0][5] = "factor.lnd"
    rows[2][:4] = [rows[1][0], "frim", "0", "9"]
    rows[3][7] = "four"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    table.write_text(out.getvalue(), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(questionnaire)])
    assert result.exit_code == 1
    name = str(table)
    found = {tuple(m.groups()) for m in re.finditer(
        rf"^{re.escape(name)}:(\d+):(\d+): error: .*\[([a-z-]+)\]$", result.stdout, re.M)}
    assert found == {
        ("1", "6", "unknown-indicator"),
        ("3", "1", "duplicate-respondent"),
        ("3", "2", "unknown-group"),
        ("3", "3", "bad-weight"),
        ("3", "4", "answer-range"),
        ("4", "8", "answer-type"),
    }
    assert "did you mean 'factor.land'?" in result.stdout
    assert f"{INDICATORS[4]}: 'four' is not a whole number" in result.stdout


def test_the_table_must_stay_beside_the_questionnaire(
    pair: tuple[Path, Path], runner: CliRunner, app, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    questionnaire, _ = pair
    inner = tmp_path / "inner"
    inner.mkdir()
    moved = inner / "ceramics.yaml"
    moved.write_text(
        questionnaire.read_text(encoding="utf-8").replace("answers.csv", "../answers.csv"),
        encoding="utf-8",
    )
    # the table is outside the questionnaire's folder and the current one (the repository)
    loaded = load_questionnaire(str(moved))
    assert [d.code for d in loaded.errors] == ["table-path"]
    assert load_questionnaire(str(moved), LoadOptions(allow_outside_paths=True)).ok
    missing = tmp_path / "missing.yaml"
    missing.write_text(
        questionnaire.read_text(encoding="utf-8").replace("answers.csv", "nope.csv"), "utf-8"
    )
    result = runner.invoke(app, ["validate", str(missing)])
    assert result.exit_code == 1 and "[table-unreadable]" in result.stdout


def test_both_a_list_and_a_table_are_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    _, table = pair
    both = tmp_path / "both.yaml"
    both.write_text(
        SOURCE.read_text(encoding="utf-8").replace(
            "respondents:", "respondents_file: answers.csv\nrespondents:", 1
        ),
        encoding="utf-8",
    )
    loaded = load_questionnaire(str(both))
    assert [d.code for d in loaded.errors] == ["respondents-twice"]
    assert table.exists()


def test_limits_apply_to_the_table(pair: tuple[Path, Path]) -> None:
    questionnaire, table = pair
    data = table.read_bytes()
    catalogue = builtin("stm-2015")
    over = read_respondents(data, "t.csv", catalogue, (1, 5), Limits(max_bytes=len(data) - 1))
    assert [(d.code, d.line) for d in over.diagnostics] == [("limit-exceeded", 1)]
    assert read_respondents(data, "t.csv", catalogue, (1, 5), Limits(max_bytes=len(data))).ok
    cells = 8 * 34  # eight respondents, id, group, weight and 31 indicators
    assert load_questionnaire(str(questionnaire), LoadOptions(Limits(max_nodes=cells))).ok
    loaded = load_questionnaire(str(questionnaire), LoadOptions(Limits(max_nodes=cells - 1)))
    assert [(d.path, d.code) for d in loaded.errors] == [(str(table), "limit-exceeded")]


def test_parquet_table(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    pl = pytest.importorskip("polars")
    questionnaire, table = pair
    frame = pl.read_csv(table, infer_schema_length=0)  # all text; polars 1.0 has no infer_schema
    frame.write_parquet(tmp_path / "answers.parquet")
    text = questionnaire.read_text(encoding="utf-8").replace("answers.csv", "answers.parquet")
    parquet = tmp_path / "parquet.yaml"
    parquet.write_text(text, encoding="utf-8")
    one = require_valid(load_questionnaire(str(questionnaire)))[0]
    two = require_valid(load_questionnaire(str(parquet)))[0]
    assert one.respondents == two.respondents


def survey_csv(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    groups = ["firm", "university", "public", "ngo", "other"]
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Timestamp", "id", "group", *INDICATORS])
        for n in range(rows):
            answers = ["" if rng.random() < 0.05 else str(rng.randint(1, 5)) for _ in INDICATORS]
            writer.writerow([f"2025-05-01 10:{n % 60:02d}:00", f"r-{n:06d}", rng.choice(groups),
                             *answers])


NEW = ["--sector", "Seramik", "--region", "Eskişehir", "--period", "2025"]


def test_a_large_import_writes_a_table_that_validates(
    tmp_path: Path, runner: CliRunner, app  # type: ignore[no-untyped-def]
) -> None:
    survey = tmp_path / "survey.csv"
    survey_csv(survey, 10_001)
    target = tmp_path / "big.yaml"
    result = runner.invoke(app, ["import", str(survey), "--new", str(target), *NEW])
    assert result.exit_code == 0, result.output
    table = tmp_path / "big.respondents.csv"
    assert table.exists() and "respondents_file: big.respondents.csv" in target.read_text("utf-8")
    assert "respondents:" not in target.read_text("utf-8")
    checked = runner.invoke(app, ["validate", str(target)])
    assert checked.exit_code == 0, checked.output
    questionnaire = require_valid(load_questionnaire(str(target)))[0]
    assert len(questionnaire.respondents) == 10_001
    # more rows go into the same table; the questionnaire is left alone
    before = target.read_bytes()
    more = tmp_path / "more.csv"
    survey_csv(more, 5, seed=8)
    more.write_text(more.read_text("utf-8").replace("r-0", "extra-"), "utf-8")
    added = runner.invoke(app, ["import", str(more), "--into", str(target)])
    assert added.exit_code == 0, added.output
    assert target.read_bytes() == before
    assert len(require_valid(load_questionnaire(str(target)))[0].respondents) == 10_006
    again = runner.invoke(app, ["import", str(more), "--into", str(target)])
    assert again.exit_code == 1 and "respondent-exists" in again.output
    refused = runner.invoke(app, ["import", str(more), "--into", str(target), "--no-table"])
    assert refused.exit_code == 2
    # the table itself as the survey: refused, never written over (exit 4)
    kept = table.read_bytes()
    itself = runner.invoke(app, ["import", str(table), "--into", str(target), "--replace"])
    assert itself.exit_code == 4 and "input file" in itself.output
    assert table.read_bytes() == kept


def test_a_list_over_the_size_limit_moves_to_a_table(
    tmp_path: Path, runner: CliRunner, app, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    survey = tmp_path / "survey.csv"
    survey_csv(survey, 40)
    target = tmp_path / "sector.yaml"
    result = runner.invoke(app, ["import", str(survey), "--new", str(target), *NEW])
    assert result.exit_code == 0, result.output
    assert "respondents:" in target.read_text("utf-8")
    size = target.stat().st_size
    more = tmp_path / "more.csv"
    survey_csv(more, 40, seed=9)
    more.write_text(more.read_text("utf-8").replace("r-0", "late-"), "utf-8")
    monkeypatch.setenv("DIAMOND_MAX_BYTES", str(size + 2000))
    refused = runner.invoke(app, ["import", str(more), "--into", str(target), "--no-table"])
    assert refused.exit_code == 1 and "limit-exceeded" in refused.output
    assert target.stat().st_size == size
    moved = runner.invoke(app, ["import", str(more), "--into", str(target)])
    assert moved.exit_code == 0, moved.output
    text = target.read_text("utf-8")
    assert "respondents_file: sector.respondents.csv" in text and "- id:" not in text
    checked = runner.invoke(app, ["validate", str(target)])
    assert checked.exit_code == 0, checked.output
    assert len(require_valid(load_questionnaire(str(target)))[0].respondents) == 80


def test_reader_counts_rows_as_records() -> None:
    catalogue = builtin("stm-2015")
    data = b'id,group,factor.land\n"a\nb",firm,3\nc,firm,7\n'
    read = read_respondents(data, "t.csv", catalogue, (1, 5), Limits())
    assert [(d.line, d.column, d.code) for d in read.diagnostics if d.severity == "error"] == [
        (3, 3, "answer-range")
    ]


def test_special_files_are_refused_at_once(pair: tuple[Path, Path], tmp_path: Path) -> None:
    questionnaire, _ = pair
    special = tmp_path / "special.yaml"
    special.write_text(
        questionnaire.read_text(encoding="utf-8").replace("answers.csv", "/dev/zero"), "utf-8"
    )
    loaded = load_questionnaire(str(special), LoadOptions(allow_outside_paths=True))
    assert [d.code for d in loaded.errors] == ["table-unreadable"]
    assert "device" in loaded.errors[0].message
