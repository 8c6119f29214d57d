"""Timestamps as survey tools write them: ISO 8601 and the common locale forms.

KoboToolbox ``2025-05-12T10:11:02.000+03:00``, ODK ``2025-05-12T07:15:40.123Z``,
LimeSurvey ``2025-05-12 10:15:32``, Google Forms ``12.05.2025 10:15:32`` (Turkish
account) or ``2025/05/12 10:15:32 AM GMT+3`` (English), Microsoft Forms
``5/12/25 10:11:02`` (US) and an .xlsx date cell read as ISO text. Only durations
between two stamps of one row are used, so a missing time zone does not matter.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_SLASHED = re.compile(
    r"^(\d{1,4})/(\d{1,2})/(\d{2,4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?"
)


def _clock(hour: str, minute: str, second: str | None, ampm: str | None) -> tuple[int, int, int]:
    h = int(hour)
    if ampm:
        h = h % 12 + (12 if ampm.lower() == "pm" else 0)
    return h, int(minute), int(second or 0)


def parse_timestamp(text: str) -> dt.datetime | None:
    """A naive or aware datetime, or None when the text is no known timestamp."""
    value = text.strip()
    try:
        if _ISO.match(value):
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        dotted = _DOTTED.match(value)
        if dotted:
            d, m, y, hh, mm, ss = dotted.groups()
            return dt.datetime(int(y), int(m), int(d), *_clock(hh, mm, ss, None))
        slashed = _SLASHED.match(value)
        if slashed:
            a, b, c, hh, mm, ss, ampm = slashed.groups()
            if len(a) == 4:  # 2025/05/12 (Google Forms, English)
                y, m, d = int(a), int(b), int(c)
            else:  # 5/12/25 (Microsoft Forms, US)
                m, d, y = int(a), int(b), int(c)
                y += 2000 if y < 100 else 0
            return dt.datetime(y, m, d, *_clock(hh, mm, ss, ampm))
    except ValueError:
        return None
    return None


def seconds_between(start: str, end: str) -> float | None:
    """Seconds from ``start`` to ``end``, when both parse and are comparable."""
    a, b = parse_timestamp(start), parse_timestamp(end)
    if a is None or b is None or (a.tzinfo is None) != (b.tzinfo is None):
        return None
    return (b - a).total_seconds()
