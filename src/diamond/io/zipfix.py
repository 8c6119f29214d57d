"""Deterministic Office files: the same zip entries, in the same order, with fixed timestamps.

python-docx, python-pptx and openpyxl stamp each zip entry with the time of
saving; rewriting the archive with one fixed timestamp (the assessment's
date) makes the same input give byte-identical files. Every writer of a
zip-based file (reports, survey exports, the regional map) goes through
``fixed_zip``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime

__all__ = ["document_datetime", "fixed_zip"]


def document_datetime(date: str | None) -> datetime:
    """The assessment's date (YYYY, YYYY-MM, YYYY-MM-DD) as a datetime; 2000-01-01 otherwise."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date or "")
    if match is None or not 1980 <= int(match.group(1)) <= 2107:
        return datetime(2000, 1, 1)
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return datetime(year, month, day)
    except ValueError:
        return datetime(year, 1, 1)


_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def _entry(name: str, content: bytes, when: datetime) -> bytes:
    """An entry's bytes with save-time dates replaced; embedded workbooks fixed in turn."""
    if name.endswith("docProps/core.xml"):
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
        return _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(2), content)
    if name.endswith((".xlsx", ".docx", ".pptx")) and content.startswith(b"PK"):
        return fixed_zip(content, when)  # a chart's data workbook, stamped by XlsxWriter
    return content


#: Writes one entry itself (``target``, the fixed ``ZipInfo``, the entry's old bytes).
EntryWriter = Callable[[zipfile.ZipFile, zipfile.ZipInfo, bytes], None]


def fixed_zip(
    data: bytes, when: datetime, writers: Mapping[str, EntryWriter] | None = None
) -> bytes:
    """``data`` (a zip) rewritten with every entry dated ``when``, deflated, in the same order.

    Save-time dates in ``docProps/core.xml`` (which openpyxl and XlsxWriter set
    to the clock) become ``when`` too, in nested Office files as well. An entry
    named in ``writers`` is written by its writer instead (a streamed sheet).
    """
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            content = source.read(entry.filename)
            writer = (writers or {}).get(entry.filename)
            if writer is not None:
                writer(target, info, content)
                continue
            target.writestr(info, _entry(entry.filename, content, when))
    return out.getvalue()
