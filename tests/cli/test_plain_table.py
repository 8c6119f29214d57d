"""The summary table drawn without rich is, byte for byte, the table rich draws."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diamond.cli import console, plain_table
from diamond.cli.plain_table import _EXTRA, rich_width
from diamond.cli.plain_table import plain_table as draw

#: Some one-cell characters and some that are not (wide, combining, emoji).
ALPHABET = "aZ09 .,()/-–—−’·İığşçöüÇŞĞ" + "漢字\u0301👍\u00ad"
TEXT = st.text(ALPHABET, max_size=24)
#: Texts the plain table takes: one-cell words separated by single spaces.
WORDS = st.lists(st.text("aZ09.,()/-–—’·İığşçÇ%", min_size=1, max_size=9), max_size=4).map(
    " ".join)


def with_rich(title: str, columns: list[tuple[str, str]], rows: list[list[str]],
              width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """What ``console.print_table`` writes through rich, without colour, ``width`` wide."""
    monkeypatch.setattr(plain_table, "rich_width", lambda _environ: None)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.delenv("LINES", raising=False)
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    console.print_table(title, columns, [(r, k == len(rows) - 1) for k, r in enumerate(rows)],
                        False)
    monkeypatch.undo()
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    text=st.sampled_from([TEXT, WORDS, WORDS]),  # WORDS twice: most tables take the plain path
    data=st.data(),
    width=st.integers(20, 140),
)
def test_the_plain_table_is_what_rich_prints(
    text: st.SearchStrategy[str], data: st.DataObject, width: int
) -> None:
    title = data.draw(text.filter(bool))
    columns = data.draw(st.lists(st.tuples(text, st.sampled_from(["left", "right"])),
                                 min_size=1, max_size=5))
    rows = data.draw(st.lists(st.lists(text, min_size=len(columns), max_size=len(columns)),
                              max_size=6))
    plain = draw(title, columns, rows, width)  # type: ignore[arg-type]
    if plain is not None:
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert plain == with_rich(title, columns, rows, width, monkeypatch)
    COMPARED.append(plain is not None)


COMPARED: list[bool] = []


def test_the_property_compared_many_tables() -> None:
    if COMPARED:  # run after the property in this module (pytest keeps file order)
        assert sum(COMPARED) >= 50, f"only {sum(COMPARED)} of {len(COMPARED)} compared"


def test_a_summary_takes_the_plain_path_and_matches_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Medikal Cihaz — Konya (2013-04)"
    columns = [("dimension", "left"), ("score", "right"), ("band", "left"),
               ("coverage", "right")]
    rows = [["Faktör (Girdi) Koşulları (factor)", "56.1", "moderate", "11/11"],
            ["İlgili Destekleyici Kuruluşlar (related)", "71.3", "strong", "4/4"],
            ["overall", "60.3", "strong", ""]]
    plain = draw(title, columns, rows, 80)  # type: ignore[arg-type]
    assert plain is not None
    assert plain == with_rich(title, columns, rows, 80, monkeypatch)
    assert draw(title, columns, rows, 40) is None  # it would wrap: rich draws it
    assert draw(title + " 漢字", columns, rows, 80) is None  # wide characters: rich


def test_every_character_taken_as_one_cell_is_one_cell_for_rich() -> None:
    from rich.cells import cell_len

    chars = [chr(c) for c in range(0x20, 0x7F)] + [chr(c) for c in range(0xC0, 0x250)]
    assert all(cell_len(c) == 1 for c in chars + sorted(_EXTRA))


def test_the_width_is_known_only_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.isatty", lambda fd: False)
    assert rich_width({}) == 80
    assert rich_width({"COLUMNS": "132"}) == 132
    assert rich_width({"COLUMNS": "١٢"}) is None
    assert rich_width({"TERM": "dumb"}) is None
    monkeypatch.setattr("os.isatty", lambda fd: fd == 0)
    assert rich_width({}) is None


def test_rows_that_can_only_be_iterated_give_the_same_table() -> None:
    """``plain_table`` reads its rows twice (widths, then lines) and never indexes them."""

    class Reread:
        def __init__(self, rows: list[list[str]]) -> None:
            self.rows, self.reads = rows, 0

        def __len__(self) -> int:
            return len(self.rows)

        def __iter__(self):  # type: ignore[no-untyped-def]
            self.reads += 1
            return (list(r) for r in self.rows)

    rows = [[str(k), f"cluster {k % 7} — region", f"{k % 90}.5"] for k in range(50)]
    columns = [("rank", "right"), ("cluster", "left"), ("overall", "right")]
    given_rows = Reread(rows)
    text = draw("portfolio", columns, given_rows, 80)  # type: ignore[arg-type]
    assert text is not None and text == draw("portfolio", columns, rows, 80)  # type: ignore[arg-type]
    assert given_rows.reads == 2
    assert draw("portfolio", columns, [*rows, ["1", "x"]], 80) is None  # type: ignore[arg-type]
