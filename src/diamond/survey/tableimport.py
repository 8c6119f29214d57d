"""``diamond import`` into a table file (``respondents_file``) instead of the YAML list.

A large survey goes into a CSV table beside the questionnaire: for ``--new`` above
``TABLE_ROWS`` respondents, whenever the questionnaire already names a table, when
``--table`` asks for it, and when the YAML list would make the file larger than the
size limit ``validate`` applies (so ``import`` never writes a file ``validate``
refuses). The questionnaire then loses its ``respondents:`` list and gains
``respondents_file:``; nothing else in it changes. The new table and text are read
back by the loader itself before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diamond.answers.source import resolve_table, table_label
from diamond.answers.table import read_respondents
from diamond.answers.write import table_csv
from diamond.errors import Diagnostic, InvalidFileError, UsageError
from diamond.i18n import _
from diamond.loader import LoadOptions, load_text, require_valid
from diamond.models.questionnaire import Respondent
from diamond.survey.batch import Imports
from diamond.survey.rows import Imported
from diamond.survey.splice import SpliceError, splice
from diamond.survey.tablefast import columns_csv, joined, same, sample
from diamond.survey.target import Target

#: ``--new`` writes a table above this many respondents (auto mode).
TABLE_ROWS = 10_000
SUFFIX = ".respondents.csv"
_KEY_LINE = re.compile(r"^respondents:[ \t]*(?:#[^\n]*)?(\r?\n|$)", re.MULTILINE)


@dataclass(frozen=True)
class TableWrite:
    """What a table import writes: the table, and the questionnaire's text if it changes."""

    table: Path
    content: bytes
    text: str | None  # None: the questionnaire already names this table
    shown: str = ""  # the table's name in messages: the questionnaire's folder joined with it


def table_path(target: str) -> Path:
    """Where a questionnaire's table goes: beside it, ``NAME.respondents.csv``."""
    path = Path(target)
    return path.with_name(path.stem + SUFFIX)


def _layout_error(target: str, message: str) -> InvalidFileError:
    return InvalidFileError(target, [Diagnostic(
        target, 1, 1, "error", "import-layout",
        _("cannot move the respondents to a table: {reason}").format(reason=message),
        _("write 'respondents:' as a plain block list in the file, then import again"))])


def without_list(text: str, reference: str, target: str) -> str:
    """``text`` with its ``respondents:`` list replaced by ``respondents_file: reference``."""
    try:
        emptied = splice(text, append=[], replace={}, order=[], remove_all=True)
    except (SpliceError, ValueError) as exc:
        raise _layout_error(target, str(exc)) from None
    found = list(_KEY_LINE.finditer(emptied))
    if len(found) != 1:
        raise _layout_error(target, _("the 'respondents:' key is not on a line of its own"))
    match = found[0]
    line = f"respondents_file: {reference}{match.group(1) or chr(10)}"
    return emptied[: match.start()] + line + emptied[match.end() :]


def _same(rows: list[Respondent | Imported], read: list[tuple[Any, ...]],
          order: list[str]) -> bool:
    """Whether the table read back holds ``rows``: ids, groups, weights and answers."""
    if len(rows) != len(read):
        return False
    for want, got in zip(rows, read, strict=True):
        weight = 1.0 if want.weight is None else want.weight
        if (want.id, want.group, weight, *map(want.answers.get, order)) != got:
            return False
    return True


def _rows(kept: Sequence[Respondent | Imported], replaced: dict[str, Imported],
          added: Sequence[Imported]) -> list[Respondent | Imported]:
    return [replaced.get(r.id, r) for r in kept] + list(added)


def plan_table(
    base: Target,
    target: str,
    added: Sequence[Imported],
    replaced: list[Imported],
    load: LoadOptions,
    *,
    created: bool,
    overwrite: bool = False,
) -> TableWrite:
    """The table and questionnaire text of a table import, checked by the loader."""
    questionnaire = base.questionnaire
    named = questionnaire.respondents_file
    folder = Path(target).parent
    reference = named or table_path(target).name
    resolved = resolve_table(reference, folder, load.allow_outside_paths)
    if not isinstance(resolved, Path):
        raise UsageError(f"{target}: {resolved.message}")
    if named is None and not overwrite and resolved.exists():
        raise UsageError(
            _("{path} already exists; move it away, or name it in the questionnaire as "
              "'respondents_file:' to import into it").format(path=resolved)
        )
    kept = [] if created else base.respondents()
    indicators = list(base.catalogue.indicators)
    text = None if named is not None else without_list(base.text, reference, target)
    label = f"{target} (after import)"
    shown = table_label(reference, folder)
    whole = joined(kept, replaced, added, indicators)
    if whole is not None and len(whole):
        content = columns_csv(whole, indicators)
        if content is not None and _fits(content, len(whole), len(indicators) + 3, load):
            _check_columns(content, whole, indicators, shown, label, base, load)
            first = b"\n".join(content.split(b"\n", 2)[:2]) + b"\n"
            _check_text(text, base, first, label, folder, resolved, load)
            return TableWrite(resolved, content, text, shown)
    rows = _rows(kept, {r.id: r for r in replaced}, added)
    content = table_csv(rows, indicators)
    # The table, with the reader and limits 'validate' uses (rows kept as plain tuples) ...
    read = read_respondents(content, shown, base.catalogue, (questionnaire.scale.min,
                            questionnaire.scale.max), load.limits, build=False)
    if not read.ok:
        raise InvalidFileError(shown, read.diagnostics)
    # ... and the questionnaire naming it, loaded as 'validate' does, with the table's
    # first row standing in for the whole table just checked.
    _check_text(text, base, table_csv(rows[:1], indicators), label, folder, resolved, load)
    if not _same(rows, read.rows, indicators):
        raise _mismatch(label)
    return TableWrite(resolved, content, text, shown)


def _mismatch(label: str) -> InvalidFileError:
    return InvalidFileError(label, [Diagnostic(
        label, 1, 1, "error", "import-check",
        _("the table does not read back as expected; nothing was written"),
        _("please report this with the survey's export"))])


def _check_text(text: str | None, base: Target, first: bytes, label: str, folder: Path,
                resolved: Path, load: LoadOptions) -> None:
    """The questionnaire naming the table, loaded as 'validate' does, with a table of its
    first row standing in for the whole table (checked on its own)."""
    checking = LoadOptions(load.limits, load.allow_outside_paths, load.locate_warnings,
                           ((str(resolved), first),))
    require_valid(load_text(text if text is not None else base.text, label, folder, checking))


def _fits(content: bytes, rows: int, width: int, load: LoadOptions) -> bool:
    """Whether the table is within the limits the reader applies (else it is read whole,
    for its findings)."""
    return len(content) <= load.limits.max_bytes and rows * width <= load.limits.max_nodes


def _check_columns(content: bytes, added: Imports, indicators: list[str], shown: str,
                   label: str, base: Target, load: LoadOptions) -> None:
    """A table written from columns: its first and last rows read by the reader 'validate'
    uses, and every cell read back column by column (``tablefast.same``)."""
    scale = base.questionnaire.scale
    ends = sample(content)
    read = read_respondents(ends, shown, base.catalogue, (scale.min, scale.max), load.limits,
                            build=False)
    if not read.ok:
        raise InvalidFileError(shown, read.diagnostics)
    meant = [added[0], added[len(added) - 1]] if len(added) > 1 else list(added)
    if not _same(list(meant), read.rows, indicators) or not same(content, added, indicators):
        raise _mismatch(label)
