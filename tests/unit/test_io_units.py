"""Units behind the write and read rules: the guard, capped findings, the import read-back."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from diamond.documents import MAX_PER_CODE, cap_diagnostics
from diamond.errors import Diagnostic, InputError, OutputError, TemplateError
from diamond.io.guard import refuse_inputs
from diamond.io.read import read_regular
from diamond.io.staging import StagedSet
from diamond.limits import Limits
from diamond.survey.readback import read_back
from diamond.survey.splice import Region


def test_the_guard_sees_through_dots_symbolic_and_hard_links(tmp_path: Path) -> None:
    source = tmp_path / "q.yaml"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "sym.yaml").symlink_to(source)
    os.link(source, tmp_path / "hard.yaml")
    for target in ("q.yaml", "sub/../q.yaml", "sym.yaml", "hard.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(OutputError, match="input file"):
            refuse_inputs([tmp_path / target], [source])
    refuse_inputs([tmp_path / "other.yaml"], [source, "-"])  # no error


def test_read_regular_names_what_it_refuses(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_regular(str(tmp_path / "missing.yaml"), 10)
    with pytest.raises(InputError, match="is a folder"):
        read_regular(str(tmp_path), 10)
    with pytest.raises(InputError, match="is a device"):
        read_regular("/dev/null", 10)


def test_positioned_findings_are_capped_per_file_and_code() -> None:
    many = [Diagnostic("a.csv", 1, n, "warning", "unmapped-column", f"c{n}") for n in range(500)]
    other = [Diagnostic("a.csv", 2, 1, "error", "bad-cell", "x")]
    kept = cap_diagnostics(many + other)
    assert len(kept) == MAX_PER_CODE + 2
    assert kept[MAX_PER_CODE].message.startswith("300 more 'unmapped-column'")
    assert kept[-1] == other[0]


BEFORE = {"diamond": 1, "respondents": [{"id": "a", "answers": {}}]}


def test_read_back_joins_the_new_lines_to_the_old_data() -> None:
    text = "respondents:\n  - id: a\n    answers: {}\n  - id: b\n    answers: {}\n"
    start = text.index("  - id: b")
    data = read_back(
        text, [Region(start, len(text), ("b",))], BEFORE, "q", Limits(), replaced=False
    )
    assert data == {**BEFORE, "respondents": [*BEFORE["respondents"], {"id": "b", "answers": {}}]}


@pytest.mark.parametrize(
    "region_text",
    [
        "  - id: c\n    answers: {}\n",  # not the id it was written for
        "  - id: b\n  answers: {}\n",  # wrong indentation: two keys for one item
        "  - id: b\n    answers: {}\n  - id: b2\n",  # more items than written
        "  - [b]\n",  # not a mapping
    ],
)
def test_read_back_falls_back_when_the_lines_read_otherwise(region_text: str) -> None:
    text = "respondents:\n  - id: a\n" + region_text
    region = Region(len(text) - len(region_text), len(text), ("b",))
    assert read_back(text, [region], BEFORE, "q", Limits(), replaced=False) is None


def test_read_back_is_not_used_when_respondents_were_replaced() -> None:
    assert read_back("", [], BEFORE, "q", Limits(), replaced=True) is None
    assert read_back("", None, BEFORE, "q", Limits(), replaced=False) is None


def test_a_staged_set_renames_nothing_until_commit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "out").mkdir()
    (out / "b.txt").write_text("old\n", encoding="utf-8")
    staged = StagedSet([tmp_path / "q.yaml"])
    staged.add(out / "b.txt", "new b\n", (1, 0))
    staged.add(out / "a.txt", b"new a\n", (0, 0))
    assert (out / "b.txt").read_text(encoding="utf-8") == "old\n"
    assert not (out / "a.txt").exists() and len(staged) == 2
    assert staged.commit() == [out / "a.txt", out / "b.txt"]  # in their order, not staging's
    assert (out / "b.txt").read_text(encoding="utf-8") == "new b\n"
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def test_a_staged_set_left_by_an_error_removes_its_temporaries(tmp_path: Path) -> None:
    source = tmp_path / "q.yaml"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="input file"), StagedSet([source]) as staged:
        staged.add(tmp_path / "report.md", "text\n")
        staged.add(tmp_path / "q.yaml", "over the input\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.yaml"]
    assert source.read_text(encoding="utf-8") == "x"


def test_text_in_pieces_is_staged_as_the_same_bytes(tmp_path: Path) -> None:
    pieces = ["İzmir–Bilecik ", "çğüşö\n"] * 40_000  # over several write chunks
    staged = StagedSet()
    staged.add(tmp_path / "whole.txt", "".join(pieces))
    staged.add(tmp_path / "pieces.txt", iter(pieces))
    staged.add(tmp_path / "empty.txt", iter([]))
    staged.commit()
    assert (tmp_path / "pieces.txt").read_bytes() == (tmp_path / "whole.txt").read_bytes()
    assert (tmp_path / "empty.txt").read_bytes() == b""


def test_pieces_that_fail_midway_leave_no_temporary(tmp_path: Path) -> None:
    def pieces() -> Iterator[str]:
        yield "x" * 100_000  # written already
        raise TemplateError("page.html.j2, line 3: broken")

    with pytest.raises(TemplateError, match="line 3"), StagedSet() as staged:
        staged.add(tmp_path / "a.txt", "a\n")
        staged.add(tmp_path / "page.html", pieces())
    assert list(tmp_path.iterdir()) == []


def test_a_staged_temporary_travels_as_a_folder_and_names(tmp_path: Path) -> None:
    import pickle

    from diamond.io.atomic import commit, stage

    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    plain = stage(tmp_path / "a.md", "A")
    through = stage(link, "B")
    assert plain.shown == plain.final == tmp_path / "a.md" and plain.given is None
    assert through.shown == link and through.final == real
    assert plain.temp.parent == tmp_path and plain.temp.exists()
    back = [pickle.loads(pickle.dumps(s)) for s in (plain, through)]
    assert back == [plain, through]
    shared = [s.sharing() for s in back]
    assert shared[0].folder is shared[1].folder
    commit(shared)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A"
    assert real.read_text(encoding="utf-8") == "B" and link.is_symlink()
    assert not plain.temp.exists() and not through.temp.exists()


def _record_disk_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Log fsync, syncfs and rename calls, in order, as they happen."""
    from diamond.io import flush

    calls: list[str] = []
    real_fsync, real_replace, real_syncfs = os.fsync, os.replace, flush._syncfs

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        calls.append("rename")
        real_replace(source, target)

    def syncfs() -> object:
        found = real_syncfs()
        if found is None:
            return None

        def counted(fd: int) -> int:
            calls.append("syncfs")
            return found(fd)
        return counted

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(flush, "_syncfs", syncfs)
    return calls


