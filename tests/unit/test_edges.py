"""Right answers at the edges (issue 10, section 5): values YAML 1.1 reads differently
from what the user meant. The refusals live in ``tests/examples/invalid/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from diamond.loader import LoadOptions, load_text
from diamond.yamlscalars import WrittenInt, resolve_plain

QUESTIONNAIRE = """\
diamond: 1
sector:
  name: Seramik
  region: Eskişehir
  period: {period}
respondents:
  - id: firma-01
    answers:
      factor.land: 4
"""


@pytest.mark.parametrize(
    "period", ["20:25", "0700", "0x7DF", "0b11", "+2015", "1_000", "2015", "7", "'0700'"]
)
def test_period_keeps_the_text_written(period: str, tmp_path: Path) -> None:
    """YAML 1.1 reads 20:25 as 1225 and 0700 as 448; the period keeps what was written."""
    loaded = load_text(QUESTIONNAIRE.format(period=period), "q.yaml", tmp_path, LoadOptions())
    assert loaded.ok, loaded.diagnostics
    assert loaded.questionnaire is not None
    assert loaded.questionnaire.sector.period == period.strip("'")


def test_written_int_is_still_the_number() -> None:
    """Elsewhere an octal or sexagesimal integer is still its value, as YAML 1.1 says."""
    value = resolve_plain("0700")
    assert isinstance(value, WrittenInt) and value == 448 and value.text == "0700"
    assert type(resolve_plain("448")) is int


WARNED = """\
diamond: 1
sector: {name: Seramik, region: Eskişehir, period: "2015"}
respondents:
  - id: firma-01
    answers: {factor.land: 4}
"""


def test_strict_counts_each_promoted_warning_once(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Under --strict a warning is an error, and is not counted as a warning as well."""
    path = tmp_path / "q.yaml"
    path.write_text(WARNED, "utf-8")
    plain = runner.invoke(app, ["validate", str(path)])
    warnings = int(plain.stdout.rsplit("(0 errors, ", 1)[1].split(" ")[0])
    assert warnings >= 1
    strict = runner.invoke(app, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert f"({warnings} error{'s' * (warnings != 1)}, 0 warnings)" in strict.stdout
    data = runner.invoke(app, ["validate", "--strict", "-f", "json", str(path)]).stdout
    import json

    summary = json.loads(data)["summary"]
    assert (summary["errors"], summary["warnings"]) == (warnings, 0)


def test_unreadable_subfolder_is_reported(runner, app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A subfolder that cannot be listed is an 'unreadable' error and exit 2, not skipped."""
    import os

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "q.yaml").write_text(WARNED, "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.yaml").write_text("diamond: 2\n", "utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == str(locked):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2, result.output
    expected = f"{locked}:1:1: error: this folder could not be read (Permission denied)"
    assert expected in result.stdout


@pytest.mark.parametrize(
    "date",
    ["2025-02-30", "2025-99-99", "2025-13", "２０２５-０５", "2025-1-1", "0000", "2025-05-31x"],
)
def test_assess_refuses_dates_that_do_not_exist(runner, app, date: str) -> None:  # type: ignore[no-untyped-def]
    """--date takes only real ISO dates in ASCII digits."""
    from tests.conftest import ASSESSMENTS

    source = str(ASSESSMENTS / "ankara-defence-aerospace.yaml")
    result = runner.invoke(app, ["assess", source, "-f", "json", "--date", date])
    assert result.exit_code == 2, result.output
    assert "is not a real date" in result.stderr


@pytest.mark.parametrize("date", ["2025", "2025-05", "2024-02-29"])
def test_assess_takes_real_dates(runner, app, date: str) -> None:  # type: ignore[no-untyped-def]
    """Real dates still pass."""
    from tests.conftest import ASSESSMENTS

    source = str(ASSESSMENTS / "ankara-defence-aerospace.yaml")
    result = runner.invoke(app, ["assess", source, "-f", "json", "--date", date])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["porter-extended.yaml", "sorted-keys.yaml", "as-json.yaml"])
def test_framework_recognised_by_content(name: str) -> None:
    """A framework is a framework whatever its key order or style (block, JSON)."""
    from tests.conftest import EXAMPLES

    from diamond.validation import validate_one

    report = validate_one(str(EXAMPLES / "valid" / "frameworks" / name), LoadOptions())
    assert (report.kind, report.diagnostics) == ("framework", [])


def test_portfolio_reports_unreadable_subfolders(runner, app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """portfolio, like validate, names a subfolder it could not list instead of skipping it."""
    import os
    import shutil

    from tests.conftest import ASSESSMENTS

    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", source / "ceramics.yaml")
    locked = source / "locked"
    locked.mkdir()
    (locked / "other.yaml").write_text("diamond: 1\n", "utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == str(locked):  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["portfolio", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "locked:1:1: error: this folder could not be listed (Permission denied)" in (
        result.stdout + result.stderr
    )
    assert "1 assessed, 1 invalid" in result.stdout


@pytest.mark.parametrize("seed", range(12))
def test_extreme_respondent_weights_are_scored_not_crashed(seed: int) -> None:
    """Respondent weights as unequal as 5e-324 beside 1e6 (the loader accepts both) make
    variances underflow; the statistics they leave undefined are None, never an error."""
    import json
    import math
    import random

    from diamond.frameworks import builtin
    from diamond.models.questionnaire import GROUPS, Questionnaire
    from diamond.scoring import assess, to_json_dict

    catalogue = builtin("stm-2015")
    indicators = list(catalogue.indicators)
    rng = random.Random(seed)
    people = [
        {"id": f"r{k}", "group": rng.choice(GROUPS[:3]), "weight": rng.choice((5e-324, 1.0, 1e6)),
         "answers": {i: rng.randint(1, 5) for i in indicators if rng.random() > 0.1}}
        for k in range(rng.choice((8, 20, 40)))
    ]
    questionnaire = Questionnaire.model_validate({
        "diamond": 1, "respondents": people,
        "sector": {"name": "T", "region": "Ankara", "period": "2024", "language": "en"}})
    for method in ("mean", "median"):
        result = to_json_dict(assess(questionnaire, catalogue, method, date="2026-01-01",
                                     bootstrap=100, sensitivity_samples=32))
        text = json.dumps(result, allow_nan=True)
        assert "NaN" not in text and "Infinity" not in text
        assert all(math.isfinite(v) for v in _numbers(result))


def _numbers(value: object) -> list[float]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [float(value)] if isinstance(value, (int, float)) and not isinstance(value, bool) else []
