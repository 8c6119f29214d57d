"""User text never drives a terminal, rich markup or a report (issue 10, section 2).

Hostile text goes into every place a user controls (sector name, region, period, SWOT
text, file names, CSV headers) and every command's console output and reports are
checked: no raw control, bidi override or undecodable byte reaches them, and rich
never reads user text as markup.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ASSESSMENTS

from diamond.safetext import json_text, report_text, visible

#: What must never reach a terminal (beside our own line ends): C0, DEL, C1, bidi overrides and
#: isolates, line separators and lone surrogates.
RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
#: What must never reach a report: the same C0/C1 controls except newline and tab.
RAW_IN_REPORT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

HOSTILE = [
    "Savunma [/] Havacılık",
    "Otomotiv [yan sanayi]",
    "[link=mailto:x@example.com]click here[/link]",
    "[bold red]loud[/]",
    "\x1b]0;pwned\x07title",
    "\x1b[2J\x1b[Hcleared",
    "csi\x9b31mred",
    "back\x08\x08\x08space",
    "bell\x07",
    "cr\roverwrite",
    "rtl\u202eevil\u202c",
    "isolate\u2066x\u2069",
    "nel\x85line",
    "del\x7f",
    ":emoji: :smile:",
]


def _questionnaire(tmp_path: Path, name: str, text: str, file: str = "q.yaml") -> Path:
    data = yaml.safe_load((ASSESSMENTS / "ankara-defence-aerospace.yaml").read_text("utf-8"))
    data["sector"]["name"] = text
    data["sector"]["region"] = text
    data["swot"]["strengths"][0]["text"] = text
    path = tmp_path / name / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), "utf-8")
    return path


def _clean(output: str) -> None:
    found = RAW.findall(output.replace("\n", ""))
    assert not found, f"raw characters reached the terminal: {found!r}"
    assert "Traceback" not in output


@pytest.mark.parametrize("text", HOSTILE)
def test_visible_leaves_no_control(text: str) -> None:
    """The sanitiser leaves nothing raw and keeps ordinary text as it is."""
    shown = visible(text)
    assert not RAW.search(shown)
    assert "[" not in text or "[" in shown  # markup-looking text is kept, not dropped


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_visible_and_report_text_on_any_text(text: str) -> None:
    """Any text: no raw character left, and the result encodes as strict UTF-8."""
    assert not RAW.search(visible(text))
    visible(text).encode("utf-8")
    assert not RAW_IN_REPORT.search(report_text(text))
    report_text(text).encode("utf-8")
    json_text({"t": text}).encode("utf-8")


def test_surrogate_shows_as_its_byte() -> None:
    """A file-name byte that is not UTF-8 shows as ``\\xNN``; JSON keeps it losslessly."""
    import json

    assert visible("Havac\udcfdl\udcfdk.yaml") == "Havac\\xfdl\\xfdk.yaml"
    assert json.loads(json_text({"p": "a\udcfd"})) == {"p": "a\udcfd"}


@pytest.mark.parametrize("text", HOSTILE)
def test_assess_summary_and_reports(runner, app, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    """assess: the summary table and 'wrote' lines are safe, and markup is printed as text."""
    path = _questionnaire(tmp_path, "in", text)
    out = tmp_path / "out"
    result = runner.invoke(app, ["assess", str(path), "-o", str(out)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    _clean(result.stdout + result.stderr)
    assert visible(text) in result.stdout  # printed in full, brackets and all
    for report in ("q.md", "q.html"):
        content = (out / report).read_text("utf-8")
        assert not RAW_IN_REPORT.search(content), report


@pytest.mark.parametrize("text", HOSTILE[:6])
def test_compare_and_portfolio_tables(runner, app, tmp_path: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    """compare and portfolio: tables safe; --fail-below still exits 5 on markup-like text."""
    first = _questionnaire(tmp_path, "p", text, "a.yaml")
    second = _questionnaire(tmp_path, "p", text, "b.yaml")
    result = runner.invoke(app, ["compare", str(first), str(second), "-o",
                                 str(tmp_path / "c"), "--fail-below", "99"])
    assert result.exit_code == 5, result.output
    _clean(result.stdout + result.stderr)
    result = runner.invoke(app, ["portfolio", str(first.parent), "-o", str(tmp_path / "pf")],
                           env={"COLUMNS": "400"})  # wide enough that no cell wraps
    assert result.exit_code == 0, result.output
    _clean(result.stdout + result.stderr)
    assert visible(text) in result.stdout
    for report in (tmp_path / "pf").rglob("*.*"):
        if report.suffix in (".md", ".html"):
            assert not RAW_IN_REPORT.search(report.read_text("utf-8")), report


@pytest.mark.parametrize("name", ["[link=mailto:x@example.com]click here", "a\x1b[31mred",
                                  "b\x07\x08c", "rtl\u202egnp", "c\x9bd"])
def test_file_names(runner, app, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    """File names in 'wrote', 'is invalid', 'no such file' and validate lines are safe."""
    path = _questionnaire(tmp_path, "in", "Sektör", f"{name}.yaml")
    result = runner.invoke(app, ["assess", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    _clean(result.stdout + result.stderr)
    assert f"{visible(name)}.md" in result.stdout
    bad = path.with_name(f"{name}-bad.yaml")
    bad.write_text("diamond: 2\n", "utf-8")
    for args, code in ((["assess", str(bad), "-o", str(tmp_path / "o2")], 1),
                       (["assess", str(bad.with_name(name + "-missing.yaml"))], 2),
                       (["validate", str(bad)], 1), (["validate", "-f", "github", str(bad)], 1),
                       (["export", str(bad.with_name(name + "-missing.yaml"))], 2)):
        result = runner.invoke(app, args)
        assert result.exit_code == code, (args, result.output)
        _clean(result.stdout + result.stderr)
        assert visible(name) in result.stdout + result.stderr


def test_import_summary_with_hostile_header(runner, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """CSV headers and file names reach the import summary and its warnings made safe."""
    csv = tmp_path / "s\x1b]8;;x\x07.csv"
    csv.write_text("id,factor.land,\x1b[2Jhostile [/] \u202eheader\n r1,4,x\n", "utf-8")
    target = tmp_path / "new.yaml"
    result = runner.invoke(app, ["import", str(csv), "--new", str(target), "--sector", "S",
                                 "--region", "R", "--period", "2025", "--dry-run"])
    _clean(result.stdout + result.stderr)
    assert result.exit_code in (0, 1), result.output


@pytest.mark.slow
def test_subprocess_strict_utf8_and_non_utf8_names(tmp_path: Path) -> None:
    """Real processes: file names that are not UTF-8, under a strict UTF-8 and an ASCII stdout."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "pf"
    folder.mkdir()
    name = os.fsdecode(b"Havac\xfdl\xfdk.yaml")
    shutil.copy(ASSESSMENTS / "ankara-defence-aerospace.yaml", folder / name)
    (folder / os.fsdecode(b"bad\xfd.yaml")).write_text("diamond: 2\n", "utf-8")
    commands = [
        (["validate", str(folder)], 1),
        (["validate", "-f", "github", str(folder)], 1),
        (["validate", "-f", "json", str(folder)], 1),
        (["assess", str(folder / name), "-o", str(tmp_path / "a")], 0),
        (["portfolio", str(folder), "-o", str(tmp_path / "p")], 1),
    ]
    for encoding in ("utf-8:strict", "ascii:strict"):
        env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
        for args, code in commands:
            done = subprocess.run([sys.executable, "-m", "diamond", *args], env=env,
                                  capture_output=True, timeout=120, cwd=tmp_path)
            output = (done.stdout + done.stderr).decode("utf-8")
            assert b"Traceback" not in done.stderr, (encoding, args, output)
            assert done.returncode == code, (encoding, args, output)
            assert "\\xfd" in output or "\\udcfd" in output, (encoding, args, output)


