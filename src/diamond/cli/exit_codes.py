"""The one place where errors become exit codes (documented in --help and the README)."""

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
)

OK = 0
INVALID = 1
USAGE = 2
TEMPLATE = 3
OUTPUT = 4
BELOW_THRESHOLD = 5  # compare --fail-below: the last overall score is below the threshold
MISSING = 7  # a report format needs a package that is not installed
DECLINED = 6  # compare --fail-on-decline: a dimension declined significantly in the last step

_BY_ERROR: tuple[tuple[type[DiamondError], int], ...] = (
    (InvalidFileError, INVALID),
    (UsageError, USAGE),
    (InputError, USAGE),
    (FrameworkError, USAGE),
    (TemplateError, TEMPLATE),
    (OutputError, OUTPUT),
    (DependencyError, MISSING),
)

EPILOG = (
    "Exit codes: 0 success; 1 an input file is invalid; 2 usage error or unreadable path; "
    "3 report template error; 4 a report could not be written."
)
COMPARE_EPILOG = EPILOG[:-1] + (
    "; 5 --fail-below: the last overall score is below the threshold; 6 --fail-on-decline: "
    "a dimension declined significantly between the last two inputs."
)


def code_for(error: DiamondError) -> int:
    """The exit code for an error (its nearest listed class)."""
    for cls, code in _BY_ERROR:
        if isinstance(error, cls):
            return code
    return USAGE
