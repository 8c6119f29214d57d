"""The shipped examples render byte for byte as the committed golden reports.

A failure here means the reports changed. If the change is intended, regenerate the
goldens with ``python -m tests.golden.regenerate`` and review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.golden import GOLDEN, REGENERATE, examples, render_example


def _diff(expected: str, actual: str, name: str, limit: int = 40) -> str:
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        f"golden/{name}", f"rendered/{name}", n=1,
    ))
    shown = "".join(lines[:limit])
    return shown + (f"... ({len(lines) - limit} more diff lines)\n" if len(lines) > limit else "")


def test_every_example_has_goldens() -> None:
    stems = {p.stem for p in examples()}
    assert stems, "no example questionnaires in assessments/"
    folders = {
        p.name
        for p in GOLDEN.iterdir()
        if p.is_dir() and p.name not in {"__pycache__", "compare", "portfolio"}
    }
    assert folders == stems, (
        f"golden folders {sorted(folders)} do not match the examples {sorted(stems)}; "
        f"run '{REGENERATE}'"
    )


@pytest.mark.parametrize("example", examples(), ids=lambda p: p.stem)
def test_example_matches_golden(example: Path) -> None:
    folder = GOLDEN / example.stem
    rendered = render_example(example)
    names = [f.name for f in rendered]
    assert names == [
        f"{example.stem}.md", f"{example.stem}-diamond.svg",
        f"{example.stem}.html", f"{example.stem}.json",
    ]
    on_disk = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    assert on_disk == sorted(names), (
        f"tests/golden/{example.stem}/ holds {on_disk}, the renderer writes {sorted(names)}; "
        f"run '{REGENERATE}'"
    )
    for f in rendered:
        expected = (folder / f.name).read_bytes()
        actual = f.content.encode("utf-8")
        if actual != expected:
            pytest.fail(
                f"{f.name} differs from its golden copy. If the change is intended, run "
                f"'{REGENERATE}' and review the diff.\n"
                + _diff(expected.decode("utf-8", "replace"), f.content, f.name)
            )
