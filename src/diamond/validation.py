"""Validate many paths: expand folders, tell questionnaires from frameworks, collect reports."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diamond.documents import STDIN, TextProblem, decode, label_of, read_bytes
from diamond.errors import Diagnostic, InputError, InvalidFileError
from diamond.frameworks import load_framework_text
from diamond.i18n import _
from diamond.limits import Limits
from diamond.loader import Loaded, LoadOptions, load_data, load_text
from diamond.yamlfast import DECLINED, read_plain

SUFFIXES = (".yaml", ".yml")


@dataclass
class FileReport:
    """The outcome for one path."""

    path: str
    kind: str  # "questionnaire" | "framework" | "unreadable"
    diagnostics: list[Diagnostic] = field(default_factory=list)
    strict: bool = False

    @property
    def errors(self) -> int:
        """Number of errors (warnings count too under --strict)."""
        return sum(1 for d in self.diagnostics if d.severity == "error" or self.strict)

    @property
    def warnings(self) -> int:
        """Number of warnings (none under --strict, where each counts as an error)."""
        if self.strict:
            return 0
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    @property
    def valid(self) -> bool:
        """True when the file has no errors (and, under --strict, no warnings)."""
        return self.kind != "unreadable" and self.errors == 0


@dataclass
class ValidationReport:
    """The outcome for every path, in a stable order."""

    files: list[FileReport]

    @property
    def unreadable(self) -> bool:
        """True when some path could not be read at all."""
        return any(f.kind == "unreadable" for f in self.files)

    @property
    def valid(self) -> bool:
        """True when every file is valid."""
        return all(f.valid for f in self.files)


def scan(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The ``*.yaml``/``*.yml`` files under ``folder`` (sorted, hidden ones skipped), and
    each subfolder that could not be listed with the reason.

    Symbolic links to folders are not followed (as before), so a link cycle cannot loop.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []

    def failed(error: OSError) -> None:
        problems.append((str(error.filename or folder), error.strerror or str(error)))

    for top, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(top)
        found += [here / f for f in files if not f.startswith(".")
                  and Path(f).suffix in SUFFIXES and (here / f).is_file()]
    return [str(p) for p in sorted(found)], problems


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders recursively, their ``*.yaml``/``*.yml`` files sorted."""
    for raw in paths:
        if raw != STDIN and Path(raw).is_dir():
            yield from scan(Path(raw))[0]
        else:
            yield raw


#: Top-level keys only a questionnaire has, and those only a framework file has.
_QUESTIONNAIRE_KEYS = frozenset({"diamond", "respondents", "sector"})
_FRAMEWORK_KEYS = frozenset({"dimensions", "preconditions", "success_factors"})
#: Deeper than any framework file nests (dimensions > indicators > texts is 6 levels).
_FRAMEWORK_DEPTH = 16


def looks_like_framework(text: str) -> bool:
    """Whether ``text`` is a framework file, judged by its top-level keys.

    A framework has ``framework: <number>`` or ``dimensions:`` and none of a
    questionnaire's ``diamond:``, ``sector:`` or ``respondents:``, whatever the order
    of its keys and whether it is written in block style, flow style or as JSON. Only
    the events of the top level are looked at, and reading stops at the first key that
    settles it; a file YAML cannot read is left to the questionnaire checks to report.
    """
    import yaml

    from diamond.yamlsource import events

    depth = 0
    position = 0  # complete nodes read at the top level: keys at even positions
    key: object = None
    found = False
    try:
        for event in events(text):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if depth == 0 and not isinstance(event, yaml.MappingStartEvent):
                    return False
                if depth == 1 and position % 2 == 0:
                    key = None  # a complex key
                depth += 1
                if depth > _FRAMEWORK_DEPTH:
                    # No framework nests this deep; leave the file to the questionnaire
                    # reader, whose depth limit stops it. (Walking on costs quadratic time
                    # in libyaml before 0.2.6 on '{a: {a: ...' a hundred thousand deep.)
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
                if depth == 0:
                    break
                position += depth == 1
            elif depth == 1 and isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                value = event.value if isinstance(event, yaml.ScalarEvent) else None
                if position % 2 == 0:
                    key = value
                    if key in _QUESTIONNAIRE_KEYS:
                        return False
                    found = found or key in _FRAMEWORK_KEYS
                elif key == "framework" and value is not None:
                    found = found or (value.isascii() and value.isdigit())
                position += 1
    except yaml.YAMLError:
        return False
    return found