@pytest.mark.slow
def test_full_disk_and_closed_pipe_are_not_tracebacks(tmp_path: Path) -> None:
    """stdout on /dev/full: exit 4 with a message; a reader that leaves early: exit 4, quiet."""
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "diamond", "schema"], stdout=full,
                              stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 4
    assert done.stderr.decode() == ("diamond: error: could not write to standard output: "
                                    "No space left on device\n")
    reader = subprocess.Popen([sys.executable, "-m", "diamond", "indicators", "--prompts"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # the reader leaves before anything is read
    assert reader.wait(timeout=60) == 4
    assert b"Traceback" not in reader.stderr.read()


def test_every_console_write_goes_through_cli_console() -> None:
    """No CLI module but ``cli/console.py`` writes to a stream or makes a rich Console."""
    import diamond.cli

    folder = Path(diamond.cli.__file__).parent
    direct = re.compile(
        r"sys\.(stdout|stderr)(\.buffer)?\.write|\bprint\(|typer\.echo|Console\("
    )
    offenders = [
        f"{path.name}:{number}"
        for path in sorted(folder.glob("*.py")) if path.name != "console.py"
        for number, text in enumerate(path.read_text("utf-8").splitlines(), 1)
        if direct.search(text) and "__version__" not in text
    ]
    assert offenders == []
