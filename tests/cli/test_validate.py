"""``diamond validate`` through typer's CliRunner: formats, exit codes, stdin, colour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ASSESSMENTS

GOOD = """\
diamond: 1
sector: {name: Seramik, region: Eskişehir, period: "2024"}
respondents:
  - id: a
    answers: {factor.land: 4, firm.sme_count: 2}
"""
BAD = """\
diamond: 1
sector: {name: Seramik, region: Eskişehir, period: "2024"}
respondents:
  - id: a
    answers:
      factor.lnd: 4
      firm.sme_count: 9
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "good.yaml"
    bad = tmp_path / "bad.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def test_shipped_examples_are_valid(runner, app) -> None:
    result = runner.invoke(app, ["validate", str(ASSESSMENTS), "--color", "never"])
    assert result.exit_code == 0, result.output
    assert "0 invalid" in result.stdout
    assert "3 files checked" in result.stdout or "files checked" in result.stdout


def test_text_format_names_file_line_column(runner, app, files) -> None:
    good, bad = files
    result = runner.invoke(app, ["validate", str(good), str(bad), "--color", "never"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if ": error: " in line]
    assert errors[0].startswith(f"{bad}:6:7: error: unknown indicator 'factor.lnd'")
    assert "did you mean 'factor.land'?" in errors[0]
    assert errors[1].startswith(f"{bad}:7:23: error: answer to 'firm.sme_count' is 9")
    assert len(errors) == 2
    assert lines[-1] == "2 files checked: 1 valid, 1 invalid (2 errors, 2 warnings)"


def test_goes_on_past_a_broken_file(runner, app, files, tmp_path) -> None:
    good, bad = files
    broken = tmp_path / "broken.yaml"
    broken.write_text("diamond: [1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken), str(bad), str(good), "--color", "never"])
    assert result.exit_code == 1
    assert "yaml-syntax" in result.stdout
    assert "factor.lnd" in result.stdout
    assert "3 files checked: 1 valid, 2 invalid" in result.stdout


def test_folder_is_searched_recursively(runner, app, files, tmp_path) -> None:
    sub = tmp_path / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "x.yml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not yaml", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    data = json.loads(result.stdout)
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)
    assert len(paths) == 3
    assert any(p.endswith("x.yml") for p in paths)


def test_json_format_is_stable_and_complete(runner, app, files) -> None:
    good, bad = files
    result = runner.invoke(app, ["validate", str(good), str(bad), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["format", "valid", "summary", "files"]
    assert data["summary"] == {"files": 2, "valid": 1, "invalid": 1, "errors": 2, "warnings": 2}
    bad_file = data["files"][1]
    assert bad_file["valid"] is False
    first = next(d for d in bad_file["diagnostics"] if d["severity"] == "error")
    assert list(first) == ["path", "line", "column", "severity", "code", "message", "hint"]
    assert (first["line"], first["column"], first["code"]) == (6, 7, "unknown-indicator")
    assert "\x1b[" not in result.stdout


def test_github_format_annotates_and_logs(runner, app, files) -> None:
    _, bad = files
    result = runner.invoke(app, ["validate", str(bad), "--format", "github"])
    assert result.exit_code == 1
    assert f"::error file={bad},line=6,col=7,title=diamond unknown-indicator::" in result.stdout
    assert f"{bad}:6:7: error:" in result.stdout  # the full text log follows


def test_github_is_the_default_on_github_actions(runner, app, files) -> None:
    _, bad = files
    result = runner.invoke(app, ["validate", str(bad)], env={"GITHUB_ACTIONS": "true"})
    assert "::error file=" in result.stdout


def test_stdin(runner, app) -> None:
    result = runner.invoke(app, ["validate", "-", "--color", "never"], input=BAD)
    assert result.exit_code == 1
    assert "<stdin>:6:7: error: unknown indicator" in result.stdout


def test_unreadable_path_exits_2_after_checking_the_rest(runner, app, files, tmp_path) -> None:
    good, _ = files
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.yaml"), str(good)])
    assert result.exit_code == 2
    assert "no such file" in result.stdout
    assert "2 files checked" in result.stdout


def test_empty_folder_exits_2(runner, app, tmp_path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "no .yaml or .yml files" in result.stdout


def test_usage_error_exits_2(runner, app) -> None:
    assert runner.invoke(app, ["validate"]).exit_code == 2
    assert runner.invoke(app, ["validate", "x.yaml", "--format", "xml"]).exit_code == 2


def test_strict_turns_warnings_into_failure(runner, app, files) -> None:
    good, _ = files
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(good), "--strict", "--color", "never"])
    assert result.exit_code == 1
    assert ": error: " in result.stdout and "unanswered-indicators" in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1"}, False),
        ([], {}, False),  # CliRunner's stdout is not a terminal
    ],
)
def test_colour_choice(runner, app, files, args, env, coloured) -> None:
    _, bad = files
    result = runner.invoke(app, ["validate", str(bad), *args], env=env)
    assert ("\x1b[" in result.stdout) is coloured


def test_machine_formats_never_coloured(runner, app, files) -> None:
    _, bad = files
    for fmt in ("json", "github"):
        result = runner.invoke(app, ["validate", str(bad), "--format", fmt, "--color", "always"])
        assert "\x1b[" not in result.stdout


def test_help_documents_exit_codes(runner, app) -> None:
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes: 0 success 1 an input file is invalid" in text
    assert text.count("Exit codes") == 1


def test_jobs_keep_output_identical_and_ordered(runner, app, tmp_path) -> None:
    for n in range(40):  # above the size where worker processes are used
        text = GOOD if n % 3 else BAD
        (tmp_path / f"q{n:02d}.yaml").write_text(text, encoding="utf-8")
    serial = runner.invoke(app, ["validate", str(tmp_path), "-j", "1", "--format", "json"])
    parallel = runner.invoke(app, ["validate", str(tmp_path), "--jobs", "2", "--format", "json"])
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert json.loads(parallel.stdout)["summary"]["invalid"] == 14


def test_version_shortcut_matches_the_app(runner, app) -> None:
    import subprocess
    import sys

    from diamond import __version__

    fast = subprocess.run(
        [sys.executable, "-m", "diamond", "--version"], capture_output=True, text=True, check=True
    )
    assert fast.stdout == f"diamond {__version__}\n"
    assert runner.invoke(app, ["--version"]).stdout == fast.stdout
