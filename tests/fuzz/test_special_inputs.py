"""Bounded on every input: special files, user templates, repeated findings (issue #10, §3).

Every command that reads a file reads it with ``diamond.io.read.read_regular``: a
folder, FIFO or device is refused at once (exit 2) without reading a byte or
waiting for a writer. User templates render under a deadline and size limits
(exit 3). These tests drive every reading command with each kind of special file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from tests.conftest import ASSESSMENTS, EXAMPLES
from typer.testing import CliRunner

from diamond.io.read import read_regular

SURVEYS = EXAMPLES / "surveys"
CERAMICS = ASSESSMENTS / "eskisehir-ceramics.yaml"
WALL_SECONDS = 30  # generous: each case should take well under a second


def special_files(folder: Path) -> dict[str, Path]:
    fifo = folder / "pipe.yaml"
    os.mkfifo(fifo)
    sub = folder / "folder.yaml"
    sub.mkdir()
    return {"device": Path("/dev/zero"), "fifo": fifo, "folder": sub}


def run(args: list[str], cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "diamond", *args],
        capture_output=True,
        text=True,
        timeout=WALL_SECONDS,
        cwd=cwd,
        env={**os.environ, **env},
    )


COMMANDS = {
    "validate": lambda f, t: ["validate", f],
    "assess": lambda f, t: ["assess", f, "-o", str(t / "out")],
    "export": lambda f, t: ["export", f],
    "compare": lambda f, t: ["compare", str(CERAMICS), f, "-o", str(t / "out")],
    "import csv": lambda f, t: ["import", f, "--into", str(t / "q.yaml")],
    "import into": lambda f, t: ["import", str(SURVEYS / "odk-central.csv"), "--into", f],
    "import map": lambda f, t: [
        "import",
        str(SURVEYS / "odk-central.csv"),
        "--into",
        str(t / "q.yaml"),
        "--map",
        f,
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_special_files_are_refused_quickly(tmp_path: Path, command: str, kind: str) -> None:
    shutil.copy(SURVEYS / "commented.yaml", tmp_path / "q.yaml")
    path = special_files(tmp_path)[kind]
    if command == "validate" and kind == "folder":
        pytest.skip("validate reads a folder's YAML files by design")
    before = (tmp_path / "q.yaml").read_bytes()
    started = time.monotonic()
    result = run(COMMANDS[command](str(path), tmp_path))
    assert time.monotonic() - started < WALL_SECONDS
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert str(path) in result.stdout + result.stderr
    assert "not a regular file" in result.stdout + result.stderr or "folder" in (
        result.stdout + result.stderr
    )
    assert "Traceback" not in result.stderr
    assert (tmp_path / "q.yaml").read_bytes() == before


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_special_framework_file_is_refused(tmp_path: Path, kind: str) -> None:
    path = special_files(tmp_path)[kind]
    text = CERAMICS.read_text(encoding="utf-8").replace("framework: stm-2015", f"framework: {path}")
    questionnaire = tmp_path / "q.yaml"
    questionnaire.write_text(text, encoding="utf-8")
    result = run(["validate", str(questionnaire), "--allow-outside-paths"])
    assert result.returncode in (1, 2), result.stdout
    assert "not a regular file" in result.stdout + result.stderr


def test_the_root_as_working_folder_does_not_let_every_framework_in(tmp_path: Path) -> None:
    text = CERAMICS.read_text(encoding="utf-8").replace(
        "framework: stm-2015", "framework: /dev/zero"
    )
    questionnaire = tmp_path / "q.yaml"
    questionnaire.write_text(text, encoding="utf-8")
    result = run(["validate", str(questionnaire)], cwd=Path("/"))
    assert result.returncode in (1, 2)
    assert "leads outside" in result.stdout + result.stderr


def test_the_byte_cap_holds_while_reading_not_by_size(tmp_path: Path) -> None:
    # /proc files report a size of 0; the cap must still hold.
    data = read_regular("/proc/self/maps", 10)
    assert len(data) == 11
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * 1000)
    assert len(read_regular(str(big), 100)) == 101


def test_labels_and_templates_that_are_special_files_are_refused(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    os.mkfifo(templates / "labels.yaml")
    result = runner.invoke(
        app, ["assess", str(CERAMICS), "--templates", str(templates), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 3, result.output
    assert "not a regular file" in result.stderr
    os.unlink(templates / "labels.yaml")
    os.mkfifo(templates / "report.md.j2")
    result = runner.invoke(
        app, ["assess", str(CERAMICS), "--templates", str(templates), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 3, result.output
    assert "not a regular file" in result.stderr


# --- user templates: time and memory ------------------------------------------------------

BOMBS = {
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
    "{% endfor %}",
    "huge repeat": '{{ "x" * 3000000000 }}',
    "repeat in a variable": '{% set n = 3000000000 %}{{ "x" * n }}',
    "list repeat": "{{ ([1] * 300000000)|length }}",
    "format width": '{{ "%3000000000d" % 1 }}',
    "format filter": '{{ "%3000000000d"|format(1) }}',
    "center filter": '{{ "x"|center(3000000000) }}',
    "str method": '{{ "x".ljust(3000000000) }}',
    "power": "{{ 10 ** 100000000 }}",
    "output flood": "{% for i in range(100000) %}{{ 'x' * 9000 }}{% endfor %}",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_runaway_template_stops_with_exit_3(tmp_path: Path, name: str) -> None:
    templates = tmp_path / "tpl"
    templates.mkdir()
    (templates / "report.md.j2").write_text(BOMBS[name] + "\n", encoding="utf-8")
    started = time.monotonic()
    result = run(
        ["assess", str(CERAMICS), "--templates", str(templates), "-o", str(tmp_path / "out")],
        DIAMOND_TEMPLATE_SECONDS="2",
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert "report.md.j2" in result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < WALL_SECONDS
    assert not (tmp_path / "out").exists()


# --- import: repeated findings are capped --------------------------------------------------


def test_import_caps_repeated_warnings_per_code(tmp_path: Path) -> None:
    shutil.copy(SURVEYS / "commented.yaml", tmp_path / "q.yaml")
    extra = [f"comment {n}" for n in range(5000)]
    header = ",".join(["id", "group", "factor.land", *extra])
    row = ",".join(["r1", "firm", "3", *["x"] * len(extra)])
    csv = tmp_path / "wide.csv"
    csv.write_text(header + "\n" + row + "\n", encoding="utf-8")
    result = run(["import", str(csv), "--into", str(tmp_path / "q.yaml")])
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert len(lines) <= 202, len(lines)
    assert any("4,800 more 'unmapped-column' finding(s)" in line for line in lines), lines[-3:]


# --- one YAML reader: a tab before a value ------------------------------------------------


def test_import_into_a_file_with_tabs_before_values_and_comments(tmp_path: Path) -> None:
    text = (SURVEYS / "commented.yaml").read_text(encoding="utf-8")
    text = text.replace("factor.land: null", "factor.land:\t4  \t# a tab before the comment")
    text = text.replace("group: university", "group:\tuniversity")
    target = tmp_path / "q.yaml"
    target.write_text(text, encoding="utf-8")
    assert run(["validate", str(target)]).returncode == 0
    result = run(["import", str(SURVEYS / "odk-central.csv"), "--into", str(target)])
    assert result.returncode == 0, result.stderr
    assert "factor.land:\t4  \t# a tab before the comment" in target.read_text(encoding="utf-8")