def may_be_framework(data: object) -> bool:
    """Whether ``looks_like_framework`` could take the file the fast path read as ``data``.

    It would read the same top-level keys in the same order (the fast path takes no
    alias, tag or complex key), so a mapping whose first sign is a questionnaire's key,
    or that shows no sign at all, is no framework. A number as ``framework:`` is only
    a sign to confirm: the text as written decides.
    """
    if not isinstance(data, dict):
        return False
    for key, value in data.items():
        if key in _QUESTIONNAIRE_KEYS:
            return False
        if key in _FRAMEWORK_KEYS or (
            key == "framework"
            and (isinstance(value, int) or (isinstance(value, str) and value.isdigit()))
        ):
            return True
    return False


def read_once(text: str, limits: Limits) -> tuple[Any, bool]:
    """The fast read of ``text`` (``DECLINED`` if it declined) and whether the file is a
    framework: the text is sniffed for one only when the read declined it or its
    top-level keys could be a framework's, so a questionnaire is read once."""
    data = read_plain(text, limits)
    return data, (data is DECLINED or may_be_framework(data)) and looks_like_framework(text)


def load_read(text: str, data: Any, label: str, base_dir: Path,
              options: LoadOptions) -> Loaded:
    """The questionnaire ``read_once`` read as ``data``: checked as read, or read again
    without the fast path where that declined it."""
    if data is DECLINED:
        return load_text(text, label, base_dir, options, fast=False)
    return load_data(text, data, label, base_dir, options)


def validate_one(path: str, options: LoadOptions, strict: bool = False) -> FileReport:
    """Validate one file, a questionnaire or a framework; never raises for its content."""
    label = label_of(path)
    try:
        text = decode(read_bytes(path, options.limits), label)
    except InputError as error:
        return FileReport(
            label,
            "unreadable",
            [Diagnostic(label, 1, 1, "error", "unreadable", str(error).removeprefix(f"{path}: "))],
        )
    except TextProblem as problem:
        return FileReport(label, "questionnaire", [problem.diagnostic], strict)
    data, framework = read_once(text, options.limits)
    if framework:
        try:
            load_framework_text(text, label, options.limits)
        except InvalidFileError as error:
            return FileReport(label, "framework", error.diagnostics, strict)
        return FileReport(label, "framework", [], strict)
    base = Path.cwd() if path == STDIN else Path(path).parent
    loaded = load_read(text, data, label, base, options)
    return FileReport(label, "questionnaire", loaded.diagnostics, strict)


def _validate_chunk(args: tuple[list[str], LoadOptions, bool]) -> list[FileReport]:
    paths, options, strict = args
    return [validate_one(p, options, strict) for p in paths]


def validate_paths(
    paths: Iterable[str], options: LoadOptions, strict: bool = False, jobs: int = 1
) -> ValidationReport:
    """Validate every file under ``paths``; goes on past broken files.

    With ``jobs`` > 1, files are checked in that many worker processes; the
    report keeps the order of the paths, so output stays deterministic.
    """
    slots: list[FileReport | str] = []
    for raw in paths:
        found, problems = scan(Path(raw)) if raw != STDIN and Path(raw).is_dir() else ([raw], [])
        for folder, reason in problems:
            message = _(
                "this folder could not be read ({reason}); its files were not checked"
            ).format(reason=reason)
            slots.append(FileReport(folder, "unreadable", [
                Diagnostic(folder, 1, 1, "error", "unreadable", message,
                           _("give yourself read permission on it, or leave it out"))]))
        if not found and not problems:
            message = _("no .yaml or .yml files in this folder")
            slots.append(
                FileReport(
                    raw, "unreadable", [Diagnostic(raw, 1, 1, "error", "unreadable", message)]
                )
            )
        slots.extend(found)
    todo = [s for s in slots if isinstance(s, str)]
    results = iter(_run(todo, options, strict, jobs))
    files = [s if isinstance(s, FileReport) else next(results) for s in slots]
    return ValidationReport(files)


def _run(paths: list[str], options: LoadOptions, strict: bool, jobs: int) -> list[FileReport]:
    # Workers (a forkserver and the processes it forks, diamond.pool) cost about 0.3 s of
    # CPU to start; below a few dozen files one process is faster.
    if jobs <= 1 or len(paths) < 32 or STDIN in paths:
        return _validate_chunk((paths, options, strict))
    from diamond.pool import chunks, ordered_map

    batches = chunks(paths, jobs)
    done = ordered_map(_validate_chunk, [(list(c), options, strict) for c in batches], jobs,
                       preload=("diamond.validation",))
    return [report for chunk in done for report in chunk]
