"""``diamond assess`` through the CLI: outputs, stdout JSON, safety of writes, exit codes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ASSESSMENTS

EXAMPLE = ASSESSMENTS / "eskisehir-aviation.yaml"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_writes_all_formats_and_summary(runner, app, tmp_path: Path) -> None:
    before = _digest(EXAMPLE)
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(tmp_path), "--color", "never"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = EXAMPLE.stem
    assert names == sorted([f"{stem}.md", f"{stem}-diamond.svg", f"{stem}.html", f"{stem}.json"])
    assert f"wrote {tmp_path / (stem + '.html')}" in result.stdout
    data = json.loads((tmp_path / f"{stem}.json").read_text(encoding="utf-8"))
    for dimension in data["dimensions"]:
        assert dimension["id"] in result.stdout
    assert f"{data['overall']['score']:.1f}" in result.stdout
    assert f"]({stem}-diamond.svg)" in (tmp_path / f"{stem}.md").read_text(encoding="utf-8")
    assert _digest(EXAMPLE) == before  # the input is never touched


def test_json_without_output_goes_to_stdout(runner, app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["assess", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"overall", "dimensions", "swot", "groups"} <= set(data)
    assert not (tmp_path / "reports").exists()


def test_default_output_folder_is_reports(runner, app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-f", "md", "--color", "never"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reports" / f"{EXAMPLE.stem}.md").is_file()


def test_output_is_byte_identical_across_runs(runner, app, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        assert runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(folder)]).exit_code == 0
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_options_change_the_report(runner, app) -> None:
    base = json.loads(runner.invoke(app, ["assess", str(EXAMPLE), "-f", "json"]).stdout)
    median = runner.invoke(app, ["assess", str(EXAMPLE), "-f", "json", "--method", "median"])
    turkish = runner.invoke(app, ["assess", str(EXAMPLE), "-f", "json", "--lang", "tr"])
    dated = runner.invoke(app, ["assess", str(EXAMPLE), "-f", "json", "--date", "2024-06-30"])
    assert json.loads(median.stdout)["method"] == "median"
    assert base["method"] == "mean"
    assert json.loads(turkish.stdout)["language"] == "tr" != base["language"]
    assert json.loads(dated.stdout)["date"] == "2024-06-30"


def test_bad_date_is_a_usage_error(runner, app) -> None:
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-f", "json", "--date", "yesterday"])
    assert result.exit_code == 2
    assert "--date 'yesterday'" in result.stderr


def test_invalid_questionnaire_exits_1_with_positions(runner, app, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "diamond: 1\nsector: {name: a, region: b, period: c}\nrespondents:\n"
        "  - id: x\n    answers: {factor.land: 6}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["assess", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{bad}:5:28: error: answer to 'factor.land' is 6" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_file_exits_2(runner, app, tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_refuses_to_write_over_its_input(runner, app, tmp_path: Path) -> None:
    # A questionnaire named like its own report, assessed into its own folder.
    source = tmp_path / "sector.json"
    shutil.copy(EXAMPLE, source)
    before = _digest(source)
    result = runner.invoke(app, ["assess", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 4
    assert "input file" in result.stderr
    assert _digest(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sector.json"]  # nothing half-written


def test_failed_write_keeps_the_previous_report(runner, app, tmp_path: Path, monkeypatch) -> None:
    assert runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(tmp_path)]).exit_code == 0
    previous = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    import os

    real_replace = os.replace

    def failing_replace(src, dst):  # type: ignore[no-untyped-def]
        if str(dst).endswith(".html"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(tmp_path), "--lang", "tr"])
    assert result.exit_code == 4
    assert "No space left on device" in result.stderr
    html = f"{EXAMPLE.stem}.html"
    assert (tmp_path / html).read_bytes() == previous[html]  # the old report is intact
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no partial file


def test_template_error_exits_3(runner, app, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("# {{ no_such_value }}\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "assess",
            str(EXAMPLE),
            "-f",
            "md",
            "--templates",
            str(templates),
            "-o",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 3
    assert "report.md.j2" in result.stderr and "line 1" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_custom_template_override(runner, app, tmp_path: Path, fmt: str) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / f"report.{fmt}.j2").write_text("custom {{ sector.name }}\n", encoding="utf-8")
    out = tmp_path / "o"
    result = runner.invoke(
        app, ["assess", str(EXAMPLE), "-f", fmt, "--templates", str(templates), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = (out / f"{EXAMPLE.stem}.{fmt}").read_text(encoding="utf-8")
    assert text.startswith("custom ")


def test_deliverable_formats_brand_and_language_in_names(runner, app, tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("organisation: Örnek\nfooter: Gizli\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(ASSESSMENTS / "eskisehir-ceramics.yaml"), "-o",
                                 str(tmp_path / "out"), "-f", "docx", "-f", "xlsx", "-f", "pptx",
                                 "-f", "html", "--lang", "en", "--brand", str(brand),
                                 "--color", "never"])
    assert result.exit_code == 0, result.output
    # the questionnaire is Turkish: English files carry the language in their names
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "eskisehir-ceramics-en.docx", "eskisehir-ceramics-en.html",
        "eskisehir-ceramics-en.pptx", "eskisehir-ceramics-en.xlsx"]


def test_missing_pdf_dependency_exits_7_saying_what_to_install(
    runner, app, tmp_path: Path, monkeypatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(tmp_path), "-f", "pdf"])
    assert result.exit_code == 7
    assert "pip install weasyprint" in result.output and "libpango" in result.output
    assert not list(tmp_path.iterdir())


def test_bad_reference_docx_is_a_usage_error(runner, app, tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", str(EXAMPLE), "-o", str(tmp_path), "-f", "docx",
                                 "--reference-docx", str(tmp_path / "missing.docx")])
    assert result.exit_code == 2 and "--reference-docx" in result.output
