"""Nothing the user wrote is ever lost: every command's writes go through ``diamond.io``.

Each class here failed on the code before ``diamond.io`` (issue #10, section 1):
``export -o`` over its input, concurrent imports losing respondents, an editor's
save lost, symbolic and hard links split, stale temporaries, long names, and a
report set half written on a full disk.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ASSESSMENTS, EXAMPLES
from typer.testing import CliRunner

import diamond.io.atomic as atomic
from diamond.errors import OutputError
from diamond.io.rewrite import rewrite
from diamond.io.temps import MAX_NAME_BYTES, clean_stale, is_ours, temp_name
from diamond.loader import load_questionnaire, require_valid

SURVEYS = EXAMPLES / "surveys"
HEADER = "id,group,factor.land,factor.skilled_workforce\n"


def ids(path: Path) -> list[str]:
    return [r.id for r in require_valid(load_questionnaire(str(path)))[0].respondents]


@pytest.fixture
def questionnaire(tmp_path: Path) -> Path:
    target = tmp_path / "c.yaml"
    shutil.copy(SURVEYS / "commented.yaml", target)
    return target


def one_row_csv(folder: Path, n: int) -> Path:
    csv = folder / f"c{n}.csv"
    csv.write_text(HEADER + f"new-{n},firm,{1 + n % 5},{1 + (n + 2) % 5}\n", encoding="utf-8")
    return csv


# --- one guard: never write over an input ------------------------------------------------


def test_export_refuses_to_write_over_its_input(
    runner: CliRunner, app: typer.Typer, questionnaire: Path
) -> None:
    before = questionnaire.read_bytes()
    result = runner.invoke(app, ["export", str(questionnaire), "-o", str(questionnaire)])
    assert result.exit_code == 4, result.output
    assert "it is the input file" in result.stderr
    assert questionnaire.read_bytes() == before


def test_export_refuses_a_hard_link_to_its_input(
    runner: CliRunner, app: typer.Typer, questionnaire: Path
) -> None:
    other = questionnaire.with_name("other-name.csv")
    os.link(questionnaire, other)
    before = questionnaire.read_bytes()
    result = runner.invoke(app, ["export", str(questionnaire), "-o", str(other)])
    assert result.exit_code == 4, result.output
    assert questionnaire.read_bytes() == before


def test_import_refuses_to_write_into_its_csv(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    csv = one_row_csv(tmp_path, 1)
    before = csv.read_bytes()
    result = runner.invoke(app, ["import", str(csv), "--into", str(csv)])
    assert result.exit_code == 4, result.output
    assert csv.read_bytes() == before


def test_init_refuses_to_write_over_its_framework(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    framework = tmp_path / "fw.yaml"
    framework.write_text("x: 1\n", encoding="utf-8")
    args = ["init", str(framework), "--sector", "S", "--region", "R", "--period", "2025"]
    result = runner.invoke(app, [*args, "--framework", str(framework), "--force"])
    assert result.exit_code == 4, result.output
    assert framework.read_text(encoding="utf-8") == "x: 1\n"


@pytest.mark.parametrize("to", ["xlsform", "paper", "limesurvey", "apps-script"])
def test_form_refuses_to_write_over_its_questionnaire(
    runner: CliRunner, app: typer.Typer, questionnaire: Path, to: str
) -> None:
    before = questionnaire.read_bytes()
    result = runner.invoke(app, ["form", str(questionnaire), "--to", to, "-o", str(questionnaire)])
    assert result.exit_code == 4, result.output
    assert "it is the input file" in result.stderr
    assert questionnaire.read_bytes() == before


# --- concurrent writers and editors ----------------------------------------------------


@pytest.mark.slow
def test_six_concurrent_imports_keep_all_six(tmp_path: Path, questionnaire: Path) -> None:
    csvs = [one_row_csv(tmp_path, n) for n in range(6)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "diamond", "import", str(csv), "--into", str(questionnaire)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for csv in csvs
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else b"") for p in procs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert sorted(i for i in ids(questionnaire) if i.startswith("new-")) == [
        f"new-{n}" for n in range(6)
    ]


def test_an_editor_save_during_an_import_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, questionnaire: Path
) -> None:
    import diamond.survey.importer as importer
    from diamond.survey import ImportOptions, import_responses

    original = importer._plan
    calls: list[int] = []

    def plan_then_editor_saves(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = original(*args, **kwargs)
        if not calls:  # the user saves their edit after diamond read the file
            text = questionnaire.read_text(encoding="utf-8")
            questionnaire.write_text(text.replace("Ankara", "Ankara (edited)"), encoding="utf-8")
        calls.append(1)
        return result

    monkeypatch.setattr(importer, "_plan", plan_then_editor_saves)
    import_responses(str(one_row_csv(tmp_path, 7)), str(questionnaire), ImportOptions())
    assert len(calls) == 2  # applied again to the edited file
    assert "Ankara (edited)" in questionnaire.read_text(encoding="utf-8")
    assert "new-7" in ids(questionnaire)


def test_a_file_that_keeps_changing_stops_with_exit_4(tmp_path: Path) -> None:
    target = tmp_path / "busy.yaml"
    target.write_text("0\n", encoding="utf-8")

    def edit(data: bytes) -> bytes:
        target.write_bytes(data + b"x")  # someone else writes every time
        return b"mine\n"

    with pytest.raises(OutputError, match="kept changing"):
        rewrite(target, edit, 1000)
    assert target.read_bytes() != b"mine\n"


# --- links, modes -------------------------------------------------------------------------


def test_import_through_a_symbolic_link_updates_its_target(
    runner: CliRunner, app: typer.Typer, tmp_path: Path, questionnaire: Path
) -> None:
    questionnaire.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(questionnaire.name)
    result = runner.invoke(app, ["import", str(one_row_csv(tmp_path, 3)), "--into", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "new-3" in ids(questionnaire)
    assert questionnaire.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_hard_linked_questionnaire_is_refused_with_a_reason(
    runner: CliRunner, app: typer.Typer, tmp_path: Path, questionnaire: Path
) -> None:
    other = tmp_path / "same-file.yaml"
    os.link(questionnaire, other)
    before = questionnaire.read_bytes()
    result = runner.invoke(
        app, ["import", str(one_row_csv(tmp_path, 4)), "--into", str(questionnaire)]
    )
    assert result.exit_code == 4, result.output
    assert "hard links" in result.stderr
    assert questionnaire.read_bytes() == before == other.read_bytes()


def test_assess_writes_reports_through_symbolic_links(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    real = tmp_path / "real"
    out.mkdir()
    real.mkdir()
    (real / "report.md").write_text("old\n", encoding="utf-8")
    (out / "eskisehir-ceramics.md").symlink_to(real / "report.md")
    source = ASSESSMENTS / "eskisehir-ceramics.yaml"
    result = runner.invoke(app, ["assess", str(source), "-o", str(out), "-f", "md"])
    assert result.exit_code == 0, result.output
    assert (out / "eskisehir-ceramics.md").is_symlink()
    assert (real / "report.md").read_text(encoding="utf-8").startswith("#")


# --- temporaries --------------------------------------------------------------------------


def test_temporary_names_fit_in_255_bytes() -> None:
    for final in ("ş" * 118 + ".html", "x" * 250, "ğ" * 127 + ".j", "a.md"):
        name = temp_name(final)
        assert len(os.fsencode(name)) <= MAX_NAME_BYTES
        assert is_ours(name)
        name.encode("utf-8")  # cut at a character boundary


def test_a_118_character_turkish_stem_gets_every_report(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    stem = ("şğüıöçŞĞÜİÖÇ" * 10)[:118]  # 236 bytes in UTF-8
    source = tmp_path / f"{stem}.yaml"
    shutil.copy(ASSESSMENTS / "eskisehir-ceramics.yaml", source)
    result = runner.invoke(app, ["assess", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    expected = [f"{stem}.html", f"{stem}.json", f"{stem}.md", f"{stem}-diamond.svg"]
    assert names == sorted(expected)
    assert max(len(os.fsencode(n)) for n in names) + len(".X.diamond-1-0123abcd.tmp") > 255


def test_stale_temporaries_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    dead = 2**22 + 12345  # above the usual pid_max of 4,194,304
    old = time.time() - 3600
    stale = tmp_path / f".r.md.diamond-{dead}-0123abcd.tmp"
    live = tmp_path / f".r.md.diamond-{os.getpid()}-0123abcd.tmp"
    foreign = tmp_path / ".r.md.abcdefgh.tmp"
    fresh_dead = tmp_path / f".r.html.diamond-{dead}-89abcdef.tmp"
    for path in (stale, live, foreign, fresh_dead):
        path.write_text("x", encoding="utf-8")
    for path in (stale, live, foreign):
        os.utime(path, (old, old))
    removed = clean_stale(tmp_path, now=time.time())
    assert removed == [stale.name]
    assert not stale.exists() and live.exists() and foreign.exists() and fresh_dead.exists()
    assert clean_stale(tmp_path, now=time.time() + 2 * 86400)  # a day on, any of ours goes


def test_the_next_run_cleans_up_after_a_killed_one(
    runner: CliRunner, app: typer.Typer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    left = out / f".eskisehir-ceramics.md.diamond-{2**22 + 7}-00ff00ff.tmp"
    left.write_text("half", encoding="utf-8")
    os.utime(left, (time.time() - 600, time.time() - 600))
    source = ASSESSMENTS / "eskisehir-ceramics.yaml"
    result = runner.invoke(app, ["assess", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert not left.exists()


# --- a report set is written whole or not at all ---------------------------------------


@pytest.mark.parametrize("fail_at", [1, 2, 4])
def test_a_full_disk_leaves_the_old_report_set_whole(
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
    app: typer.Typer,
    tmp_path: Path,
    fail_at: int,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = {f"eskisehir-ceramics.{ext}": f"old {ext}\n" for ext in ("md", "svg", "html", "json")}
    for name, text in old.items():
        (out / name).write_text(text, encoding="utf-8")
    real_fdopen = os.fdopen
    opened: list[int] = []

    class FullDisk:
        def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
            self.stream = stream

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(fd)
        stream = real_fdopen(fd, *args, **kwargs)
        return FullDisk(stream) if len(opened) == fail_at else stream

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    source = ASSESSMENTS / "eskisehir-ceramics.yaml"
    result = runner.invoke(app, ["assess", str(source), "-o", str(out)])
    assert result.exit_code == 4, result.output
    assert "No space left" in result.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == old


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=255))
def test_any_final_name_gets_a_short_temporary_name_of_ours(final: str) -> None:
    raw = os.fsencode(final)
    if len(raw) > MAX_NAME_BYTES or "/" in final or "\0" in final:
        return
    name = temp_name(final)
    assert len(os.fsencode(name)) <= MAX_NAME_BYTES
    assert is_ours(name) and "/" not in name
    kept = name[1 : name.rindex(".diamond-")]
    assert kept and final.startswith(kept)  # a prefix, cut at a character boundary
