"""A long table printed a block of rows at a time is, byte for byte, the table rich prints."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diamond.cli import console, long_table, plain_table

#: One-cell characters, wide ones, a combining accent, a soft hyphen, an emoji.
ALPHABET = "aZ09 .,()/-–—−’·İığşçöüÇŞĞ" + "漢字\u0301👍\u00ad"
TEXT = st.text(ALPHABET, max_size=40)
#: Words of one-cell characters: the common case (cluster names, numbers, file names).
WORDS = st.lists(st.text("aZ09.,()/-–—’·İığşçÇ%", min_size=1, max_size=14), max_size=6).map(
    " ".join)


def printed(title: str, columns: list[tuple[str, str]], rows: list[list[str]], width: int,
            long: bool, monkeypatch: pytest.MonkeyPatch) -> str:
    """What ``console.print_table`` writes without colour, ``width`` wide, through rich
    whole (``long`` False) or a block of rows at a time."""
    monkeypatch.setattr(plain_table, "rich_width", lambda _environ: None)
    monkeypatch.setattr(console, "LONG_TABLE", 0 if long else 1 << 30)
    monkeypatch.setattr(long_table, "BLOCK", 2)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("LINES", raising=False)
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    console.print_table(title, columns, [(r, False) for r in rows], False)  # type: ignore[arg-type]
    monkeypatch.undo()
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    text=st.sampled_from([TEXT, WORDS, WORDS]),
    data=st.data(),
    width=st.integers(20, 140),
)
def test_a_long_table_is_what_rich_prints(
    text: st.SearchStrategy[str], data: st.DataObject, width: int
) -> None:
    title = data.draw(text.filter(bool))
    columns = data.draw(st.lists(st.tuples(text, st.sampled_from(["left", "right"])),
                                 min_size=1, max_size=6))
    rows = data.draw(st.lists(st.lists(text, min_size=len(columns), max_size=len(columns)),
                              max_size=9))
    with pytest.MonkeyPatch.context() as monkeypatch:
        whole = printed(title, columns, rows, width, False, monkeypatch)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert printed(title, columns, rows, width, True, monkeypatch) == whole


def test_a_portfolio_sized_table_takes_the_block_path_and_matches_rich(
        monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["Savunma ve Havacılık — Konya", "Yazılım ve Bilişim — Eskişehir–Bilecik–Kütahya",
             "Seramik — Manisa", "Gıda İşleme — İzmir", "漢字 — 👍 cluster"]
    rows = [[str(k + 1), names[k % len(names)], f"20{10 + k % 15}-0{1 + k % 9}",
             f"{40 + k % 30}.{k % 10}", ["weak", "moderate", "strong"][k % 3], f"q-{k:04d}.yaml"]
            for k in range(600)]
    columns = [("rank", "right"), ("cluster", "left"), ("period", "left"),
               ("overall", "right"), ("band", "left"), ("file", "left")]
    calls: list[int] = []
    real = long_table.print_long_table

    def counted(*args: object, **kwargs: object) -> bool:
        done = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(done)
        return done

    with pytest.MonkeyPatch.context() as patch:
        whole = printed("portfolio", columns, rows, 80, False, patch)
    monkeypatch.setattr(long_table, "print_long_table", counted)
    monkeypatch.setattr(plain_table, "rich_width", lambda _environ: None)
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    console.print_table("portfolio", columns, [(r, False) for r in rows], False)  # type: ignore[arg-type]
    monkeypatch.undo()
    assert calls == [True]
    assert out.getvalue() == whole
    assert "Eskişehir–Bilecik–Kütah…" in whole  # rich truncated a long word


def test_colour_keeps_rich_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "LONG_TABLE", 0)
    monkeypatch.setattr(long_table, "print_long_table",
                        lambda *a, **k: pytest.fail("colour must not take the block path"))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    console.print_table("t", [("a", "left")], [(["x"], True)], True)
    monkeypatch.undo()
    assert "x" in out.getvalue()


class Reread:
    """Rows that can only be iterated (no indexing), counting how often they are read."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = rows
        self.reads = 0

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.reads += 1
        return ((list(r), False) for r in self.rows)  # fresh lists: nothing kept by identity


def test_rows_read_twice_never_held_give_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long table's rows are read once for the widths and once to print (so a portfolio
    can make them from disk each time), and the text is the one a list gives."""
    names = ["Savunma ve Havacılık — Konya", "Yazılım ve Bilişim — Eskişehir–Bilecik–Kütahya",
             "Seramik — Manisa", "漢字 — 👍 cluster"]
    rows = [[str(k + 1), names[k % len(names)], f"{40 + k % 30}.{k % 10}", f"q-{k:04d}.yaml"]
            for k in range(300)]
    rows[157][1] = "the widest cluster name of them all, by a long way — somewhere"
    columns = [("rank", "right"), ("cluster", "left"), ("overall", "right"), ("file", "left")]
    outputs = []
    for given_rows in ([(r, False) for r in rows], Reread(rows)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(plain_table, "rich_width", lambda _environ: None)
            patch.setattr(console, "LONG_TABLE", 0)
            patch.setattr(long_table, "BLOCK", 7)
            patch.setenv("COLUMNS", "100")
            patch.delenv("LINES", raising=False)
            out = io.StringIO()
            patch.setattr("sys.stdout", out)
            console.print_table("portfolio", columns, given_rows, False)  # type: ignore[arg-type]
        outputs.append(out.getvalue())
        if isinstance(given_rows, Reread):
            assert given_rows.reads == 2
    assert outputs[0] == outputs[1]
    assert "the widest cluster name" in outputs[0] and outputs[0].count("\n") > 300


def test_a_row_of_the_wrong_length_writes_nothing() -> None:
    from rich.console import Console

    rows = Reread([["a", "b"]] * 5 + [["c"]])
    written: list[str] = []
    done = long_table.print_long_table(
        Console(file=io.StringIO(), width=80, color_system=None), lambda _t: "", "t",
        [("x", "left"), ("y", "left")], [cells for cells, _ in rows], written.append)
    assert done is False and written == []
