"""``diamond map`` speaks Turkish: bad tables keep their codes, rows and columns."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from diamond import i18n
from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.regional import MapOptions, read_regional
from diamond.regional.build import build_map
from tests.regional.conftest import HEADER, write_table

GOOD = "A,Alfa,10,Food,2020,100"


def _problems(path: Path, lang: str) -> list[Diagnostic]:
    i18n.activate(lang)
    with pytest.raises(InvalidFileError) as raised:
        read_regional(path)
    return raised.value.diagnostics


def test_bad_cells_in_turkish_at_the_english_positions(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,20x0,12 000", "C,Gama,1O,Food,2020,-5"])
    english = _problems(path, "en")
    turkish = _problems(path, "tr")
    assert [(d.line, d.column, d.code) for d in turkish] == \
        [(d.line, d.column, d.code) for d in english]
    messages = {d.code: d for d in turkish}
    assert messages["not-a-number"].message == \
        "'employment' sütunundaki '12 000' değeri bir sayı değil"
    assert messages["not-a-number"].hint == \
        "sayıları binlik ayırıcı olmadan, 1250 ya da 1250.5 gibi yazın"
    assert messages["negative"].message == "'employment' sütunundaki '-5' değeri negatif"
    assert messages["year"].message == "'20x0' yılı dört haneli bir yıl değil"
    assert "NACE" in messages["sector-code"].message and "sektör kodu" in messages[
        "sector-code"].message


def test_header_problems_in_turkish(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD], header=HEADER.replace("employment", "employmnet"))
    found = {d.code: d for d in _problems(path, "tr")}
    assert found["missing-column"].message == "başlık satırında 'employment' sütunu yok"
    assert found["missing-column"].hint == \
        "şunu mu demek istediniz: 'employmnet'? Adını 'employment' olarak değiştirin"
    assert (found["unknown-column"].line, found["unknown-column"].column) == (1, 6)
    assert found["unknown-column"].message == "bilinmeyen 'employmnet' sütunu"


def test_duplicate_row_in_turkish(tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,5", GOOD])
    (problem,) = _problems(path, "tr")
    assert (problem.line, problem.column, problem.code) == (4, 3, "duplicate-row")
    assert problem.message == ("'A' bölgesi, '10' sektörü, 2020 yılı: "
                               "bu satır 2. satırın yinelemesi")


def test_missing_year_in_turkish(tmp_path: Path) -> None:
    i18n.activate("tr")
    table = read_regional(write_table(tmp_path, [GOOD]))
    with pytest.raises(UsageError, match="dosyasında bu yıla ait satır yok"):
        build_map(table, MapOptions(year_from=1999))


def test_cli_map_bad_table_in_turkish(runner: CliRunner, app: typer.Typer,
                                      tmp_path: Path) -> None:
    path = write_table(tmp_path, [GOOD, "B,Beta,10,Food,2020,lots"])
    result = runner.invoke(app, ["map", str(path), "-o", str(tmp_path / "out")],
                           env={"DIAMOND_LANG": "tr"})
    assert result.exit_code == 1
    assert f"{path}:3:6: " in result.stderr
    assert "'employment' sütunundaki 'lots' değeri bir sayı değil" in result.stderr
    assert "not a number" not in result.stderr


def test_evidence_splice_refusal_in_turkish() -> None:
    from diamond.regional.evidence import splice_evidence

    i18n.activate("tr")
    with pytest.raises(UsageError) as raised:
        splice_evidence("{format: 1}\n", {"year": 2020})
    assert str(raised.value) == (
        "anket dosyası blok biçiminde bir YAML eşlemesi değil; --evidence-into yalnızca "
        "diamond init'in yazdığı biçimdeki dosyaları düzenler")
