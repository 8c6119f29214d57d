"""``diamond import`` speaks Turkish: same codes, rows and columns as in English.

Every case of ``tests/examples/surveys/cases`` is imported in both languages; the
findings must sit at the same places with the same codes, and each Turkish message
must differ from the English one (it was translated). A few messages are checked
word for word.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from diamond import i18n
from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.survey import ImportOptions, NewQuestionnaire, import_responses
from diamond.survey.table import parse_delimiter
from diamond.survey.values import parse_answer, parse_weight
from tests.conftest import EXAMPLES
from tests.unit.test_survey_quality import _csv

CASES = EXAMPLES / "surveys" / "cases"
SURVEYS = EXAMPLES / "surveys"
NEW = NewQuestionnaire("Sektör", "Ankara", "2025-05")


def _findings(case: Path, target: Path, lang: str) -> list[Diagnostic]:
    i18n.activate(lang)
    try:
        return import_responses(str(case), str(target), ImportOptions(dry_run=True),
                                new=NEW).warnings
    except InvalidFileError as error:
        return error.diagnostics


@pytest.mark.parametrize(
    "case", sorted(p for p in CASES.iterdir() if p.suffix in (".csv", ".xlsx")),
    ids=lambda p: p.name,
)
def test_case_in_turkish_keeps_positions_and_codes(case: Path, tmp_path: Path) -> None:
    english = _findings(case, tmp_path / "en.yaml", "en")
    turkish = _findings(case, tmp_path / "en.yaml", "tr")
    place = [(d.line, d.column, d.severity, d.code) for d in english]
    assert [(d.line, d.column, d.severity, d.code) for d in turkish] == place
    for en, tr in zip(english, turkish, strict=True):
        assert tr.message != en.message, en.message
        assert (tr.hint is None) == (en.hint is None)
        if en.hint is not None and not en.hint.startswith("did you mean"):
            assert tr.hint != en.hint, en.hint


def test_unknown_labels_in_turkish(tmp_path: Path) -> None:
    found = _findings(CASES / "turkish-scale-labels.csv", tmp_path / "s.yaml", "tr")
    first = next(d for d in found if d.code == "answer-unreadable")
    assert (first.line, first.column) == (4, 2)
    assert first.message == ("'factor.skilled_workforce' sütununda bilinmeyen yanıt etiketi: "
                             "'Harika' (4 hücrede; ilki burada)")
    assert first.hint is not None and first.hint.startswith(
        "2 bilinmeyen etiket; bir eşleme dosyasına (--map) ekleyin ve her POINT yerine")
    assert first.hint.endswith('labels: {"Harika": POINT, "Berbat": POINT}')


def test_cell_problems_in_turkish() -> None:
    from diamond.models.questionnaire import Scale

    i18n.activate("tr")
    scale = Scale(min=1, max=5)
    outside = parse_answer("7", scale, {})
    assert not isinstance(outside, int) and outside is not None
    assert (outside.code, outside.message) == ("answer-range", "'7' yanıtı 1..5 ölçeğinin dışında")
    half = parse_answer("3,5", scale, {})
    assert not isinstance(half, int) and half is not None
    assert half.message == "'3,5' yanıtı bir tam sayı değil"
    weight = parse_weight("-2")
    assert not isinstance(weight, float) and weight is not None
    assert weight.message == "'-2' ağırlığı pozitif bir sayı değil"
    with pytest.raises(UsageError, match="tek bir karakter"):
        parse_delimiter(";;")


def test_xlsx_positions_lead_turkish_messages(tmp_path: Path) -> None:
    from tests.unit import tool_exports as tools
    from tests.unit.test_survey_roundtrip import spec

    form = spec("tr")
    export = tmp_path / "ms.xlsx"
    export.write_bytes(tools.microsoft_forms_xlsx(form, tools.plant(form, 2)))
    import openpyxl

    book = openpyxl.load_workbook(export)
    book["Sheet1"]["G3"] = "Belediye"
    book.save(export)
    found = _findings(export, tmp_path / "s.yaml", "tr")
    (group,) = [d for d in found if d.code == "unknown-group"]
    assert (group.line, group.column) == (3, 7)
    assert group.message == "Sheet1!G3: bilinmeyen paydaş grubu: 'Belediye'"


def test_cli_import_in_turkish(runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    csv = SURVEYS / "unparseable.csv"
    english = runner.invoke(app, ["import", str(csv), "--into", str(target)])
    result = runner.invoke(app, ["import", str(csv), "--into", str(target)],
                           env={"DIAMOND_LANG": "tr"})
    assert result.exit_code == english.exit_code == 1
    first_en = english.stderr.splitlines()[0]
    first = result.stderr.splitlines()[0]
    assert first_en.startswith(f"{csv}:2:4: error: unknown answer label 'harika'")
    assert first.startswith(f"{csv}:2:4: ")
    assert "bilinmeyen yanıt etiketi: 'harika'" in first
    dry = runner.invoke(app, ["import", str(SURVEYS / "kobo.csv"), "--into", str(target),
                              "--dry-run"], env={"DIAMOND_LANG": "tr"})
    assert dry.exit_code == 0, dry.output
    assert dry.stdout.startswith(
        f"deneme çalıştırması: hiçbir şey yazılmadı; {target} güncellenecekti\n")
    assert "  3 katılımcı eklenecekti, 0 katılımcı değiştirilecekti (gruplara göre: " in dry.stdout
    assert "yok sayılan sütunlar (12): start, end, today, _uuid" in dry.stdout


def test_quality_section_in_turkish(runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    args = ["import", str(_csv(tmp_path)), "--new", str(tmp_path / "s.yaml"), "--sector", "S",
            "--region", "R", "--period", "2025", "--dry-run"]
    result = runner.invoke(app, args, env={"DIAMOND_LANG": "tr"})
    assert result.exit_code == 0, result.output
    assert "  yanıt kalitesi: 2 katılımcı işaretlendi\n" in result.stdout
    assert "hep aynı yanıt: 6 yanıtın tümü 4; 6 yanıt 9 saniyede tamamlandı" in result.stdout
    assert "  kapsam: gruplara göre katılımcılar: firm 4, university 1" in result.stdout
    assert "    katılımcısı olmayan gruplar: public, ngo" in result.stdout


def test_how_columns_matched_in_turkish(runner: CliRunner, app: typer.Typer,
                                        tmp_path: Path) -> None:
    from diamond.survey.matching import describe_how

    hows = ["field name", "subquestion contains prompt (tr)", "a choice of 'Q'", "odd"]
    assert [describe_how(h) for h in hows] == hows
    i18n.activate("tr")
    assert [describe_how(h) for h in hows] == [
        "alan adı", "alt soru, soru metni (tr) başlıkta geçiyor",
        "'Q' sorusunun bir seçeneği", "odd"]
    i18n.activate("en")
    target = tmp_path / "sector.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    dry = runner.invoke(app, ["import", str(SURVEYS / "kobo.csv"), "--into", str(target),
                              "--dry-run"], env={"DIAMOND_LANG": "tr"})
    assert dry.exit_code == 0, dry.output
    assert "'factor_land' -> factor.land (alan adı)" in dry.stdout
    assert "'grp_demand/demand/domestic' -> demand.domestic (grup yolu)" in dry.stdout
