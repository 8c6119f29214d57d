"""Output formats for ``diamond validate``, picked by name from ``REPORTERS``.

Each reporter turns a ``ValidationReport`` into text for standard output.
"""

from __future__ import annotations

from collections.abc import Callable

from diamond.reporters.github import render_github
from diamond.reporters.json_report import render_json
from diamond.reporters.text import render_text
from diamond.validation import ValidationReport

Reporter = Callable[[ValidationReport, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}
