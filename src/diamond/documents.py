"""Read a file's text within bounds, and turn it into a validated model plus diagnostics.

Both file formats (questionnaires and frameworks) go through ``parse_document``:
fast read, model validation, the format's own checks, and, only when there is
something to report, a second read that records positions.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from diamond.errors import Diagnostic
from diamond.findings import Finding, locate
from diamond.i18n import N_, _
from diamond.io.read import read_regular
from diamond.limits import Limits
from diamond.model_errors import findings_from
from diamond.numbertext import grouped
from diamond.yamlsource import Marks, YamlProblem, read_yaml

M = TypeVar("M", bound=BaseModel)
STDIN = "-"


class TextProblem(Exception):
    """The file's bytes cannot be used as text; ``diagnostic`` says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def label_of(path: str) -> str:
    """How a path is named in messages: standard input is ``<stdin>``."""
    return "<stdin>" if path == STDIN else path


def read_bytes(path: str, limits: Limits) -> bytes:
    """The file's bytes (``-`` reads standard input), refusing files over the size bound.

    Only regular files are read (``diamond.io.read.read_regular``). Raises
    ``InputError`` when the path cannot be read, ``TextProblem`` when it is too large.
    """
    return within_limit(read_regular(path, limits.max_bytes), path, limits)


def within_limit(data: bytes, path: str, limits: Limits) -> bytes:
    """``data`` unchanged, or ``TextProblem`` when it is larger than the byte bound."""
    if len(data) <= limits.max_bytes:
        return data
    raise TextProblem(
        Diagnostic(
            label_of(path),
            1,
            1,
            "error",
            "limit-exceeded",
            _("the file is larger than the limit of {limit} bytes").format(
                limit=grouped(limits.max_bytes)
            ),
            _(
                "a questionnaire is rarely over a few MB; if this one is legitimate, raise the "
                "limit with the environment variable {variable}"
            ).format(variable=Limits.env_var("max_bytes")),
        )
    )


