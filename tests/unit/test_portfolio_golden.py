"""``diamond portfolio assessments/`` renders as its committed goldens.

A failure means the portfolio changed. If the change is intended, regenerate with
``python -m tests.golden.regenerate_compare`` and review the diff; never edit by hand.
The clusters' own reports are checked by ``tests/test_golden.py``.
"""

from __future__ import annotations

import pytest
from tests.golden import examples
from tests.golden.regenerate_compare import (
    PORTFOLIO_GOLDEN,
    REGENERATE_COMPARE,
    render_portfolio_golden,
)
from tests.test_golden import _diff

from diamond.render.report import RenderedFile

NAMES = ["portfolio.md", "portfolio.html", "portfolio.json"]


@pytest.fixture(scope="module")
def rendered() -> list[RenderedFile]:
    return render_portfolio_golden()


def test_portfolio_golden_files_are_complete(rendered: list[RenderedFile]) -> None:
    assert [f.name for f in rendered] == NAMES
    folder = PORTFOLIO_GOLDEN
    on_disk = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    assert on_disk == sorted(NAMES), f"run '{REGENERATE_COMPARE}'"


@pytest.mark.parametrize("name", NAMES)
def test_portfolio_matches_golden(rendered: list[RenderedFile], name: str) -> None:
    content = {f.name: f.content for f in rendered}[name]
    expected = (PORTFOLIO_GOLDEN / name).read_bytes()
    if content.encode("utf-8") != expected:
        pytest.fail(f"{name} differs from its golden copy. If the change is intended, run "
                    f"'{REGENERATE_COMPARE}' and review the diff.\n"
                    + _diff(expected.decode("utf-8", "replace"), content, name))


def test_golden_portfolio_lists_every_example(rendered: list[RenderedFile]) -> None:
    md = rendered[0].content
    for example in examples():
        assert f"(clusters/{example.stem}.md)" in md
        assert f"(clusters/{example.stem}.html)" in md
