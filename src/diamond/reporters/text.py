"""The human format: ``path:line:col: error: message``, one a line, then a summary."""

from __future__ import annotations

from diamond.errors import Diagnostic
from diamond.i18n import ngettext
from diamond.safetext import visible as printable
from diamond.validation import ValidationReport

__all__ = ["diagnostic_line", "printable", "render_text", "summary_line"]

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "ok": "\x1b[32m", "dim": "\x1b[2m"}
_RESET = "\x1b[0m"


def _paint(text: str, colour: str, enabled: bool) -> str:
    return f"{_COLOURS[colour]}{text}{_RESET}" if enabled else text


def diagnostic_line(d: Diagnostic, colour: bool = False, severity: str | None = None) -> str:
    """One finding as ``path:line:col: severity: message (hint) [code]``."""
    level = severity or d.severity
    hint = f"; {printable(d.hint)}" if d.hint else ""
    tag = _paint(f"[{d.code}]", "dim", colour)
    where = f"{printable(d.path)}:{d.line}:{d.column}"
    return f"{where}: {_paint(level, level, colour)}: {printable(d.message)}{hint} {tag}"


def summary_line(report: ValidationReport) -> str:
    """``N files checked: V valid, I invalid (E errors, W warnings)``."""
    files = len(report.files)
    valid = sum(1 for f in report.files if f.valid)
    errors = sum(f.errors for f in report.files)
    warnings = sum(f.warnings for f in report.files)
    counts = (
        ngettext("{count} error", "{count} errors", errors).format(count=errors)
        + ", "
        + ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    )
    return ngettext(
        "{files} file checked: {valid} valid, {invalid} invalid ({counts})",
        "{files} files checked: {valid} valid, {invalid} invalid ({counts})",
        files,
    ).format(files=files, valid=valid, invalid=files - valid, counts=counts)


def render_text(report: ValidationReport, colour: bool = False) -> str:
    """Every finding of every file, then the summary line."""
    lines = []
    for file in report.files:
        for d in file.diagnostics:
            shown = "error" if file.strict and d.severity == "warning" else d.severity
            lines.append(diagnostic_line(d, colour, shown))
    summary = summary_line(report)
    lines.append(_paint(summary, "ok" if report.valid else "error", colour))
    return "\n".join(lines) + "\n"
