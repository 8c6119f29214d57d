"""Turkish messages of compare, portfolio, the report renderers and ``diamond form``.

Report contents keep their own language (``templates/labels.yaml``); only what the
tool says to the user changes with ``DIAMOND_LANG`` or ``i18n.activate``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from diamond import i18n
from diamond.compare import compare, comparison_json
from diamond.errors import InputError, TemplateError, UsageError
from diamond.loader import load_questionnaire, require_valid
from diamond.portfolio.run import run_portfolio
from diamond.render.brand import with_logo
from diamond.render.labels import parse_labels
from diamond.render.report import check_formats, check_stem
from diamond.render.sandbox import BoundedSandbox, render_bounded
from diamond.scoring import assess
from diamond.survey.forms import WRITERS
from tests.conftest import EXAMPLES
from tests.unit.test_compare import BEFORE, assessed


def test_compare_warning_in_turkish_keeps_code_and_params(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "valid")
    other = assess(*require_valid(load_questionnaire("custom-framework.yaml")), "mean")
    base = assessed(BEFORE)
    english = compare([base, other]).warnings[0]
    i18n.activate("tr")
    (warning,) = compare([base, other]).warnings
    assert (warning.code, dict(warning.params)) == (english.code, dict(english.params))
    assert warning.message.startswith("girdiler aynı çerçeveyi kullanmıyor (")
    assert "yalnızca hepsinde ortak olan 4 boyut ve" in warning.message
    assert warning.message.endswith(f"dışarıda kalanlar: {warning.params['left_out']}")
    data = json.loads(comparison_json(compare([base, other])))
    assert data["warnings"][0]["code"] == "different-frameworks"
    assert data["warnings"][0]["message"] == warning.message


def test_portfolio_folder_errors_in_turkish(tmp_path: Path) -> None:
    i18n.activate("tr")
    with pytest.raises(UsageError) as raised:
        run_portfolio(tmp_path)
    assert str(raised.value) == f"{tmp_path}: bu klasörde .yaml ya da .yml dosyası yok"
    with pytest.raises(UsageError, match="bir klasör değil"):
        run_portfolio(tmp_path / "none")


def test_report_usage_errors_in_turkish() -> None:
    i18n.activate("tr")
    with pytest.raises(UsageError) as raised:
        check_formats(["md", "docs"])
    assert str(raised.value).startswith("bilinmeyen rapor biçimi: 'docs'; şunlardan birini")
    with pytest.raises(UsageError, match="klasör içermeyen bir ad verin"):
        check_stem("a/b")


def test_logo_and_labels_errors_in_turkish(tmp_path: Path) -> None:
    i18n.activate("tr")
    logo = tmp_path / "logo.gif"
    logo.write_bytes(b"GIF89a")
    with pytest.raises(InputError) as raised:
        with_logo(None, logo)
    assert str(raised.value) == f"'{logo}' logosu bir PNG ya da JPEG dosyası değil"
    with pytest.raises(TemplateError) as bad:
        parse_labels("tr:\n  title: [1]\n", "labels.yaml")
    assert str(bad.value) == "labels.yaml: tr.title anahtarında metin olmayan bir öğe var"


def test_runaway_template_in_turkish() -> None:
    from diamond.render import sandbox

    env = BoundedSandbox()
    i18n.activate("tr")
    too_long = ("x" * 1000 for _ in range(sandbox.MAX_OUTPUT // 1000 + 2))
    with pytest.raises(Exception, match="karakterden büyük olacaktı; şablonda sonu gelmeyen"):
        render_bounded(env, too_long)


def test_form_in_turkish(runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    questionnaire = EXAMPLES / "surveys" / "commented.yaml"
    bad = runner.invoke(app, ["form", str(questionnaire), "--framework", "stm-2015"],
                        env={"DIAMOND_LANG": "tr"})
    assert bad.exit_code == 2
    assert "--framework yalnızca anket verilmediğinde kullanılır" in bad.stderr
    out = tmp_path / "form.html"
    done = runner.invoke(app, ["form", str(questionnaire), "--to", "paper", "-o", str(out)],
                         env={"DIAMOND_LANG": "tr"})
    assert done.exit_code == 0, done.output
    assert "yazdırılabilir anket formu (HTML)" in done.stderr
    assert WRITERS["paper"].description == "yazdırılabilir anket formu (HTML)"
    i18n.activate("en")
    assert WRITERS["paper"].description == "printable questionnaire (HTML)"


def test_cli_portfolio_and_assess_usage_errors_in_turkish(runner: CliRunner, app: typer.Typer,
                                                          tmp_path: Path) -> None:
    result = runner.invoke(app, ["portfolio", str(tmp_path)], env={"DIAMOND_LANG": "tr"})
    assert result.exit_code == 2
    assert f"{tmp_path}: bu klasörde .yaml ya da .yml dosyası yok" in result.stderr
    english = runner.invoke(app, ["portfolio", str(tmp_path)])
    assert english.exit_code == 2 and "no .yaml or .yml files in this folder" in english.stderr


def test_template_errors_in_turkish(tmp_path: Path) -> None:
    from diamond.render.templates import make_environment, render_template

    i18n.activate("tr")
    with pytest.raises(TemplateError) as missing:
        make_environment(tmp_path / "none")
    assert str(missing.value) == (f"{tmp_path / 'none'} şablon klasörü bulunamadı ya da bir "
                                  "klasör değil")
    (tmp_path / "bad.md.j2").write_text("line one\n{{ 1 + }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as bad:
        render_template(make_environment(tmp_path), "bad.md.j2", {})
    assert ", 2. satır: " in str(bad.value)
