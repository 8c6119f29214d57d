"""Inputs that once crashed the loader (found by fuzzing or by hand), kept as regressions.

Every file in tests/fuzz/regressions/ except its README goes through ``validate_one``
and through ``diamond validate``: no exception may escape, the exit code is 0, 1 or
2, and every diagnostic names the file and a line and column inside it. With an
empty folder the collection test still runs and passes.

A file whose bug is not fixed yet is listed in ``KNOWN_BUGS`` with the reason; its
test is an expected failure (strict, so fixing the bug turns it into a failure that
asks for the entry to be removed).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diamond.cli.app import app as APP
from diamond.limits import Limits
from diamond.loader import LoadOptions, load_questionnaire
from diamond.validation import validate_one

FOLDER = Path(__file__).resolve().parent / "regressions"
FILES = sorted(p for p in FOLDER.iterdir() if p.is_file() and p.name != "README.md")

KNOWN_BUGS: dict[str, str] = {}


def _lines(data: bytes) -> int:
    try:
        return len(data.decode("utf-8").splitlines())
    except UnicodeDecodeError:
        return len(data.splitlines())


def _cases() -> list[object]:
    cases: list[object] = []
    for path in FILES:
        reason = KNOWN_BUGS.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(path, id=path.name, marks=marks))
    return cases


def test_the_folder_is_there_and_known_bugs_name_real_files() -> None:
    assert (FOLDER / "README.md").is_file()
    names = {p.name for p in FILES}
    assert set(KNOWN_BUGS) <= names, set(KNOWN_BUGS) - names


@pytest.mark.parametrize("path", _cases())
def test_regression_input_is_reported_not_crashed(path: Path, tmp_path: Path) -> None:
    # Work on a copy, so that a relative framework path cannot reach the repository.
    data = path.read_bytes()
    copy = tmp_path / path.name
    copy.write_bytes(data)
    report = validate_one(str(copy), LoadOptions())
    limit = _lines(data) + 1
    for d in report.diagnostics:
        assert d.path == str(copy), d
        assert 1 <= d.line <= limit and d.column >= 1, d
    result = CliRunner().invoke(APP, ["validate", str(copy), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- known bugs


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_standard_input_over_the_size_limit_is_named_stdin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, b"diamond: 1\n" + b"#" * 100)
    report = validate_one("-", LoadOptions(limits=Limits(max_bytes=50)))
    assert report.path == "<stdin>"
    assert [(d.path, d.code) for d in report.diagnostics] == [("<stdin>", "limit-exceeded")]


def test_assess_names_standard_input_the_same_way_for_every_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _stdin(monkeypatch, b"diamond: 1\n\xff\n")
    loaded = load_questionnaire("-")
    assert [(d.path, d.code) for d in loaded.diagnostics] == [("<stdin>", "encoding")]


# Found by the property tests (a weight of 5e-324): robustness.py used to sum indicator
# weights in floats, where a weight below ~1e-16 vanished next to 1, and leaving one
# respondent out divided by 0.0 (ZeroDivisionError from assess). Fixed; kept as a guard.
@pytest.mark.parametrize("weight", [1e-17, 5e-324])
def test_a_tiny_indicator_weight_does_not_crash_assess(weight: float) -> None:
    from diamond.frameworks import builtin
    from diamond.models.questionnaire import Questionnaire
    from diamond.scoring import assess

    questionnaire = Questionnaire.model_validate(
        {
            "diamond": 1,
            "sector": {"name": "Seramik", "region": "Kütahya", "period": "2015"},
            "respondents": [
                {"id": "a", "answers": {"factor.main_industry": 2}},
                {"id": "b", "answers": {"factor.proximity_to_primes": 3}},
            ],
            "weights": {"indicators": {"factor.main_industry": weight}},
        }
    )
    result = assess(questionnaire, builtin("stm-2015"))
    assert result.dimensions[0].score is not None


INJECTED = (
    "diamond: 1\n"
    "sector: {name: Seramik, region: Kütahya, period: '2015'}\n"
    "respondents:\n"
    "  - id: a\n"
    "    answers: {factor.land: 3}\n"
    '    "x\\n::error file=src/evil.py,line=1,title=hacked::forged\\n::stop-commands::t": 1\n'
    '    "\\e]0;owned\\a\\e[2J\\rok": 2\n'
)


def test_github_format_cannot_be_made_to_emit_workflow_commands(tmp_path: Path) -> None:
    file = tmp_path / "injected.yaml"
    file.write_text(INJECTED, encoding="utf-8")
    result = CliRunner().invoke(APP, ["validate", str(file), "--format", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    # The log is fenced by ::stop-commands::TOKEN ... ::TOKEN::, so GitHub runs nothing in it.
    stop = next(line for line in commands if line.startswith("::stop-commands::"))
    token = stop.removeprefix("::stop-commands::")
    assert lines[-1] == f"::{token}::"
    assert token not in INJECTED
    fenced = lines[lines.index(stop) + 1 : -1]
    assert not any(line.startswith("::") for line in fenced)
    annotations = [line for line in commands if line not in (stop, lines[-1])]
    assert annotations and all(f"file={file}," in line for line in annotations), annotations


def test_text_format_does_not_pass_control_characters_to_the_terminal(tmp_path: Path) -> None:
    file = tmp_path / "injected.yaml"
    file.write_text(INJECTED, encoding="utf-8")
    result = CliRunner().invoke(APP, ["validate", str(file), "--color", "never"])
    assert result.exit_code == 1
    assert not {"\x1b", "\x07", "\r"} & set(result.stdout)
