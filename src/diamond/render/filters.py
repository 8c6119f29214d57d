"""Jinja filters of the report templates: Markdown escaping, numbers, placeholders.

The Markdown filters make user text inert: whatever a questionnaire holds, it
renders on GitHub as the same plain text, never as a link, an image, HTML,
emphasis, a heading, a list or a table break. The number filters follow the
report language: Turkish writes ``56,3`` and ``%80``, English ``56.3`` and
``80%``. Every filter is a pure function of its arguments, so output is
deterministic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup, escape

from diamond.memo import LONGEST, remember
from diamond.safetext import report_text

__all__ = [
    "fill",
    "filters_for",
    "md_cell",
    "md_text",
    "num",
    "pct",
    "report_safe",
    "score_bar",
    "signed",
]

#: Characters that start inline Markdown constructs anywhere in a line (GitHub flavour):
#: escapes, emphasis, code, links and images, raw HTML and autolinks, table pipes,
#: strikethrough, math.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
#: An HTML entity or numeric character reference, which Markdown would decode.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
#: What makes a line a heading, quote, list item, thematic break or fence when it starts it.
_LINE_START = re.compile(r"^([#+=-]|\d{1,9}(?=[.)](?: |$)))")
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_DASH = "–"
#: For reports: what ``report_text`` would escape (C0 controls but newline and tab, DEL,
#: C1, lone surrogates); text without one is returned as it is.
_UNSAFE_IN_REPORT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: Longer texts are checked through their UTF-8 bytes (``_nothing_unsafe``).
_SCAN_BYTES_FROM = 256
#: Every byte but those a C0 control (not newline or tab) or DEL is, and 0xC2, the lead
#: byte of the C1 controls' UTF-8 (U+0080..U+009F are C2 80..C2 9F).
_NOT_SUSPECT = bytes(b for b in range(256)
                     if not (b <= 0x08 or 0x0B <= b <= 0x1F or b == 0x7F or b == 0xC2))
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
#: Memoised results of the pure filters below (``diamond.memo``): the same labels, names
#: and numbers recur in every report of a process.
_md_cache: dict[str, str] = {}
_num_cache: dict[tuple[float, Any, str], str] = {}
_pct_cache: dict[tuple[float, Any, str], str] = {}
#: A label's placeholders, parsed once: the text before the first, then each one's name
#: with the text after it (for HTML, those of the escaped label, keyed by the label as
#: given).
_Parsed = tuple[str, tuple[tuple[str, str], ...]]
_fill_cache: dict[str, _Parsed] = {}
_fill_html_cache: dict[str, _Parsed] = {}


def _nothing_unsafe(text: str) -> bool:
    """``_UNSAFE_IN_REPORT.search(text) is None``, about three times faster on long text
    (a report's charts and long macro results: ~50 K characters a cluster's reports).

    A lone surrogate is the only code point strict UTF-8 refuses; a C0 control or DEL is
    its own byte, never part of another character's bytes; a C1 control is 0xC2 (only
    ever a lead byte) followed by 0x80..0x9F. So the text is free of them when its UTF-8
    encodes and, with every other byte deleted, nothing is left, or only 0xC2 bytes none
    of which a C1 control's second byte follows.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    suspect = data.translate(None, _NOT_SUSPECT)
    if not suspect:
        return True
    if suspect.strip(b"\xc2"):
        return False
    return _C1_UTF8.search(data) is None


def _is_safe(text: str) -> bool:
    """``_UNSAFE_IN_REPORT.search(text) is None``: a short text tested for printable first
    (most are), a long one (a chart, a macro's result: they hold newlines, often at the
    very end, after ``isprintable`` has read all of it) by its bytes alone."""
    if len(text) >= _SCAN_BYTES_FROM:
        return _nothing_unsafe(text)
    return text.isprintable() or _UNSAFE_IN_REPORT.search(text) is None


def report_safe(value: Any) -> Any:
    """Every ``{{ … }}`` output of every template (Jinja's ``finalize``): user text can
    hold no terminal control. C0 and C1 controls other than newline and tab, DEL and
    undecodable file-name bytes become visible escapes (``\\x1b``); markup stays markup.
    """
    if type(value) is str:  # the common case first: most output is printable text
        if _is_safe(value):
            return value
        return report_text(value)
    if isinstance(value, Markup):
        if _is_safe(value):
            return value
        return Markup(report_text(str(value)))
    if isinstance(value, str):
        return report_text(value)
    return value


