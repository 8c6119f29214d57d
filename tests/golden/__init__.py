"""Golden reports: the rendered output of every questionnaire in ``assessments/``.

``tests/golden/<stem>/`` holds ``<stem>.md``, ``<stem>-diamond.svg``,
``<stem>.html`` and ``<stem>.json`` as ``diamond`` renders them (default
method, no date, the questionnaire's own language). ``tests/test_golden.py``
compares them byte for byte. After an intended change to the reports,
regenerate them with::

    python -m tests.golden.regenerate

and review the diff. Never edit a golden file by hand.
"""

from __future__ import annotations

from pathlib import Path

from diamond.loader import load_questionnaire, require_valid
from diamond.render.report import TEXT_FORMATS, RenderedFile, render_reports
from diamond.scoring import assess

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parent.parent
ASSESSMENTS = ROOT / "assessments"
REGENERATE = "python -m tests.golden.regenerate"


def examples() -> list[Path]:
    """The shipped example questionnaires, in name order."""
    return sorted(ASSESSMENTS.glob("*.yaml"))


def render_example(path: Path) -> list[RenderedFile]:
    """Every report file of one example, exactly as the goldens hold them."""
    questionnaire, catalogue = require_valid(load_questionnaire(str(path)))
    assessment = assess(questionnaire, catalogue, "mean", lang=None, date=None)
    return render_reports(assessment, TEXT_FORMATS, stem=path.stem)
