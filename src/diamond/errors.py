"""One error hierarchy for the whole tool, and the diagnostic record.

The CLI maps each ``DiamondError`` subclass to an exit code in one place
(``diamond.cli.exit_codes``); the core never exits or prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about one file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order findings by position, so output is stable."""
        return (self.path, self.line, self.column, self.code, self.message)


class DiamondError(Exception):
    """Base of every error the tool reports to a user."""


class UsageError(DiamondError):
    """The command was called wrongly (bad option value, missing path)."""


class InputError(DiamondError):
    """An input file could not be read (missing, unreadable, not a file)."""


@dataclass
class InvalidFileError(DiamondError):
    """A file was read but is not valid; carries every finding about it."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:
        errors = [d for d in self.diagnostics if d.severity == "error"]
        from diamond.i18n import _

        return _("{path}: {count} error(s)").format(path=self.path, count=len(errors))


class FrameworkError(DiamondError):
    """A framework named by id does not exist."""


class TemplateError(DiamondError):
    """A report template failed to load or render."""


class OutputError(DiamondError):
    """A report could not be written."""


class DependencyError(DiamondError):
    """A report format needs a library or system package that is not installed."""


class WorkerError(DiamondError):
    """A worker process stopped without a result (killed, or out of memory)."""
