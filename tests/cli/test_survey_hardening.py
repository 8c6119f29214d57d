"""Issue #10 items in import/export: formula injection, non-text codecs, huge numbers, xlsx."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from diamond.cli.app import app
from diamond.loader import load_questionnaire, require_valid

NEW = ["--sector", "Savunma", "--region", "Ankara", "--period", "2025"]
HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    "@SUM(1+1)",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "'=quoted already",
]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    lines = ["diamond: 1", 'sector: {name: "S", region: "R", period: "2025"}', "respondents:"]
    for n, rid in enumerate(HOSTILE):
        quoted = rid.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f'  - id: "{quoted}"', f"    answers: {{factor.land: {n % 5 + 1}}}"]
    path = tmp_path / "hostile.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ids(path: Path) -> list[str]:
    return [r.id for r in require_valid(load_questionnaire(str(path)))[0].respondents]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_export_neutralises_formulas_and_import_restores_them(
    hostile: Path, tmp_path: Path, delimiter: str
) -> None:
    runner = CliRunner()
    out = tmp_path / "answers.csv"
    args = ["export", str(hostile), "-o", str(out), "--delimiter", delimiter]
    assert runner.invoke(app, args).exit_code == 0
    import csv

    with out.open(encoding="utf-8", newline="") as stream:
        cells = [row[0] for row in csv.reader(stream, delimiter=delimiter)][1:]
    assert cells == ["'" + h for h in HOSTILE]
    back = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(out), "--new", str(back), *NEW])
    assert result.exit_code == 0, result.output
    assert ids(back) == HOSTILE


def test_xlsx_export_is_text_deterministic_and_imports_back(hostile: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    runner = CliRunner()
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert runner.invoke(app, ["export", str(hostile), "-o", str(first)]).exit_code == 0
    args = ["export", str(hostile), "-f", "xlsx", "-o", str(second)]
    assert runner.invoke(app, args).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    sheet = openpyxl.load_workbook(first)["answers"]
    assert [sheet.cell(row=n, column=1).data_type for n in range(2, 7)] == ["s"] * 5
    assert sheet.cell(row=2, column=1).value == HOSTILE[0]
    back = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", str(first), "--new", str(back), *NEW])
    assert result.exit_code == 0, result.output
    assert "sheet 'answers'" in result.stdout
    assert ids(back) == HOSTILE


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "bz2", "nonsense-codec"])
def test_non_text_encodings_are_usage_errors(tmp_path: Path, codec: str) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land\na,4\n", encoding="utf-8")
    args = ["import", str(csv), "--new", str(tmp_path / "s.yaml"), *NEW, "--encoding", codec]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "--encoding" in result.stderr and "Traceback" not in result.output


def test_a_4301_digit_answer_is_a_cell_error(tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("id,factor.land,factor.labour_cost\na,4," + "9" * 4301 + "\n", encoding="utf-8")
    args = ["import", str(csv), "--new", str(tmp_path / "s.yaml"), *NEW]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert f"{csv}:2:3: error: factor.labour_cost: answer '9999" in result.stderr
    assert "4,301 characters" in result.stderr
    assert not (tmp_path / "s.yaml").exists()


def _zip(entries: dict[str, str]) -> bytes:
    import io
    import zipfile

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return raw.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_zip({"a.txt": "hello"}), "not a readable .xlsx workbook"),
        (_zip({"form.csv": "a\n", "form-respondents.csv": "b\n"}), "zip of CSV files"),
        (b"PK\x03\x04" + b"\0" * 100, "not a readable .xlsx workbook"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 600, "old .xls file or is protected with a password"),
    ],
    ids=["zip-not-workbook", "odk-csv-zip", "truncated", "xls-or-password"],
)
def test_unreadable_workbooks_are_clear_errors(tmp_path: Path, data: bytes, message: str) -> None:
    export = tmp_path / "export.xlsx"
    export.write_bytes(data)
    result = CliRunner().invoke(app, ["import", str(export), "--new", str(tmp_path / "s.yaml"),
                                      *NEW])
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "[xlsx-unreadable]" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_workbook_past_the_cell_limit_is_refused(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("openpyxl")
    book = tmp_path / "a.xlsx"
    assert CliRunner().invoke(app, ["export", str(hostile), "-o", str(book)]).exit_code == 0
    monkeypatch.setenv("DIAMOND_MAX_NODES", "50")
    result = CliRunner().invoke(app, ["import", str(book), "--new", str(tmp_path / "s.yaml"),
                                      *NEW])
    assert result.exit_code == 1
    assert "holds more than 50 cells" in result.stderr


def test_stdin_is_read_as_csv_or_workbook(hostile: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "a.xlsx"
    assert runner.invoke(app, ["export", str(hostile), "-o", str(book)]).exit_code == 0
    target = tmp_path / "s.yaml"
    result = runner.invoke(app, ["import", "-", "--new", str(target), *NEW],
                           input=book.read_bytes())
    assert result.exit_code == 0, result.output
    assert ids(target) == HOSTILE
