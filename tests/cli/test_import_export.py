"""``diamond import`` and ``diamond export`` through typer's CliRunner."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from diamond.cli import survey
from diamond.loader import load_questionnaire, require_valid
from tests.conftest import EXAMPLES, ROOT

SURVEYS = EXAMPLES / "surveys"
NEW = ["--sector", "Savunma ve Havacılık", "--region", "Ankara", "--period", "2025-05"]


@pytest.fixture
def cli() -> typer.Typer:
    """A local app with the two commands (the main app registers them the same way)."""
    app = typer.Typer()
    app.command("import")(survey.import_responses)
    app.command("export")(survey.export_answers)
    return app


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    target = tmp_path / "sector.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ids(path: Path) -> list[str]:
    return [r.id for r in require_valid(load_questionnaire(str(path)))[0].respondents]


def test_import_new(runner: CliRunner, cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    csv = SURVEYS / "google-forms-tr.csv"
    result = runner.invoke(cli, ["import", str(csv), "--new", str(target), *NEW, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"created {target}\n")
    assert "add 5 respondent(s), replace 0 (by group: firm 2, university 1, public 1, ngo 1)" in (
        result.stdout
    )
    assert "unmapped columns (1): Eklemek istediğiniz görüşler" in result.stdout
    assert f"{csv}:1:9: warning: column 'Eklemek" in result.stderr
    q = require_valid(load_questionnaire(str(target)))[0]
    assert q.sector.language == "en" and q.sector.region == "Ankara"
    assert len(q.respondents) == 5


def test_import_into_and_dry_run(runner: CliRunner, cli: typer.Typer, commented: Path) -> None:
    before = digest(commented)
    args = ["import", str(SURVEYS / "kobo.csv"), "--into", str(commented)]
    result = runner.invoke(cli, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"dry run: nothing written; would update {commented}\n")
    assert "would add 3 respondent(s)" in result.stdout
    assert "'factor_land' -> factor.land (field name)" in result.stdout
    assert "'grp_demand/demand/domestic' -> demand.domestic (group path)" in result.stdout
    assert "ignored columns (12): start, end, today, _uuid" in result.stdout
    assert digest(commented) == before
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"updated {commented}\n")
    assert ids(commented) == ["firm-01", "uni-01", "412733", "412734", "412801"]
    # a second import of the same export is refused, and with --replace accepted
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "respondent-exists" in result.stderr
    assert "pass --replace" in result.stderr
    result = runner.invoke(cli, [*args, "--replace"])
    assert result.exit_code == 0, result.output
    assert "add 0 respondent(s), replace 3" in result.stdout
    assert ids(commented) == ["firm-01", "uni-01", "412733", "412734", "412801"]


def test_unparseable_answers_exit_1(runner: CliRunner, cli: typer.Typer, commented: Path) -> None:
    before = digest(commented)
    csv = SURVEYS / "unparseable.csv"
    result = runner.invoke(cli, ["import", str(csv), "--into", str(commented)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{csv}:2:4: error: unknown answer label 'harika'")
    assert lines[-1] == f"diamond: {csv} is invalid (5 errors); fix them and run again"
    assert digest(commented) == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "exactly one of --into"),
        (["--into", "a.yaml", "--new", "b.yaml"], "exactly one of --into"),
        (["--new", "b.yaml", "--sector", "x"], "--new needs --region, --period"),
        (["--into", "a.yaml", "--framework", "stm-2015"], "--framework only applies with --new"),
        (["--into", "a.yaml", "--delimiter", ";;"], "--delimiter must be one character"),
    ],
)
def test_usage_errors(
    runner: CliRunner, cli: typer.Typer, extra: list[str], message: str, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["import", str(SURVEYS / "kobo.csv"), *extra])
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_missing_csv_is_exit_2(runner: CliRunner, cli: typer.Typer, commented: Path) -> None:
    result = runner.invoke(cli, ["import", "missing.csv", "--into", str(commented)])
    assert result.exit_code == 2
    assert "missing.csv: no such file" in result.stderr


def test_column_options(runner: CliRunner, cli: typer.Typer, tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_bytes(
        "No|Kurum|Pay|Soru A|Soru B\n7|Belediye|2|4|3\n8||1|Güçlü avantaj|\n".encode("cp1254")
    )
    map_file = tmp_path / "map.yaml"
    map_file.write_text(
        'columns: {"Soru A": factor.land, "Soru B": factor.energy_cost}\n'
        "groups: {Belediye: public}\n",
        encoding="utf-8",
    )
    target = tmp_path / "s.yaml"
    args = [
        "import",
        str(csv),
        "--new",
        str(target),
        *NEW,
        "--map",
        str(map_file),
        "--id-column",
        "No",
        "--group-column",
        "Kurum",
        "--weight-column",
        "Pay",
        "--group",
        "university",
        "--delimiter",
        "|",
        "--encoding",
        "cp1254",
        "--id-prefix",
        "unused",
        "--framework",
        "stm-2015",
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "columns used: id 'No', group 'Kurum', weight 'Pay'" in result.stdout
    assert "read as cp1254, pipe-delimited" in result.stdout
    q = require_valid(load_questionnaire(str(target)))[0]
    assert [(r.id, r.group, r.weight) for r in q.respondents] == [
        ("7", "public", 2.0),
        ("8", "university", 1.0),
    ]
    assert dict(q.respondents[1].answers) == {"factor.land": 5, "factor.energy_cost": None}


def test_generated_ids_use_the_prefix(runner: CliRunner, cli: typer.Typer, tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    csv = SURVEYS / "google-forms-en.csv"
    args = ["import", str(csv), "--new", str(target), *NEW, "--id-prefix", "gf"]
    assert runner.invoke(cli, args).exit_code == 0
    assert len(ids(target)) == 4 and all(i.startswith("gf-") for i in ids(target))


def test_export_to_stdout_and_file(runner: CliRunner, cli: typer.Typer, commented: Path) -> None:
    result = runner.invoke(cli, ["export", str(commented), "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = result.stdout
    lines = table.split("\n")
    assert lines[0].startswith("id,group,weight,factor.main_industry,factor.proximity_to_primes,")
    assert lines[1].startswith("firm-01,firm,1,,,,,4,")
    assert lines[2].startswith("uni-01,university,1,,,3,,2,")
    assert lines[3] == ""
    out = commented.parent / "out" / "answers.csv"
    result = runner.invoke(cli, ["export", str(commented), "-o", str(out), "--bom"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,group,weight,")
    assert b"\r" not in data
    assert data[3:].decode("utf-8") == table
    assert "wrote" in result.stderr


def test_export_of_an_invalid_questionnaire(
    runner: CliRunner, cli: typer.Typer, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("diamond: 1\nrespondents: []\n", encoding="utf-8")
    result = runner.invoke(cli, ["export", str(bad)])
    assert result.exit_code == 1
    assert f"diamond: {bad} is invalid" in result.stderr


def test_round_trip_through_the_cli(runner: CliRunner, cli: typer.Typer, tmp_path: Path) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    csv1, csv2 = tmp_path / "one.csv", tmp_path / "two.csv"
    src = SURVEYS / "excel-semicolon.csv"
    assert runner.invoke(cli, ["import", str(src), "--new", str(first), *NEW]).exit_code == 0
    assert runner.invoke(cli, ["export", str(first), "-o", str(csv1)]).exit_code == 0
    assert runner.invoke(cli, ["import", str(csv1), "--new", str(second), *NEW]).exit_code == 0
    assert runner.invoke(cli, ["export", str(second), "-o", str(csv2)]).exit_code == 0
    assert csv1.read_bytes() == csv2.read_bytes()

    def respondents(path: Path) -> list[tuple[str, str, float, dict[str, int]]]:
        q = require_valid(load_questionnaire(str(path)))[0]
        return [
            (r.id, r.group, r.weight, {k: v for k, v in r.answers.items() if v is not None})
            for r in q.respondents
        ]

    assert respondents(first) == respondents(second)


def _documentation() -> str:
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    return "\n".join(texts)


@pytest.mark.parametrize("name", ["import", "export"])
def test_every_option_is_documented(cli: typer.Typer, name: str) -> None:
    docs = _documentation()
    assert f"diamond {name}" in docs
    command = typer.main.get_command(cli).commands[name]  # type: ignore[attr-defined]
    for param in command.params:
        if param.param_type_name != "option":
            continue
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in docs, f"option {opt} of 'diamond {name}' is not documented"
