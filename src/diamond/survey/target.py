"""The questionnaire an import goes into: an existing file, or a new one (``--new``)."""

from __future__ import annotations

import codecs
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diamond.documents import TextProblem, decode, read_bytes, within_limit
from diamond.errors import InvalidFileError, UsageError
from diamond.frameworks import Catalogue, is_path, resolve_framework
from diamond.i18n import _
from diamond.loader import LoadOptions, load_text, require_valid
from diamond.models.questionnaire import Questionnaire, Respondent
from diamond.models.text import Language
from diamond.names import DEFAULT_FRAMEWORK
from diamond.scaffold import starter_questionnaire
from diamond.survey.rows import Imported


@dataclass(frozen=True)
class NewQuestionnaire:
    """What ``--new`` needs to start a questionnaire."""

    sector: str
    region: str
    period: str
    framework: str = DEFAULT_FRAMEWORK
    lang: Language = "tr"


@dataclass(frozen=True)
class Target:
    """The questionnaire to import into: its text as read, and what it holds."""

    text: str
    bom: bool
    questionnaire: Questionnaire
    catalogue: Catalogue
    data: Any = None  # the questionnaire's data as read
    #: The respondents of its table, as arrays (``survey.existing``); the questionnaire
    #: then holds only the table's first respondent, loaded to check the questionnaire.
    table_rows: Any = None

    def respondents(self) -> Sequence[Respondent | Imported]:
        """The respondents already in the questionnaire (or in its table)."""
        if self.table_rows is not None:
            rows: Sequence[Imported] = self.table_rows
            return rows
        return self.questionnaire.respondents


def existing_target(path: str, load: LoadOptions, data: bytes | None = None) -> Target:
    """An existing questionnaire (read now, or given as ``data``); it must be valid."""
    try:
        if data is None:
            data = read_bytes(path, load.limits)
        data = within_limit(data, path, load.limits)
        text = decode(data, path)
    except TextProblem as problem:
        raise InvalidFileError(path, [problem.diagnostic]) from None
    loaded = load_text(text, path, Path(path).parent, load)
    questionnaire, catalogue = require_valid(loaded)
    return Target(text, data.startswith(codecs.BOM_UTF8), questionnaire, catalogue, loaded.data)


def new_target(path: str, new: NewQuestionnaire, load: LoadOptions) -> Target:
    """A starter questionnaire for ``--new``, as 'diamond init' writes it (not yet on disk)."""
    target = Path(path)
    if target.exists():
        raise UsageError(_("{path} already exists; use --into to add respondents to it").format(
            path=path))
    for value, name in (
        (new.sector, "--sector"),
        (new.region, "--region"),
        (new.period, "--period"),
    ):
        if not value.strip():
            raise UsageError(_("{option} must not be empty").format(option=name))
    base = target.parent
    reference = new.framework
    if is_path(new.framework):
        # Stored relative to the new questionnaire, as 'diamond init' does.
        resolved = Path(new.framework).resolve()
        catalogue = resolve_framework(str(resolved), Path.cwd(), load.limits, allow_outside=True)
        reference = Path(os.path.relpath(resolved, base.resolve())).as_posix()
    else:
        catalogue = resolve_framework(new.framework, base, load.limits)
    text = starter_questionnaire(
        catalogue,
        sector=new.sector,
        region=new.region,
        period=new.period,
        framework_ref=reference,
        lang=new.lang,
        file_name=target.name,
    )
    questionnaire, catalogue = require_valid(load_text(text, path, base, load))
    return Target(text, False, questionnaire, catalogue)