def byte_position(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """The 1-based line and column of the byte at ``offset`` (columns count characters)."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode(encoding, "replace")) + 1
    return line, column


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); bad bytes are reported with their position."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TextProblem(
            Diagnostic(
                path,
                1,
                1,
                "error",
                "encoding",
                _("the file is UTF-16, not UTF-8"),
                _("save the file as UTF-8 in your editor"),
            )
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start, "utf-8")
        raise TextProblem(
            Diagnostic(
                path,
                line,
                column,
                "error",
                "encoding",
                _("the file is not valid UTF-8 (byte 0x{byte:02x})").format(
                    byte=data[exc.start]
                ),
                _("save the file as UTF-8 in your editor"),
            )
        ) from None
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise TextProblem(
            Diagnostic(
                path,
                line,
                column,
                "error",
                "encoding",
                _("the file contains a NUL character"),
                _("a questionnaire is a text file; remove the NUL byte"),
            )
        )
    return text


@dataclass
class Parsed(Generic[M]):
    """The outcome of parsing one file: the model if valid, and every finding."""

    model: M | None
    data: Any
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        """True when the file has no errors (warnings are allowed)."""
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)


#: At most this many findings of one code are reported per file; the rest are counted.
MAX_PER_CODE = 200
_MORE = N_("{count} more '{code}' finding(s) in this file are not shown")


def cap_findings(findings: list[Finding]) -> list[Finding]:
    """Keep the first ``MAX_PER_CODE`` findings of each code and say how many more there were.

    A file of aliases can repeat one mistake hundreds of thousands of times; a few
    hundred lines say as much and keep the output readable.
    """
    counts: dict[str, int] = {}
    kept: list[Finding] = []
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
        if counts[finding.code] <= MAX_PER_CODE:
            kept.append(finding)
    for code, count in counts.items():
        if count > MAX_PER_CODE:
            first = next(f for f in findings if f.code == code)
            kept.append(
                Finding(
                    (),
                    first.severity,
                    code,
                    _(_MORE).format(count=grouped(count - MAX_PER_CODE), code=code),
                    _("fix the ones shown and run again"),
                )
            )
    return kept


def cap_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Like ``cap_findings``, for findings that already have a position: per file and code.

    The line that counts the rest stands where the first finding not shown was.
    """
    counts: dict[tuple[str, str], int] = {}
    standing: dict[tuple[str, str], int] = {}
    kept: list[Diagnostic] = []
    for found in diagnostics:
        key = (found.path, found.code)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= MAX_PER_CODE:
            kept.append(found)
        elif key not in standing:
            standing[key] = len(kept)
            kept.append(found)
    for key, at in standing.items():
        first = kept[at]
        kept[at] = Diagnostic(
            first.path,
            first.line,
            first.column,
            first.severity,
            first.code,
            _(_MORE).format(count=grouped(counts[key] - MAX_PER_CODE), code=first.code),
            _("fix the ones shown and run again"),
        )
    return kept


Checks = Callable[[Any], tuple[list[Finding], list[Diagnostic]]]


def parse_document(
    text: str,
    label: str,
    model: type[M],
    limits: Limits,
    checks: Checks | None = None,
    *,
    locate_warnings: bool = True,
    fast: bool = True,
) -> Parsed[M]:
    """Validate ``text`` as ``model``, run ``checks`` on the raw data, report everything.

    ``checks`` returns findings located in this file and, separately, diagnostics
    already positioned (for example in a framework file the document names).
    Without ``locate_warnings``, a file with warnings but no errors is not read a
    second time for positions: its warnings stand at line 1 (for callers that only
    count them). Without ``fast``, the reader's fast path is not tried (it declined).
    """
    try:
        document = read_yaml(text, label, limits=limits, fast=fast)
    except YamlProblem as problem:
        return Parsed(None, None, [problem.diagnostic])
    return check_data(
        text,
        document.data,
        document.diagnostics,
        label,
        model,
        limits,
        checks,
        locate_warnings=locate_warnings,
    )


def check_data(
    text: str,
    data: Any,
    read: list[Diagnostic],
    label: str,
    model: type[M],
    limits: Limits,
    checks: Checks | None = None,
    *,
    locate_warnings: bool = True,
) -> Parsed[M]:
    """``parse_document`` for ``data`` already read from ``text`` (with findings ``read``).

    ``text`` is read again only when a finding needs a position.
    """
    findings: list[Finding] = []
    instance: M | None = None
    if data is None:
        findings.append(
            Finding(
                (),
                "error",
                "empty-file",
                _("the file is empty"),
                _("start from 'diamond init', or see the README's format section"),
            )
        )
    elif not isinstance(data, dict):
        findings.append(
            Finding(
                (),
                "error",
                "not-a-mapping",
                _("the file must be a mapping of 'key: value' lines at the top level"),
                _("start from 'diamond init', or see the README's format section"),
            )
        )
    else:
        try:
            instance = model.model_validate(data)
        except ValidationError as error:
            findings.extend(findings_from(error, model, data))
        except RecursionError:  # aliases can make self-similar data deeper than it looks
            findings.append(
                Finding((), "error", "limit-exceeded", _("the data nests too deeply"))
            )
    foreign: list[Diagnostic] = []
    if checks is not None and isinstance(data, dict):
        more, foreign = checks(data)
        findings.extend(more)
    diagnostics = list(read)
    findings = cap_findings(findings)
    if findings and not locate_warnings and all(f.severity != "error" for f in findings):
        diagnostics.extend(locate(label, findings, Marks()))
    elif findings:
        marked = read_yaml(text, label, limits=limits, with_marks=True)
        assert marked.marks is not None
        diagnostics.extend(locate(label, findings, marked.marks))
    diagnostics.extend(foreign)
    diagnostics.sort(key=Diagnostic.sort_key)
    if any(d.severity == "error" for d in diagnostics):
        instance = None
    return Parsed(instance, data, diagnostics)
