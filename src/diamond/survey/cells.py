"""Spreadsheet formula injection (OWASP "CSV injection"): neutralise on export, undo on import.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula (``=HYPERLINK(...)``, ``+cmd|...``).
``escape`` prefixes such a cell with a single quote, as OWASP recommends; a cell that
is a plain number (``-2``) is left alone. To keep ``export`` -> ``import`` lossless,
a cell that already starts with quotes before such a character gets one more quote,
and ``unescape`` removes exactly one: the two are inverse on every string.
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
_NEEDS = re.compile(r"^'*[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def escape(cell: str) -> str:
    """The cell as a spreadsheet shows it as text, never runs it as a formula."""
    if _NEEDS.match(cell) and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def unescape(cell: str) -> str:
    """The cell as it was before ``escape``: one leading quote before a formula character."""
    return cell[1:] if _ESCAPED.match(cell) and not _NUMBER.match(cell[1:]) else cell
