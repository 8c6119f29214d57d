"""What a portfolio's worker processes share, loaded once in the forkserver they fork from.

``diamond.pool`` starts workers from a forkserver that imports this module: numpy, the
scoring, statistics and rendering modules an assessment loads on first use, and the
built-in report templates compiled in both languages with their labels. Every worker
then starts with them instead of loading them again (about a quarter of a second each).
Nothing here may fail the server: whatever cannot be loaded now is loaded, and its error
reported, by the worker that needs it.
"""

from __future__ import annotations

import contextlib
import importlib

#: Modules an assessment and its reports import lazily, on first use.
MODULES = (
    "numpy",
    "diamond.portfolio.run",
    "diamond.scoring.uncertainty",
    "diamond.scoring.sensitivity",
    "diamond.scoring.design",
    "diamond.stats.agreement",
    "diamond.stats.bootstrap",
    "diamond.stats.composite",
    "diamond.stats.reliability",
    "diamond.stats.icc",
    "diamond.render.context",
)
#: The built-in templates a cluster's report renders.
TEMPLATES = ("report.md.j2", "report.html.j2")


def warm() -> None:
    """Import ``MODULES`` and compile the built-in report templates in each language."""
    for name in MODULES:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):
        from diamond.models.text import LANGUAGES
        from diamond.render.job import report_environment
        from diamond.render.labels import load_labels

        for lang in LANGUAGES:
            env = report_environment(None, lang)
            for template in TEMPLATES:
                env.get_template(template)
            load_labels(lang, None)
            load_labels(lang, None, "labels-deliverable.yaml")


warm()
