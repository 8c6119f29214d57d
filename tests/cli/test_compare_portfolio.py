"""``diamond compare`` and ``diamond portfolio`` through a local typer app (as app.py will)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from diamond.cli import exit_codes
from diamond.cli import portfolio as portfolio_cli
from diamond.cli.exit_codes import INVALID, USAGE
from tests.conftest import ASSESSMENTS, EXAMPLES
from tests.unit.test_portfolio import BROKEN

V2015 = ASSESSMENTS / "eskisehir-aviation.yaml"
V2019 = ASSESSMENTS / "eskisehir-aviation-2019.yaml"


@pytest.fixture
def local() -> typer.Typer:
    from diamond.cli.app import app

    return app


def _run(runner: CliRunner, app: typer.Typer, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [*args, "--color", "never"])


# ------------------------------------------------------------------ compare


def test_compare_writes_every_format(runner: CliRunner, local: typer.Typer,
                                     tmp_path: Path) -> None:
    result = _run(runner, local, "compare", str(V2015), str(V2019), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["comparison.md", "comparison-lines.svg", "comparison-diamond.svg", "comparison.html",
         "comparison.json"])
    assert "three-areas rule" in result.stdout and "passed" in result.stdout
    assert f"wrote {tmp_path / 'comparison.html'}" in result.stdout


def test_compare_name_and_formats(runner: CliRunner, local: typer.Typer, tmp_path: Path) -> None:
    result = _run(runner, local, "compare", str(V2015), str(V2019), "-o", str(tmp_path),
                  "--name", "esac", "-f", "html", "-f", "json", "--lang", "tr",
                  "--method", "median")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["esac.html", "esac.json"]
    data = json.loads((tmp_path / "esac.json").read_text(encoding="utf-8"))
    assert data["language"] == "tr" and data["method"] == "median"


def test_compare_json_to_stdout(runner: CliRunner, local: typer.Typer, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(runner, local, "compare", str(V2015), str(V2019), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["kind"] == "comparison"
    assert not (tmp_path / "reports").exists()


def test_fail_below(runner: CliRunner, local: typer.Typer, tmp_path: Path) -> None:
    args = ["compare", str(V2015), str(V2019), "-o", str(tmp_path)]
    failed = _run(runner, local, *args, "--fail-below", "60")
    assert failed.exit_code == exit_codes.BELOW_THRESHOLD == 5
    assert "below 60" in failed.stderr
    assert (tmp_path / "comparison.html").is_file()  # the reports are still written
    assert _run(runner, local, *args, "--fail-below", "50").exit_code == 0


def test_fail_on_decline(runner: CliRunner, local: typer.Typer, tmp_path: Path) -> None:
    backwards = ["compare", str(V2019), str(V2015), "-o", str(tmp_path)]
    failed = _run(runner, local, *backwards, "--fail-on-decline")
    assert failed.exit_code == exit_codes.DECLINED == 6
    assert "firm" in failed.stderr
    assert _run(runner, local, *backwards).exit_code == 0
    forwards = ["compare", str(V2015), str(V2019), "-o", str(tmp_path), "--fail-on-decline"]
    # Same respondents in both periods: the paired test finds factor's small decline
    # (−1.6, p ≈ .01) significant, and nothing else.
    ahead = _run(runner, local, *forwards)
    assert ahead.exit_code == 6 and "factor" in ahead.stderr and "firm" not in ahead.stderr


def test_compare_usage_and_invalid_input(runner: CliRunner, local: typer.Typer,
                                         tmp_path: Path) -> None:
    assert _run(runner, local, "compare", str(V2015)).exit_code == USAGE
    assert _run(runner, local, "compare", str(V2015), str(tmp_path / "none.yaml")
                ).exit_code == USAGE
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    result = _run(runner, local, "compare", str(V2015), str(bad), "-o", str(tmp_path / "o"))
    assert result.exit_code == INVALID
    assert f"{bad}:6:7: error: unknown indicator 'factor.lnd'" in result.stderr
    assert not (tmp_path / "o").exists()


def test_compare_cross_framework_warns(runner: CliRunner, local: typer.Typer, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES / "valid")
    result = _run(runner, local, "compare", str(V2015), "custom-framework.yaml",
                  "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "diamond: warning: the inputs do not share one framework" in result.stderr
    assert "government" in result.stderr
    data = json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))
    assert data["mode"] == "cluster"
    assert [d["id"] for d in data["dimensions"]] == ["factor", "firm", "demand", "related"]


# ------------------------------------------------------------------ portfolio


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("eskisehir-aviation.yaml", "eskisehir-ceramics.yaml"):
        shutil.copy(ASSESSMENTS / name, root / name)
    (root / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return root


def test_portfolio_with_an_invalid_file(runner: CliRunner, local: typer.Typer, folder: Path,
                                        tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run(runner, local, "portfolio", str(folder), "-o", str(out))
    assert result.exit_code == INVALID, result.output
    assert f"{folder / 'broken.yaml'}:6:7: error: unknown indicator 'factor.lnd'" in result.stderr
    assert "2 assessed, 1 invalid" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "clusters", "portfolio.html", "portfolio.json", "portfolio.md"]
    assert sorted(p.name for p in (out / "clusters").iterdir()) == sorted(
        f"{s}{x}" for s in ("eskisehir-aviation", "eskisehir-ceramics")
        for x in (".md", ".html", "-diamond.svg"))
    html = (out / "portfolio.html").read_text(encoding="utf-8")
    assert "broken.yaml:6:7: unknown indicator" in html
    for link in re.findall(r'href="([^"#]+)"', html):
        assert (out / link).is_file(), link


def test_portfolio_all_valid_exits_zero(runner: CliRunner, local: typer.Typer, folder: Path,
                                        tmp_path: Path) -> None:
    (folder / "broken.yaml").unlink()
    result = _run(runner, local, "portfolio", str(folder), "-o", str(tmp_path / "o"),
                  "--lang", "en", "--method", "median", "--jobs", "2")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "o" / "portfolio.json").read_text(encoding="utf-8"))
    assert data["language"] == "en" and data["method"] == "median"
    assert [c["rank"] for c in data["clusters"]] == [1, 2]


def test_portfolio_is_deterministic(runner: CliRunner, local: typer.Typer, folder: Path,
                                    tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _run(runner, local, "portfolio", str(folder), "-o", str(first), "-j", "1")
    _run(runner, local, "portfolio", str(folder), "-o", str(second), "-j", "2")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(files) == 9
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_compare_is_deterministic(runner: CliRunner, local: typer.Typer, tmp_path: Path) -> None:
    for name in ("a", "b"):
        _run(runner, local, "compare", str(V2015), str(V2019), "-o", str(tmp_path / name))
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_portfolio_usage_errors(runner: CliRunner, local: typer.Typer, tmp_path: Path) -> None:
    assert _run(runner, local, "portfolio", str(tmp_path / "none")).exit_code == USAGE
    assert _run(runner, local, "portfolio", str(tmp_path)).exit_code == USAGE  # no yaml
    (tmp_path / "x.yaml").write_text(BROKEN, encoding="utf-8")
    assert _run(runner, local, "portfolio", str(tmp_path), "--templates",
                str(tmp_path / "none")).exit_code == USAGE


def test_progress_bar_only_when_asked() -> None:
    with portfolio_cli.progress_bar(3, False) as callback:
        assert callback is None
    with portfolio_cli.progress_bar(2, True) as callback:
        assert callback is not None
        callback("a.yaml")
        callback("b.yaml")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_template_errors_exit_3(runner: CliRunner, local: typer.Typer, folder: Path,
                                tmp_path: Path, jobs: str) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ missing.value }}\n", encoding="utf-8")
    result = _run(runner, local, "portfolio", str(folder), "-o", str(tmp_path / "o"),
                  "--templates", str(templates), "-j", jobs)
    assert result.exit_code == 3, result.output
    assert "report.md.j2, line 1" in result.stderr
    (templates / "report.md.j2").unlink()
    (templates / "compare.html.j2").write_text("{% if %}\n", encoding="utf-8")
    result = _run(runner, local, "compare", str(V2015), str(V2019), "-o", str(tmp_path / "c"),
                  "--templates", str(templates))
    assert result.exit_code == 3, result.output
    assert "compare.html.j2, line 1" in result.stderr


def test_portfolio_json_to_standard_output(runner: CliRunner, local: typer.Typer,
                                           tmp_path: Path) -> None:
    import json

    done = _run(runner, local, "portfolio", str(V2015.parent), "--format", "json")
    assert done.exit_code == 0
    data = json.loads(done.stdout)
    assert data["kind"] == "portfolio" and set(data["icc"]) == {"factor", "firm", "demand",
                                                                "related"}
    assert [c["rank"] for c in data["clusters"]][-1] is None  # the 2015 aviation: history
