"""Reading CSV files: encodings, byte-order marks, delimiters, row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from diamond.errors import InputError, InvalidFileError, UsageError
from diamond.survey.table import parse_delimiter, read_table, sniff_delimiter

SURVEYS = EXAMPLES / "surveys"


def test_semicolon_excel_export_with_bom_and_crlf() -> None:
    table = read_table(str(SURVEYS / "excel-semicolon.csv"))
    assert table.delimiter == ";"
    assert table.header[0] == "Katılımcı"  # no BOM left on the first header
    assert table.header[-1] == "Yorum, öneri"
    assert [n for n, _ in table.rows] == [2, 3, 4, 5, 6]
    assert table.rows[0][1][-1] == "Fiyat rekabeti sert, ama kalite iyi"


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ('"a","b, with comma","c"\n"1","2","3"\n', ","),
        ("a;b, with comma;c\n1;2;3\n", ";"),
        ("a, b;c, d;e\n1;2;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a,b,c\n1,2,3\n", ","),
        ("only\n1\n", ","),
    ],
)
def test_delimiter_detection(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_delimiter_option() -> None:
    assert parse_delimiter(None) is None
    assert parse_delimiter("tab") == "\t"
    assert parse_delimiter(";") == ";"
    with pytest.raises(UsageError):
        parse_delimiter(";;")


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("sep=;\nid;factor.land\na;4\n", encoding="utf-8")
    table = read_table(str(path))
    assert table.delimiter == ";"
    assert table.header == ["id", "factor.land"]
    assert table.rows == [(3, ["a", "4"])]


def test_wrong_encoding_is_reported_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("id;Paydaş\na;Üniversite\n".encode("cp1254"))
    with pytest.raises(InvalidFileError) as caught:
        read_table(str(path))
    diagnostic = caught.value.diagnostics[0]
    assert (diagnostic.line, diagnostic.code) == (1, "encoding")
    assert "cp1254" in (diagnostic.hint or "")
    table = read_table(str(path), encoding="cp1254")
    assert table.header == ["id", "Paydaş"]


def test_utf16_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("id\tfactor.land\na\t4\n".encode("utf-16"))
    table = read_table(str(path))
    assert table.delimiter == "\t"
    assert table.rows == [(2, ["a", "4"])]


def test_unknown_encoding_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown --encoding"):
        read_table(str(path), encoding="klingon")
    with pytest.raises(InputError, match="no such file"):
        read_table(str(tmp_path / "missing.csv"))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        read_table(str(path))
    assert caught.value.diagnostics[0].code == "csv-empty"


def test_rows_count_records_not_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('id,note\na,"two\nlines"\nb,x\n', encoding="utf-8")
    table = read_table(str(path))
    assert [n for n, _ in table.rows] == [2, 3]