def md_text(value: Any) -> str:
    """``value`` as inert Markdown text on one line, safe anywhere a line's text may go.

    Runs of whitespace, newlines included, become one space and the ends are
    stripped, so nothing can start a new block. Inline syntax characters are
    backslash-escaped and entities lose their meaning. A leading ``#``, ``-``,
    ``+`` or ``=``, or an ordered-list number followed by a space (``1. ``,
    ``1) ``), is escaped too, so the text cannot become a heading, a list, a
    thematic break or a setext underline where it starts a line or a list item.
    """
    if type(value) is str:
        found = _md_cache.get(value)
        if found is None:
            found = _md_text(value)
            if len(value) <= LONGEST:
                remember(_md_cache, value, found)
        return found
    return _md_text("" if value is None else str(value))


def _md_text(value: str) -> str:
    text = _SPACE.sub(" ", value).strip()
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    match = _LINE_START.match(text)
    if match is not None:
        end = match.end()
        # "1. " -> "1\. " keeps the number readable; "#" -> "\#"
        digit = match.group(1)[0].isdigit()
        text = text[:end] + "\\" + text[end:] if digit else "\\" + text
    return text


def md_cell(value: Any) -> str:
    """``value`` for a GitHub Markdown table cell: ``md_text``, so pipes become ``\\|``.

    Newlines become spaces, so a cell never breaks its row, and every ``|``
    is escaped, so a row always keeps its column count.
    """
    return md_text(value)


