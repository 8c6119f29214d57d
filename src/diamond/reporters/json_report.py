"""The machine format: one JSON document, stable keys, documented in the README."""

from __future__ import annotations

from typing import Any

from diamond.safetext import json_text
from diamond.validation import ValidationReport

FORMAT = 1


def report_dict(report: ValidationReport) -> dict[str, Any]:
    """The report as plain data."""
    files = [
        {
            "path": f.path,
            "kind": f.kind,
            "valid": f.valid,
            "errors": f.errors,
            "warnings": f.warnings,
            "diagnostics": [
                {
                    "path": d.path,
                    "line": d.line,
                    "column": d.column,
                    "severity": d.severity,
                    "code": d.code,
                    "message": d.message,
                    "hint": d.hint,
                }
                for d in f.diagnostics
            ],
        }
        for f in report.files
    ]
    valid = sum(1 for f in report.files if f.valid)
    return {
        "format": FORMAT,
        "valid": report.valid,
        "summary": {
            "files": len(report.files),
            "valid": valid,
            "invalid": len(report.files) - valid,
            "errors": sum(f.errors for f in report.files),
            "warnings": sum(f.warnings for f in report.files),
        },
        "files": files,
    }


def render_json(report: ValidationReport, colour: bool = False) -> str:
    """The report as indented JSON (``colour`` is ignored: machine output is never coloured)."""
    return json_text(report_dict(report), indent=2) + "\n"
