"""``diamond assess`` prints the warnings ``diamond validate`` prints (issue 15, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ASSESSMENTS


def _fresh(runner, app, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    """The untouched questionnaire 'diamond init' writes: every answer null."""
    file = folder / "q.yaml"
    result = runner.invoke(app, ["init", str(file), "--sector", "S", "--region", "R",
                                 "--period", "2025"])
    assert result.exit_code == 0, result.output
    return file


def _warning_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if ": warning: " in line]


def test_assess_prints_what_validate_warns(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = _fresh(runner, app, tmp_path)
    validated = runner.invoke(app, ["validate", str(file), "--color", "never"])
    assert validated.exit_code == 0
    warned = _warning_lines(validated.stdout)
    assert {line.rsplit("[", 1)[1] for line in warned} == {
        "unanswered-indicators]", "no-answers]"}
    assessed = runner.invoke(app, ["assess", str(file), "-o", str(tmp_path / "out"),
                                   "--color", "never"])
    assert assessed.exit_code == 0, assessed.output
    assert _warning_lines(assessed.stderr) == warned  # same lines, positions and words
    assert _warning_lines(assessed.stdout) == []


def test_json_on_stdout_stays_clean(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = _fresh(runner, app, tmp_path)
    result = runner.invoke(app, ["assess", str(file), "--format", "json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    assert "no-answers" in result.stderr


def test_warnings_in_turkish(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file = _fresh(runner, app, tmp_path)
    result = runner.invoke(app, ["assess", str(file), "-o", str(tmp_path / "out")],
                           env={"DIAMOND_LANG": "tr"})
    assert result.exit_code == 0, result.output
    assert "'firm-01' katılımcısı hiç yanıt vermemiş" in result.stderr
    assert "31 göstergeye hiç kimse yanıt vermemiş" in result.stderr


def test_no_warning_no_output_on_stderr(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    example = ASSESSMENTS / "eskisehir-aviation.yaml"
    validated = runner.invoke(app, ["validate", str(example)])
    result = runner.invoke(app, ["assess", str(example), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert _warning_lines(result.stderr) == _warning_lines(validated.stdout)