def test_a_flushed_set_syncs_everything_before_the_first_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """flush_first: no sync per file as it is staged, one flush, then the renames."""
    calls = _record_disk_calls(monkeypatch)
    with StagedSet(flush_first=True) as staged:
        for k in range(5):
            staged.add(tmp_path / "out" / f"r{k}.md", f"report {k}\n")
        assert calls == []  # staged, not synced
        written = staged.commit()
    first_rename = calls.index("rename")
    syncs = calls[:first_rename]
    if sys.platform.startswith("linux"):
        assert syncs == ["syncfs"]  # one file system, one call
    else:
        assert syncs == ["fsync"] * 5
    assert calls[first_rename:first_rename + 5] == ["rename"] * 5
    assert [p.read_text(encoding="utf-8") for p in written] == [
        f"report {k}\n" for k in range(5)]


@pytest.mark.parametrize("syncfs", [None, -1], ids=["no syncfs", "syncfs fails"])
def test_without_a_working_syncfs_each_temporary_is_synced_before_the_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: int | None
) -> None:
    from diamond.io import flush

    calls = _record_disk_calls(monkeypatch)
    monkeypatch.setattr(flush, "_syncfs", lambda: None if syncfs is None else lambda _fd: syncfs)
    with StagedSet(flush_first=True) as staged:
        for k in range(3):
            staged.add(tmp_path / f"r{k}.md", "x")
        staged.commit()
    assert calls[:6] == ["fsync"] * 3 + ["rename"] * 3


def test_a_flush_that_fails_renames_nothing_and_removes_the_temporaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diamond.io import staging

    def broken(_staged: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(staging, "flush", broken)
    with pytest.raises(OutputError, match="Input/output error"), \
            StagedSet(flush_first=True) as staged:
        staged.add(tmp_path / "r.md", "x")
        staged.commit()
    assert list(tmp_path.iterdir()) == []


def test_a_plain_set_still_syncs_each_file_as_it_is_staged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_disk_calls(monkeypatch)
    with StagedSet() as staged:
        staged.add(tmp_path / "a.md", "x")
        assert calls == ["fsync"]
        staged.commit()
    assert calls[:2] == ["fsync", "rename"]


@pytest.mark.parametrize("arrival", ["in order", "out of order"])
def test_a_large_staged_set_keeps_its_names_on_disk_and_renames_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arrival: str
) -> None:
    """Past ``BUFFER`` temporaries the set writes their names away, a block at a time,
    and reads them back for the flush and the renames: same files, same order."""
    from diamond.io import staging
    from diamond.io.atomic import stage

    monkeypatch.setattr(staging, "BUFFER", 3)
    out = tmp_path / "out"
    orders = list(range(10)) if arrival == "in order" else [4, 9, 0, 7, 2, 5, 8, 1, 6, 3]
    with StagedSet(flush_first=True) as staged:
        for k in orders:  # adopted as a worker's would be, two files each
            staged.adopt([stage(out / f"r{k}.md", f"report {k}\n", synced=False),
                          stage(out / f"r{k}.svg", f"chart {k}\n", synced=False)], k)
        staged.add(out / "page.md", "page\n", (1 << 62, 0))
        assert len(staged) == 21 and len(staged._buffer) < 3  # the rest on disk
        written = staged.commit()
    assert written == [out / f"r{k}.{ext}" for k in range(10) for ext in ("md", "svg")] + [
        out / "page.md"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert (out / "r7.svg").read_text(encoding="utf-8") == "chart 7\n"


def test_a_large_staged_set_left_by_an_error_removes_every_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diamond.io import staging

    monkeypatch.setattr(staging, "BUFFER", 2)
    with pytest.raises(RuntimeError), StagedSet() as staged:
        for k in range(7):
            staged.add(tmp_path / f"r{k}.md", "x")
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_rename_in_a_large_set_names_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diamond.io import staging

    monkeypatch.setattr(staging, "BUFFER", 2)
    real_replace = os.replace

    def replace(source: str, target: str) -> None:
        if target.endswith("r3.md"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    with StagedSet() as staged:
        for k in range(6):
            staged.add(tmp_path / f"r{k}.md", "x")
        monkeypatch.setattr(os, "replace", replace)
        with pytest.raises(OutputError, match=r"r3\.md: No space left on device \(already "
                                              r"replaced: .*r0\.md, .*r1\.md, .*r2\.md\)"):
            staged.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r0.md", "r1.md", "r2.md"]
