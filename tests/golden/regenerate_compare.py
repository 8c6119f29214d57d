"""Golden outputs of ``diamond compare`` and ``diamond portfolio``, and how to rewrite them.

Run from the repository's root::

    python -m tests.golden.regenerate_compare

It renders, with the same functions the commands use (``diamond.compare.compare`` and
``render_comparison``; ``diamond.portfolio.run_portfolio`` and ``render_portfolio``):

* ``tests/golden/compare/eskisehir-aviation-2015-2019/``: ``comparison.md``,
  ``comparison-lines.svg``, ``comparison-diamond.svg``, ``comparison.html`` and
  ``comparison.json`` for ``diamond compare assessments/eskisehir-aviation.yaml
  assessments/eskisehir-aviation-2019.yaml`` (method mean, the first file's language);
* ``tests/golden/portfolio/assessments/``: ``portfolio.md``, ``portfolio.html`` and
  ``portfolio.json`` for ``diamond portfolio assessments`` (method mean, one process).
  The clusters' own reports are not kept here: they are the examples' goldens
  (``python -m tests.golden.regenerate``).

Files are written atomically and files the renderers no longer produce are removed.
``tests/unit/test_compare_golden.py`` and ``tests/unit/test_portfolio_golden.py`` compare
them byte for byte. Review the diff before committing it; never edit a golden by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

from diamond.compare import compare, render_comparison
from diamond.io.atomic import write_atomic
from diamond.loader import load_questionnaire, require_valid
from diamond.portfolio import render_portfolio, run_portfolio
from diamond.render.report import RenderedFile
from diamond.scoring import assess
from tests.golden import ASSESSMENTS, GOLDEN, ROOT

REGENERATE_COMPARE = "python -m tests.golden.regenerate_compare"
#: The compared files as the command line names them, from the repository's root.
COMPARE_INPUTS = ("assessments/eskisehir-aviation.yaml", "assessments/eskisehir-aviation-2019.yaml")
COMPARE_GOLDEN = GOLDEN / "compare" / "eskisehir-aviation-2015-2019"
PORTFOLIO_GOLDEN = GOLDEN / "portfolio" / "assessments"
SUFFIXES = {".md", ".svg", ".html", ".json"}


def render_compare_golden() -> list[RenderedFile]:
    """Every file of the 2015 → 2019 comparison, exactly as the goldens hold them."""
    pairs = [require_valid(load_questionnaire(str(ROOT / p))) for p in COMPARE_INPUTS]
    lang = pairs[0][0].sector.language
    assessments = [assess(q, c, "mean", lang=lang) for q, c in pairs]
    return render_comparison(compare(assessments, list(COMPARE_INPUTS)), ["md", "html", "json"])


def render_portfolio_golden() -> list[RenderedFile]:
    """The portfolio files of ``assessments/``, exactly as the goldens hold them."""
    return render_portfolio(run_portfolio(ASSESSMENTS, method="mean", jobs=1))


def _write(folder: Path, files: list[RenderedFile]) -> list[str]:
    written = []
    for rendered in files:
        target = folder / rendered.name
        write_atomic(target, rendered.content)
        written.append(target.relative_to(ROOT).as_posix())
    names = {f.name for f in files}
    for stale in sorted(folder.iterdir()):
        if stale.is_file() and stale.suffix in SUFFIXES and stale.name not in names:
            stale.unlink()
    return written


def regenerate() -> list[str]:
    """Rewrite both golden folders; the paths written, relative to the repository."""
    return _write(COMPARE_GOLDEN, render_compare_golden()) + _write(
        PORTFOLIO_GOLDEN, render_portfolio_golden())


def main() -> int:
    """Regenerate and list what was written."""
    for name in regenerate():
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
