"""Every command, driven with generated file names, arguments and environment values.

Issue 10, section 4 ("never a traceback"): hypothesis picks a command and fills its
file names (with controls, rich markup, bidi overrides, non-UTF-8 bytes as surrogates,
spaces, leading dashes), option values (text of any kind, numbers, dates) and
standard input, environment variables (``DIAMOND_MAX_*``, ``NO_COLOR``, ``GITHUB_ACTIONS``,
``COLUMNS``, ``XDG_CACHE_HOME``). Each run must end with an exit code from 0 to 6,
raise nothing but ``SystemExit`` and print no traceback; no raw terminal control
reaches standard output or error. A few of the same runs go through a real process,
where arguments and file names are bytes and stdout is strict UTF-8 or ASCII.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import ASSESSMENTS
from typer.testing import CliRunner

from diamond.cli.app import app as APP

SCALE = int(os.environ.get("DIAMOND_FUZZ_SCALE", "1"))
#: Raw controls (newlines aside), bidi overrides and lone surrogates: never on a console.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
SOURCE = ASSESSMENTS / "ankara-defence-aerospace.yaml"

HOSTILE_NAMES = [
    "Savunma [yan] Havacılık", "[link=mailto:x@example.com]click here", "[bold]x", "a\x1b[2Jb",
    "t\x1b]0;pwn\x07", "c\x9bd", "bs\x08\x08", "bell\x07", "rtl\u202egnp", "nel\x85",
    os.fsdecode(b"Havac\xfdl\xfdk"), os.fsdecode(b"\xff\xfe"), "-", "--help", "-o", " ",
    "x" * 200, "ş" * 100, "new\nline", "cr\r", "%s${HOME}", "{{ x }}", "🇹🇷‍", "tab\t",
]
# No NUL (argv and the environment cannot hold one) and no '/' (a name, not a path).
NAME = st.one_of(
    st.sampled_from([*HOSTILE_NAMES, "[/]", "x[/]y"]).map(lambda n: n.replace("/", "∕")),
    st.text(st.characters(exclude_characters="\x00/", exclude_categories=("Cs",)),
            min_size=1, max_size=30),
    st.binary(min_size=1, max_size=20).filter(lambda b: b"\x00" not in b and b"/" not in b)
    .map(os.fsdecode),
).filter(lambda n: n not in (".", ".."))
TEXT = st.one_of(
    st.sampled_from([*HOSTILE_NAMES, "Savunma [/] Havacılık", "", "2025-02-30", "2025-99-99",
                     "２０２５", "2025", "1e9", "99999999999999999999999999", "-1", "0", "nan",
                     "R\x85x"]),
    st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30),
    st.binary(min_size=1, max_size=12).filter(lambda b: b"\x00" not in b).map(os.fsdecode),
)
ENV_VALUE = st.one_of(
    st.sampled_from(["", "0", "1", "-5", "abc", "9" * 5000, "10", "100", "1e3", " 7 ", "٣"]),
    st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=12),
    st.binary(min_size=1, max_size=12).filter(lambda b: b"\x00" not in b).map(os.fsdecode),
)
ENV = st.dictionaries(
    st.sampled_from(["DIAMOND_MAX_BYTES", "DIAMOND_MAX_DEPTH", "DIAMOND_MAX_NODES", "NO_COLOR",
                     "GITHUB_ACTIONS", "COLUMNS", "LINES", "DIAMOND_NO_TEMPLATE_CACHE"]),
    ENV_VALUE, max_size=4,
)

#: Each command as a list of argument templates: ``{q}`` a valid questionnaire under a
#: generated name, ``{bad}`` an invalid one, ``{csv}`` a CSV export, ``{dir}`` the folder
#: holding them, ``{new}`` a name not yet taken, ``{out}`` an output folder, ``{t}`` text.
COMMANDS = [
    ["init", "{new}", "--sector", "{t}", "--region", "{t}", "--period", "{t}"],
    ["init", "{new}", "--sector", "S", "--region", "R", "--period", "P", "--framework", "{t}"],
    ["validate", "{q}", "{bad}"],
    ["validate", "{dir}", "--strict", "-f", "github"],
    ["validate", "{dir}", "-f", "json"],
    ["validate", "{t}"],
    ["assess", "{q}", "-o", "{out}"],
    ["assess", "{q}", "-o", "{out}", "--date", "{t}"],
    ["assess", "{bad}", "-o", "{out}"],
    ["assess", "{q}", "-f", "json", "--lang", "{t}"],
    ["assess", "{t}"],
    ["indicators", "--framework", "{t}"],
    ["indicators", "--prompts", "--lang", "tr"],
    ["schema", "--kind", "{t}"],
    ["import", "{csv}", "--new", "{new}", "--sector", "{t}", "--region", "R", "--period", "P"],
    ["import", "{csv}", "--into", "{q}", "--id-prefix", "{t}", "--dry-run"],
    ["import", "{csv}", "--into", "{q}", "--delimiter", "{t}", "--dry-run"],
    ["export", "{q}", "-o", "{new}"],
    ["export", "{bad}"],
    ["compare", "{q}", "{q}", "-o", "{out}", "--name", "{t}", "--fail-below", "99"],
    ["compare", "{q}", "{bad}", "-o", "{out}"],
    ["portfolio", "{dir}", "-o", "{out}"],
    ["portfolio", "{t}"],
    ["{t}"],
    ["validate", "-"],
    ["assess", "-", "-f", "json"],
    ["export", "-"],
    ["compare", "-", "{q}", "-o", "{out}"],
]
#: What standard input holds: the valid questionnaire, with a generated name, or bytes.
STDIN = st.one_of(
    st.just(SOURCE.read_bytes()),
    TEXT.map(lambda t: SOURCE.read_text("utf-8").replace("Savunma ve Havacılık", repr(t))
             .encode("utf-8", "surrogateescape")),
    st.binary(max_size=300),
)


def _prepare(root: Path, name: str) -> dict[str, str]:
    folder = root / f"in {name}"
    folder.mkdir()
    q = folder / f"{name}.yaml"
    shutil.copy(SOURCE, q)
    bad = folder / f"{name}-bad.yml"
    bad.write_text(f"diamond: 2\n{name!r}: 1\n", "utf-8")
    csv = folder / f"{name}.csv"
    csv.write_text(f"id,factor.land,{name.encode('utf-8', 'replace').decode('utf-8')}\n"
                   "r9,4,x\n", "utf-8")
    return {"q": str(q), "bad": str(bad), "csv": str(csv), "dir": str(folder),
            "new": str(root / f"new {name}.yaml"), "out": str(root / f"out {name}")}


def _check(code: int | None, output: str) -> None:
    assert code is not None and 0 <= code <= 6, (code, output[-2000:])
    assert "Traceback" not in output, output[-3000:]
    raw = RAW.findall(output)
    assert not raw, (raw, output[-2000:])


@settings(max_examples=60 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(command=st.sampled_from(COMMANDS), name=NAME, text=TEXT, env=ENV, stdin=STDIN)
def test_every_command_in_process(command: list[str], name: str, text: str,
                                  env: dict[str, str], stdin: bytes) -> None:
    """typer's CliRunner: exit 0–6, no exception but SystemExit, no traceback, safe output."""
    # in the temporary folder: a generated "." or "" must not read or write the checkout
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        paths = _prepare(Path(tmp), name)
        args = [a.format(**paths, t=text) if a.startswith("{") else a for a in command]
        runner = CliRunner()
        env = {"DIAMOND_NO_TEMPLATE_CACHE": "1", **env}
        result = runner.invoke(APP, args, env=env, input=stdin, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        _check(result.exit_code, result.stdout + (result.stderr or ""))


SUBPROCESS_CASES = [
    (["init", "{new}", "--sector", "S", "--region", "R\udc85x", "--period", "P"], "utf-8:strict"),
    (["validate", "{dir}"], "utf-8:strict"),
    (["validate", "-f", "github", "{dir}"], "utf-8:strict"),
    (["validate", "{dir}"], "ascii:strict"),
    (["assess", "{q}", "-o", "{out}"], "utf-8:strict"),
    (["assess", "{bad}", "-o", "{out}"], "ascii:strict"),
    (["portfolio", "{dir}", "-o", "{out}"], "utf-8:strict"),
    (["import", "{csv}", "--new", "{new}", "--sector", "S", "--region", "R", "--period", "P"],
     "utf-8:strict"),
    (["compare", "{q}", "{q}", "-o", "{out}"], "ascii:strict"),
    (["indicators", "--prompts"], "ascii:strict"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("command", "encoding"), SUBPROCESS_CASES)
@pytest.mark.parametrize("name", [os.fsdecode(b"Havac\xfdl\xfdk"), "a\x1b[2J[b]\u202e"])
def test_commands_in_a_process(command: list[str], encoding: str, name: str) -> None:
    """Real processes: byte file names and arguments, a strict UTF-8 or ASCII stdout."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = _prepare(Path(tmp), name)
        args = [a.format(**paths) for a in command]
        env = {**os.environ, "PYTHONIOENCODING": encoding, "DIAMOND_NO_TEMPLATE_CACHE": "1"}
        done = subprocess.run([sys.executable, "-m", "diamond", *map(os.fsencode, args)],
                              env=env, capture_output=True, timeout=120, cwd=tmp)
        output = (done.stdout + done.stderr).decode("utf-8")  # never invalid UTF-8
        _check(done.returncode, output)
