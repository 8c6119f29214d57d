"""``diamond init``, ``diamond indicators`` and ``diamond schema`` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from diamond.frameworks import builtin
from diamond.loader import load_questionnaire
from tests.conftest import EXAMPLES

INIT = ["--sector", "Savunma ve Havacılık", "--region", "Ankara", "--period", "2025-05"]


def test_init_writes_every_indicator_with_its_prompt(runner, app, tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    result = runner.invoke(app, ["init", str(target), *INIT])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    catalogue = builtin("stm-2015")
    for indicator in catalogue.indicators.values():
        assert f"      {indicator.id}: null" in text
        assert " ".join(indicator.prompt.get("tr").split()) in text
    loaded = load_questionnaire(str(target))
    assert loaded.ok  # only warnings: nothing answered yet
    assert {d.code for d in loaded.diagnostics} == {"no-answers", "unanswered-indicators"}


def test_init_result_validates_once_filled_in(runner, app, tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    runner.invoke(app, ["init", str(target), *INIT, "--lang", "en"])
    filled = target.read_text(encoding="utf-8").replace(": null", ": 4")
    target.write_text(filled, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(target), "--strict"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(filled)
    assert data["sector"] == {
        "name": "Savunma ve Havacılık",
        "region": "Ankara",
        "period": "2025-05",
        "language": "en",
    }


def test_init_refuses_to_overwrite_without_force(runner, app, tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target), *INIT])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert runner.invoke(app, ["init", str(target), *INIT, "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_init_with_custom_framework_path(runner, app, tmp_path: Path, monkeypatch) -> None:
    framework = EXAMPLES / "valid" / "frameworks" / "porter-extended.yaml"
    if not framework.exists():  # the corpus owns this file
        import pytest

        pytest.skip("custom framework example missing")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init", "q.yaml", *INIT, "--framework", str(framework)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "q.yaml").read_text(encoding="utf-8"))
    assert (tmp_path / data["framework"]).resolve() == framework.resolve()


def test_init_unknown_framework(runner, app, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["init", str(tmp_path / "q.yaml"), *INIT, "--framework", "stm-2051"]
    )
    assert result.exit_code == 2
    assert "unknown framework 'stm-2051'" in result.stderr
    assert not (tmp_path / "q.yaml").exists()


def test_indicators_table_lists_all(runner, app) -> None:
    result = runner.invoke(app, ["indicators", "--lang", "tr"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for indicator_id in builtin("stm-2015").indicators:
        assert indicator_id in result.stdout
    assert "Faktör (Girdi) Koşulları" in result.stdout


def test_indicators_json(runner, app) -> None:
    result = runner.invoke(app, ["indicators", "--format", "json", "--lang", "en", "--prompts"])
    rows = json.loads(result.stdout)
    assert len(rows) == 31
    assert rows[0]["id"] == "factor.main_industry"
    assert rows[-1]["id"] == "related.anchor_firms"
    assert all(row["prompt"] for row in rows)


def test_schema_is_draft_2020_12_and_closed(runner, app) -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert all(
        d.get("additionalProperties") is False
        for d in schema["$defs"].values()
        if d.get("type") == "object"
    )
    framework = json.loads(runner.invoke(app, ["schema", "--kind", "framework"]).stdout)
    assert framework["title"] == "diamond framework"


def test_version(runner, app) -> None:
    from diamond import __version__

    result = runner.invoke(app, ["--version"])
    assert result.stdout.strip() == f"diamond {__version__}"
