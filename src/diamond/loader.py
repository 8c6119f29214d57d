"""Load a questionnaire file: read, validate, resolve its framework, check it, report all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diamond.answers.source import load_respondents
from diamond.answers.table import TableRead
from diamond.checks import check_questionnaire
from diamond.documents import (
    STDIN,
    TextProblem,
    check_data,
    decode,
    label_of,
    parse_document,
    read_bytes,
)
from diamond.errors import Diagnostic, DiamondError, InvalidFileError
from diamond.findings import Finding
from diamond.frameworks import Catalogue, resolve_framework
from diamond.i18n import _
from diamond.limits import Limits
from diamond.models.questionnaire import Questionnaire
from diamond.names import DEFAULT_FRAMEWORK
from diamond.report_checks import check_report


@dataclass(frozen=True)
class LoadOptions:
    """How questionnaires are read."""

    limits: Limits = field(default_factory=Limits)
    allow_outside_paths: bool = False
    locate_warnings: bool = True  # False: warnings are only counted (see parse_document)
    #: Resolved path -> bytes read in place of a ``respondents_file`` (an import's check)
    tables: tuple[tuple[str, bytes], ...] = ()


@dataclass
class Loaded:
    """A questionnaire as loaded: valid (``questionnaire`` and ``catalogue`` set) or not."""

    path: str
    questionnaire: Questionnaire | None
    catalogue: Catalogue | None
    diagnostics: list[Diagnostic]
    data: Any = None  # the data as read, when it was read

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Only the warnings."""
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return self.questionnaire is not None and not self.errors


def _checks(
    base_dir: Path, options: LoadOptions, holder: list[Catalogue], table: list[TableRead]
) -> Callable[[dict[str, Any]], tuple[list[Finding], list[Diagnostic]]]:
    """The questionnaire's own checks; the framework it names is put in ``holder``, the
    respondents of its ``respondents_file`` in ``table``."""

    def checks(data: dict[str, Any]) -> tuple[list[Finding], list[Diagnostic]]:
        reference = data.get("framework", DEFAULT_FRAMEWORK)
        if not isinstance(reference, str):
            return [], []  # the model reports the wrong type
        try:
            catalogue = resolve_framework(
                reference, base_dir, options.limits, allow_outside=options.allow_outside_paths
            )
        except InvalidFileError as error:
            note = Finding(
                ("framework",),
                "error",
                "framework-invalid",
                _(
                    "the framework file '{path}' is invalid "
                    "({count} finding(s), listed under its own path)"
                ).format(path=reference, count=len(error.diagnostics)),
            )
            return [note], error.diagnostics
        except DiamondError as error:
            return [Finding(("framework",), "error", "framework-unknown", str(error))], []
        holder.append(catalogue)
        findings = check_questionnaire(data, catalogue)
        findings += check_report(data, catalogue, base_dir, options.allow_outside_paths)
        if "respondents_file" not in data:
            return findings, []
        more, located, read = load_respondents(
            data, base_dir, catalogue, options.limits,
            allow_outside=options.allow_outside_paths, given=dict(options.tables),
        )
        table.extend([read] if read is not None else [])
        return findings + more, located

    return checks


def _with_table(model: Questionnaire | None, table: list[TableRead]) -> Questionnaire | None:
    """The questionnaire with its table's respondents in place of the placeholder."""
    if model is None or not table:
        return model
    return model.model_copy(update={"respondents": table[0].respondents})


def load_text(
    text: str, label: str, base_dir: Path, options: LoadOptions, *, fast: bool = True
) -> Loaded:
    """Validate questionnaire ``text``; ``label`` names it in messages.

    Without ``fast``, the reader's fast path is not tried (the caller saw it decline).
    """
    holder: list[Catalogue] = []
    table: list[TableRead] = []
    parsed = parse_document(
        text,
        label,
        Questionnaire,
        options.limits,
        _checks(base_dir, options, holder, table),
        locate_warnings=options.locate_warnings,
        fast=fast,
    )
    catalogue = holder[0] if holder else None
    model = _with_table(parsed.model if parsed.ok else None, table)
    return Loaded(label, model, catalogue, parsed.diagnostics, parsed.data)


def load_data(text: str, data: Any, label: str, base_dir: Path, options: LoadOptions) -> Loaded:
    """Validate questionnaire ``data`` known to be what ``text`` reads as, without reading it.

    ``text`` is read only if a finding needs a position.
    """
    holder: list[Catalogue] = []
    table: list[TableRead] = []
    parsed = check_data(
        text,
        data,
        [],
        label,
        Questionnaire,
        options.limits,
        _checks(base_dir, options, holder, table),
        locate_warnings=options.locate_warnings,
    )
    catalogue = holder[0] if holder else None
    model = _with_table(parsed.model if parsed.ok else None, table)
    return Loaded(label, model, catalogue, parsed.diagnostics, parsed.data)


def load_questionnaire(path: str, options: LoadOptions | None = None) -> Loaded:
    """Load the questionnaire at ``path`` (``-`` for standard input).

    Raises ``InputError`` only when the path cannot be read at all; every
    problem inside the file comes back as diagnostics.
    """
    options = options or LoadOptions()
    label = label_of(path)
    try:
        text = decode(read_bytes(path, options.limits), label)
    except TextProblem as problem:
        return Loaded(label, None, None, [problem.diagnostic])
    base_dir = Path.cwd() if path == STDIN else Path(path).parent
    return load_text(text, label, base_dir, options)


def require_valid(loaded: Loaded) -> tuple[Questionnaire, Catalogue]:
    """The questionnaire and its framework, or ``InvalidFileError`` with the findings."""
    if not loaded.ok or loaded.questionnaire is None or loaded.catalogue is None:
        raise InvalidFileError(loaded.path, loaded.diagnostics)
    return loaded.questionnaire, loaded.catalogue
