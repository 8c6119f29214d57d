"""``diamond compare`` of the aviation example, 2015 → 2019, renders as its committed goldens.

A failure means the comparison report changed. If the change is intended, regenerate with
``python -m tests.golden.regenerate_compare`` and review the diff; never edit by hand.
"""

from __future__ import annotations

import pytest
from tests.golden.regenerate_compare import (
    COMPARE_GOLDEN,
    REGENERATE_COMPARE,
    render_compare_golden,
)
from tests.test_golden import _diff


def test_compare_golden_files_are_complete() -> None:
    names = [f.name for f in render_compare_golden()]
    assert names == ["comparison.md", "comparison-lines.svg", "comparison-diamond.svg",
                     "comparison.html", "comparison.json"]
    on_disk = sorted(p.name for p in COMPARE_GOLDEN.iterdir()) if COMPARE_GOLDEN.is_dir() else []
    assert on_disk == sorted(names), f"run '{REGENERATE_COMPARE}'"


@pytest.mark.parametrize("name", ["comparison.md", "comparison-lines.svg",
                                  "comparison-diamond.svg", "comparison.html",
                                  "comparison.json"])
def test_compare_matches_golden(name: str) -> None:
    rendered = {f.name: f.content for f in render_compare_golden()}[name]
    expected = (COMPARE_GOLDEN / name).read_bytes()
    if rendered.encode("utf-8") != expected:
        pytest.fail(f"{name} differs from its golden copy. If the change is intended, run "
                    f"'{REGENERATE_COMPARE}' and review the diff.\n"
                    + _diff(expected.decode("utf-8", "replace"), rendered, name))


def test_golden_comparison_shows_improvements_and_declines() -> None:
    import json

    data = json.loads((COMPARE_GOLDEN / "comparison.json").read_text(encoding="utf-8"))
    summary = data["summary"]
    assert data["mode"] == "period"
    assert [i["label"] for i in data["inputs"]] == ["2015", "2019"]
    assert summary["improved"] and summary["declined"]
    assert summary["rule"]["passed"] is True
