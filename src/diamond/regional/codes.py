"""Sector and region codes: the formats a regional table may use, and their digit level.

Sector codes are NACE Rev. 2 (Turkey's and the EU's classification) or NAICS, at any
level, written as statistics offices publish them:

* NACE: a section letter (``C``), a division (``10``), a group (``10.1``) or a class
  (``10.11``); the dot may be left out (``101``, ``1011``), and a section letter may
  lead the code (``C10.11``);
* NAICS: 2 to 6 digits (``31``, ``3361``, ``336111``) or a sector range (``31-33``).

``TOTAL`` is not a sector: it marks a region's all-industry total (``region_total``).
"""

from __future__ import annotations

import re

__all__ = ["SECTOR_PATTERN", "TOTAL", "level", "valid_sector"]

#: The ``sector`` of a row that holds a region's all-industry total.
TOTAL = "TOTAL"
#: A sector code in one of the accepted formats (see the module docstring).
SECTOR_PATTERN = r"^(?:[A-U]|[A-U]?\d{2}(?:\.?\d{1,2})?|\d{5,6}|\d{2}-\d{2})$"
_SECTOR = re.compile(SECTOR_PATTERN)


def valid_sector(code: str) -> bool:
    """Whether ``code`` is a NACE Rev. 2 or NAICS code, or ``TOTAL``."""
    return code == TOTAL or _SECTOR.match(code) is not None


def level(code: str) -> int:
    """The code's digit level: 0 for a section letter, else its number of digits.

    ``10.11`` and ``1011`` are both level 4; a NAICS range ``31-33`` is level 2.
    """
    if "-" in code:
        return 2
    return sum(ch.isdigit() for ch in code)
