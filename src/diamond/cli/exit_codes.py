"""The one place where errors become exit codes (documented in --help and the README).

What each code means, and which codes each command can return, is said in
``diamond.cli.commands``.
"""

from __future__ import annotations

from diamond.errors import (
    DependencyError,
    DiamondError,
    FrameworkError,
    InputError,
    InvalidFileError,
    OutputError,
    TemplateError,
    UsageError,
    WorkerError,
)

OK = 0
INVALID = 1
USAGE = 2
TEMPLATE = 3
OUTPUT = 4
BELOW_THRESHOLD = 5  # compare --fail-below: the last overall score is below the threshold
MISSING = 7  # a report format needs a package that is not installed
DECLINED = 6  # compare --fail-on-decline: a dimension declined significantly in the last step
WORKER = 8  # a worker process stopped without a result (killed, out of memory)

_BY_ERROR: tuple[tuple[type[DiamondError], int], ...] = (
    (InvalidFileError, INVALID),
    (UsageError, USAGE),
    (InputError, USAGE),
    (FrameworkError, USAGE),
    (TemplateError, TEMPLATE),
    (OutputError, OUTPUT),
    (DependencyError, MISSING),
    (WorkerError, WORKER),
)

def code_for(error: DiamondError) -> int:
    """The exit code for an error (its nearest listed class)."""
    for cls, code in _BY_ERROR:
        if isinstance(error, cls):
            return code
    return USAGE
