"""GitHub Actions workflow commands (``::error file=…::``) followed by the full text log."""

from __future__ import annotations

import hashlib

from diamond.reporters.text import printable, render_text
from diamond.validation import ValidationReport


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ValidationReport, colour: bool = False) -> str:
    """One annotation per finding, then the text log (never coloured)."""
    lines = []
    for file in report.files:
        for d in file.diagnostics:
            level = "error" if d.severity == "error" or file.strict else "warning"
            hint = f"; {d.hint}" if d.hint else ""
            lines.append(
                f"::{level} file={_escape_property(printable(d.path))},"
                f"line={d.line},col={d.column},"
                f"title={_escape_property('diamond ' + d.code)}::"
                f"{_escape_data(printable(d.message + hint))}"
            )
    log = render_text(report, colour=False)
    # The log repeats text from the files; GitHub must not run any of it as a command.
    # The token depends on the log itself, so no file can contain it in advance.
    token = "diamond-" + hashlib.sha256(log.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    head = "\n".join(lines) + ("\n" if lines else "")
    return f"{head}::stop-commands::{token}\n{log}::{token}::\n"
