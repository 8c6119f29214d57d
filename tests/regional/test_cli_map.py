"""``diamond map`` end to end: exit codes, outputs, determinism, the golden JSON, evidence."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from diamond.loader import load_questionnaire, require_valid
from tests.conftest import ASSESSMENTS, ROOT
from tests.regional.conftest import write_table

EXAMPLE = ASSESSMENTS / "regional" / "tr-provinces-illustrative.csv"
GOLDEN = ROOT / "tests" / "regional" / "golden" / "tr-provinces-illustrative.json"


def _approx(value: Any) -> Any:
    if isinstance(value, float):
        return pytest.approx(value, rel=1e-12, abs=1e-15)
    if isinstance(value, dict):
        return {k: _approx(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_approx(v) for v in value]
    return value


def test_example_json_matches_the_golden_file(runner: CliRunner, app: typer.Typer) -> None:
    """To regenerate after a deliberate change: ``diamond map
    assessments/regional/tr-provinces-illustrative.csv -f json >
    tests/regional/golden/tr-provinces-illustrative.json``, then review the diff."""
    result = runner.invoke(app, ["map", str(EXAMPLE), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    # Floats are compared to 12 significant digits: Polars releases may sum in another
    # order and differ in the last bit (the same release is byte-identical run to run).
    assert _approx(data) == json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert list(data)[:3] == ["format", "kind", "source"] and data["format"] == 1
    assert {"region", "sector", "year", "employment", "share", "lq", "stars", "strong"} <= set(
        data["cells"][0])
    assert data["base"]["kind"] == "all" and data["base"]["region_totals"] == "rows"


def test_outputs_are_byte_identical_twice(runner: CliRunner, app: typer.Typer,
                                          tmp_path: Path) -> None:
    contents = []
    for run in ("one", "two"):
        result = runner.invoke(app, ["map", str(EXAMPLE), "-o", str(tmp_path / run)])
        assert result.exit_code == 0, result.stderr
        contents.append({p.name: p.read_bytes() for p in sorted((tmp_path / run).iterdir())})
    assert sorted(contents[0]) == ["tr-provinces-illustrative." + e
                                   for e in ("html", "json", "md", "xlsx")]
    assert contents[0] == contents[1]


def test_xlsx_has_numbers_frozen_headers_and_widths(runner: CliRunner, app: typer.Typer,
                                                    tmp_path: Path) -> None:
    import openpyxl

    assert runner.invoke(app, ["map", str(EXAMPLE), "-f", "xlsx", "-o", str(tmp_path)]
                         ).exit_code == 0
    book = openpyxl.load_workbook(tmp_path / "tr-provinces-illustrative.xlsx")
    assert book.sheetnames == ["about", "regions", "cells", "shift_share", "shortlist"]
    cells = book["cells"]
    assert cells.freeze_panes == "A2"
    assert cells["A1"].value == "region" and isinstance(cells["F2"].value, int | float)
    assert isinstance(cells["K2"].value, float)  # the LQ
    assert cells.column_dimensions["D"].width == 36


def test_bad_table_exits_1_with_row_and_column(runner: CliRunner, app: typer.Typer,
                                               tmp_path: Path) -> None:
    path = write_table(tmp_path, ["A,Alfa,10,Food,2020,100", "B,Beta,10,Food,2020,lots"])
    result = runner.invoke(app, ["map", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{path}:3:6: error: employment 'lots' is not a number" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (["--from", "1999"], "--from 1999"),
    (["--sector", "10"], "go with --evidence-into"),
    (["--evidence-into", "x.yaml"], "needs one --region and a --sector"),
])
def test_usage_errors_exit_2(runner: CliRunner, app: typer.Typer, args: list[str],
                             message: str) -> None:
    result = runner.invoke(app, ["map", str(EXAMPLE), "-f", "json", *args])
    assert result.exit_code == 2 and message in result.stderr


def test_missing_table_exits_2(runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_html_escapes_names_and_allows_only_its_script(runner: CliRunner, app: typer.Typer,
                                                       tmp_path: Path) -> None:
    path = write_table(tmp_path, ['A,"<script>alert(1)</script>",10,Food & <b>,2020,100',
                                  "B,Beta,10,Food,2020,50", "A,x,20,Chem,2020,10",
                                  "B,Beta,20,Chem,2020,70"])
    out = tmp_path / "out"
    assert runner.invoke(app, ["map", str(path), "-o", str(out)]).exit_code == 0
    html = (out / "table.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert html.count("<script>") == 1
    script = html.split("<script>")[1].split("</script>")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src &#39;sha256-{digest}&#39;" in html
    md = (out / "table.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<b\\>" in md


def test_never_writes_over_the_table(runner: CliRunner, app: typer.Typer,
                                     tmp_path: Path) -> None:
    path = write_table(tmp_path, ["A,Alfa,10,Food,2020,100"], name="table.json")
    path = path.rename(tmp_path / "table.csv")
    (tmp_path / "table.json").write_text("x", encoding="utf-8")
    source = tmp_path / "table.csv"
    result = runner.invoke(app, ["map", str(source), "-f", "md", "-o", str(tmp_path)])
    assert result.exit_code == 0 and source.read_text(encoding="utf-8").startswith("region")


def test_evidence_into_writes_the_block_and_keeps_the_rest(
        runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    questionnaire = tmp_path / "sector.yaml"
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", questionnaire)
    before = questionnaire.read_text(encoding="utf-8")
    args = ["map", str(EXAMPLE), "--region", "TR412", "--sector", "23", "--year", "2023",
            "--source", "TÜİK, SGK 2023 (illustrative)", "--evidence-into", str(questionnaire)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    after = questionnaire.read_text(encoding="utf-8")
    head = before.split("\nevidence:")[0]
    assert after.startswith(head)
    q, _ = require_valid(load_questionnaire(str(questionnaire)))
    assert q.evidence is not None and q.evidence.year == 2023
    assert q.evidence.source == "TÜİK, SGK 2023 (illustrative)"
    assert q.evidence.stars in (0, 1, 2, 3) and q.evidence.lq_base
    assert q.evidence.employment.sector_region is not None
    assert runner.invoke(app, args).exit_code == 0
    assert questionnaire.read_text(encoding="utf-8") == after  # idempotent


def test_evidence_into_unknown_cell_exits_2(runner: CliRunner, app: typer.Typer,
                                            tmp_path: Path) -> None:
    questionnaire = tmp_path / "sector.yaml"
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", questionnaire)
    before = questionnaire.read_bytes()
    result = runner.invoke(app, ["map", str(EXAMPLE), "--region", "TR999", "--sector", "23",
                                 "--evidence-into", str(questionnaire)])
    assert result.exit_code == 2 and "no row for region 'TR999'" in result.stderr
    assert questionnaire.read_bytes() == before


def test_region_option_limits_the_report_not_the_data(runner: CliRunner, app: typer.Typer,
                                                      tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", str(EXAMPLE), "--region", "TRB12", "--lang", "en",
                                 "-f", "md", "-f", "json", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "tr-provinces-illustrative.md").read_text(encoding="utf-8")
    assert "## Elazığ (TRB12)" in md and "(TR510)" not in md
    assert "Location quotient" in md or "LQ" in md
    data = json.loads((tmp_path / "tr-provinces-illustrative.json").read_text(encoding="utf-8"))
    assert len({c["region"] for c in data["cells"]}) == 10


def test_assess_report_states_the_base_and_the_stars(runner: CliRunner, app: typer.Typer,
                                                     tmp_path: Path) -> None:
    questionnaire = tmp_path / "sector.yaml"
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", questionnaire)
    assert runner.invoke(app, ["map", str(EXAMPLE), "--region", "TR412", "--sector", "23",
                               "--evidence-into", str(questionnaire)]).exit_code == 0
    result = runner.invoke(app, ["assess", str(questionnaire), "-f", "md", "--lang", "en",
                                 "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    # A Turkish questionnaire's English report carries the language in its name.
    md = (tmp_path / "out" / "sector-en.md").read_text(encoding="utf-8")
    assert "| LQ base (diamond map) |" in md
    assert "| Stars (European Cluster Observatory three-star analysis) | 2 / 3 |" in md


def test_xlsx_cells_round_trip_every_value(tmp_path: Path) -> None:
    """The engine-written rows read back through openpyxl as the same values."""
    import math

    import openpyxl

    from diamond.regional import MapOptions, map_table
    from diamond.regional.render import render_map
    from tests.regional.conftest import write_table

    path = write_table(tmp_path, ['A,"Alfa & <Beta> ""q""",10,Food,2020,100',
                                  "B,Beta,10,Food,2020,0", "A,x,20,Chem,2020,10",
                                  "B,Beta,20,Chem,2020,70"])
    m = map_table(path, MapOptions())
    (xlsx,) = render_map(m, ["xlsx"], "t")
    target = tmp_path / "t.xlsx"
    target.write_bytes(xlsx.content if isinstance(xlsx.content, bytes) else b"")
    sheet = openpyxl.load_workbook(target)["cells"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == m.cells.columns and len(rows) == m.cells.height + 1
    for got, want in zip(rows[1:], m.cells.iter_rows(), strict=True):
        for g, w in zip(got, want, strict=True):
            if isinstance(w, float) and not math.isfinite(w):
                w = None
            assert g == (pytest.approx(w) if isinstance(w, float) else w)
    assert sheet.dimensions == f"A1:W{m.cells.height + 1}"


def test_init_evidence_from_fills_the_starter(runner: CliRunner, app: typer.Typer,
                                              tmp_path: Path) -> None:
    target = tmp_path / "sector.yaml"
    result = runner.invoke(app, ["init", str(target), "--sector", "Seramik", "--region",
                                 "Eskişehir", "--period", "2023", "--evidence-from",
                                 str(EXAMPLE), "--region-code", "TR412", "--sector-code", "23"])
    assert result.exit_code == 0, result.stderr
    loaded = load_questionnaire(str(target))
    assert loaded.questionnaire is not None and not loaded.errors
    evidence = loaded.questionnaire.evidence
    assert evidence is not None and evidence.year == 2023 and evidence.stars == 2
    assert evidence.employment.sector_region == 15050
    bad = runner.invoke(app, ["init", str(tmp_path / "x.yaml"), "--sector", "S", "--region",
                              "R", "--period", "P", "--region-code", "TR412"])
    assert bad.exit_code == 2 and "go with --evidence-from" in bad.stderr


def test_evidence_into_replaces_a_block_in_the_middle_through_a_link(
        runner: CliRunner, app: typer.Typer, tmp_path: Path) -> None:
    """The old block (tab before a value, a kept key) is replaced in place; what follows
    it stays byte for byte; a symbolic link is written through to its target."""
    text = (ASSESSMENTS / "eskisehir-ceramics.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nrespondents:", 1)
    old = ("evidence:\n  year:\t2019\n  patents: 42   # kept\n"
           "  employment: {sector_region: 1, region_total: 10, sector_country: 5,"
           " country_total: 100}\n")
    real = tmp_path / "real.yaml"
    real.write_text(head + "\n" + old + "respondents:" + rest, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    args = ["map", str(EXAMPLE), "--region", "TR412", "--sector", "23", "--year", "2023",
            "--evidence-into", str(link)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    after = real.read_text(encoding="utf-8")
    assert after.startswith(head + "\nevidence:\n")
    assert after.endswith("respondents:" + rest)
    q, _ = require_valid(load_questionnaire(str(real)))
    assert q.evidence is not None and q.evidence.year == 2023 and q.evidence.patents == 42