def _finite(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def num(value: Any, digits: int = 1, lang: str = "en", none: str = _DASH) -> str:
    """``value`` with ``digits`` decimals (decimal comma in Turkish); ``none`` if missing.

    A negative zero prints as zero.
    """
    kind = type(value)
    if kind is float or kind is int:
        key = (value, digits, lang)
        found = _num_cache.get(key)
        if found is not None:
            return found
        return _new_num(value, digits, lang, none, key)
    number = _finite(value)
    if number is None:
        return none
    return _fixed(number, digits, lang)


def _new_num(value: float, digits: int, lang: str, none: str, key: tuple[float, Any, str]
             ) -> str:
    """``num`` of an int or float (not a bool) not in the memo yet, remembered if finite."""
    number = float(value)  # as _finite converts it
    if not math.isfinite(number):
        return none
    return remember(_num_cache, key, _fixed(number, digits, lang))


#: ``%`` formats of 0..6 decimals, by their number.
_PERCENT_F: tuple[str, ...] = tuple(f"%.{digits}f" for digits in range(7))


def _fixed(number: float, digits: Any, lang: str) -> str:
    """A finite ``number`` with ``digits`` decimals (0..6), no negative zero, the
    language's decimal separator."""
    if type(digits) is not int or not 0 <= digits <= 6:
        digits = max(0, min(int(digits), 6))
    # ``'%.1f' % x`` is ``f"{x:.1f}"`` of a float, without a format spec built per number
    text: str = _PERCENT_F[digits] % number
    if text[0] == "-" and text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text.replace(".", ",") if lang == "tr" else text


def pct(value: Any, digits: int = 0, lang: str = "en", none: str = _DASH) -> str:
    """A 0..1 ratio as a percentage: ``%80`` in Turkish, ``80%`` in English."""
    number = _finite(value)
    if number is None:
        return none
    shown = num(number * 100, digits, lang)
    return f"%{shown}" if lang == "tr" else f"{shown}%"


def signed(value: Any) -> str:
    """A whole number with its sign: ``+3``, ``0``, ``−2`` (with a true minus sign)."""
    number = _finite(value)
    if number is None:
        return _DASH
    whole = round(number)
    return f"+{whole}" if whole > 0 else f"−{-whole}" if whole < 0 else "0"


def score_bar(value: Any, width: int = 10) -> str:
    """A 0–100 score as a text bar of ``width`` cells, e.g. ``██████░░░░`` for 60."""
    number = _finite(value)
    width = max(1, min(int(width), 40))
    if number is None:
        return "·" * width
    filled = round(min(max(number, 0.0), 100.0) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _parsed(template: str) -> _Parsed:
    """``template``'s text before its first placeholder, then each placeholder's name and
    the text after it (up to the next)."""
    texts: list[str] = []
    names: list[str] = []
    at = 0
    for match in _PLACEHOLDER.finditer(template):
        texts.append(template[at:match.start()])
        names.append(match.group(1))
        at = match.end()
    texts.append(template[at:])
    return texts[0], tuple(zip(names, texts[1:], strict=True))


def _parsed_once(cache: dict[str, _Parsed], key: str, template: str) -> _Parsed:
    parsed = _parsed(template)
    if len(key) <= LONGEST:
        remember(cache, key, parsed)
    return parsed


def _substitute(parsed: _Parsed, values: Mapping[str, Any], convert: Callable[[Any], str]
                ) -> str:
    """The label ``parsed`` with each placeholder whose name is in ``values`` replaced by
    ``convert`` of its value; any other placeholder stays as it is."""
    text, rest = parsed
    for name, after in rest:
        text += (convert(values[name]) if name in values else "{" + name + "}") + after
    return text


def fill(template: Any, values: Mapping[str, Any], autoescape: bool = False) -> str:
    """Replace ``{name}`` placeholders in a label with ``values``.

    Only plain names are recognised (no attribute or index lookups, unlike
    ``str.format``), so a template cannot reach into the objects it is given.
    Unknown placeholders stay as they are. With ``autoescape`` the label and
    every value are HTML-escaped (``Markup`` values are kept) and the result is
    ``Markup``.
    """
    if autoescape:
        if type(template) is str:
            parsed = _fill_html_cache.get(template)
            if parsed is None:
                parsed = _parsed_once(_fill_html_cache, template, str(escape(template)))
        else:
            text = str(escape(template))
            parsed = _fill_cache.get(text) or _parsed_once(_fill_cache, text, text)
        return _new_str(Markup, _substitute(parsed, values, _escaped))
    text = str(template)
    return _substitute(_fill_cache.get(text) or _parsed_once(_fill_cache, text, text), values,
                       str)


#: Escaped plain strings (a placeholder's values recur: numbers, names).
_escaped_cache: dict[str | int, str] = {}
#: ``str.__new__``: ``Markup(text)`` of a plain ``str`` without ``Markup.__new__``'s
#: ``__html__`` look-up (the same string).
_new_str = str.__new__


def _escaped(value: Any) -> str:
    """``str(escape(value))``, remembered for a plain ``str`` or ``int``."""
    kind = type(value)
    if kind is str or kind is int:
        found = _escaped_cache.get(value)
        if found is None:
            found = str(escape(value))
            if kind is int or len(value) <= LONGEST:
                remember(_escaped_cache, value, found)
        return found
    return str(escape(value))


def filters_for(lang: str) -> dict[str, Callable[..., Any]]:
    """The filters for a report in ``lang`` (``tr`` or ``en``), by their template names."""

    def num_filter(value: Any, digits: int = 1, none: str = _DASH) -> str:
        kind = type(value)
        if kind is float or kind is int:  # num's memo, looked up here (~600 calls a file)
            key = (value, digits, lang)
            found = _num_cache.get(key)
            if found is not None:
                return found
            return _new_num(value, digits, lang, none, key)
        return num(value, digits, lang, none)

    def pct_filter(value: Any, digits: int = 0, none: str = _DASH) -> str:
        kind = type(value)
        if kind is float or kind is int:  # remembered as num's are (~50 calls a file)
            key = (value, digits, lang)
            found = _pct_cache.get(key)
            if found is None:
                found = pct(value, digits, lang, none)
                if value - value == 0:  # finite: the text is none's otherwise
                    remember(_pct_cache, key, found)
            return found
        return pct(value, digits, lang, none)

    @pass_eval_context
    def fill_filter(eval_ctx: EvalContext, template: Any, **values: Any) -> str:
        if type(template) is str:  # fill's common cases, in place
            if eval_ctx.autoescape:
                parsed = _fill_html_cache.get(template)
                if parsed is not None:
                    return _new_str(Markup, _substitute(parsed, values, _escaped))
            else:
                parsed = _fill_cache.get(template)
                if parsed is not None:
                    return _substitute(parsed, values, str)
        return fill(template, values, eval_ctx.autoescape)

    return {
        "fill": fill_filter,
        "md_text": md_text,
        "md_cell": md_text,  # what md_cell returns, one call fewer (~215 a report)
        "num": num_filter,
        "pct": pct_filter,
        "signed": signed,
        "score_bar": score_bar,
    }
