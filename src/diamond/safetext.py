"""The one sanitiser for user text shown to a person: terminals, logs and reports.

User text (questionnaire values, framework names, CSV headers, file names and
command-line values) may hold characters that act rather than show: ESC starting
CSI and OSC sequences, BEL, backspace, carriage return, the C1 controls (U+0080 to
U+009F, where U+009B is a one-character CSI), DEL, the bidirectional overrides and
isolates that re-order a line, and the Unicode line and paragraph separators. File
names and arguments that are not valid UTF-8 arrive as lone surrogates
(``surrogateescape``), which no UTF-8 stream can encode.

``visible`` makes every one of them a visible escape (``\\x1b``, ``\\u202e``; a
surrogate ``\\udcfd`` shows as the byte it stands for, ``\\xfd``), for one-line
terminal output. ``report_text`` does the same for the C0 and C1 controls, DEL and
surrogates but keeps newline and tab (and leaves bidi text alone, which HTML and
Markdown viewers show rather than run), for reports laid out over lines.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from diamond.jsonindent import indented

__all__ = ["href", "json_text", "report_text", "visible"]

#: Controls, DEL, C1, bidi embeddings/overrides/isolates, line separators and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
#: For reports: the C0 controls but newline and tab, DEL, C1 and lone surrogates.
_UNSAFE_IN_REPORT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object) -> str:
    """``text`` on one line with every control, bidi or undecodable character as an escape."""
    return _UNSAFE.sub(_escape, str(text))


def report_text(text: str) -> str:
    """``text`` with every C0/C1 control but newline and tab, and every surrogate, visible."""
    if text.isprintable():  # no control (Cc) and no surrogate (Cs): nothing to escape
        return text
    return _UNSAFE_IN_REPORT.sub(_escape, text)


#: What JSON keeps raw but a terminal would act on: DEL, C1, bidi controls, separators,
#: lone surrogates. JSON's own escapes cover C0.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """``data`` as readable JSON (UTF-8 text, not ``\\u`` escapes) that is safe to print.

    Characters a terminal would act on and lone surrogates (file-name bytes that are not
    UTF-8) can only stand inside strings; they are written as JSON escapes (``\\u009b``,
    ``\\udcfd``), which read back as the same string, so nothing is lost.
    """
    text = indented(data, indent) if type(indent) is int else None
    return json_safe(json.dumps(data, ensure_ascii=False, indent=indent) if text is None
                     else text)


def json_safe(text: str) -> str:
    """JSON text (UTF-8 characters kept) with what a terminal would act on escaped, as
    ``json_text`` writes it."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def href(name: str) -> str:
    """A file name as a relative URL; a byte that is not UTF-8 is %-encoded as itself."""
    return quote(name, errors="surrogateescape")
