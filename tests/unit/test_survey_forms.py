"""``diamond form``: each writer's output is what its tool accepts, and deterministic."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diamond.cli.app import app
from diamond.frameworks import builtin
from diamond.survey.forms import WRITERS, form_spec
from diamond.survey.forms.spec import FormSpec

VARIANTS = [
    pytest.param("tr", True, True, id="tr-id-swot"),
    pytest.param("en", False, True, id="en-swot"),
    pytest.param("tr", False, False, id="tr-bare"),
]


def spec(lang: str, respondent_id: bool, swot: bool) -> FormSpec:
    return form_spec(builtin("stm-2015"), lang=lang, sector="Savunma ve Havacılık",  # type: ignore[arg-type]
                     region="Ankara", respondent_id=respondent_id, swot=swot)


@pytest.mark.parametrize(("lang", "respondent_id", "swot"), VARIANTS)
def test_xlsform_converts_with_pyxform_without_warnings(
    tmp_path: Path, lang: str, respondent_id: bool, swot: bool
) -> None:
    xls2xform = pytest.importorskip(
        "pyxform.xls2xform", reason="pyxform (the test extra) is not installed"
    )
    source = tmp_path / "form.xlsx"
    source.write_bytes(WRITERS["xlsform"].write(spec(lang, respondent_id, swot)))
    target = tmp_path / "form.xml"
    warnings = xls2xform.xls2xform_convert(str(source), str(target), validate=False)
    assert warnings == []
    xml = target.read_text(encoding="utf-8")
    for indicator in builtin("stm-2015").indicators:
        assert f"/{indicator.split('.')[0]}/{indicator}" in xml  # the dimension is the group
    assert ("respondent_id" in xml) == respondent_id
    assert ("swot_threats" in xml) == swot


@pytest.mark.parametrize(("lang", "respondent_id", "swot"), VARIANTS)
def test_apps_script_is_valid_javascript(
    tmp_path: Path, lang: str, respondent_id: bool, swot: bool
) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; the Apps Script syntax check needs it")
    script = tmp_path / "form.js"
    script.write_bytes(WRITERS["apps-script"].write(spec(lang, respondent_id, swot)))
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "function createDiamondForm()" in script.read_text(encoding="utf-8")


def _write(name: str) -> bytes:
    from diamond.errors import DependencyError

    try:
        return WRITERS[name].write(spec("tr", True, True))
    except DependencyError as error:  # paper-pdf without WeasyPrint or Pango
        pytest.skip(f"PDF not available here: {error}")


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_writers_are_deterministic(name: str) -> None:
    assert _write(name) == _write(name)


def test_paper_pdf_has_a_page_per_dimension_with_the_prompts(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    pdf = tmp_path / "form.pdf"
    pdf.write_bytes(_write("paper-pdf"))
    assert pdf.read_bytes().startswith(b"%PDF-")
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")
    text = "".join(pages)
    catalogue = builtin("stm-2015")
    for dimension in catalogue.dimensions.values():
        assert any(dimension.name.tr in page for page in pages), dimension.id
    assert "Savunma ve Havacılık" in text and "ş" in text  # Turkish letters survive
    assert len([p for p in pages if p.strip()]) >= len(catalogue.dimensions)


def test_limesurvey_structure() -> None:
    text = WRITERS["limesurvey"].write(spec("tr", True, True)).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t"))
    questions = [r for r in rows if r["class"] == "Q"]
    codes = [r["name"] for r in questions]
    assert len(codes) == len(set(codes)) == 31 + 2 + 4
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,19}", c) for c in codes)
    answers = [r for r in rows if r["class"] == "A"]
    assert all(len(r["name"]) <= 5 for r in answers)
    assert next(r["name"] for r in rows if r["class"] == "G") == "Katılımcı bilgileri"
    assert {r["language"] for r in rows if r["class"] != "S"} == {"tr"}


def test_paper_form_has_a_page_per_dimension_and_a_box_per_point() -> None:
    html = WRITERS["paper"].write(spec("tr", True, True)).decode("utf-8")
    assert html.count('<section class="dimension"') == 4
    assert html.count('<td class="box">') == 31 * 5
    assert "@media print" in html and "break-before: page" in html
    assert "Temsil ettiğiniz kurumun türü" in html and "Katılımcı kodu" in html


def test_form_command(tmp_path: Path) -> None:
    runner = CliRunner()
    questionnaire = Path(__file__).resolve().parents[1] / "examples" / "surveys" / "commented.yaml"
    out = tmp_path / "form.html"
    result = runner.invoke(app, ["form", str(questionnaire), "--to", "paper", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["form", "--framework", "stm-2015", "--to", "limesurvey",
                                 "--lang", "en", "--no-swot"])
    assert result.exit_code == 0 and "surveyls_title" in result.stdout
    bad = runner.invoke(app, ["form", str(questionnaire), "--framework", "stm-2015"])
    assert bad.exit_code == 2 and "--framework applies without a questionnaire" in bad.stderr
    copy = tmp_path / "q.yaml"
    copy.write_bytes(questionnaire.read_bytes())
    over = runner.invoke(app, ["form", str(copy), "--to", "paper", "-o", str(copy)])
    assert over.exit_code == 4 and copy.read_bytes() == questionnaire.read_bytes()
