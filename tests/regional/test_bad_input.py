"""Bad tables: every problem is reported at its row and column, nothing is computed."""

from __future__ import annotations

from pathlib import Path

import pytest

from diamond.errors import Diagnostic, InputError, InvalidFileError
from diamond.regional import read_regional
from tests.regional.conftest import HEADER, write_table

GOOD = "A,Alfa,10,Food,2020,100"


def _problems(path: Path) -> list[Diagnostic]:
    with pytest.raises(InvalidFileError) as raised:
        read_regional(path)
    return raised.value.diagnostics


def _where(path: Path) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in _problems(path)]


def test_missing_column(tmp_path: Path) -> None:
    path = write_table(tmp_path, ["A,Alfa,10,Food,2020"],
                       header="region,region_name,sector,sector_name,year")
    (problem,) = _problems(path)
    assert (problem.line, problem.code) == (1, "missing-column")
    assert "'employment'" in problem.message


def test_misspelt_column_gets_a_suggestion(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD], header=HEADER.replace("employment", "employmnet"))
    found = {d.code: d for d in _problems(path)}
    assert "did you mean 'employmnet'" in (found["missing-column"].hint or "")
    assert found["unknown-column"].column == 6


def test_non_numeric_employment(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,12 000"])
    assert _where(path) == [(3, 6, "not-a-number")]


def test_negative_employment(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,-5"])
    (problem,) = _problems(path)
    assert (problem.line, problem.column, problem.code) == (3, 6, "negative")
    assert "-5" in problem.message


def test_duplicate_row_names_the_first(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,5", GOOD])
    (problem,) = _problems(path)
    assert (problem.line, problem.column, problem.code) == (4, 3, "duplicate-row")
    assert "repeats row 2" in problem.message


@pytest.mark.parametrize("code", ["1O", "10.111", "ABC", "C-10", "1"])
def test_unknown_sector_code_format(tmp_path: Path, code: str) -> None:
    path = write_table(tmp_path, [GOOD, f"B,Beta,{code},Food,2020,5"])
    assert _where(path) == [(3, 3, "sector-code")]


@pytest.mark.parametrize("code", ["C", "10", "10.1", "10.11", "1011", "C10.11", "31-33",
                                  "336111", "TOTAL"])
def test_accepted_sector_codes(tmp_path: Path, code: str) -> None:
    rows = [f"A,Alfa,{code},X,2020,5"] + ([] if code == "TOTAL" else ["A,Alfa,TOTAL,X,2020,9"])
    assert read_regional(write_table(tmp_path, rows)).frame.height == len(rows)


def test_mixed_levels_are_refused(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "A,Alfa,10.11,Dairy,2020,5"])
    assert _where(path) == [(3, 3, "mixed-levels")]


def test_bad_year_and_empty_cells(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,20x0,5", ",Gamma,10,Food,2020,"])
    assert _where(path) == [(3, 5, "year"), (4, 1, "empty-cell"), (4, 6, "empty-cell")]


def test_every_problem_is_reported_in_one_pass(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,-1", "C,Gamma,ZZ,Food,2020,x"])
    assert len(_problems(path)) == 3


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_regional(tmp_path / "absent.csv")


def test_xlsx_input_reports_rows_like_csv(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["A", "Alfa", "10", "Food", 2020, 100])
    sheet.append(["B", "Beta", 10, "Food", 2020, -3])
    path = tmp_path / "table.xlsx"
    book.save(path)
    assert _where(path) == [(3, 6, "negative")]
    sheet["F3"] = 30
    book.save(path)
    table = read_regional(path)
    assert table.frame["employment"].to_list() == [100.0, 30.0]
    assert table.frame["sector"].to_list() == ["10", "10"]


def test_table_size_limit_names_its_variable(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_table(tmp_path, [GOOD])
    monkeypatch.setenv("DIAMOND_MAX_TABLE_BYTES", "10")
    with pytest.raises(InputError, match="DIAMOND_MAX_TABLE_BYTES"):
        read_regional(path)


def test_semicolon_csv_with_bom_and_spaces(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffRegion ; region_name;sector;sector_name;year;Employment\r\n"
                     "TR510;Ankara;30;Ulaşım;2023; 1200 \r\n".encode())
    table = read_regional(path)
    assert table.frame.row(0, named=True)["employment"] == 1200.0


def test_windows_1254_csv_is_refused_with_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "cp1254.csv"
    path.write_bytes((HEADER + "\nTR242,Elazığ,08,Mermer,2023,10\n").encode("cp1254"))
    (problem,) = _problems(path)
    assert problem.code == "encoding" and "UTF-8" in (problem.hint or "")


def test_total_row_below_its_parts(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "A,Alfa,20,Chem,2020,50", "A,Alfa,TOTAL,All,2020,120"])
    (problem,) = _problems(path)
    assert (problem.line, problem.column, problem.code) == (4, 6, "total-below-parts")
    assert "(120) is below the sum of its sector rows (150)" in problem.message
